package e2e_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// A real JPKI authentication certificate (internal/cardsim/testdata/real,
// issued by the J-LIS 2015 authentication CA) served by jpkisim and read
// through pcscd: check finds its expiry, 2024-05-02 (NotAfter 14:59:59Z is
// 23:59:59 in Japan), trusts it through the built-in CA, and spends the
// APDUs the protocol needs and no more.
func TestRealCertificate(t *testing.T) {
	root, err := rig.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "internal", "cardsim", "testdata", "real")
	s := startStack(t)
	sim := s.StartCard(t, "--today", "2024-01-10",
		"--auth-der", filepath.Join(dir, "real-auth-cert-2019.cer"),
		"--auth-ca-der", filepath.Join(dir, "real-auth-ca-2015.cer"))
	defer sim.KeepsPINs(t)()

	res := s.jpkicheck(t, "check", "--json", "--today", "2024-01-10")
	rep := decode[checkJSON](t, "check --json", res)
	auth := rep.Certificates.Auth
	if auth == nil {
		t.Fatalf("check --json without the authentication certificate (exit %d):\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	if auth.Expiry != "2024-05-02" || auth.Trust != "built_in" {
		t.Errorf("check --json: expiry %q, trust %q; want 2024-05-02 and built_in\n%s", auth.Expiry, auth.Trust, res.Stdout)
	}
	// 2024-01-10 is 113 days before the expiry: the three-month renewal
	// window is not open yet (docs/renewal-rule.md).
	if auth.State != "not_yet_open" || res.Code != 0 {
		t.Errorf("check --json on 2024-01-10: state %q, exit %d; want not_yet_open, 0", auth.State, res.Code)
	}

	// SELECT JPKI AP, SELECT EF 000A, ⌈1573/256⌉ = 7 READ BINARY (6 of
	// 256 bytes and one of 37; the first answer's DER header gives the
	// length), SELECT + empty VERIFY for each PIN: 2 + 7 + 4 = 13. The CA
	// is built in, so the card's CA file (EF 000B) is not read.
	log := parseLog(t, sim.LogLines(t))
	var seq []string
	for _, a := range log {
		seq = append(seq, a.cmd)
	}
	if len(log) != 13 {
		t.Errorf("check sent %d APDUs for the 1573-byte certificate, want 13:\n%s", len(log), strings.Join(seq, "\n"))
	}
	if n := len(log); n >= 9 && log[8].cmd != "00B0060025" {
		t.Errorf("the last READ BINARY is %s, want 00B0060025 (37 bytes at offset 1536)", log[8].cmd)
	}
}
