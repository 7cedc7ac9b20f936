package e2e_test

import (
	"bytes"
	"encoding/pem"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// OpenSC is an independent implementation of the card's client side: its
// pkcs15-tool, through the same pcscd, must read the same certificates
// jpkicheck exports and the same PIN tries jpkicheck reports. Once with
// OpenSC's default driver probing (some 20 drivers try the card first) and
// once with only its jpki driver.
func TestOpenSCAgrees(t *testing.T) {
	tool := needTool(t, "pkcs15-tool", "opensc")
	s := startStack(t)
	// Counters off their defaults, so agreeing on them means something.
	sim := s.StartCard(t, "--auth-tries", "2", "--sign-tries", "4")
	defer sim.KeepsPINs(t)()

	conf := filepath.Join(t.TempDir(), "opensc.conf")
	if err := os.WriteFile(conf, []byte("app default { card_drivers = jpki; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pins := decode[struct{ PINs pinsJSON }](t, "pin --json", s.jpkicheck(t, "pin", "--json")).PINs
	if pins.Auth.TriesLeft != 2 || pins.Sign.TriesLeft != 4 {
		t.Errorf("jpkicheck pin --json: %+v, the card has 2 and 4", pins)
	}

	var apdus []int // APDUs OpenSC sent per configuration, for the log
	for _, env := range [][]string{nil, {"OPENSC_CONF=" + conf}} {
		sent := len(sim.LogLines(t))
		for _, c := range []struct{ id, export string }{
			{"01", "auth"},
			{"03", "auth-ca"},
			{"04", "sign-ca"},
		} {
			ours := s.jpkicheck(t, "export", c.export, "--format", "pem")
			theirs := s.tool(t, env, tool, "-r", "0", "--read-certificate", c.id)
			if ours.Code != 0 || theirs.Code != 0 {
				t.Fatalf("%v export %s: exit %d (%s); pkcs15-tool --read-certificate %s: exit %d (%s)",
					env, c.export, ours.Code, ours.Stderr, c.id, theirs.Code, theirs.Stderr)
			}
			// jpkicheck's PEM carries the issuing CA after the certificate.
			if c.id == "01" {
				apdus = append(apdus, len(sim.LogLines(t))-sent)
			}
			a, b := firstDER(t, ours.Stdout), firstDER(t, theirs.Stdout)
			if !bytes.Equal(a, b) {
				t.Errorf("%v %s: jpkicheck exported %d bytes of DER, OpenSC read %d different ones", env, c.export, len(a), len(b))
			}
		}

		res := s.tool(t, env, tool, "-r", "0", "--list-pins")
		tries := map[string]int{}
		for _, m := range listedPIN.FindAllStringSubmatch(res.Stdout, -1) {
			tries[m[1]], _ = strconv.Atoi(m[2])
		}
		want := map[string]int{"User Authentication PIN": pins.Auth.TriesLeft, "Digital Signature PIN": pins.Sign.TriesLeft}
		if res.Code != 0 || !maps.Equal(tries, want) {
			t.Errorf("%v OpenSC sees tries %v; jpkicheck %v\n%s%s", env, tries, want, res.Stdout, res.Stderr)
		}
	}
	// Each count includes jpkicheck's export (it comes first).
	t.Logf("export auth + pkcs15-tool --read-certificate 01: %d APDUs with OpenSC's default drivers, %d with only its jpki driver", apdus[0], apdus[1])
	if apdus[1] >= apdus[0] {
		t.Errorf("OPENSC_CONF with card_drivers = jpki did not take effect (%d APDUs, %d without)", apdus[1], apdus[0])
	}
}

// listedPIN is one PIN in pkcs15-tool --list-pins: its label and tries left.
var listedPIN = regexp.MustCompile(`(?s)PIN \[([^\]]+)\].*?Tries left\s*:\s*(\d+)`)

func firstDER(t *testing.T, text string) []byte {
	t.Helper()
	b, _ := pem.Decode([]byte(text))
	if b == nil || b.Type != "CERTIFICATE" {
		t.Fatalf("no PEM certificate in:\n%s", text)
	}
	return b.Bytes
}
