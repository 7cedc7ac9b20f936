package jpki

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// verifiesWithData counts VERIFY commands that carried a PIN.
func verifiesWithData(f *fakeCard) int {
	n := 0
	for _, c := range f.log {
		if c[1] == 0x20 && len(c) > 4 {
			n++
		}
	}
	return n
}

func always(c Consent) ConsentFunc { return func(PINStatus) Consent { return c } }

func TestPINTriesSpendsNothing(t *testing.T) {
	f := newFakeMyNumber(nil, nil, nil, nil)
	f.pins[0x001B].tries = 2
	c := NewCard(f)
	for range 3 {
		a, err := PINTries(c, AuthPIN)
		if err != nil || a != (PINStatus{PIN: AuthPIN, State: PINStateOK, TriesLeft: 3}) {
			t.Fatalf("auth %+v %v", a, err)
		}
		s, err := PINTries(c, SignPIN)
		if err != nil || s != (PINStatus{PIN: SignPIN, State: PINStateOK, TriesLeft: 2}) {
			t.Fatalf("sign %+v %v", s, err)
		}
	}
	if verifiesWithData(f) != 0 || f.pins[0x0018].tries != 3 || f.pins[0x001B].tries != 2 {
		t.Error("tries changed")
	}
	// Only empty VERIFYs, one SELECT AP for the session.
	checkCommands(t, f, seq(cmdSelectAP,
		cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify,
		cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify,
		cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify))
}

func TestPINTriesAnswers(t *testing.T) {
	const (
		noFile   = "no 0008"
		both     = "8F 8F 00"
		noSign   = "00 8F 00"
		noAuth   = "8F 00 00"
		oddBytes = "5A 5A 00"
	)
	for _, tc := range []struct {
		name  string
		pin   PIN
		sw    uint16
		ef08  string // EF 0008 as the card serves it
		state PINState
		tries int
		err   bool
		apdus int // SELECT AP, SELECT PIN EF, empty VERIFY, then SELECT 0008 + READ BINARY when read
	}{
		{"ok", AuthPIN, 0x63C3, both, PINStateOK, 3, false, 3},
		{"two left", SignPIN, 0x63C2, noSign, PINStateOK, 2, false, 3},
		{"last try", AuthPIN, 0x63C1, both, PINStateLastTry, 1, false, 3},
		{"63 C0 is locked without asking 0008", SignPIN, 0x63C0, noSign, PINStateLocked, 0, false, 3},
		{"69 84 with the certificate", SignPIN, 0x6984, both, PINStateLocked, 0, false, 5},
		{"69 84 without the signing certificate", SignPIN, 0x6984, noSign, PINStateNotSet, 0, false, 5},
		{"69 83 without the signing certificate", SignPIN, 0x6983, noSign, PINStateNotSet, 0, false, 5},
		{"69 84, 0008 missing: say less", SignPIN, 0x6984, noFile, PINStateLocked, 0, false, 4},
		{"69 84, 0008 unclear: say less", SignPIN, 0x6984, oddBytes, PINStateLocked, 0, false, 5},
		{"auth 69 84 with the auth certificate", AuthPIN, 0x6984, noSign, PINStateLocked, 0, false, 5},
		{"auth 69 84 without the auth certificate", AuthPIN, 0x6984, noAuth, PINStateNotSet, 0, false, 5},
		{"verified", SignPIN, 0x9000, both, PINStateVerified, 0, false, 5},
		{"90 00 without the signing certificate", SignPIN, 0x9000, noSign, PINStateNotSet, 0, false, 5},
		{"other answer", AuthPIN, 0x6A88, both, 0, 0, true, 5},
		{"other answer without the certificate", AuthPIN, 0x6A88, noAuth, PINStateNotSet, 0, false, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			script := [][]byte{sw(0x9000), sw(0x9000), sw(tc.sw)}
			if tc.ef08 == noFile {
				script = append(script, sw(0x6A82))
			} else {
				script = append(script, sw(0x9000), append(mustHex(tc.ef08), 0x90, 0x00))
			}
			r := &rawCard{script: script}
			st, err := PINTries(NewCard(r), tc.pin)
			if tc.err {
				if err == nil || st != (PINStatus{}) {
					t.Errorf("%+v, %v; want an error", st, err)
				}
			} else if err != nil || st.State != tc.state || st.TriesLeft != tc.tries || st.Locked != (tc.state == PINStateLocked) || st.PIN != tc.pin {
				t.Errorf("%+v, %v; want %v with %d tries", st, err, tc.state, tc.tries)
			}
			if len(r.log) != tc.apdus || len(r.log[2]) != 4 {
				t.Errorf("sent %d APDUs, want %d: %q", len(r.log), tc.apdus, r.log)
			}
			if tc.apdus == 5 && (spacedHexTest(r.log[3]) != "00 A4 02 0C 02 00 08" || spacedHexTest(r.log[4]) != "00 B0 00 00 03") {
				t.Errorf("EF 0008 read as %q", r.log[3:])
			}
		})
	}
}

// The names report and the JSON contract build on.
func TestPINAndStateNames(t *testing.T) {
	for st, want := range map[PINState]string{
		PINStateUnknown: "unknown", PINStateOK: "ok", PINStateLastTry: "last_try",
		PINStateLocked: "locked", PINStateNotSet: "not_set", PINStateVerified: "verified",
	} {
		if b, err := st.MarshalText(); err != nil || string(b) != want || st.String() != want {
			t.Errorf("PINState %d: %q, %v, String %q; want %q", int(st), b, err, st, want)
		}
	}
	for pin, want := range map[PIN]string{AuthPIN: "auth", SignPIN: "sign"} {
		if b, err := pin.MarshalText(); err != nil || string(b) != want {
			t.Errorf("PIN %d: %q, %v; want %q", int(pin), b, err, want)
		}
	}
	if _, err := PINState(99).MarshalText(); err == nil {
		t.Error("PINState(99) marshals")
	}
}

func TestNormalizePIN(t *testing.T) {
	for _, tc := range []struct {
		pin    PIN
		secret string
		want   string          // the bytes for the card
		reason PINFormatReason // or the rule broken
	}{
		{AuthPIN, "1234", "1234", 0},
		{AuthPIN, "０１２９", "0129", 0}, // typed with the IME on
		{AuthPIN, "1２3４", "1234", 0},
		{AuthPIN, "", "", PINFormatLength},
		{AuthPIN, "123", "", PINFormatLength},
		{AuthPIN, "12345", "", PINFormatLength},
		{AuthPIN, "１２３４５", "", PINFormatLength},
		{AuthPIN, "12a4", "", PINFormatCharset},
		{AuthPIN, "123 ", "", PINFormatCharset},
		{AuthPIN, "１２３ａ", "", PINFormatCharset},
		{AuthPIN, "١٢٣٤", "", PINFormatCharset}, // Arabic-Indic digits are digits to unicode, not to the card
		{AuthPIN, "12ÿ4", "", PINFormatCharset},
		{SignPIN, "abc123", "ABC123", 0},
		{SignPIN, "ＡＢＣ１２３", "ABC123", 0},
		{SignPIN, "ａｂｃ１２３", "ABC123", 0},
		{SignPIN, "Ab1ｃ２Ｄ", "AB1C2D", 0},
		{SignPIN, "A23456789012345Z", "A23456789012345Z", 0},
		{SignPIN, "ABC12", "", PINFormatLength},
		{SignPIN, "ＡＢＣ１２", "", PINFormatLength},
		{SignPIN, "ABCDEFGHIJ1234567", "", PINFormatLength},
		{SignPIN, "ABCDEF", "", PINFormatNeedsLetterAndDigit},
		{SignPIN, "ａｂｃｄｅｆ", "", PINFormatNeedsLetterAndDigit},
		{SignPIN, "123456", "", PINFormatNeedsLetterAndDigit},
		{SignPIN, "ABC-123", "", PINFormatCharset},
		{SignPIN, "abc 123", "", PINFormatCharset},
		{SignPIN, "abcſ12", "", PINFormatCharset}, // unicode upper-cases ſ to S
		{SignPIN, "ÄBC123", "", PINFormatCharset},
		{SignPIN, "ABC123\n", "", PINFormatCharset},
		{SignPIN, "ABC１２３－", "", PINFormatCharset}, // full-width hyphen
		{SignPIN, "ab", "", PINFormatLength},       // too short beats no digit
		{SignPIN, "a-", "", PINFormatCharset},      // a wrong character beats length
		{PIN(9), "1234", "", PINFormatUnknownPIN},
	} {
		secret := []byte(tc.secret)
		got, err := NormalizePIN(tc.pin, secret)
		if string(secret) != tc.secret {
			t.Errorf("%v %q: input changed to %q", tc.pin, tc.secret, secret)
		}
		if tc.reason == 0 {
			if err != nil || string(got) != tc.want {
				t.Errorf("%v %q = %q, %v; want %q", tc.pin, tc.secret, got, err, tc.want)
			}
			continue
		}
		var fe *PINFormatError
		if !errors.As(err, &fe) || !errors.Is(err, ErrPINFormat) || fe.Reason != tc.reason || fe.PIN != tc.pin || got != nil {
			t.Errorf("%v %q = %q, %v; want reason %v", tc.pin, tc.secret, got, err, tc.reason)
			continue
		}
		if tc.secret != "" && strings.Contains(err.Error(), tc.secret) {
			t.Errorf("error %q shows the PIN", err)
		}
	}
}

func TestVerifyFormatSendsNothing(t *testing.T) {
	for _, tc := range []struct {
		pin    PIN
		secret string
	}{
		{AuthPIN, ""}, {AuthPIN, "123"}, {AuthPIN, "12a4"},
		{SignPIN, "ABC12"}, {SignPIN, "ABCDEF"}, {SignPIN, "123456"}, {SignPIN, "abcſ12"},
		{PIN(9), "1234"},
	} {
		f := newFakeMyNumber(nil, nil, nil, nil)
		err := Verify(NewCard(f), tc.pin, []byte(tc.secret), always(ProceedOnLastTry))
		if !errors.Is(err, ErrPINFormat) {
			t.Errorf("%v %q: %v, want ErrPINFormat", tc.pin, tc.secret, err)
		}
		if len(f.log) != 0 {
			t.Errorf("%v %q: %d APDUs sent", tc.pin, tc.secret, len(f.log))
		}
		f = newFakeMyNumber(nil, nil, []byte{0x30, 0x00}, nil)
		if _, err := ReadSignCertificate(NewCard(f), []byte(tc.secret), always(ProceedOnLastTry)); tc.pin == SignPIN && (!errors.Is(err, ErrPINFormat) || len(f.log) != 0) {
			t.Errorf("ReadSignCertificate %q: %v after %d APDUs", tc.secret, err, len(f.log))
		}
	}
}

func TestVerify(t *testing.T) {
	t.Run("right PIN", func(t *testing.T) {
		f := newFakeMyNumber(nil, nil, nil, nil)
		var seen []PINStatus
		secret := []byte("abc123")
		err := Verify(NewCard(f), SignPIN, secret, func(s PINStatus) Consent { seen = append(seen, s); return Proceed })
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) != 1 || seen[0].TriesLeft != 5 {
			t.Errorf("consent saw %+v", seen)
		}
		if !f.pins[0x001B].verified || string(secret) != "abc123" {
			t.Errorf("verified %v, secret now %q", f.pins[0x001B].verified, secret)
		}
		checkCommands(t, f, seq(cmdSelectAP, cmdSelectPW, cmdEmptyVerify,
			"00 20 00 80 06 41 42 43 31 32 33")) // upper-cased
	})
	t.Run("wrong PIN once", func(t *testing.T) {
		f := newFakeMyNumber(nil, nil, nil, nil)
		err := Verify(NewCard(f), AuthPIN, []byte("9999"), always(Proceed))
		var wp *WrongPINError
		if !errors.As(err, &wp) || wp.TriesLeft != 2 || wp.PIN != AuthPIN || !errors.Is(err, ErrWrongPIN) {
			t.Fatalf("err = %v", err)
		}
		if f.pins[0x0018].tries != 2 || verifiesWithData(f) != 1 {
			t.Errorf("tries %d after %d VERIFY with data; want 2 after 1", f.pins[0x0018].tries, verifiesWithData(f))
		}
	})
	t.Run("last try refused without force", func(t *testing.T) {
		f := newFakeMyNumber(nil, nil, nil, nil)
		f.pins[0x001B].tries = 1
		err := Verify(NewCard(f), SignPIN, []byte("ABC123"), always(Proceed))
		if !errors.Is(err, ErrLastTry) || verifiesWithData(f) != 0 {
			t.Errorf("err = %v, %d VERIFY with data", err, verifiesWithData(f))
		}
		// Forced: one VERIFY; a wrong password now locks.
		err = Verify(NewCard(f), SignPIN, []byte("WRONG1"), always(ProceedOnLastTry))
		if !errors.Is(err, ErrWrongPIN) || !errors.Is(err, ErrLocked) || verifiesWithData(f) != 1 || f.pins[0x001B].tries != 0 {
			t.Errorf("forced: err = %v, %d VERIFY with data, tries %d", err, verifiesWithData(f), f.pins[0x001B].tries)
		}
	})
	t.Run("locked", func(t *testing.T) {
		f := newFakeMyNumber(nil, nil, nil, nil)
		f.pins[0x0018].tries = 0
		f.files[0x0008] = mustHex("8F 8F 00") // 69 83 to a PIN of a certificate the card holds
		called := false
		err := Verify(NewCard(f), AuthPIN, []byte("1234"), func(PINStatus) Consent { called = true; return ProceedOnLastTry })
		if !errors.Is(err, ErrLocked) || called || verifiesWithData(f) != 0 {
			t.Errorf("err = %v, consent called %v, %d VERIFY with data", err, called, verifiesWithData(f))
		}
	})
	t.Run("declined", func(t *testing.T) {
		for _, consent := range []ConsentFunc{nil, always(Decline), always(Consent(42))} {
			f := newFakeMyNumber(nil, nil, nil, nil)
			err := Verify(NewCard(f), AuthPIN, []byte("1234"), consent)
			if !errors.Is(err, ErrDeclined) || verifiesWithData(f) != 0 {
				t.Errorf("err = %v, %d VERIFY with data", err, verifiesWithData(f))
			}
		}
	})
	t.Run("consent used the card", func(t *testing.T) {
		p := getPKI(t)
		f := p.card(t, nil)
		c := NewCard(f)
		err := Verify(c, AuthPIN, []byte("1234"), func(PINStatus) Consent {
			if _, err := ReadCertificate(c, AuthCA); err != nil {
				t.Error(err)
			}
			return Proceed
		})
		if err != nil || !f.pins[0x0018].verified {
			t.Fatalf("err = %v", err)
		}
		// The VERIFY went to the PIN EF again, not to the CA file.
		n := len(f.log)
		if got := spacedHexTest(f.log[n-2]); got != cmdSelectPIN {
			t.Errorf("before VERIFY: %s", got)
		}
	})
	t.Run("card locks on VERIFY", func(t *testing.T) {
		r := &rawCard{script: [][]byte{sw(0x9000), sw(0x9000), sw(0x63C3), sw(0x6983)}}
		err := Verify(NewCard(r), AuthPIN, []byte("1234"), always(Proceed))
		if !errors.Is(err, ErrLocked) || len(r.log) != 4 {
			t.Errorf("err = %v after %d APDUs", err, len(r.log))
		}
	})
	t.Run("6C is not a reason to resend", func(t *testing.T) {
		r := &rawCard{script: [][]byte{sw(0x9000), sw(0x9000), sw(0x63C3), sw(0x6C04)}}
		err := Verify(NewCard(r), AuthPIN, []byte("1234"), always(Proceed))
		if err == nil || len(r.log) != 4 {
			t.Errorf("err = %v after %d APDUs", err, len(r.log))
		}
	})
}

func TestReadSignCertificate(t *testing.T) {
	p := getPKI(t)
	f := p.card(t, nil)
	c := NewCard(f)
	cert, err := ReadSignCertificate(c, []byte("ABC123"), always(Proceed), WithTrust(p.trust(t)))
	if err != nil {
		t.Fatal(err)
	}
	if cert.Trust.Status != TrustUserSupplied || cert.File != SignCert {
		t.Errorf("cert %v", cert)
	}
	// The password was checked, then the certificate read, then another
	// application selected: re-selecting the JPKI applet would have left
	// the password verified.
	checkCommands(t, f, seq(cmdSelectAP, cmdSelectSignCert, cmdSelectPW, cmdEmptyVerify,
		"00 20 00 80 06 41 42 43 31 32 33", cmdSelectSignCert, reads(len(cert.DER())), cmdSelectKenhojo))
	if f.pins[0x001B].verified {
		t.Error("password still verified after ReadSignCertificate")
	}
	pd, err := cert.Personal()
	if err != nil {
		t.Fatal(err)
	}
	if pd.Name != testName || pd.Address != testAddress || pd.BirthDate != "19800102" || pd.Sex != "1" ||
		pd.AltName == "" || pd.AltAddress == "" {
		t.Errorf("personal data fields wrong (not printed here)")
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := sprintf(verb, pd); s != "[personal data redacted]" {
			t.Errorf("%s of PersonalData = %q", verb, s)
		}
	}

	auth, err := ReadCertificate(c, AuthCert)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := auth.Personal(); !errors.Is(err, ErrNoPersonalData) {
		t.Errorf("auth.Personal() = %v", err)
	}

	t.Run("wrong password", func(t *testing.T) {
		f := p.card(t, nil)
		cert, err := ReadSignCertificate(NewCard(f), []byte("WRONG9"), always(Proceed))
		if cert != nil || !errors.Is(err, ErrWrongPIN) || f.pins[0x001B].tries != 4 || verifiesWithData(f) != 1 {
			t.Errorf("cert %v, err %v, tries %d", cert, err, f.pins[0x001B].tries)
		}
	})
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func TestLogout(t *testing.T) {
	f := newFakeMyNumber(nil, nil, nil, nil)
	c := NewCard(f)
	if err := Verify(c, AuthPIN, []byte("1234"), always(Proceed)); err != nil || !f.pins[0x0018].verified {
		t.Fatalf("Verify: %v", err)
	}
	// Selecting the JPKI applet again is no logout on a real card.
	if _, err := Identify(c); err != nil || !f.pins[0x0018].verified {
		t.Fatalf("Identify: %v; verified %v", err, f.pins[0x0018].verified)
	}
	if err := Logout(c); err != nil || f.pins[0x0018].verified {
		t.Errorf("Logout: %v, still verified %v", err, f.pins[0x0018].verified)
	}
	if last := spacedHexTest(f.log[len(f.log)-1]); last != cmdSelectKenhojo {
		t.Errorf("Logout sent %s", last)
	}
	// The next use selects the JPKI applet first.
	f.log = nil
	if st, err := PINTries(c, AuthPIN); err != nil || st.State != PINStateOK {
		t.Fatalf("PINTries after Logout: %+v, %v", st, err)
	}
	checkCommands(t, f, seq(cmdSelectAP, cmdSelectPIN, cmdEmptyVerify))

	t.Run("fails", func(t *testing.T) {
		for name, tx := range map[string]Transmitter{
			"no such application": &fakeCard{noKenhojo: true},
			"transport error":     &failingCard{fail: 1, inner: &fakeCard{}},
			"6F 00 twice":         &rawCard{script: [][]byte{sw(0x6F00), sw(0x6F00)}},
		} {
			err := Logout(NewCard(tx))
			if !errors.Is(err, ErrLogout) || !strings.Contains(err.Error(), "may still be verified") {
				t.Errorf("%s: %v, want ErrLogout", name, err)
			}
			if name == "transport error" && !errors.Is(err, errReader) {
				t.Errorf("%s: %v does not carry the transmitter's error", name, err)
			}
		}
	})
}

func TestVerifyPINStates(t *testing.T) {
	for _, tc := range []struct {
		name      string
		setup     func(f *fakeCard)
		want      error
		consented bool     // consent was asked
		sent      int      // VERIFY commands with data
		apdus     []string // the whole sequence, when given
	}{
		{
			name: "password never set, no signing certificate",
			setup: func(f *fakeCard) {
				f.pins[0x001B].unset = true
				delete(f.files, 0x0001)
				f.files[0x0008] = mustHex("00 8F 00")
			},
			want:  ErrPINNotSet,
			apdus: seq(cmdSelectAP, cmdSelectPW, cmdEmptyVerify, cmdSelectHoldings, "00 B0 00 00 03"),
		},
		{
			name:  "69 84 with a signing certificate is locked",
			setup: func(f *fakeCard) { f.pins[0x001B].unset = true },
			want:  ErrLocked,
		},
		{
			name:  "69 84 and no EF 0008 is locked",
			setup: func(f *fakeCard) { f.pins[0x001B].unset = true; delete(f.files, 0x0008) },
			want:  ErrLocked,
		},
		{
			name:      "verified earlier: logged out, counted, then sent",
			setup:     func(f *fakeCard) { f.pins[0x001B].verified = true; f.pins[0x001B].tries = 4 },
			consented: true, sent: 1,
			apdus: seq(cmdSelectAP, cmdSelectPW, cmdEmptyVerify, // 90 00
				cmdSelectHoldings, "00 B0 00 00 03", // does the card hold a signing certificate?
				cmdSelectKenhojo, cmdSelectAP, cmdSelectPW, cmdEmptyVerify, // 63 C4
				"00 20 00 80 06 41 42 43 31 32 33"),
		},
		{
			name:  "still verified after logout: tries unknown, nothing sent",
			setup: func(f *fakeCard) { f.pins[0x001B].verified = true; f.pins[0x001B].sticky = true },
			want:  ErrTriesUnknown,
		},
		{
			name:  "verified and the logout fails: nothing sent",
			setup: func(f *fakeCard) { f.pins[0x001B].verified = true; f.noKenhojo = true },
			want:  ErrLogout,
		},
		{
			name:  "locked with 63 C0",
			setup: func(f *fakeCard) { f.pins[0x001B].tries = 0; f.pins[0x001B].lockedSW = 0x63C0 },
			want:  ErrLocked,
			apdus: seq(cmdSelectAP, cmdSelectPW, cmdEmptyVerify),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeMyNumber([]byte{0x30, 0}, nil, []byte{0x30, 0}, nil)
			tc.setup(f)
			consented := false
			err := Verify(NewCard(f), SignPIN, []byte("abc123"), func(PINStatus) Consent { consented = true; return ProceedOnLastTry })
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if tc.want == ErrPINNotSet && errors.Is(err, ErrLocked) {
				t.Errorf("%v matches ErrLocked", err)
			}
			if consented != tc.consented || verifiesWithData(f) != tc.sent {
				t.Errorf("consent asked %v, %d VERIFY with data; want %v, %d", consented, verifiesWithData(f), tc.consented, tc.sent)
			}
			if tc.apdus != nil {
				checkCommands(t, f, tc.apdus)
			}
		})
	}
}

func TestReadSignCertificateWithoutCertificate(t *testing.T) {
	p := getPKI(t)
	t.Run("no EF 0001", func(t *testing.T) {
		f := p.card(t, nil)
		delete(f.files, 0x0001)
		f.files[0x0008] = mustHex("00 8F 00")
		f.pins[0x001B].unset = true
		c := NewCard(f)
		cert, err := ReadSignCertificate(c, []byte("ABC123"), always(ProceedOnLastTry))
		if cert != nil || !errors.Is(err, ErrNoCertificate) || errors.Is(err, ErrLocked) || verifiesWithData(f) != 0 {
			t.Fatalf("cert %v, err %v, %d VERIFY with data", cert, err, verifiesWithData(f))
		}
		checkCommands(t, f, seq(cmdSelectAP, cmdSelectSignCert, cmdSelectHoldings, "00 B0 00 00 03"))
		// The same session now knows: the password is not set, not locked.
		if st, err := PINTries(c, SignPIN); err != nil || st.State != PINStateNotSet {
			t.Errorf("PINTries = %+v, %v", st, err)
		}
	})
	t.Run("password not set", func(t *testing.T) {
		f := p.card(t, nil)
		f.files[0x0008] = mustHex("00 8F 00")
		f.pins[0x001B].unset = true
		cert, err := ReadSignCertificate(NewCard(f), []byte("ABC123"), always(ProceedOnLastTry))
		if cert != nil || !errors.Is(err, ErrNoCertificate) || !errors.Is(err, ErrPINNotSet) || verifiesWithData(f) != 0 {
			t.Fatalf("cert %v, err %v, %d VERIFY with data", cert, err, verifiesWithData(f))
		}
	})
}
