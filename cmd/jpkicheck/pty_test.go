//go:build linux || darwin

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/jpkicheck/jpkicheck/internal/syncbuf"
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

// promptSession runs the binary on a pseudo-terminal, waits for the PIN
// prompt, then lets act do something to it (a key, a signal). It returns
// the exit code, everything the terminal showed, and whether typing is
// echoed again once the process has gone.
func promptSession(t *testing.T, bin string, args []string, act func(cmd *exec.Cmd, tty *os.File)) (code int, screen string, echoes bool) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("opening a pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "LANG=C")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var out syncbuf.Buffer
	go io.Copy(&out, ptmx)

	waitFor := func(what string) {
		deadline := time.Now().Add(30 * time.Second)
		for !strings.Contains(out.String(), what) {
			if time.Now().After(deadline) {
				t.Fatalf("%v: no %q on the terminal:\n%q", args, what, out.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("not shown")
	// The prompt is printed before the terminal is set up: give the read
	// a moment to start, as a person typing would.
	time.Sleep(200 * time.Millisecond)
	act(cmd, ptmx)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("%v: still running 30 s after the prompt was cancelled:\n%q", args, out.String())
	}
	code = cmd.ProcessState.ExitCode()
	// Typed now, with nobody reading, this shows only if echo is on.
	before := len(out.String())
	ptmx.Write([]byte("echo-probe"))
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && !strings.Contains(out.String()[before:], "echo-probe") {
		time.Sleep(20 * time.Millisecond)
	}
	screen = out.String()
	echoes = strings.Contains(screen[before:], "echo-probe")
	tty.Close()
	return code, screen[:before], echoes
}

// Ctrl-C, Ctrl-D, Ctrl-\ and SIGTERM at the PIN prompt end the command at
// once: nothing goes to the card (the trace shows no VERIFY carrying a PIN,
// even when digits are typed afterwards), the terminal echoes again, one
// line says it was cancelled, and the exit code is 130 for Ctrl-C, else 1.
func TestPromptCancels(t *testing.T) {
	bin := buildCLI(t)
	type action struct {
		name string
		do   func(cmd *exec.Cmd, tty *os.File)
		code int
	}
	key := func(k string) func(*exec.Cmd, *os.File) {
		return func(_ *exec.Cmd, tty *os.File) {
			tty.Write([]byte(k))
			// What an impatient resident types next must go nowhere.
			time.Sleep(100 * time.Millisecond)
			tty.Write([]byte("1234\r"))
		}
	}
	actions := []action{
		{"ctrl-c", key("\x03"), 130},
		{"ctrl-d", key("\x04"), 1},
		{"ctrl-backslash", key("\x1c"), 1},
		{"sigterm", func(cmd *exec.Cmd, tty *os.File) {
			cmd.Process.Signal(syscall.SIGTERM)
			time.Sleep(100 * time.Millisecond)
			tty.Write([]byte("1234\r"))
		}, 1},
	}
	commands := [][]string{
		{"pin", "verify", "auth", "--sim", "--trace"},
		{"pin", "verify", "sign", "--sim", "--trace"},
		{"check", "--sign", "--sim", "--trace"},
		{"export", "sign", "--sim", "--trace"},
	}
	for _, args := range commands {
		for _, a := range actions {
			t.Run(strings.Join(args[:2], "-")+"/"+a.name, func(t *testing.T) {
				code, screen, echoes := promptSession(t, bin, append(args, "--lang", "en"), a.do)
				if code != a.code {
					t.Errorf("exit code %d, want %d\n%q", code, a.code, screen)
				}
				if !strings.Contains(screen, "Cancelled.") {
					t.Errorf("no 'Cancelled.' line:\n%q", screen)
				}
				if strings.Contains(screen, "PIN masked") {
					t.Errorf("a PIN went to the card after the prompt was cancelled:\n%q", screen)
				}
				if strings.Contains(screen, "goroutine ") {
					t.Errorf("a stack dump:\n%q", screen)
				}
				if !echoes {
					t.Errorf("the terminal does not echo typing after the command ended")
				}
			})
		}
	}
}
