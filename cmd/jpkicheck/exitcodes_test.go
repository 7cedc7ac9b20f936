package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the real jpkicheck once per test run.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "jpkicheck-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "jpkicheck")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = err
			binPath = string(out)
		}
	})
	if binErr != nil {
		t.Fatalf("building jpkicheck: %v\n%s", binErr, binPath)
	}
	return binPath
}

// Every row of the README's exit-code table, through the real binary on
// the simulated card (and, for 5, a reader that does not exist).
func TestExitCodeTable(t *testing.T) {
	bin := binary(t)
	tests := []struct {
		row   int
		name  string
		stdin string
		args  []string
	}{
		{0, "not yet open", "", []string{"--sim", "valid"}},
		{0, "PIN correct", simAuthPIN + "\n", []string{"pin", "verify", "auth", "--sim"}},
		{0, "demo, whatever it shows", "", []string{"demo", "--sim", "expired"}},
		{0, "demo --json, whatever it shows", "", []string{"demo", "--sim", "expired", "--json"}},
		{2, "bad flag value", "", []string{"--wait", "abc", "--lang", "ja"}},
		{2, "misspelt profile", "", []string{"--sim", "expird"}},
		{2, "no PIN on standard input", "", []string{"pin", "verify", "auth", "--sim"}},
		{2, "-o into a missing folder", "", []string{"ics", "--sim", "-o", "/nonexistent/folder/x.ics"}},
		{2, "window, bad date", "", []string{"window", "--expiry", "令和9年4月"}},
		{3, "renewal open", "", []string{"--sim", "window-open"}},
		{3, "window open (era date)", "", []string{"window", "--expiry", "令和9年1月10日", "--today", "2026-12-20"}},
		{4, "expired", "", []string{"--sim", "expired"}},
		{4, "expired wins over a wrong password", "WRONG9\n", []string{"--sim", "expired", "--sign"}},
		{4, "expired wins over a wrong password (JSON)", "WRONG9\n", []string{"--sim", "expired", "--sign", "--json"}},
		{5, "no such reader", "", []string{"--reader", "no-such-reader-xyz", "--wait", "0"}},
		{6, "住基 card", "", []string{"--sim", "juki"}},
		{6, "pin on a 住基 card", "", []string{"pin", "--sim", "juki"}},
		{6, "pin verify on a smartphone", "1234\n", []string{"pin", "verify", "auth", "--sim", "smartphone"}},
		{6, "not JPKI", "", []string{"--sim", "not-jpki"}},
		{7, "PIN locked", "", []string{"--sim", "auth-locked"}},
		{7, "wrong PIN", "1111\n", []string{"pin", "verify", "auth", "--sim"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			cmd.Env = []string{"LANG=en_US.UTF-8", "PATH=" + os.Getenv("PATH")}
			cmd.Stdin = strings.NewReader(tt.stdin)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			cmd.Run()
			if got := cmd.ProcessState.ExitCode(); got != tt.row {
				t.Errorf("jpkicheck %s: exit %d, want %d\n%s%s", strings.Join(tt.args, " "), got, tt.row, stdout.String(), stderr.String())
			}
			if strings.Contains(strings.Join(tt.args, " "), "--json") && !strings.HasPrefix(stdout.String(), "{") {
				t.Errorf("--json printed no JSON object:\n%s", stdout.String())
			}
		})
	}
	// 1 (stopped by SIGTERM) and 130 (Ctrl-C), while the PIN is asked for.
	for _, sig := range []struct {
		sig  syscall.Signal
		want int
	}{{syscall.SIGTERM, 1}, {syscall.SIGINT, 130}} {
		t.Run(sig.sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "pin", "verify", "auth", "--sim", "--lang", "en")
			cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
			in, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			var stderr syncBuffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(10 * time.Second)
			for !strings.Contains(stderr.String(), "tries left") && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			cmd.Process.Signal(sig.sig)
			cmd.Wait()
			if got := cmd.ProcessState.ExitCode(); got != sig.want {
				t.Errorf("%v: exit %d, want %d\n%s", sig.sig, got, sig.want, stderr.String())
			}
		})
	}
}

// TestMain removes the binary built for TestExitCodeTable.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" && binErr == nil {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}
