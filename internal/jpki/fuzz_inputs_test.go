package jpki

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz targets for the inputs the other fuzzers do not reach: the token,
// the signing certificate's personal fields, a whole Check on a card whose
// files are all fuzzed, CA files a user passes with --trust-ca, and PINs as
// typed. Seeds come from the real and test certificates.

// FuzzIdentify: any token bytes give a card type (never a panic), an
// unknown token's error quotes it printably, and a card without the
// certificate is classified by the same token.
func FuzzIdentify(f *testing.F) {
	for _, tok := range []string{"JPKIAPICCTOKEN2", "JPKIAPICCTOKEN", "JPKIAPGPSETOKEN", "JPKIAPIOSTOKEN", "JPKIAPICCTOKEN3", ""} {
		f.Add(append([]byte(tok), bytes.Repeat([]byte(" "), 32-len(tok))...))
		f.Add(append([]byte(tok), make([]byte, 32-len(tok))...))
	}
	f.Add([]byte("\x00\xff\x1b[31mJPKI\n"))
	f.Fuzz(func(t *testing.T, token []byte) {
		if len(token) > 300 {
			return
		}
		card := &fakeCard{files: map[uint16][]byte{0x0006: token}, pins: map[uint16]*fakePIN{}}
		typ, err := Identify(NewCard(card))
		if err == nil && typ.String() == "" {
			t.Fatal("empty card type")
		}
		// No certificate: Check names the card from the token.
		card = &fakeCard{files: map[uint16][]byte{0x0006: token}, pins: map[uint16]*fakePIN{}}
		_, err = Check(NewCard(card))
		var cte *CardTypeError
		if errors.As(err, &cte) {
			for _, r := range cte.Token + err.Error() {
				if r < 0x20 || r == 0x7F {
					t.Fatalf("control character in %q", err)
				}
			}
		} else if err == nil {
			t.Fatal("Check succeeded without a certificate")
		}
	})
}

// FuzzPersonal: whatever a signing certificate's subjectAltName holds,
// Personal parses it or says why, and fmt never shows the result.
func FuzzPersonal(f *testing.F) {
	for _, der := range realCertificates(f) {
		f.Add(der)
	}
	f.Fuzz(func(t *testing.T, der []byte) {
		x, err := x509.ParseCertificate(der)
		if err != nil {
			return
		}
		p, err := newCertificate(SignCert, x).Personal()
		if err != nil && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNoPersonalData) {
			t.Fatalf("unexpected error %v", err)
		}
		for _, s := range []string{fmt.Sprint(p), fmt.Sprintf("%+v", p), fmt.Sprintf("%#v", p)} {
			if s != "[personal data redacted]" {
				t.Fatalf("fmt shows %q", s)
			}
		}
	})
}

// FuzzCheck: a whole no-PIN check on a card whose certificate, CA and
// token files are fuzzed, in every card style. Never a panic; a result's
// expiry is the one in the DER the card holds; no PIN try is ever spent
// and no VERIFY carries data.
func FuzzCheck(f *testing.F) {
	p := getPKI(f)
	leaf := p.leaf(f, leafOpts{})
	token := []byte("JPKIAPICCTOKEN2                 ")
	f.Add(padEF(leaf), padEF(p.authCA.Raw), token, byte(0))
	f.Add(leaf, p.authCA.Raw, token, byte(0b1011))
	f.Add(padEF(leaf), []byte{}, token, byte(0b0110))
	f.Add(padEF(leaf[:300]), padEF(p.authCA.Raw), []byte("JPKIAPICCTOKEN"), byte(0b10000))
	f.Fuzz(func(t *testing.T, auth, ca, token []byte, mode byte) {
		if len(auth)+len(ca)+len(token) > 12000 {
			return
		}
		card := &fakeCard{
			files:       map[uint16][]byte{0x000A: auth, 0x000B: ca, 0x0006: token},
			pins:        map[uint16]*fakePIN{0x0018: {value: "1234", tries: 3}, 0x001B: {value: "ABC123", tries: 5}},
			wrongLeSW6C: mode&1 != 0,
			t0:          mode&2 != 0,
			eofWarning:  mode&4 != 0,
			extended:    mode&8 != 0,
			maxLe:       []int{0, 128, 200, 17}[mode>>5&3],
		}
		if len(ca) == 0 {
			delete(card.files, 0x000B)
		}
		var opts []CardOption
		if mode&16 != 0 {
			opts = append(opts, WithExtendedRead())
		}
		checkOpts := []ReadOption{WithTrust(p.trust(t))}
		if mode&128 != 0 {
			checkOpts = append(checkOpts, ValidityOnly())
		}
		res, err := Check(NewCard(card, opts...), checkOpts...)
		for _, c := range card.log {
			if len(c) > 5 && c[1] == insVerify {
				t.Fatalf("VERIFY with data: % X", c)
			}
		}
		if card.pins[0x0018].tries != 3 || card.pins[0x001B].tries != 5 {
			t.Fatal("a PIN try was spent")
		}
		if err != nil {
			return
		}
		if res.Auth.Partial {
			// Quick mode stops at the validity and never sees the rest.
			v, verr := earlyValidity(auth)
			if verr != nil || !v.NotAfter.Equal(res.Auth.NotAfter) {
				t.Fatalf("quick expiry %v, the DER says %v (%v)", res.Auth.NotAfter, v.NotAfter, verr)
			}
			return
		}
		n, lerr := certLength(auth)
		if lerr != nil || n > len(auth) {
			t.Fatalf("a result from a file whose DER header says %d (%v)", n, lerr)
		}
		x, xerr := x509.ParseCertificate(auth[:n])
		if xerr != nil || !x.NotAfter.Equal(res.Auth.NotAfter) {
			t.Fatalf("expiry %v from a DER x509 reads as %v (%v)", res.Auth.NotAfter, x, xerr)
		}
	})
}

// FuzzTrustAddPEM: a --trust-ca file of any content adds certificates or
// fails cleanly, and what it adds are CA certificates it parsed.
func FuzzTrustAddPEM(f *testing.F) {
	for _, der := range realCertificates(f) {
		f.Add(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	}
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
	f.Add([]byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		s := DefaultTrust()
		before := len(s.CAs())
		n, err := s.AddPEM(data)
		if err != nil && n != 0 {
			t.Fatalf("%d added and error %v", n, err)
		}
		if got := len(s.CAs()) - before; got != n {
			t.Fatalf("AddPEM says %d, the store grew by %d", n, got)
		}
	})
}

var (
	authPINFormat = regexp.MustCompile(`^[0-9]{4}$`)
	signPWFormat  = regexp.MustCompile(`^[A-Z0-9]{6,16}$`)
)

// pinOracle is NormalizePIN's rule written another way: through strings,
// the full-width block's fixed offset from ASCII, and regular expressions.
func pinOracle(pin PIN, secret []byte) (string, bool) {
	if !utf8.Valid(secret) {
		return "", false
	}
	s := strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E { // the full-width forms of ASCII 21–7E
			r -= 0xFEE0
		}
		if r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return '!'
		}
		return r
	}, string(secret))
	if pin == AuthPIN {
		return s, authPINFormat.MatchString(s)
	}
	s = strings.ToUpper(s)
	return s, signPWFormat.MatchString(s) && strings.ContainsAny(s, "0123456789") && strings.ContainsAny(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

// toFullWidth writes ASCII letters and digits as an IME would.
func toFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return r + 0xFEE0
		}
		return r
	}, s)
}

// FuzzNormalizePIN: any input either normalises to what the card takes
// (agreeing with pinOracle, and with itself when typed full-width) or
// fails with a *PINFormatError naming a rule; the input is never changed.
func FuzzNormalizePIN(f *testing.F) {
	for _, s := range []string{"1234", "１２３４", "abc123", "ＡＢＣ１２３", "ABCDEF", "123456", "ſbc123", "ABC-123", "١٢٣٤", "A23456789012345Z", "\xff\xfe12", ""} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, typed string, sign bool) {
		pin := AuthPIN
		if sign {
			pin = SignPIN
		}
		secret := []byte(typed)
		got, err := NormalizePIN(pin, secret)
		if string(secret) != typed {
			t.Fatalf("%q: input changed", typed)
		}
		want, ok := pinOracle(pin, secret)
		if ok != (err == nil) || ok && string(got) != want {
			t.Fatalf("%v %q = %q, %v; oracle %q, %v", pin, typed, got, err, want, ok)
		}
		var fe *PINFormatError
		if err != nil && (!errors.As(err, &fe) || fe.PIN != pin || fe.Reason.String() == "" || got != nil) {
			t.Fatalf("%q: error %v", typed, err)
		}
		if full, err2 := NormalizePIN(pin, []byte(toFullWidth(typed))); string(full) != string(got) || (err == nil) != (err2 == nil) {
			t.Fatalf("%q typed full-width: %q, %v; half-width: %q, %v", typed, full, err2, got, err)
		}
	})
}

// FuzzVerifyPINFormat: a PIN as typed reaches the card only if it can be
// right, then exactly once and normalised (NormalizePIN's rule, checked
// against pinOracle); anything else sends nothing at all and spends
// nothing.
func FuzzVerifyPINFormat(f *testing.F) {
	for _, s := range []string{"1234", "123", "12345", "abc123", "ABC123", "ſbc123", "１２３４", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNO1", "ABCDEFGHIJKLMNOPQ", "12 4", ""} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, secret []byte, sign bool) {
		card := newFakeMyNumber(nil, nil, nil, nil)
		pin, ef := AuthPIN, uint16(0x0018)
		if sign {
			pin, ef = SignPIN, 0x001B
		}
		tries := card.pins[ef].tries
		err := Verify(NewCard(card), pin, secret, func(PINStatus) Consent { return Proceed })
		var sent [][]byte
		for _, c := range card.log {
			if len(c) > 5 && c[1] == insVerify {
				sent = append(sent, c[5:])
			}
		}
		want, ok := pinOracle(pin, secret)
		if !ok {
			if !errors.Is(err, ErrPINFormat) || len(card.log) != 0 {
				t.Fatalf("%q: error %v after %d APDUs; want ErrPINFormat and nothing sent", secret, err, len(card.log))
			}
			return
		}
		if len(sent) != 1 || string(sent[0]) != want {
			t.Fatalf("%q: sent %q, want %q", secret, sent, want)
		}
		if left := card.pins[ef].tries; left < tries-1 {
			t.Fatalf("%q: %d tries spent", secret, tries-left)
		}
	})
}
