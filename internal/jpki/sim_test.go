package jpki

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
)

// These tests run the package against the independent simulated card, for
// every profile. The simulator shares no code with jpki, so agreement here
// is two readings of the protocol agreeing, not one reading with itself.

var simToday = time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)

func newSim(t testing.TB, o cardsim.Options) *cardsim.Card {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = simToday
	}
	c, err := cardsim.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func simTrust(t testing.TB, c *cardsim.Card) *TrustStore {
	t.Helper()
	s := DefaultTrust()
	if n, err := s.AddPEM(c.CAPEM()); err != nil || n != 2 {
		t.Fatalf("AddPEM(CAPEM) = %d, %v", n, err)
	}
	return s
}

func simCommands(c *cardsim.Card) []string {
	var out []string
	for _, e := range c.Exchanges() {
		out = append(out, spacedHexTest(e.Command))
	}
	return out
}

func checkSimCommands(t *testing.T, c *cardsim.Card, want []string) {
	t.Helper()
	got := simCommands(c)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("APDUs sent:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// readsWithLe lists READ BINARY commands for n bytes in chunks of le, the
// last asking for exactly the rest.
func readsWithLe(n, le int) []string {
	var out []string
	for off := 0; off < n; off += le {
		out = append(out, spacedHexTest([]byte{0x00, 0xB0, byte(off >> 8), byte(off), byte(min(n-off, le))}))
	}
	return out
}

func TestSimProfiles(t *testing.T) {
	pinsPart := seq(cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify)
	for _, info := range cardsim.Profiles() {
		t.Run(string(info.Name), func(t *testing.T) {
			sim := newSim(t, cardsim.Options{Profile: info.Name})
			trust := DefaultTrust()
			if pemData := sim.CAPEM(); len(pemData) > 0 {
				if _, err := trust.AddPEM(pemData); err != nil {
					t.Fatal(err)
				}
			}
			before := sim.State()
			res, err := Check(NewCard(sim), WithTrust(trust))
			if sim.State() != before {
				t.Errorf("the check changed the card's state: %+v -> %+v", before, sim.State())
			}
			authLen := len(sim.Certificates().Auth)
			var cte *CardTypeError
			switch info.Name {
			case cardsim.Valid, cardsim.WindowOpen, cardsim.Expired, cardsim.AuthLocked, cardsim.SignOneTry:
				if err != nil {
					t.Fatal(err)
				}
				want := seq(cmdSelectAP, cmdSelectAuth, reads(authLen), pinsPart)
				if info.Name == cardsim.AuthLocked && !strings.HasPrefix(simAnswer(sim, 3+len(reads(authLen))), "63C") {
					// 69 84: the card's list of certificates decides locked
					// or not set, and it holds the auth certificate.
					want = seq(cmdSelectAP, cmdSelectAuth, reads(authLen), cmdSelectPIN, cmdEmptyVerify,
						cmdSelectHoldings, "00 B0 00 00 03", cmdSelectPW, cmdEmptyVerify)
				}
				checkSimCommands(t, sim, want)
				wantAfter := sim.Dates().AuthExpiry.Add(14*time.Hour + 59*time.Minute + 59*time.Second)
				if !res.Auth.NotAfter.Equal(wantAfter) {
					t.Errorf("NotAfter %v, want %v", res.Auth.NotAfter, wantAfter)
				}
				if res.Auth.Trust.Status != TrustUserSupplied || res.CardType != CardMyNumber || res.TokenRead {
					t.Errorf("trust %v, type %v, token read %v", res.Auth.Trust.Status, res.CardType, res.TokenRead)
				}
				wantAuth := PINStatus{PIN: AuthPIN, State: PINStateOK, TriesLeft: 3}
				wantSign := PINStatus{PIN: SignPIN, State: PINStateOK, TriesLeft: 5}
				var wantHoldings *CertHoldings
				switch info.Name {
				case cardsim.AuthLocked:
					wantAuth = PINStatus{PIN: AuthPIN, State: PINStateLocked, Locked: true}
					if !strings.HasPrefix(simAnswer(sim, 3+len(reads(authLen))), "63C") {
						wantHoldings = &CertHoldings{Sign: Present, Auth: Present}
					}
				case cardsim.SignOneTry:
					wantSign = PINStatus{PIN: SignPIN, State: PINStateLastTry, TriesLeft: 1}
				}
				if res.AuthPIN != wantAuth || res.SignPIN != wantSign {
					t.Errorf("PINs %+v %+v, want %+v %+v", res.AuthPIN, res.SignPIN, wantAuth, wantSign)
				}
				if (res.Holdings == nil) != (wantHoldings == nil) || res.Holdings != nil && *res.Holdings != *wantHoldings {
					t.Errorf("holdings %+v, want %+v", res.Holdings, wantHoldings)
				}
			case cardsim.T0:
				if err != nil {
					t.Fatal(err)
				}
				if want := 6 + 2*ceilDiv(authLen, 256); res.cost.APDUs != want {
					t.Errorf("%d APDUs, want %d: %q", res.cost.APDUs, want, simCommands(sim))
				}
			case cardsim.ShortLe:
				if err != nil {
					t.Fatal(err)
				}
				checkSimCommands(t, sim, seq(cmdSelectAP, cmdSelectAuth,
					"00 B0 00 00 00", // 67 00: the card takes Le ≤ 128
					readsWithLe(authLen, 128), pinsPart))
			case cardsim.Juki:
				if !errors.As(err, &cte) || cte.Type != CardJuki {
					t.Fatalf("err = %v, want a juki CardTypeError", err)
				}
				checkSimCommands(t, sim, seq(cmdSelectAP, cmdSelectAuth, cmdSelectToken, cmdReadToken))
			case cardsim.Smartphone:
				if !errors.As(err, &cte) || cte.Type != CardSmartphoneAndroid {
					t.Fatalf("err = %v, want a smartphone CardTypeError", err)
				}
			case cardsim.NotJPKI:
				if !errors.Is(err, ErrNotJPKI) {
					t.Fatalf("err = %v, want ErrNotJPKI", err)
				}
				checkSimCommands(t, sim, seq(cmdSelectAP))
			case cardsim.NoCert:
				if !errors.Is(err, ErrNoCertificate) {
					t.Fatalf("err = %v, want ErrNoCertificate", err)
				}
			case cardsim.GarbageCert:
				if !errors.Is(err, ErrMalformed) || res != nil {
					t.Fatalf("Check = %v, %v; want ErrMalformed", res, err)
				}
			case "child", "face-auth":
				// No signing certificate: the signing password is not set,
				// never locked, and the result says why.
				if err != nil {
					t.Fatal(err)
				}
				authPart := seq(cmdSelectAP, cmdSelectAuth, reads(authLen), cmdSelectPIN, cmdEmptyVerify)
				afterAuth := simHoldingsRead(sim, len(authPart)-1)
				signVerify := len(authPart) + len(afterAuth) + 1
				checkSimCommands(t, sim, seq(authPart, afterAuth, cmdSelectPW, cmdEmptyVerify, simHoldingsRead(sim, signVerify)))
				wantAuth := PINStatus{PIN: AuthPIN, State: PINStateOK, TriesLeft: 3}
				if info.Name == "face-auth" {
					// No PIN at all, but the card holds the auth certificate:
					// 69 84 to its PIN reads as locked (docs/protocol.md).
					wantAuth = PINStatus{PIN: AuthPIN, State: PINStateLocked, Locked: true}
				}
				if res.AuthPIN != wantAuth || res.SignPIN != (PINStatus{PIN: SignPIN, State: PINStateNotSet}) {
					t.Errorf("PINs %+v %+v", res.AuthPIN, res.SignPIN)
				}
				if res.Holdings == nil || *res.Holdings != (CertHoldings{Sign: Absent, Auth: Present}) {
					t.Errorf("holdings %+v", res.Holdings)
				}
			default:
				t.Logf("profile %s not covered here: %v, %v", info.Name, res, err)
			}
		})
	}
}

// simAnswer is the status word the simulated card gave to its i-th APDU.
func simAnswer(sim *cardsim.Card, i int) string {
	ex := sim.Exchanges()
	if i >= len(ex) || len(ex[i].Response) < 2 {
		return ""
	}
	r := ex[i].Response
	return strings.ReplaceAll(spacedHexTest(r[len(r)-2:]), " ", "")
}

// simHoldingsRead is the EF 0008 read expected after the empty VERIFY at
// APDU i: none after 63 Cx, and only once per session.
func simHoldingsRead(sim *cardsim.Card, i int) []string {
	if strings.HasPrefix(simAnswer(sim, i), "63C") {
		return nil
	}
	for _, c := range simCommands(sim)[:i] {
		if c == cmdSelectHoldings {
			return nil
		}
	}
	return seq(cmdSelectHoldings, "00 B0 00 00 03")
}

func TestSimCardCA(t *testing.T) {
	sim := newSim(t, cardsim.Options{})
	res, err := Check(NewCard(sim)) // no --trust-ca
	if err != nil {
		t.Fatal(err)
	}
	if res.Auth.Trust.Status != TrustCardCA || !res.TokenRead || res.CardType != CardMyNumber {
		t.Errorf("trust %v, token read %v, type %v", res.Auth.Trust.Status, res.TokenRead, res.CardType)
	}
	checkSimCommands(t, sim, seq(cmdSelectAP, cmdSelectAuth, reads(len(sim.Certificates().Auth)),
		cmdSelectToken, cmdReadToken, cmdSelectAuthCA, reads(len(sim.Certificates().AuthCA)),
		cmdSelectPIN, cmdEmptyVerify, cmdSelectPW, cmdEmptyVerify))
}

func TestSimQuickAndEarly(t *testing.T) {
	sim := newSim(t, cardsim.Options{Profile: cardsim.WindowOpen})
	var early []Validity
	var at int
	res, err := Check(NewCard(sim), ValidityOnly(), WithEarlyValidity(func(v Validity) {
		early = append(early, v)
		at = sim.Stats().APDUs
	}))
	if err != nil {
		t.Fatal(err)
	}
	if at != 3 || len(early) != 1 || !early[0].NotAfter.Equal(res.Auth.NotAfter) || !res.Auth.Partial {
		t.Errorf("early %v after APDU %d; auth %v", early, at, res.Auth)
	}
	if res.cost.APDUs != 7 {
		t.Errorf("quick check: %d APDUs, want 7", res.cost.APDUs)
	}
}

func TestSimExtendedRead(t *testing.T) {
	for _, supported := range []bool{true, false} {
		sim := newSim(t, cardsim.Options{Extended: supported})
		c := NewCard(sim, WithExtendedRead())
		cert, err := ReadCertificate(c, AuthCert, WithTrust(simTrust(t, sim)))
		if err != nil {
			t.Fatal(err)
		}
		n := len(sim.Certificates().Auth)
		if string(cert.DER()) != string(sim.Certificates().Auth) {
			t.Fatal("DER differs")
		}
		var readCount int
		for _, cmd := range simCommands(sim) {
			if strings.HasPrefix(cmd, "00 B0") {
				readCount++
			}
		}
		want := 2
		if !supported {
			want = 1 + 1 + ceilDiv(n-256, 256)
		}
		if readCount != want {
			t.Errorf("extended supported=%v: %d READ BINARY, want %d: %q", supported, readCount, want, simCommands(sim))
		}
	}
}

func TestSimPINs(t *testing.T) {
	t.Run("sign one try", func(t *testing.T) {
		sim := newSim(t, cardsim.Options{Profile: cardsim.SignOneTry})
		c := NewCard(sim)
		if _, err := ReadSignCertificate(c, []byte("ABC123"), always(Proceed)); !errors.Is(err, ErrLastTry) {
			t.Errorf("err = %v, want ErrLastTry", err)
		}
		if s := sim.State().Sign; s.TriesLeft != 1 || s.Verified {
			t.Errorf("sign state %+v", s)
		}
		for _, cmd := range simCommands(sim) {
			if strings.HasPrefix(cmd, "00 20") && len(cmd) > len(cmdEmptyVerify) {
				t.Errorf("VERIFY with data sent: %s", cmd)
			}
		}
	})
	t.Run("wrong PIN", func(t *testing.T) {
		sim := newSim(t, cardsim.Options{})
		err := Verify(NewCard(sim), AuthPIN, []byte("0000"), always(Proceed))
		var wp *WrongPINError
		if !errors.As(err, &wp) || wp.TriesLeft != 2 || sim.State().Auth.TriesLeft != 2 {
			t.Errorf("err = %v, card %+v", err, sim.State().Auth)
		}
	})
	t.Run("locked", func(t *testing.T) {
		sim := newSim(t, cardsim.Options{Profile: cardsim.AuthLocked})
		if err := Verify(NewCard(sim), AuthPIN, []byte("1234"), always(ProceedOnLastTry)); !errors.Is(err, ErrLocked) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("signing certificate", func(t *testing.T) {
		sim := newSim(t, cardsim.Options{Name: "見本 一郎", Address: "北海道札幌市見本区1-2-3", SignPassword: "PASS1234"})
		c := NewCard(sim)
		cert, err := ReadSignCertificate(c, []byte("pass1234"), always(Proceed), WithTrust(simTrust(t, sim)))
		if err != nil {
			t.Fatal(err)
		}
		if cert.Trust.Status != TrustUserSupplied || string(cert.DER()) != string(sim.Certificates().Sign) {
			t.Errorf("cert %v", cert)
		}
		if s := sim.State().Sign; s.Verified || s.TriesLeft != 5 {
			t.Errorf("after reading: %+v, want logged out with 5 tries", s)
		}
		if cmds := simCommands(sim); cmds[len(cmds)-1] != cmdSelectKenhojo {
			t.Errorf("last APDU %s, want the SELECT of another application", cmds[len(cmds)-1])
		}
		pd, err := cert.Personal()
		if err != nil {
			t.Fatal(err)
		}
		if pd.Name != "見本 一郎" || pd.Address != "北海道札幌市見本区1-2-3" || pd.BirthDate == "" || pd.Sex == "" {
			t.Error("personal data does not match the simulated holder")
		}
		if strings.Contains(cert.String(), "見本") {
			t.Error("String shows the name")
		}
	})
	t.Run("no signing certificate", func(t *testing.T) {
		for _, info := range cardsim.Profiles() {
			if info.Name != "child" && info.Name != "face-auth" {
				continue
			}
			sim := newSim(t, cardsim.Options{Profile: info.Name})
			c := NewCard(sim)
			cert, err := ReadSignCertificate(c, []byte("ABC123"), always(ProceedOnLastTry))
			if cert != nil || !errors.Is(err, ErrNoCertificate) || errors.Is(err, ErrLocked) {
				t.Errorf("%s: cert %v, err %v", info.Name, cert, err)
			}
			if err := Verify(c, SignPIN, []byte("ABC123"), always(ProceedOnLastTry)); !errors.Is(err, ErrPINNotSet) {
				t.Errorf("%s: Verify = %v, want ErrPINNotSet", info.Name, err)
			}
			for _, cmd := range simCommands(sim) {
				if strings.HasPrefix(cmd, "00 20") && len(cmd) > len(cmdEmptyVerify) {
					t.Errorf("%s: VERIFY with data sent: %s", info.Name, cmd)
				}
			}
		}
	})
	t.Run("verified earlier in the power session", func(t *testing.T) {
		sim := newSim(t, cardsim.Options{})
		c := NewCard(sim)
		if err := Verify(c, AuthPIN, []byte("1234"), always(Proceed)); err != nil {
			t.Fatal(err)
		}
		// Re-selecting the applet is no logout: the PIN reads verified.
		if _, err := Identify(c); err != nil {
			t.Fatal(err)
		}
		if st, err := PINTries(c, AuthPIN); err != nil || st.State != PINStateVerified {
			t.Fatalf("PINTries = %+v, %v; want verified", st, err)
		}
		var seen PINStatus
		err := Verify(c, AuthPIN, []byte("0000"), func(st PINStatus) Consent { seen = st; return Proceed })
		var wp *WrongPINError
		if !errors.As(err, &wp) || wp.TriesLeft != 2 || seen.State != PINStateOK || seen.TriesLeft != 3 {
			t.Errorf("err = %v, consent saw %+v", err, seen)
		}
	})
	t.Run("removed mid-check", func(t *testing.T) {
		sim := newSim(t, cardsim.Options{RemoveAfter: 4})
		_, err := Check(NewCard(sim))
		if !errors.Is(err, cardsim.ErrRemoved) {
			t.Errorf("err = %v, want cardsim.ErrRemoved through the wrapping", err)
		}
	})
}

func TestSimIdentify(t *testing.T) {
	for profile, want := range map[cardsim.Profile]CardType{
		cardsim.Valid:      CardMyNumber,
		cardsim.Juki:       CardJuki,
		cardsim.Smartphone: CardSmartphoneAndroid,
	} {
		got, err := Identify(NewCard(newSim(t, cardsim.Options{Profile: profile})))
		if err != nil || got != want {
			t.Errorf("%s: Identify = %v, %v; want %v", profile, got, err, want)
		}
	}
	if _, err := Identify(NewCard(newSim(t, cardsim.Options{Profile: cardsim.NotJPKI}))); !errors.Is(err, ErrNotJPKI) {
		t.Errorf("not-jpki: %v", err)
	}
}
