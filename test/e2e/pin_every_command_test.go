package e2e_test

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// invocation is one way to run a command against a card.
type invocation struct {
	name  string
	args  []string // card flags are added; {out} is a fresh output directory
	stdin string
	// only restricts the invocation to one profile (a refusal that only
	// that card's state triggers).
	only cardsim.Profile
}

// noVerify is every command and path that does not explicitly verify a
// PIN, plus the explicit ones that must refuse before sending anything (no
// PIN given, a PIN that cannot be right, the last try without --force):
// none of them may ever change a PIN counter.
var noVerify = []invocation{
	{name: "check", args: []string{"check", "--lang", "en"}},
	{name: "check-json-ja", args: []string{"check", "--json", "--lang", "ja"}},
	{name: "check-quick-trace", args: []string{"check", "--quick", "--trace", "--lang", "en"}},
	{name: "pin", args: []string{"pin", "--lang", "en"}},
	{name: "pin-status-json", args: []string{"pin", "status", "--json"}},
	{name: "readers", args: []string{"readers", "--json"}},
	{name: "export-auth", args: []string{"export", "auth"}},
	{name: "export-auth-ca-der", args: []string{"export", "auth-ca", "--format", "der", "-o", "{out}/auth-ca.der"}},
	{name: "export-sign-ca-p7b", args: []string{"export", "sign-ca", "--format", "p7b", "-o", "{out}/sign-ca.p7b"}},
	{name: "ics", args: []string{"ics", "-o", "{out}/renewal.ics"}},
	{name: "check-sign-no-password", args: []string{"check", "--sign", "--lang", "en"}},
	{name: "pin-verify-auth-no-pin", args: []string{"pin", "verify", "auth"}},
	{name: "pin-verify-auth-bad-format", args: []string{"pin", "verify", "auth"}, stdin: "12\n"},
	{name: "pin-verify-sign-bad-format", args: []string{"pin", "verify", "sign"}, stdin: "AB!\n"},
	// The signing password needs a letter and a digit: no card can
	// accept these, so they must not cost a try.
	{name: "pin-verify-sign-letters-only", args: []string{"pin", "verify", "sign"}, stdin: "ABCDEF\n"},
	{name: "pin-verify-sign-digits-only", args: []string{"pin", "verify", "sign"}, stdin: "123456\n"},
	{name: "check-sign-digits-only", args: []string{"check", "--sign"}, stdin: "123456\n"},
	{name: "export-sign-no-password", args: []string{"export", "sign", "-o", "{out}/sign.pem"}},
	{name: "pin-verify-sign-last-try", args: []string{"pin", "verify", "sign"}, stdin: "WRONG9\n", only: cardsim.SignOneTry},
	{name: "export-sign-last-try", args: []string{"export", "sign", "-o", "{out}/sign.pem", "--force"}, stdin: "WRONG9\n", only: cardsim.SignOneTry},
}

// verifying sends the right PIN: a try is never spent (the counter was
// full or is back to full), and when the command exits no PIN is left
// verified on the card (docs/protocol.md, "Verified state"). Refusals
// (a locked PIN, the last try, no signing certificate) send nothing.
var verifying = []invocation{
	{name: "pin-verify-auth", args: []string{"pin", "verify", "auth"}, stdin: "1234\n"},
	{name: "pin-verify-sign", args: []string{"pin", "verify", "sign"}, stdin: "ABC123\n"},
	{name: "check-sign", args: []string{"check", "--sign", "--lang", "en"}, stdin: "ABC123\n"},
	{name: "export-sign", args: []string{"export", "sign", "-o", "{out}/sign.pem"}, stdin: "ABC123\n"},
}

// noCard are the commands that never touch a card; kioskCommands are
// covered by the kiosk tests.
var (
	noCard        = []string{"window", "demo", "version", "help"}
	kioskCommands = []string{"kiosk", "ui"}
)

// Every command jpkicheck lists is in one of the tables above, so a new
// command cannot dodge the PIN invariant.
func TestEveryCommandCovered(t *testing.T) {
	out, err := exec.Command(rig.Build(t, "./cmd/jpkicheck"), "--help", "--lang", "en").Output()
	if err != nil {
		t.Fatalf("jpkicheck --help: %v", err)
	}
	block := regexp.MustCompile(`(?s)Commands:\n(.*?)\n\n`).FindStringSubmatch(string(out))
	if block == nil {
		t.Fatalf("no command list in --help:\n%s", out)
	}
	covered := slices.Concat(noCard, kioskCommands)
	for _, inv := range noVerify {
		covered = append(covered, inv.args[0])
	}
	for _, line := range strings.Split(block[1], "\n") {
		name := strings.Fields(line)[0]
		if !slices.Contains(covered, name) {
			t.Errorf("command %q is in no table of the PIN invariant", name)
		}
	}
}

// The PIN-safety invariant through the real stack: every invocation above,
// against a jpkisim card of every profile and every fault (but hang, which
// TestHungCard runs), leaves both PIN counters exactly as they were and,
// the moment it exits, no PIN verified on the card — the ones that send
// the right PIN included. Along the way: no run hangs; on a faulty card no run shows
// a date a good card's run does not; no output or file holds the holder's
// personal data (the leak checks use a holder of this test's own).
func TestPINInvariantEveryCommandEveryCard(t *testing.T) {
	s := startStack(t)
	tl := newTally(t, "PIN invariant: invocations x profiles and faults")
	faults := newTally(t, "garbage cards through the real stack (check)")
	var refDates map[string][]string
	profiles := allProfiles()
	for i, p := range profiles {
		if p.Name == cardsim.Hang {
			continue
		}
		reader := i % 2
		sim := s.card(t, reader, "--profile", string(p.Name), "--name", leakName, "--address", leakAddress)
		before := sim.State(t)
		dates := map[string][]string{}
		for _, inv := range slices.Concat(noVerify, verifying) {
			if inv.only != "" && inv.only != p.Name {
				continue
			}
			name := fmt.Sprintf("%s/%s", p.Name, inv.name)
			res, files := s.isolated(t, reader, sim.CAPath, inv)
			tl.add(string(p.Name))
			rig.PINsUnchanged(t, name, before, sim.State(t))
			assertNoLeak(t, name, res.Stdout, res.Stderr)
			for path, b := range files {
				// The exported signing certificate is the holder's own
				// file, asked for.
				if inv.name != "export-sign" {
					assertNoLeak(t, name+" "+path, string(b))
				}
			}
			dates[inv.name] = append(dates[inv.name], allDates(res, files)...)
			if refDates != nil && isFault(p.Name) {
				assertNoWrongDate(t, name, strings.Join(allDates(res, files), " "), refDates[inv.name])
			}
			if inv.name == "check" && isFault(p.Name) {
				faults.add(outcome(res))
				switch p.Name {
				case cardsim.RandomSW: // anything clear goes
				case cardsim.Truncated:
					// Short answers are read on from where they stop: the
					// certificate arrives whole, in more APDUs.
					if res.Code != 0 || !strings.Contains(res.Stdout, refDates["check"][0]) {
						t.Errorf("%s: exit %d, want the good card's result\n%s%s", name, res.Code, res.Stdout, res.Stderr)
					}
				default:
					// The fault breaks the read in a way the protocol code
					// detects: "could not be read correctly", exit 6.
					assertProblem(t, name, res, 6, report.Malformed)
				}
			}
			if res.Code == 1 {
				t.Errorf("%s: exit 1 (\"other error\"): a card problem must say what it is\n%s", name, res.Stderr)
			}
		}
		if p.Name == cardsim.Valid {
			refDates = dates
		}
		sim.Stop(t)
		sim.WaitRemoved(t)
	}
}

func isFault(p cardsim.Profile) bool {
	return slices.ContainsFunc(cardsim.FaultProfiles(), func(f cardsim.ProfileInfo) bool { return f.Name == p })
}

func allDates(res rig.Result, files map[string][]byte) []string {
	out := dates(res.Stdout + res.Stderr)
	for _, b := range files {
		out = append(out, dates(string(b))...)
	}
	return out
}

// isolated runs inv with a private HOME, TMPDIR and XDG directories, and
// returns the result with every file the run left anywhere in them (its
// -o outputs included).
func (s *stack) isolated(t *testing.T, reader int, caPath string, inv invocation) (rig.Result, map[string][]byte) {
	t.Helper()
	root := t.TempDir()
	out := filepath.Join(root, "out")
	home := filepath.Join(root, "home")
	tmp := filepath.Join(root, "tmp")
	for _, d := range []string{out, home, tmp} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	args := make([]string, len(inv.args))
	for i, a := range inv.args {
		args[i] = strings.ReplaceAll(a, "{out}", out)
	}
	if args[0] == "readers" {
		args = append(args, "--reader", s.ReaderName(reader))
	} else {
		args = s.cardArgs(reader, caPath, args...)
	}
	env := []string{"HOME=" + home, "TMPDIR=" + tmp, "XDG_CACHE_HOME=" + home + "/.cache", "XDG_CONFIG_HOME=" + home + "/.config"}
	res := s.start(t, rig.RunOptions{Stdin: inv.stdin, Env: env}, args...).Wait(t, 0)
	files := map[string][]byte{}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(path)
			rel, _ := filepath.Rel(root, path)
			files[rel] = b
		}
		return nil
	})
	for rel := range files {
		if !strings.HasPrefix(rel, "out/") {
			t.Errorf("%v left %s behind", inv.args, rel)
		}
	}
	return res, files
}

// The holder the leak checks look for: the test's own, set with jpkisim
// --name/--address, plus the simulator's default one and its birth date in
// every form jpkicheck writes dates.
const (
	leakName    = "漏洩 検子"
	leakAddress = "大阪府大阪市北区漏洩町九丁目9番9号"
)

var personal = []string{
	leakName, "漏洩", "検子", leakAddress, "漏洩町",
	"見本 花子", "見本", "花子", "霞が関", "千代田区",
	"19850401", "1985-04-01", "1985年4月1日", "1 April 1985", "昭和60年", "Showa 60",
}

func assertNoLeak(t *testing.T, what string, outputs ...string) {
	t.Helper()
	for _, out := range outputs {
		for _, p := range personal {
			if strings.Contains(out, p) {
				t.Errorf("%s: personal data %q in the output:\n%s", what, p, out)
			}
		}
	}
}
