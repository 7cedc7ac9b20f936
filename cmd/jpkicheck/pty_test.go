//go:build linux || darwin

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// buildCLI builds the real binary once for tests that need a process of
// its own (a terminal, signals).
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "jpkicheck")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// The PIN typed at a real terminal is not echoed, the tries left are shown
// before the prompt, and the answer comes after.
func TestMaskedPromptOnTerminal(t *testing.T) {
	bin := buildCLI(t)
	for _, tt := range []struct {
		args   []string
		secret string
		want   string
	}{
		{[]string{"pin", "verify", "auth", "--sim", "--lang", "en"}, "1234", "Correct"},
		{[]string{"pin", "verify", "sign", "--sim", "--lang", "en"}, "abc123", "Correct"},
		{[]string{"pin", "verify", "auth", "--sim", "--lang", "en"}, "9876", "2 tries left"},
	} {
		cmd := exec.Command(bin, tt.args...)
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		tty, err := pty.Start(cmd)
		if err != nil {
			t.Fatalf("starting in a pseudo-terminal: %v", err)
		}
		var out bytes.Buffer
		done := make(chan struct{})
		go func() { io.Copy(&out, tty); close(done) }()

		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(out.String(), "not shown") && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if !strings.Contains(out.String(), "tries left") {
			t.Fatalf("no tries-left line before the prompt:\n%q", out.String())
		}
		tty.Write([]byte(tt.secret + "\r"))
		cmd.Wait()
		tty.Close()
		<-done
		text := out.String()
		if strings.Contains(text, tt.secret) {
			t.Errorf("%v: the PIN was echoed to the terminal:\n%q", tt.args, text)
		}
		if !strings.Contains(text, tt.want) {
			t.Errorf("%v: output lacks %q:\n%q", tt.args, tt.want, text)
		}
	}
}
