package jpki

import (
	"errors"
	"fmt"
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
		if err != nil || a != (PINStatus{PIN: AuthPIN, TriesLeft: 3}) {
			t.Fatalf("auth %+v %v", a, err)
		}
		s, err := PINTries(c, SignPIN)
		if err != nil || s != (PINStatus{PIN: SignPIN, TriesLeft: 2}) {
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
	for _, tc := range []struct {
		sw     uint16
		status PINStatus
		err    error
	}{
		{0x63C3, PINStatus{PIN: AuthPIN, TriesLeft: 3}, nil},
		{0x63C1, PINStatus{PIN: AuthPIN, TriesLeft: 1}, nil},
		{0x63C0, PINStatus{PIN: AuthPIN, Locked: true}, nil},
		{0x6983, PINStatus{PIN: AuthPIN, Locked: true}, nil},
		{0x6984, PINStatus{PIN: AuthPIN, Locked: true}, nil},
		{0x9000, PINStatus{}, &StatusError{}},
		{0x6A88, PINStatus{}, &StatusError{}},
	} {
		r := &rawCard{script: [][]byte{sw(0x9000), sw(0x9000), sw(tc.sw)}}
		st, err := PINTries(NewCard(r), AuthPIN)
		if st != tc.status || (err == nil) != (tc.err == nil) {
			t.Errorf("%04X: %+v, %v", tc.sw, st, err)
		}
		if len(r.log) != 3 || len(r.log[2]) != 4 {
			t.Errorf("%04X: sent %d APDUs, last % X", tc.sw, len(r.log), r.log[len(r.log)-1])
		}
	}
}

func TestVerifyFormatSendsNothing(t *testing.T) {
	for _, tc := range []struct {
		pin    PIN
		secret string
	}{
		{AuthPIN, ""}, {AuthPIN, "123"}, {AuthPIN, "12345"}, {AuthPIN, "12a4"}, {AuthPIN, "１２３４"}, {AuthPIN, "123 "},
		{SignPIN, "ABC12"}, {SignPIN, "ABCDEFGHIJ1234567"}, {SignPIN, "ABC-123"}, {SignPIN, "abc 123"},
		{SignPIN, "abcſ12"}, {SignPIN, "ÄBC123"}, {SignPIN, "ABC123\n"},
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
	// Logged out afterwards: the applet was selected again.
	if last := spacedHexTest(f.log[len(f.log)-1]); last != cmdSelectAP || f.pins[0x001B].verified {
		t.Errorf("last APDU %s, verified %v", last, f.pins[0x001B].verified)
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
	if err := Logout(c); err != nil || f.pins[0x0018].verified {
		t.Errorf("Logout: %v, still verified %v", err, f.pins[0x0018].verified)
	}
	if last := spacedHexTest(f.log[len(f.log)-1]); last != cmdSelectAP {
		t.Errorf("Logout sent %s", last)
	}
}
