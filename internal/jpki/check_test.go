package jpki

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

const (
	cmdSelectAP     = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
	cmdSelectAuth   = "00 A4 02 0C 02 00 0A"
	cmdSelectAuthCA = "00 A4 02 0C 02 00 0B"
	cmdSelectToken  = "00 A4 02 0C 02 00 06"
	cmdReadToken    = "00 B0 00 00 20"
	cmdSelectPIN    = "00 A4 02 0C 02 00 18"
	cmdSelectPW     = "00 A4 02 0C 02 00 1B"
	cmdEmptyVerify  = "00 20 00 80"

	cmdSelectSignCert = "00 A4 02 0C 02 00 01"
	cmdSelectHoldings = "00 A4 02 0C 02 00 08"
	cmdSelectKenhojo  = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"
)

// reads lists the READ BINARY commands for an n-byte DER in 256-byte
// chunks: Le 00, …, then exactly the rest.
func reads(n int) []string {
	var out []string
	for off := 0; off < n; off += 256 {
		le := min(n-off, 256) & 0xFF
		out = append(out, fmt.Sprintf("00 B0 %02X %02X %02X", off>>8, off&0xFF, le))
	}
	return out
}

func seq(parts ...any) []string {
	var out []string
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			out = append(out, v)
		case []string:
			out = append(out, v...)
		}
	}
	return out
}

func checkCommands(t *testing.T, f *fakeCard, want []string) {
	t.Helper()
	got := f.commands()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("APDUs sent:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCheckSequence(t *testing.T) {
	p := getPKI(t)
	auth := p.leaf(t, leafOpts{padTo: 1600})
	f := p.card(t, auth)
	var early []Validity
	res, err := Check(NewCard(f), WithTrust(p.trust(t)), WithEarlyValidity(func(v Validity) { early = append(early, v) }))
	if err != nil {
		t.Fatal(err)
	}
	// The whole no-PIN check on a normal card with a recognised CA.
	checkCommands(t, f, seq(
		cmdSelectAP,
		cmdSelectAuth,
		reads(len(auth)), // ⌈L/256⌉ READ BINARY
		cmdSelectPIN, cmdEmptyVerify,
		cmdSelectPW, cmdEmptyVerify,
	))
	t.Logf("L = %d bytes: %d APDUs, %d bytes sent, %d received", len(auth), res.cost.APDUs, res.cost.BytesSent, res.cost.BytesReceived)
	if res.cost.APDUs != len(f.log) {
		t.Errorf("Cost.APDUs = %d, card saw %d", res.cost.APDUs, len(f.log))
	}
	if res.CardType != CardMyNumber || res.TokenRead {
		t.Errorf("card type %v, token read %v", res.CardType, res.TokenRead)
	}
	if res.Auth.Trust.Status != TrustUserSupplied || res.Auth.Trust.CA == nil || !bytes.Equal(res.Auth.DER(), auth) {
		t.Errorf("auth %v", res.Auth)
	}
	if len(early) != 1 || !early[0].NotAfter.Equal(res.Auth.NotAfter) {
		t.Errorf("early %v, final %v", early, res.Auth.NotAfter)
	}
	if res.AuthPIN != (PINStatus{PIN: AuthPIN, State: PINStateOK, TriesLeft: 3}) || res.SignPIN != (PINStatus{PIN: SignPIN, State: PINStateOK, TriesLeft: 5}) || res.Holdings != nil {
		t.Errorf("PINs %+v %+v", res.AuthPIN, res.SignPIN)
	}
	if f.pins[0x0018].tries != 3 || f.pins[0x001B].tries != 5 {
		t.Error("a PIN try was spent")
	}
}

func TestCheckQuick(t *testing.T) {
	p := getPKI(t)
	auth := p.leaf(t, leafOpts{padTo: 1600})
	f := p.card(t, auth)
	res, err := Check(NewCard(f), ValidityOnly())
	if err != nil {
		t.Fatal(err)
	}
	checkCommands(t, f, seq(cmdSelectAP, cmdSelectAuth, "00 B0 00 00 00",
		cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify))
	if !res.Auth.Partial || res.Auth.Trust.Status != TrustNotChecked {
		t.Errorf("quick auth %v", res.Auth)
	}
}

func TestCheckCardCA(t *testing.T) {
	p := getPKI(t)
	auth := p.leaf(t, leafOpts{})
	f := p.card(t, auth)
	res, err := Check(NewCard(f)) // built-in CAs only
	if err != nil {
		t.Fatal(err)
	}
	// Unknown CA: the token decides what the card is, the card's CA file
	// checks the signature.
	checkCommands(t, f, seq(
		cmdSelectAP, cmdSelectAuth, reads(len(auth)),
		cmdSelectToken, cmdReadToken,
		cmdSelectAuthCA, reads(len(p.authCA.Raw)),
		cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify,
	))
	if res.Auth.Trust.Status != TrustCardCA || res.Auth.Trust.CA == nil || res.Auth.Trust.CA.Source != TrustCardCA {
		t.Errorf("trust %+v", res.Auth.Trust)
	}
	if !res.TokenRead || res.CardType != CardMyNumber {
		t.Errorf("card type %v, token read %v", res.CardType, res.TokenRead)
	}

	t.Run("invalid signature", func(t *testing.T) {
		tampered := append([]byte(nil), auth...)
		tampered[len(tampered)-1] ^= 1
		f := p.card(t, tampered)
		res, err := Check(NewCard(f))
		if err != nil {
			t.Fatal(err)
		}
		if res.Auth.Trust.Status != TrustInvalid || res.Auth.Trust.CA != nil {
			t.Errorf("trust %+v", res.Auth.Trust)
		}
	})
	t.Run("no card CA", func(t *testing.T) {
		f := p.card(t, auth)
		delete(f.files, 0x000B)
		res, err := Check(NewCard(f))
		if err != nil {
			t.Fatal(err)
		}
		// The issuer has the J-LIS name but no J-LIS key verifies it.
		if res.Auth.Trust.Status != TrustInvalid {
			t.Errorf("trust %+v", res.Auth.Trust)
		}
	})
}

func TestCheckCardTypes(t *testing.T) {
	p := getPKI(t)
	token := func(s string, pad byte) []byte {
		return append([]byte(s), bytes.Repeat([]byte{pad}, 32-len(s))...)
	}
	tests := []struct {
		name    string
		setup   func(f *fakeCard)
		want    error
		typ     CardType
		apdus   []string
		wantTok string
	}{
		{
			name:  "not JPKI",
			setup: func(f *fakeCard) { f.noApplet = true },
			want:  ErrNotJPKI,
			apdus: seq(cmdSelectAP),
		},
		{
			name:  "no certificate",
			setup: func(f *fakeCard) { delete(f.files, 0x000A) },
			want:  ErrNoCertificate,
			apdus: seq(cmdSelectAP, cmdSelectAuth, cmdSelectToken, cmdReadToken),
		},
		{
			name: "juki card",
			setup: func(f *fakeCard) {
				delete(f.files, 0x000A)
				f.files[0x0006] = token("JPKIAPICCTOKEN", 0)
			},
			want: ErrNotMyNumberCard, typ: CardJuki,
			apdus: seq(cmdSelectAP, cmdSelectAuth, cmdSelectToken, cmdReadToken),
		},
		{
			name: "android",
			setup: func(f *fakeCard) {
				f.authNeedPIN = true
				f.files[0x0006] = token("JPKIAPGPSETOKEN", ' ')
			},
			want: ErrNotMyNumberCard, typ: CardSmartphoneAndroid,
			apdus: seq(cmdSelectAP, cmdSelectAuth, "00 B0 00 00 00", cmdSelectToken, cmdReadToken),
		},
		{
			name: "iphone, unknown CA",
			setup: func(f *fakeCard) {
				f.files[0x0006] = token("JPKIAPIOSTOKEN", ' ')
			},
			want: ErrNotMyNumberCard, typ: CardSmartphoneIOS,
		},
		{
			name: "unknown token",
			setup: func(f *fakeCard) {
				f.files[0x0006] = token("SOMETHING\x01ELSE", 0)
			},
			want: ErrNotMyNumberCard, typ: CardUnknown, wantTok: "SOMETHING?ELSE",
		},
		{
			name: "My Number Card refusing the certificate",
			setup: func(f *fakeCard) {
				f.authNeedPIN = true
			},
			want: ErrSecurityStatus,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := p.card(t, nil)
			tt.setup(f)
			res, err := Check(NewCard(f))
			if !errors.Is(err, tt.want) || res != nil {
				t.Fatalf("Check = %v, %v; want %v", res, err, tt.want)
			}
			if tt.apdus != nil {
				checkCommands(t, f, tt.apdus)
			}
			var cte *CardTypeError
			if errors.As(err, &cte) {
				if cte.Type != tt.typ || (tt.wantTok != "" && cte.Token != tt.wantTok) {
					t.Errorf("CardTypeError %+v", cte)
				}
			} else if tt.want == ErrNotMyNumberCard {
				t.Errorf("no *CardTypeError in %v", err)
			}
			if tt.want == ErrNoCertificate && !errors.Is(err, ErrNotFound) {
				t.Errorf("%v does not match ErrNotFound", err)
			}
		})
	}
}

func TestCheckPINStates(t *testing.T) {
	p := getPKI(t)
	f := p.card(t, nil)
	f.pins[0x0018].tries = 0
	delete(f.pins, 0x001B) // a card that cannot report the signing counter
	res, err := Check(NewCard(f), WithTrust(p.trust(t)))
	if err != nil {
		t.Fatalf("a locked PIN is a result: %v", err)
	}
	if !res.AuthPIN.Locked || res.AuthPIN.State != PINStateLocked || res.AuthPIN.TriesLeft != 0 || res.AuthPIN.Err != nil {
		t.Errorf("auth PIN %+v", res.AuthPIN)
	}
	if res.SignPIN.Err == nil || !errors.Is(res.SignPIN.Err, ErrNotFound) {
		t.Errorf("sign PIN %+v", res.SignPIN)
	}
	if res.Auth == nil || res.Auth.Trust.Status != TrustUserSupplied {
		t.Errorf("auth %v", res.Auth)
	}
}

func TestResultPrintsNoSecrets(t *testing.T) {
	p := getPKI(t)
	f := p.card(t, nil)
	c := NewCard(f)
	res, err := Check(c, WithTrust(p.trust(t)))
	if err != nil {
		t.Fatal(err)
	}
	sign, err := ReadSignCertificate(c, []byte("ABC123"), func(PINStatus) Consent { return Proceed }, WithTrust(p.trust(t)))
	if err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(struct {
		R *Result
		S *Certificate
	}{res, sign})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	out.Write(j)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%x", "%q"} {
		fmt.Fprintf(&out, verb+"\n", sign)
		fmt.Fprintf(&out, verb+"\n", *sign)
		fmt.Fprintf(&out, verb+"\n", res)
		fmt.Fprintf(&out, verb+"\n", *res)
	}
	s := out.String()
	for _, secret := range []string{testName, testAddress, "19800102", "TEST1234567890",
		fmt.Sprintf("%x", sign.DER()[:40]), fmt.Sprintf("%x", res.Auth.DER()[:40])} {
		if strings.Contains(s, secret) {
			t.Errorf("output contains %q", secret)
		}
	}
	if !strings.Contains(string(j), `"Status":"user_supplied"`) || !strings.Contains(string(j), `"CardType":"my_number_card"`) {
		t.Errorf("JSON %s", j)
	}
	t.Logf("JSON: %s", j)
	t.Logf("%v", sign)
}

func TestCheckTwiceOnOneCard(t *testing.T) {
	p := getPKI(t)
	auth := p.leaf(t, leafOpts{})
	f := p.card(t, auth)
	c := NewCard(f)
	trust := p.trust(t)
	for range 2 {
		f.log = nil
		if _, err := Check(c, WithTrust(trust)); err != nil {
			t.Fatal(err)
		}
		checkCommands(t, f, seq(cmdSelectAP, cmdSelectAuth, reads(len(auth)),
			cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify))
	}
	// Zero values marshal too, for callers that fill results partly.
	if j, err := json.Marshal(Result{}); err != nil || !strings.Contains(string(j), `"PIN":""`) {
		t.Errorf("zero Result: %s, %v", j, err)
	}
}

// Cards without a signing certificate (holders under 15, face-authentication
// cards): the password has no counter, EF 0008 says why, read once.
func TestCheckWithoutSigningCertificate(t *testing.T) {
	p := getPKI(t)
	auth := p.leaf(t, leafOpts{})
	for _, tc := range []struct {
		name     string
		authPIN  bool // the auth PIN is never set either (face-authentication card)
		ef08     []byte
		wantAuth PINStatus
		wantSign PINStatus
		holdings *CertHoldings
		pinsPart []string
	}{
		{
			name: "child", ef08: mustHex("00 8F 00"),
			wantAuth: PINStatus{PIN: AuthPIN, State: PINStateOK, TriesLeft: 3},
			wantSign: PINStatus{PIN: SignPIN, State: PINStateNotSet},
			holdings: &CertHoldings{Sign: Absent, Auth: Present},
			pinsPart: seq(cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify, cmdSelectHoldings, "00 B0 00 00 03"),
		},
		{
			name: "face authentication", authPIN: true, ef08: mustHex("00 8F 00"),
			// The card holds the auth certificate, so 69 84 to its PIN is
			// not evidence of a PIN never set.
			wantAuth: PINStatus{PIN: AuthPIN, State: PINStateLocked, Locked: true},
			wantSign: PINStatus{PIN: SignPIN, State: PINStateNotSet},
			holdings: &CertHoldings{Sign: Absent, Auth: Present},
			pinsPart: seq(cmdSelectPIN, cmdEmptyVerify, cmdSelectHoldings, "00 B0 00 00 03", cmdSelectPW, cmdEmptyVerify),
		},
		{
			name: "no EF 0008: say less", ef08: nil,
			wantAuth: PINStatus{PIN: AuthPIN, State: PINStateOK, TriesLeft: 3},
			wantSign: PINStatus{PIN: SignPIN, State: PINStateLocked, Locked: true},
			pinsPart: seq(cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify, cmdSelectHoldings),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := p.card(t, auth)
			delete(f.files, 0x0001)
			delete(f.files, 0x0002)
			f.files[0x0008] = tc.ef08
			if tc.ef08 == nil {
				delete(f.files, 0x0008)
			}
			f.pins[0x001B].unset = true
			f.pins[0x0018].unset = tc.authPIN
			res, err := Check(NewCard(f), WithTrust(p.trust(t)))
			if err != nil {
				t.Fatal(err)
			}
			checkCommands(t, f, seq(cmdSelectAP, cmdSelectAuth, reads(len(auth)), tc.pinsPart))
			if res.AuthPIN != tc.wantAuth || res.SignPIN != tc.wantSign {
				t.Errorf("PINs %+v %+v, want %+v %+v", res.AuthPIN, res.SignPIN, tc.wantAuth, tc.wantSign)
			}
			if (res.Holdings == nil) != (tc.holdings == nil) || res.Holdings != nil && *res.Holdings != *tc.holdings {
				t.Errorf("holdings %+v, want %+v", res.Holdings, tc.holdings)
			}
			j, _ := json.Marshal(res)
			if tc.holdings != nil && !strings.Contains(string(j), `"Holdings":{"Sign":"absent","Auth":"present"}`) ||
				!strings.Contains(string(j), `"SignPIN":{"PIN":"sign","State":"`+tc.wantSign.State.String()+`"`) {
				t.Errorf("JSON %s", j)
			}
		})
	}
}
