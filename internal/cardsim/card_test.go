package cardsim

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

var fixedToday = time.Date(2026, 11, 25, 0, 0, 0, 0, jst)

// APDUs used throughout, spelled out from docs/protocol.md rather than
// built by code, so a mistake in a helper cannot hide.
const (
	selAP      = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
	selToken   = "00 A4 02 0C 02 00 06"
	selAuth    = "00 A4 02 0C 02 00 0A"
	selAuthCA  = "00 A4 02 0C 02 00 0B"
	selSign    = "00 A4 02 0C 02 00 01"
	selSignCA  = "00 A4 02 0C 02 00 02"
	selAuthPIN = "00 A4 02 0C 02 00 18"
	selSignPIN = "00 A4 02 0C 02 00 1B"
	selFlags   = "00 A4 02 0C 02 00 08"
	triesLeft  = "00 20 00 80"
	verify1234 = "00 20 00 80 04 31 32 33 34"
	verify9999 = "00 20 00 80 04 39 39 39 39"
	verifyABC  = "00 20 00 80 06 41 42 43 31 32 33" // ABC123
	verifyBad  = "00 20 00 80 06 41 42 43 31 32 34" // ABC124
	read4      = "00 B0 00 00 04"
	read256    = "00 B0 00 00 00"
)

func newCard(t testing.TB, o Options) *Card {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = fixedToday
	}
	c, err := New(o)
	if err != nil {
		t.Fatalf("New(%+v): %v", o, err)
	}
	return c
}

func tx(t testing.TB, c *Card, apdu string) []byte {
	t.Helper()
	resp, err := c.Transmit(hx(t, apdu))
	if err != nil {
		t.Fatalf("Transmit(%s): %v", apdu, err)
	}
	if len(resp) < 2 {
		t.Fatalf("Transmit(%s) = %X: no status word", apdu, resp)
	}
	return resp
}

func swOf(resp []byte) string { return fmt.Sprintf("%X", resp[len(resp)-2:]) }

// step is one command and the status word (and, if set, data length) the
// card must answer.
type step struct {
	apdu    string
	sw      string
	dataLen int // -1: don't check
}

func s(apdu, sw string) step         { return step{apdu, sw, -1} }
func sd(apdu, sw string, n int) step { return step{apdu, sw, n} }
func run(t *testing.T, c *Card, steps ...step) {
	t.Helper()
	for i, st := range steps {
		resp := tx(t, c, st.apdu)
		if got := swOf(resp); got != strings.ReplaceAll(st.sw, " ", "") {
			t.Fatalf("step %d %s: SW %s, want %s (resp %X)", i, st.apdu, got, st.sw, resp)
		}
		if st.dataLen >= 0 && len(resp)-2 != st.dataLen {
			t.Fatalf("step %d %s: %d data bytes, want %d", i, st.apdu, len(resp)-2, st.dataLen)
		}
	}
}

func TestStatusWords(t *testing.T) {
	tests := []struct {
		name  string
		opts  Options
		steps []step
	}{
		{"select AP", Options{}, []step{s(selAP, "9000")}},
		{"select AP twice", Options{}, []step{s(selAP, "9000"), s(selAP, "9000")}},
		{"select unknown AID", Options{}, []step{s("00 A4 04 0C 07 A0 00 00 00 03 10 10", "6A82")}},
		{"probe with FCI and Le, unknown AID", Options{}, []step{s("00 A4 04 00 06 A0 00 00 00 01 01 00", "6A82")}},
		{"select AP asking for FCI", Options{}, []step{s("00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01", "6A86")}},
		{"select AP with Le", Options{}, []step{s("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01 00", "6700")}},
		{"select AP without data", Options{}, []step{s("00 A4 04 0C", "6700")}},
		{"select by path is unsupported", Options{}, []step{s("00 A4 08 0C 02 00 0A", "6A86")}},
		{"select MF by FID is unsupported", Options{}, []step{s("00 A4 00 0C 02 3F 00", "6A86")}},
		{"other My Number applet", Options{}, []step{s("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "9000"), s(selAuth, "6A82")}},
		{"select EF before AP", Options{}, []step{s(selAuth, "6A82")}},
		{"select EF", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000")}},
		{"select unknown EF", Options{}, []step{s(selAP, "9000"), s("00 A4 02 0C 02 00 0C", "6A82")}},
		{"select certificate flags EF", Options{}, []step{s(selAP, "9000"), s(selFlags, "9000"), sd(read256, "9000", 3)}},
		{"select EF with 3-byte id", Options{}, []step{s(selAP, "9000"), s("00 A4 02 0C 03 00 00 0A", "6700")}},
		{"select EF asking for FCI", Options{}, []step{s(selAP, "9000"), s("00 A4 02 00 02 00 0A", "6A86")}},
		{"select EF with Le", Options{}, []step{s(selAP, "9000"), s("00 A4 02 0C 02 00 0A 00", "6700")}},
		{"read without current EF", Options{}, []step{s(selAP, "9000"), s(read4, "6986")}},
		{"read token", Options{}, []step{s(selAP, "9000"), s(selToken, "9000"), sd("00 B0 00 00 20", "9000", 32)}},
		{"read header", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), sd(read4, "9000", 4)}},
		{"read 256", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), sd(read256, "9000", 256)}},
		{"read at last byte", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), sd("00 B0 07 FF 01", "9000", 1)}},
		{"read across the end", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), sd("00 B0 07 F0 00", "9000", 16)}},
		{"read across the end, quirk 62 82", Options{Quirks: []Quirk{endOfFile6282}}, []step{s(selAP, "9000"), s(selAuth, "9000"), sd("00 B0 07 F0 00", "6282", 16), sd("00 B0 07 F0 10", "9000", 16)}},
		{"read at the end", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), sd("00 B0 08 00 01", "6B00", 0)}},
		{"read far past the end", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), s("00 B0 7F 00 01", "6B00")}},
		{"read with SFI", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), s("00 B0 8A 00 04", "6A86")}},
		{"read without Le", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), s("00 B0 00 00", "6700")}},
		{"read with data", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), s("00 B0 00 00 01 00", "6700")}},
		{"read PIN EF", Options{}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s(read4, "6982")}},
		{"read private key EF", Options{}, []step{s(selAP, "9000"), s("00 A4 02 0C 02 00 17", "9000"), s(read4, "6982")}},
		{"read sign cert without password", Options{}, []step{s(selAP, "9000"), s(selSign, "9000"), s(read4, "6982")}},
		{"read sign cert with password", Options{}, []step{s(selAP, "9000"), s(selSignPIN, "9000"), s(verifyABC, "9000"), s(selSign, "9000"), sd(read4, "9000", 4)}},
		{"auth PIN does not open sign cert", Options{}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s(verify1234, "9000"), s(selSign, "9000"), s(read4, "6982")}},
		{"read CAs freely", Options{}, []step{s(selAP, "9000"), s(selAuthCA, "9000"), sd(read4, "9000", 4), s(selSignCA, "9000"), sd(read4, "9000", 4)}},
		{"extended read disabled", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), s("00 B0 00 00 00 08 00", "6700")}},
		{"extended select disabled", Options{}, []step{s("00 A4 04 0C 00 00 0A D3 92 F0 00 26 01 00 00 00 01", "6700")}},
		{"extended read enabled", Options{Extended: true}, []step{s(selAP, "9000"), s(selAuth, "9000"), sd("00 B0 00 00 00 08 00", "9000", 2048)}},
		{"extended read 65536", Options{Extended: true}, []step{s(selAP, "9000"), s(selAuth, "9000"), sd("00 B0 00 00 00 00 00", "9000", 2048)}},
		{"extended read 65536, quirk 62 82", Options{Extended: true, Quirks: []Quirk{endOfFile6282}}, []step{s(selAP, "9000"), s(selAuth, "9000"), sd("00 B0 00 00 00 00 00", "6282", 2048)}},
		{"extended read past end", Options{Extended: true}, []step{s(selAP, "9000"), s(selAuth, "9000"), s("00 B0 08 00 00 00 10", "6B00")}},
		{"Le above max", Options{MaxLe: 200}, []step{s(selAP, "9000"), s(selAuth, "9000"), s(read256, "6700"), sd("00 B0 00 00 C8", "9000", 200)}},
		{"short-le", Options{Profile: ShortLe}, []step{s(selAP, "9000"), s(selAuth, "9000"), s(read256, "6700"), s("00 B0 00 00 81", "6700"), sd("00 B0 00 00 80", "9000", 128)}},
		{"verify without PIN EF", Options{}, []step{s(selAP, "9000"), s(triesLeft, "6986")}},
		{"verify on a certificate EF", Options{}, []step{s(selAP, "9000"), s(selAuth, "9000"), s(verify1234, "6986")}},
		{"verify wrong P2", Options{}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s("00 20 00 81", "6A86")}},
		{"verify wrong P1", Options{}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s("00 20 FF 80", "6A86")}},
		{"verify with Le", Options{}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s("00 20 00 80 00", "6700")}},
		{"verify malformed", Options{}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s("00 20 00 80 05 31 32", "6700")}},
		{"tries auth", Options{}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s(triesLeft, "63C3")}},
		{"tries sign", Options{}, []step{s(selAP, "9000"), s(selSignPIN, "9000"), s(triesLeft, "63C5")}},
		{"lowercase password is wrong", Options{}, []step{s(selAP, "9000"), s(selSignPIN, "9000"), s("00 20 00 80 06 61 62 63 31 32 33", "63C4")}},
		{"PIN with a trailing NUL is wrong", Options{}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s("00 20 00 80 05 31 32 33 34 00", "63C2")}},
		{"unknown INS", Options{}, []step{s("00 CA DF 30 05", "6D00"), s("00 84 00 00 08", "6D00"), s("00 22 41 B6 03 83 01 01", "6D00")}},
		{"unknown CLA", Options{}, []step{s("80 2A 00 80 00", "6E00"), s("FF CA 00 00 00", "6E00"), s("10 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01", "6E00"), s("01 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01", "6E00")}},
		{"too short", Options{}, []step{s("00 A4 04", "6700"), s("00", "6700"), s("", "6700")}},
		{"GET RESPONSE with nothing pending", Options{}, []step{s("00 C0 00 00 10", "6985")}},
		{"not-jpki", Options{Profile: NotJPKI}, []step{s(selAP, "6A82"), s(selAuth, "6A82"), s("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "6A82")}},
		{"no-cert", Options{Profile: NoCert}, []step{s(selAP, "9000"), s(selAuth, "6A82"), s(selAuthCA, "9000")}},
		{"smartphone auth cert needs PIN", Options{Profile: Smartphone}, []step{s(selAP, "9000"), s(selAuth, "9000"), s(read4, "6982"),
			s(selAuthPIN, "9000"), s(verify1234, "9000"), s(selAuth, "9000"), sd(read4, "9000", 4)}},
		{"juki has no auth cert", Options{Profile: Juki}, []step{s(selAP, "9000"), s(selAuth, "6A82"), s(selAuthCA, "6A82"), s(selSignCA, "9000")}},
		{"auth-locked", Options{Profile: AuthLocked}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s(triesLeft, "6984"), s(verify1234, "6984"), s(selSignPIN, "9000"), s(triesLeft, "63C5")}},
		{"auth-locked, quirk 69 83", Options{Profile: AuthLocked, Quirks: []Quirk{blocked6983}}, []step{s(selAP, "9000"), s(selAuthPIN, "9000"), s(triesLeft, "6983"), s(verify1234, "6983")}},
		{"sign-one-try", Options{Profile: SignOneTry}, []step{s(selAP, "9000"), s(selSignPIN, "9000"), s(triesLeft, "63C1"), s(verifyBad, "63C0"), s(triesLeft, "6984"), s(verifyABC, "6984")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run(t, newCard(t, tt.opts), tt.steps...)
		})
	}
}

func TestEmptyVerifyNeverSpendsATry(t *testing.T) {
	for _, tries := range []int{3, 2, 1} {
		c := newCard(t, Options{AuthTries: Tries(tries)})
		run(t, c, s(selAP, "9000"), s(selAuthPIN, "9000"))
		for range 10 {
			run(t, c, s(triesLeft, fmt.Sprintf("63C%d", tries)))
		}
		if got := c.State().Auth.TriesLeft; got != tries {
			t.Errorf("after 10 empty VERIFYs: %d tries left, want %d", got, tries)
		}
	}
}

// An empty VERIFY on a PIN verified in this power session answers 90 00
// ("verified now"), or 63 Cx with the quirk; either way it keeps the
// verified state and the counter.
func TestEmptyVerifyWhenVerified(t *testing.T) {
	tests := []struct {
		name   string
		quirks []Quirk
		sw     string
	}{
		{"real card", nil, "9000"},
		{"quirk empty-verify-63cx", []Quirk{emptyVerify63Cx}, "63C3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCard(t, Options{Quirks: tt.quirks})
			run(t, c, s(selAP, "9000"), s(selAuthPIN, "9000"), s(triesLeft, "63C3"), s(verify1234, "9000"),
				s(triesLeft, tt.sw), s(triesLeft, tt.sw),
				s(selSignPIN, "9000"), s(triesLeft, "63C5")) // the other PIN is not verified
			if st := c.State(); !st.Auth.Verified || st.Auth.TriesLeft != 3 {
				t.Errorf("empty VERIFY changed the auth PIN: %+v", st.Auth)
			}
			// After a power cycle the PIN is no longer verified: 63 Cx again.
			c.PowerOff()
			run(t, c, s(selAP, "9000"), s(selAuthPIN, "9000"), s(triesLeft, "63C3"))
		})
	}
}

func TestWrongPINDecrementsOnceAndLocks(t *testing.T) {
	c := newCard(t, Options{})
	run(t, c, s(selAP, "9000"), s(selAuthPIN, "9000"),
		s(verify9999, "63C2"), s(triesLeft, "63C2"),
		s(verify1234, "9000"), s(triesLeft, "9000"), // right PIN restores the counter
		s(verify9999, "63C2"), s(triesLeft, "63C2"), s(verify9999, "63C1"), s(verify9999, "63C0"),
		s(triesLeft, "6984"), s(verify1234, "6984"), s(verify9999, "6984"))
	st := c.State()
	if st.Auth.TriesLeft != 0 || !st.Auth.Locked || st.Auth.Verified {
		t.Errorf("auth state %+v, want locked", st.Auth)
	}
	if st.Sign.TriesLeft != 5 {
		t.Errorf("sign tries %d, want 5 (untouched)", st.Sign.TriesLeft)
	}
	// Locked stays locked across re-selection, resets and power cycles.
	c.reset()
	run(t, c, s(selAP, "9000"), s(selAuthPIN, "9000"), s(triesLeft, "6984"))
	c.PowerOff()
	c.powerOn()
	run(t, c, s(selAP, "9000"), s(selAuthPIN, "9000"), s(triesLeft, "6984"))
}

func TestWrongPINClearsVerified(t *testing.T) {
	c := newCard(t, Options{})
	run(t, c, s(selAP, "9000"), s(selSignPIN, "9000"), s(verifyABC, "9000"), s(verifyBad, "63C4"),
		s(selSign, "9000"), s(read4, "6982"))
}

// The verified state lasts until the card is powered off or another
// application is selected (docs/protocol.md, "Verified state"). Each row
// logs in to both PINs, does something, and says whether the signing
// certificate (which needs the password) is still readable.
func TestVerifiedState(t *testing.T) {
	login := []step{s(selAP, "9000"), s(selSignPIN, "9000"), s(verifyABC, "9000"), s(selAuthPIN, "9000"), s(verify1234, "9000")}
	tests := []struct {
		name   string
		quirks []Quirk
		then   func(t *testing.T, c *Card)
		kept   bool
	}{
		{"re-select JPKI AP", nil, func(t *testing.T, c *Card) { run(t, c, s(selAP, "9000")) }, true},
		{"re-select JPKI AP three times", nil, func(t *testing.T, c *Card) {
			run(t, c, s(selAP, "9000"), s(selAP, "9000"), s(selAP, "9000"))
		}, true},
		{"failed select of an unknown AID", nil, func(t *testing.T, c *Card) {
			run(t, c, s("00 A4 04 0C 05 A0 00 00 00 03", "6A82"), s(selAP, "9000"))
		}, true},
		{"warm reset", nil, func(t *testing.T, c *Card) { c.reset(); run(t, c, s(selAP, "9000")) }, true},
		{"warm reset twice", nil, func(t *testing.T, c *Card) { c.reset(); c.reset(); run(t, c, s(selAP, "9000")) }, true},
		{"select 券面事項入力補助AP and back", nil, func(t *testing.T, c *Card) {
			run(t, c, s("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "9000"), s(selAP, "9000"))
		}, false},
		{"select 券面AP and back", nil, func(t *testing.T, c *Card) {
			run(t, c, s("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02", "9000"), s(selAP, "9000"))
		}, false},
		{"select the third AP and back", nil, func(t *testing.T, c *Card) {
			run(t, c, s("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00", "9000"), s(selAP, "9000"))
		}, false},
		{"power off", nil, func(t *testing.T, c *Card) { c.PowerOff(); run(t, c, s(selAP, "9000")) }, false},
		{"power off and on", nil, func(t *testing.T, c *Card) { c.PowerOff(); c.powerOn(); run(t, c, s(selAP, "9000")) }, false},
		{"power on while powered (cold reset)", nil, func(t *testing.T, c *Card) { c.powerOn(); run(t, c, s(selAP, "9000")) }, false},
		{"quirk reselect-clears-pins: re-select", []Quirk{reselectClearsPINs}, func(t *testing.T, c *Card) { run(t, c, s(selAP, "9000")) }, false},
		{"quirk reselect-clears-pins: warm reset", []Quirk{reselectClearsPINs}, func(t *testing.T, c *Card) { c.reset(); run(t, c, s(selAP, "9000")) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCard(t, Options{Quirks: tt.quirks})
			run(t, c, login...)
			if st := c.State(); !st.Auth.Verified || !st.Sign.Verified {
				t.Fatalf("after login: %+v", st)
			}
			tt.then(t, c)
			st := c.State()
			if st.Auth.Verified != tt.kept || st.Sign.Verified != tt.kept {
				t.Fatalf("verified auth %v sign %v, want %v", st.Auth.Verified, st.Sign.Verified, tt.kept)
			}
			if tt.kept {
				run(t, c, s(selSign, "9000"), sd(read4, "9000", 4), s(selSignPIN, "9000"), s(triesLeft, "9000"))
			} else {
				run(t, c, s(selSign, "9000"), s(read4, "6982"), s(selSignPIN, "9000"), s(triesLeft, "63C5"))
			}
			if st.Auth.TriesLeft != 3 || st.Sign.TriesLeft != 5 {
				t.Errorf("counters changed: %+v", st)
			}
		})
	}
}

// Selection does not survive a reset or power cycle; inside another
// applet nothing of the JPKI applet can be reached.
func TestSelectionAfterResetAndInOtherApplets(t *testing.T) {
	tests := []struct {
		name  string
		then  func(c *Card)
		steps []step
	}{
		{"warm reset deselects the applet", func(c *Card) { c.reset() }, []step{s(selAuth, "6A82"), s(read4, "6986")}},
		{"power off deselects the applet", func(c *Card) { c.PowerOff() }, []step{s(selAuth, "6A82"), s(read4, "6986")}},
		{"other applet has no JPKI files", func(c *Card) {}, []step{
			s("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "9000"), s(selAuth, "6A82"), s(selAuthPIN, "6A82"),
			s(read4, "6986"), s(triesLeft, "6986")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCard(t, Options{})
			run(t, c, s(selAP, "9000"), s(selAuth, "9000"))
			tt.then(c)
			run(t, c, tt.steps...)
		})
	}
}

// readEF reads a whole certificate the way a careful host does: header,
// DER length, then chunks of at most chunk bytes.
func readEF(t *testing.T, c *Card, sel string, chunk int) []byte {
	t.Helper()
	run(t, c, s(selAP, "9000"), s(sel, "9000"))
	hdr := tx(t, c, read4)
	if swOf(hdr) != "9000" || hdr[0] != 0x30 || hdr[1] != 0x82 {
		t.Fatalf("header %X", hdr)
	}
	total := 4 + (int(hdr[2])<<8 | int(hdr[3]))
	var out []byte
	for len(out) < total {
		n := min(chunk, total-len(out))
		resp := tx(t, c, fmt.Sprintf("00 B0 %02X %02X %02X", len(out)>>8, len(out)&0xFF, n&0xFF))
		if swOf(resp) != "9000" {
			t.Fatalf("read at %d: %X", len(out), resp[len(resp)-2:])
		}
		out = append(out, resp[:len(resp)-2]...)
	}
	return out
}

func TestCertificateFilesArePaddedDER(t *testing.T) {
	c := newCard(t, Options{})
	certs := c.Certificates()
	for _, f := range []struct {
		sel  string
		want []byte
	}{{selAuth, certs.Auth}, {selAuthCA, certs.AuthCA}, {selSignCA, certs.SignCA}} {
		got := readEF(t, c, f.sel, 256)
		if !bytes.Equal(got, f.want) {
			t.Errorf("%s: read %d bytes, differs from the stored certificate (%d bytes)", f.sel, len(got), len(f.want))
		}
		// The EF goes on past the DER: padding up to the EF size.
		resp := tx(t, c, fmt.Sprintf("00 B0 %02X %02X 10", len(got)>>8, len(got)&0xFF))
		if swOf(resp) != "9000" || !bytes.Equal(resp[:16], make([]byte, 16)) {
			t.Errorf("%s: after the DER got %X, want zero padding", f.sel, resp)
		}
	}
	if len(certs.Auth) < 1400 || len(certs.Auth) > 1800 {
		t.Errorf("auth certificate is %d bytes, want a realistic ~1.5–1.7 KB", len(certs.Auth))
	}
}

func TestToken(t *testing.T) {
	tests := []struct {
		profile Profile
		want    string
	}{
		{Valid, "JPKIAPICCTOKEN2"},
		{Juki, "JPKIAPICCTOKEN"},
		{Smartphone, "JPKIAPGPSETOKEN"},
	}
	for _, tt := range tests {
		c := newCard(t, Options{Profile: tt.profile})
		run(t, c, s(selAP, "9000"), s(selToken, "9000"))
		// EF 0006 is 160 bytes: one READ BINARY of 256 gets all of it.
		resp := tx(t, c, read256)
		if swOf(resp) != "9000" || len(resp) != 162 {
			t.Fatalf("%s: token read %d bytes, SW %s; want 160, 9000", tt.profile, len(resp)-2, swOf(resp))
		}
		if got := strings.TrimRight(string(resp[:32]), " \x00"); got != tt.want {
			t.Errorf("%s: token %q, want %q", tt.profile, got, tt.want)
		}
		run(t, c, sd("00 B0 00 9F 01", "9000", 1), s("00 B0 00 A0 01", "6B00"))
	}
}

func TestT0GetResponse(t *testing.T) {
	c := newCard(t, Options{Profile: T0})
	run(t, c, s(selAP, "9000"), s(selAuth, "9000"), sd(read4, "6104", 0))
	resp := tx(t, c, "00 C0 00 00 04")
	if swOf(resp) != "9000" || !bytes.Equal(resp[:4], c.Certificates().Auth[:4]) {
		t.Fatalf("GET RESPONSE = %X", resp)
	}
	run(t, c, s("00 C0 00 00 04", "6985")) // nothing left

	// 256 bytes announced as 61 00, fetched in two parts; too large an Le
	// gets 6C with the exact count and keeps the data.
	run(t, c, s(read256, "6100"), sd("00 C0 00 00 80", "6180", 128), s("00 C0 00 00 90", "6C80"), sd("00 C0 00 00 80", "9000", 128))

	// Reading across the end: what is left, then 90 00.
	run(t, c, s("00 B0 07 F0 00", "6110"), sd("00 C0 00 00 10", "9000", 16))
	// The original status word survives the detour: with the quirk,
	// reading across the end answers 62 82 after GET RESPONSE.
	q := newCard(t, Options{Profile: T0, Quirks: []Quirk{endOfFile6282}})
	run(t, q, s(selAP, "9000"), s(selAuth, "9000"), s("00 B0 07 F0 00", "6110"), sd("00 C0 00 00 10", "6282", 16))

	// Status words without data come straight back.
	run(t, c, s("00 B0 08 00 01", "6B00"))

	// Another command discards pending data.
	run(t, c, s(read4, "6104"), s(selAuth, "9000"), s("00 C0 00 00 04", "6985"))
	run(t, c, s(read4, "6104"), s("00 C0 00 01 04", "6A86"), s("00 C0 00 00 04", "6985"))

	// T=0 read of a whole certificate matches the stored one.
	var got []byte
	run(t, c, s(selAP, "9000"), s(selAuth, "9000"))
	for off := 0; off < len(c.Certificates().Auth); off += 256 {
		r := tx(t, c, fmt.Sprintf("00 B0 %02X %02X 00", off>>8, off&0xFF))
		if r[0] != 0x61 {
			t.Fatalf("read at %d: %X", off, r)
		}
		n := int(r[1])
		if n == 0 {
			n = 256
		}
		g := tx(t, c, fmt.Sprintf("00 C0 00 00 %02X", n&0xFF))
		got = append(got, g[:len(g)-2]...)
	}
	if !bytes.HasPrefix(got, c.Certificates().Auth) {
		t.Error("certificate read through GET RESPONSE differs")
	}
}

func TestRemoveAfter(t *testing.T) {
	var states []State
	c := newCard(t, Options{RemoveAfter: 3, OnStateChange: func(s State) { states = append(states, s) }})
	run(t, c, s(selAP, "9000"), s(selAuth, "9000"), s(read4, "9000"))
	select {
	case <-c.Removed():
	default:
		t.Fatal("card not removed after 3 APDUs")
	}
	for range 3 {
		if _, err := c.Transmit(hx(t, selAP)); !errors.Is(err, ErrRemoved) {
			t.Fatalf("Transmit after removal: %v, want ErrRemoved", err)
		}
	}
	c.reset() // does not bring it back
	if _, err := c.Transmit(hx(t, selAP)); !errors.Is(err, ErrRemoved) {
		t.Fatalf("Transmit after reset of removed card: %v", err)
	}
	if st := c.Stats(); st.APDUs != 3 {
		t.Errorf("Stats.APDUs = %d, want 3", st.APDUs)
	}
	if len(states) != 1 || !states[0].Removed {
		t.Errorf("state changes %+v, want one with Removed", states)
	}
}

func TestRemoveUnblocksHangingMiddleware(t *testing.T) {
	hang := func(c *Card, next Handler) Handler {
		return func(cmd []byte) ([]byte, error) {
			<-c.Removed()
			return nil, ErrRemoved
		}
	}
	c := newCard(t, Options{Middleware: []Middleware{hang}})
	done := make(chan error)
	go func() {
		_, err := c.Transmit(hx(t, selAP))
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	c.Remove()
	select {
	case err := <-done:
		if !errors.Is(err, ErrRemoved) {
			t.Fatalf("hanging Transmit returned %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Remove did not end a hanging Transmit")
	}
	if !c.State().Removed {
		t.Error("state not removed")
	}
}

func TestMiddlewareOrderAndLog(t *testing.T) {
	var order []string
	mw := func(name string) Middleware {
		return func(c *Card, next Handler) Handler {
			return func(cmd []byte) ([]byte, error) {
				order = append(order, name)
				return next(cmd)
			}
		}
	}
	var log strings.Builder
	c := newCard(t, Options{Middleware: []Middleware{mw("outer"), mw("inner")}, Log: &log})
	run(t, c, s(selAP, "9000"), s(selSignPIN, "9000"), s(verifyABC, "9000"), s("00 20 00 80 00 00 02 31 32", "6700"))
	if got := strings.Join(order, ","); got != "outer,inner,outer,inner,outer,inner,outer,inner" {
		t.Errorf("middleware order %s", got)
	}
	want := "00A4040C0AD392F000260100000001 9000\n" +
		"# select JPKI AP\n" +
		"00A4020C02001B 9000\n" +
		"0020008006************ 9000\n" +
		"0020008000******** 6700\n"
	if log.String() != want {
		t.Errorf("log:\n%s\nwant:\n%s", log.String(), want)
	}
	if strings.Contains(log.String(), "414243") {
		t.Error("log contains the password")
	}
	ex := c.Exchanges()
	if len(ex) != 4 || bytes.Contains(ex[2].Command, []byte("ABC123")) || !bytes.Equal(ex[2].Command[:5], hx(t, "00 20 00 80 06")) {
		t.Errorf("exchanges %X", ex)
	}
	st := c.Stats()
	if st.APDUs != 4 || st.BytesIn != 15+7+11+9 || st.BytesOut != 8 {
		t.Errorf("stats %+v", st)
	}
}

func TestStateChanges(t *testing.T) {
	var got []State
	c := newCard(t, Options{OnStateChange: func(s State) { got = append(got, s) }})
	run(t, c, s(selAP, "9000"), s(selAuthPIN, "9000"), s(triesLeft, "63C3"), s(verify9999, "63C2"),
		s(verify1234, "9000"), s(read4, "6982"), s(selAP, "9000"))
	c.reset()    // a warm reset and a re-select keep the PIN verified: no change
	c.PowerOff() // this ends it
	want := []string{
		`{"auth":{"tries_left":2,"max_tries":3,"locked":false,"verified":false},"sign":{"tries_left":5,"max_tries":5,"locked":false,"verified":false},"removed":false}`,
		`{"auth":{"tries_left":3,"max_tries":3,"locked":false,"verified":true},"sign":{"tries_left":5,"max_tries":5,"locked":false,"verified":false},"removed":false}`,
		`{"auth":{"tries_left":3,"max_tries":3,"locked":false,"verified":false},"sign":{"tries_left":5,"max_tries":5,"locked":false,"verified":false},"removed":false}`,
	}
	if len(got) != len(want) {
		t.Fatalf("%d state changes, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		b, _ := json.Marshal(got[i])
		if string(b) != want[i] {
			t.Errorf("change %d: %s\nwant %s", i, b, want[i])
		}
	}
}

func TestNewRejectsImpossibleCards(t *testing.T) {
	tests := []struct {
		name string
		o    Options
	}{
		{"unknown profile", Options{Profile: "nope"}},
		{"PIN too long", Options{AuthPIN: "12345"}},
		{"PIN not digits", Options{AuthPIN: "12a4"}},
		{"password too short", Options{SignPassword: "ABC12"}},
		{"password too long", Options{SignPassword: "ABCDEFGHIJ1234567"}},
		{"password lowercase", Options{SignPassword: "abc123"}},
		{"auth tries too many", Options{AuthTries: Tries(4)}},
		{"sign tries negative", Options{SignTries: Tries(-1)}},
		{"max Le 0 is default, 257 is not", Options{MaxLe: 257}},
		{"negative remove-after", Options{RemoveAfter: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.o); err == nil {
				t.Errorf("New(%+v) succeeded", tt.o)
			}
		})
	}
}

func TestOptionsOverrideProfile(t *testing.T) {
	c := newCard(t, Options{Profile: AuthLocked, AuthTries: Tries(2), AuthPIN: "4321", SignPassword: "PASSWORD16CHARS0"})
	run(t, c, s(selAP, "9000"), s(selAuthPIN, "9000"), s(triesLeft, "63C2"), s(verify1234, "63C1"),
		s("00 20 00 80 04 34 33 32 31", "9000"),
		s(selSignPIN, "9000"), s("00 20 00 80 10 50 41 53 53 57 4F 52 44 31 36 43 48 41 52 53 30", "9000"))
}

func TestATR(t *testing.T) {
	classic := hx(t, "3B E0 00 FF 81 31 FE 45 14")
	for _, p := range Profiles() {
		c := newCard(t, Options{Profile: p.Name})
		if got := c.ATR(); bytes.Equal(got, classic) == (p.Name == NotJPKI) {
			t.Errorf("%s: ATR %X", p.Name, got)
		}
	}
}

// jpkiDate is a certificate's expiry date in Japan, as the host computes it.
func jpkiDate(t time.Time) string { return t.In(jst).Format(time.DateOnly) }

func parse(t *testing.T, der []byte) *x509.Certificate {
	t.Helper()
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatalf("parsing certificate: %v", err)
	}
	return c
}

func TestProfileDates(t *testing.T) {
	tests := []struct {
		profile            Profile
		authExpiry, signEx string
	}{
		{Valid, "2029-11-25", "2029-11-25"},
		{WindowOpen, "2027-01-04", "2027-01-04"},
		{Expired, "2026-11-05", "2026-11-05"},
		{Juki, "", "2018-11-25"},
		{Smartphone, "2029-11-25", "2029-11-25"},
		{AuthLocked, "2029-11-25", "2029-11-25"},
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			c := newCard(t, Options{Profile: tt.profile})
			certs := c.Certificates()
			if tt.authExpiry == "" {
				if certs.Auth != nil {
					t.Fatal("juki card has an auth certificate")
				}
			} else if got := jpkiDate(parse(t, certs.Auth).NotAfter); got != tt.authExpiry {
				t.Errorf("auth expiry %s, want %s", got, tt.authExpiry)
			}
			sign := parse(t, certs.Sign)
			if got := jpkiDate(sign.NotAfter); got != tt.signEx {
				t.Errorf("sign expiry %s, want %s", got, tt.signEx)
			}
			if sign.NotBefore.After(fixedToday) {
				t.Errorf("issued in the future: %v", sign.NotBefore)
			}
		})
	}
}

func TestCertificateShape(t *testing.T) {
	c := newCard(t, Options{Today: fixedToday, AuthExpiry: time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC), Name: "架空 一郎", Address: "大阪府大阪市北区見本1-2-3"})
	certs := c.Certificates()
	auth, sign := parse(t, certs.Auth), parse(t, certs.Sign)
	for _, cert := range []*x509.Certificate{auth, sign} {
		if got := cert.NotAfter.UTC().Format("20060102150405Z"); got != "20270315145959Z" {
			t.Errorf("NotAfter %s, want 20270315145959Z", got)
		}
		// Issued in the afternoon in Japan, like the real certificate's
		// 190725152806Z; not at midnight.
		if got := cert.NotBefore.In(jst).Format("15:04:05"); got != "15:28:06" {
			t.Errorf("NotBefore %v, want 15:28:06 JST", cert.NotBefore)
		}
		if !strings.Contains(cert.Issuer.String(), "TEST CA - not J-LIS") || cert.Issuer.Country[0] != "JP" || cert.Issuer.Organization[0] != "JPKI" {
			t.Errorf("issuer %s", cert.Issuer)
		}
		if cert.PublicKeyAlgorithm != x509.RSA || len(cert.SubjectKeyId) == 0 || len(cert.AuthorityKeyId) == 0 {
			t.Errorf("key/ids missing")
		}
	}
	if auth.Issuer.OrganizationalUnit[0] != "JPKI for user authentication" || sign.Issuer.OrganizationalUnit[0] != "JPKI for digital signature" {
		t.Errorf("issuer units %v / %v", auth.Issuer.OrganizationalUnit, sign.Issuer.OrganizationalUnit)
	}
	// Chains verify against CAPEM.
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(c.CAPEM()) {
		t.Fatal("CAPEM holds no certificates")
	}
	for _, cert := range []*x509.Certificate{auth, sign} {
		if _, err := cert.Verify(x509.VerifyOptions{Roots: pool, CurrentTime: fixedToday, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
			t.Errorf("verify %s: %v", cert.Subject, err)
		}
	}
	// The holder sits in the signing certificate only.
	got := holderAttrs(t, sign)
	want := map[string]string{"1": "架空 一郎", "2": "架空 一郎", "3": "2", "4": "19850401", "5": "大阪府大阪市北区見本1-2-3", "6": "大阪府大阪市北区見本1-2-3"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("otherName .%s = %q, want %q", k, got[k], v)
		}
	}
	if bytes.Contains(certs.Auth, []byte("架空")) {
		t.Error("auth certificate carries the name")
	}
	// Two PEM blocks: auth CA, sign CA.
	rest, n := c.CAPEM(), 0
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		n++
		if ca := parse(t, b.Bytes); !ca.IsCA || !strings.Contains(ca.Subject.String(), "TEST CA") {
			t.Errorf("CA %s", ca.Subject)
		}
	}
	if n != 2 {
		t.Errorf("%d CA certificates in CAPEM, want 2", n)
	}
}

// holderAttrs extracts the 1.2.392.200149.8.5.5.x otherNames.
func holderAttrs(t *testing.T, cert *x509.Certificate) map[string]string {
	out := map[string]string{}
	for _, e := range cert.Extensions {
		if !e.Id.Equal(asn1.ObjectIdentifier{2, 5, 29, 17}) {
			continue
		}
		var names []asn1.RawValue
		if _, err := asn1.Unmarshal(e.Value, &names); err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			var on struct {
				ID    asn1.ObjectIdentifier
				Value asn1.RawValue `asn1:"explicit,tag:0"`
			}
			if _, err := asn1.UnmarshalWithParams(n.FullBytes, &on, "tag:0"); err != nil {
				t.Fatal(err)
			}
			var v string
			if _, err := asn1.Unmarshal(on.Value.Bytes, &v); err != nil {
				t.Fatal(err)
			}
			out[fmt.Sprint(on.ID[len(on.ID)-1])] = v
		}
	}
	return out
}

func TestGarbageCert(t *testing.T) {
	c := newCard(t, Options{Profile: GarbageCert})
	der := readEF(t, c, selAuth, 256)
	if _, err := x509.ParseCertificate(der); err == nil {
		t.Fatal("garbage certificate parses")
	}
	// The sign certificate is untouched.
	parse(t, c.Certificates().Sign)
}

func TestDeterministic(t *testing.T) {
	a, b := newCard(t, Options{}), newCard(t, Options{})
	if !bytes.Equal(a.Certificates().Auth, b.Certificates().Auth) || !bytes.Equal(a.CAPEM(), b.CAPEM()) {
		t.Error("same options, different certificates")
	}
}

func TestTodayDefaultsToJapan(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Dates().Today.Format(time.DateOnly), time.Now().In(jst).Format(time.DateOnly); got != want {
		// Could flip at midnight JST between the two calls; retry once.
		if want2 := time.Now().In(jst).Format(time.DateOnly); got != want2 {
			t.Errorf("today %s, want %s", got, want)
		}
	}
}

func TestProfilesListed(t *testing.T) {
	ps := Profiles()
	if len(ps) < 12 {
		t.Fatalf("%d profiles", len(ps))
	}
	seen := map[Profile]bool{}
	for _, p := range ps {
		if p.Description == "" || seen[p.Name] {
			t.Errorf("profile %q: empty description or duplicate", p.Name)
		}
		seen[p.Name] = true
		if _, err := New(Options{Profile: p.Name, Today: fixedToday}); err != nil {
			t.Errorf("New(%s): %v", p.Name, err)
		}
	}
}

func TestNewIsFast(t *testing.T) {
	newCard(t, Options{}) // parse keys once
	start := time.Now()
	const n = 20
	for range n {
		newCard(t, Options{Profile: WindowOpen})
	}
	if per := time.Since(start) / n; per > 50*time.Millisecond {
		t.Errorf("New takes %v, want well under 20 ms", per)
	}
}

func BenchmarkNew(b *testing.B) {
	newCard(b, Options{})
	for b.Loop() {
		if _, err := New(Options{Today: fixedToday}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadAuthCert(b *testing.B) {
	c := newCard(b, Options{})
	sel, ef, hdr := hx(b, selAP), hx(b, selAuth), hx(b, read4)
	for b.Loop() {
		c.Transmit(sel)
		c.Transmit(ef)
		r, _ := c.Transmit(hdr)
		total := 4 + (int(r[2])<<8 | int(r[3]))
		for off := 0; off < total; off += 256 {
			c.Transmit([]byte{0x00, 0xB0, byte(off >> 8), byte(off), byte(min(256, total-off))})
		}
	}
}

// TestProfileHooks shows how a fault profile plugs in: a build hook that
// edits a file and a middleware that rewrites answers.
func TestProfileHooks(t *testing.T) {
	const name Profile = "test-der-too-long"
	profiles = append(profiles, profileSpec{
		name: name, desc: "DER length larger than the EF, and READ BINARY answers truncated by one byte",
		plan: func(p *plan) {},
		build: func(c *Card) {
			f := c.jpkiFile(0x000A)
			f.data[2], f.data[3] = 0x7F, 0xFF
		},
		middleware: []Middleware{func(c *Card, next Handler) Handler {
			return func(cmd []byte) ([]byte, error) {
				resp, err := next(cmd)
				if err == nil && len(cmd) > 1 && cmd[1] == 0xB0 && len(resp) > 3 {
					resp = append(resp[:len(resp)-3:len(resp)-3], resp[len(resp)-2:]...)
				}
				return resp, err
			}
		}},
	})
	t.Cleanup(func() { profiles = profiles[:len(profiles)-1] })
	c := newCard(t, Options{Profile: name})
	run(t, c, s(selAP, "9000"), s(selAuth, "9000"))
	if got := tx(t, c, read4); !bytes.Equal(got, hx(t, "30 82 7F 90 00")) {
		t.Errorf("header %X", got)
	}
}
