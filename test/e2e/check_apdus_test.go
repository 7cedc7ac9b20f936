package e2e_test

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// Commands of the no-PIN check, as the card receives them.
const (
	selectAP   = "00A4040C0AD392F000260100000001"
	selectCert = "00A4020C02000A" // authentication certificate
	selectAuth = "00A4020C020018" // authentication PIN
	selectSign = "00A4020C02001B" // signing password
	emptyVer   = "00200080"       // VERIFY without data: tries left, spends none
	selectTok  = "00A4020C020006" // the JPKI token
)

// apdu is one line of jpkisim's --log: the command the card received and
// its answer, in hex.
type apdu struct{ cmd, rsp string }

func parseLog(t *testing.T, lines []string) []apdu {
	t.Helper()
	out := make([]apdu, len(lines))
	for i, l := range lines {
		f := strings.Fields(l)
		if len(f) != 2 {
			t.Fatalf("jpkisim log line %d: %q", i+1, l)
		}
		out[i] = apdu{strings.ToUpper(f[0]), strings.ToUpper(f[1])}
	}
	return out
}

// The no-PIN check through pcscd costs the card exactly SELECT AP, SELECT
// 000A, ⌈L/256⌉ READ BINARY (L the certificate's DER length, from the
// card's own answer; nothing read twice), SELECT 0018 + empty VERIFY and
// SELECT 001B + empty VERIFY: no token, no CA certificate, no PIN spent.
func TestNoPINCheckAPDUs(t *testing.T) {
	s := startStack(t)
	sim := s.StartCard(t)
	defer sim.KeepsPINs(t)()

	res := s.jpkicheck(t, "check", "--json", "--trust-ca", sim.CAPath)
	if res.Code != 0 {
		t.Fatalf("check: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	log := parseLog(t, sim.LogLines(t))
	var seq []string
	for _, a := range log {
		seq = append(seq, a.cmd)
	}
	t.Logf("the card received %d APDUs:\n%s", len(seq), strings.Join(seq, "\n"))

	if len(log) < 3 || !strings.HasPrefix(log[2].rsp, "3082") {
		t.Fatalf("third APDU is not the start of the certificate: %+v", log)
	}
	hdr, _ := hex.DecodeString(log[2].rsp[:8])
	derLen := 4 + (int(hdr[2])<<8 | int(hdr[3]))
	want := []string{selectAP, selectCert}
	for off := 0; off < derLen; off += 256 {
		n := min(256, derLen-off)
		want = append(want, fmt.Sprintf("00B0%04X%02X", off, n&0xFF))
	}
	want = append(want, selectAuth, emptyVer, selectSign, emptyVer)

	if strings.Join(seq, " ") != strings.Join(want, " ") {
		t.Errorf("APDU sequence for a %d-byte certificate:\n got %s\nwant %s", derLen, seq, want)
	}
	for _, a := range log {
		if a.cmd == selectTok {
			t.Errorf("the token was read: %s", a.cmd)
		}
	}
	// Both counters were read: the answers are 63 Cx.
	if n := len(log); n >= 4 && (!strings.HasPrefix(log[n-3].rsp, "63C") || !strings.HasPrefix(log[n-1].rsp, "63C")) {
		t.Errorf("empty VERIFY answers %s and %s, want 63 Cx", log[n-3].rsp, log[n-1].rsp)
	}
}
