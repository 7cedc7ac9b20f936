package e2e_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// runTimeout bounds one run of a program: a hang fails the test instead of
// stalling CI. A check through the rig answers in ~10 ms; a hung card costs
// pcsc.DefaultTimeout (5 s) per command.
const runTimeout = 30 * time.Second

// promptly bounds an answer that must not wait for a card (the commands
// are given --wait 20s or the default 30 s): loose enough for a machine
// busy with other real-stack tests, far from the wait.
const promptly = 10 * time.Second

// today is the day every card and every command of the fault tests lives
// in, so outputs can be compared between runs.
const today = "2026-11-25"

var todayTime = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// stack is one private pcscd with the jpkicheck binary built against it.
type stack struct {
	*rig.Rig
	bin string
}

// startStack starts a quiet daemon (no APDU log: the card's own log is
// the judge), as most tests want.
func startStack(t *testing.T) *stack {
	t.Helper()
	return startStackWith(t, rig.Options{Quiet: true})
}

func startStackWith(t *testing.T, o rig.Options) *stack {
	t.Helper()
	r := rig.Start(t, o)
	return &stack{Rig: r, bin: rig.Build(t, "./cmd/jpkicheck")}
}

// jpkicheck runs the binary against the rig's daemon.
func (s *stack) jpkicheck(t *testing.T, args ...string) rig.Result {
	t.Helper()
	return s.run(t, rig.RunOptions{}, args...)
}

// run runs jpkicheck with stdin and extra environment, bounded by runTimeout.
func (s *stack) run(t *testing.T, o rig.RunOptions, args ...string) rig.Result {
	t.Helper()
	return s.start(t, o, args...).Wait(t, 0)
}

// start starts jpkicheck without waiting for it, for commands that must be
// waiting when the card arrives or the daemon restarts.
func (s *stack) start(t *testing.T, o rig.RunOptions, args ...string) *rig.Proc {
	t.Helper()
	if o.Timeout == 0 {
		o.Timeout = runTimeout
	}
	return s.Launch(t, o, s.bin, args...)
}

// tool runs another client of the card (pkcs15-tool) against the rig.
func (s *stack) tool(t *testing.T, env []string, name string, args ...string) rig.Result {
	t.Helper()
	return s.RunWith(t, rig.RunOptions{Env: env, Timeout: runTimeout}, name, args...)
}

// terminal is jpkicheck running in a pseudo-terminal, as a resident runs
// it: stdin, stdout and stderr are the terminal.
type terminal struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{} // closed when the command has exited and its output is read
}

func (s *stack) startTerminal(t *testing.T, args ...string) *terminal {
	t.Helper()
	tm := &terminal{cmd: s.Command(s.bin, args...), done: make(chan struct{})}
	tm.cmd.Env = append(tm.cmd.Env, "NO_COLOR=1", "TERM=xterm")
	tty, err := pty.Start(tm.cmd)
	if err != nil {
		t.Fatalf("starting jpkicheck in a pseudo-terminal: %v", err)
	}
	copied := make(chan struct{})
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			tm.mu.Lock()
			tm.out.Write(buf[:n])
			tm.mu.Unlock()
			if err != nil {
				close(copied)
				return
			}
		}
	}()
	go func() {
		tm.cmd.Wait()
		// The terminal holds what the command wrote until it is read; a
		// closed master ends the copy once it is drained.
		select {
		case <-copied:
		case <-time.After(2 * time.Second):
		}
		tty.Close()
		close(tm.done)
	}()
	t.Cleanup(func() { tm.cmd.Process.Kill(); <-tm.done })
	return tm
}

func (tm *terminal) output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

// waitFor polls the terminal until it shows want.
func (tm *terminal) waitFor(t *testing.T, want string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !strings.Contains(tm.output(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal did not show %q within %v; it shows:\n%q", want, timeout, tm.output())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// wait returns the exit code and everything the terminal showed.
func (tm *terminal) wait(t *testing.T, timeout time.Duration) (int, string) {
	t.Helper()
	select {
	case <-tm.done:
	case <-time.After(timeout):
		t.Fatalf("jpkicheck %v still running after %v; the terminal shows:\n%q", tm.cmd.Args[1:], timeout, tm.output())
	}
	return tm.cmd.ProcessState.ExitCode(), tm.output()
}

// flat joins a text's words with single spaces, so phrases can be found
// across the report's line wrapping.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// expect checks an exit code and phrases the user sees (stdout and stderr
// together, line wrapping ignored).
func expect(t *testing.T, what string, res rig.Result, code int, phrases ...string) {
	t.Helper()
	ok := res.Code == code
	for _, p := range phrases {
		if !contains(res.Stdout+"\n"+res.Stderr, p) {
			t.Errorf("%s: output lacks %q", what, p)
			ok = false
		}
	}
	if res.Code != code {
		t.Errorf("%s: exit code %d, want %d", what, res.Code, code)
	}
	if !ok {
		t.Logf("%s: stdout:\n%s\nstderr:\n%s", what, res.Stdout, res.Stderr)
	}
}

// checkJSON is the part of "check --json" these tests read.
type checkJSON struct {
	Card struct {
		Type   string `json:"type"`
		Reader string `json:"reader"`
	} `json:"card"`
	State        string `json:"state"`
	Certificates struct {
		Auth *struct {
			Expiry          string `json:"expiry"`
			State           string `json:"state"`
			DaysLeft        int    `json:"days_left"`
			DaysSinceExpiry int    `json:"days_since_expiry"`
			Trust           string `json:"trust"`
		} `json:"auth"`
	} `json:"certificates"`
	PINs     pinsJSON `json:"pins"`
	ExitCode int      `json:"exit_code"`
}

type pinsJSON struct {
	Auth, Sign struct {
		TriesLeft int  `json:"tries_left"`
		Locked    bool `json:"locked"`
	}
}

func decode[T any](t *testing.T, what string, res rig.Result) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(res.Stdout), &v); err != nil {
		t.Fatalf("%s: not JSON (%v):\n%s\nstderr:\n%s", what, err, res.Stdout, res.Stderr)
	}
	return v
}

// needTool finds a program the test needs, skipping without it (failing
// with CI=true, like the rig).
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	msg := name + " not found (apt-get install " + pkg + ")"
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s; CI=true: failing instead of skipping", msg)
	}
	t.Skip(msg)
	return ""
}

// cardAsync inserts a card into reader 0 without waiting for pcscd to
// report it, for tests where a command waiting for the card is the judge.
var cardAsync = rig.CardOptions{Async: true}

// contains reports whether s shows every phrase, line wrapping ignored.
func contains(s string, phrases ...string) bool {
	s = flat(s)
	for _, p := range phrases {
		if !strings.Contains(s, flat(p)) {
			return false
		}
	}
	return true
}

// nonEmpty reports whether a file has content (jpkisim writes an empty CA
// file for a card without CA certificates).
func nonEmpty(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Size() > 0
}
