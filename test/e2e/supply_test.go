package e2e_test

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// jpkicheck version -v names every module compiled into the binary with
// the version and checksum the Go toolchain recorded in it (what `go
// version -m` reads), and the Go release: what a security notice about a
// dependency needs to be checked against an installed copy.
func TestVersionListsEveryModule(t *testing.T) {
	bin := rig.Build(t, "./cmd/jpkicheck")
	out, err := exec.Command(bin, "version", "-v").Output()
	if err != nil {
		t.Fatalf("jpkicheck version -v: %v", err)
	}
	info, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	if !strings.Contains(string(out), runtime.Version()) {
		t.Errorf("version -v does not name %s:\n%s", runtime.Version(), out)
	}
	deps := 0
	for _, line := range strings.Split(string(info), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || (f[0] != "dep" && f[0] != "=>") {
			continue
		}
		deps++
		want := strings.Join(f[1:], " ")
		if !strings.Contains(string(out), want) {
			t.Errorf("version -v lacks %q:\n%s", want, out)
		}
	}
	if deps == 0 {
		t.Fatalf("go version -m lists no modules:\n%s", info)
	}
	t.Logf("reliability: version -v names all %d modules of the binary with their checksums", deps)
}
