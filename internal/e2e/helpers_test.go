package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// runTimeout bounds every command. A check through the rig answers in
// ~10 ms; anything near this bound is a hang, not slowness.
const runTimeout = 20 * time.Second

// promptly bounds an answer that must not wait for a card (the commands
// are given --wait 20s or the default 30 s): loose enough for a machine
// busy with other real-stack tests, far from the wait.
const promptly = 10 * time.Second

// stack is one private pcscd with the jpkicheck binary built against it.
type stack struct {
	*rig.Rig
	bin string
}

func startStack(t *testing.T) *stack {
	t.Helper()
	return startStackWith(t, rig.Options{})
}

func startStackWith(t *testing.T, o rig.Options) *stack {
	t.Helper()
	r := rig.Start(t, o)
	return &stack{Rig: r, bin: rig.Build(t, "./cmd/jpkicheck")}
}

// jpkicheck runs the binary against the rig's daemon.
func (s *stack) jpkicheck(t *testing.T, args ...string) rig.Result {
	t.Helper()
	return s.exec(t, "", nil, s.bin, args...)
}

// exec runs any program (jpkicheck, pkcs15-tool) against the rig's daemon
// with stdin and extra environment, bounded by runTimeout.
func (s *stack) exec(t *testing.T, stdin string, env []string, name string, args ...string) rig.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(s.Env(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := rig.Result{Stdout: stdout.String(), Stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%s %s still running after %v\nstdout:\n%s\nstderr:\n%s", name, strings.Join(args, " "), runTimeout, res.Stdout, res.Stderr)
	case errors.As(err, &exit):
		res.Code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s: %v", name, err)
	}
	return res
}

// start starts jpkicheck without waiting for it, for commands that must be
// waiting when the card arrives or the daemon restarts.
func (s *stack) start(t *testing.T, args ...string) *running {
	t.Helper()
	p := &running{cmd: s.Command(s.bin, args...), done: make(chan struct{})}
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("starting jpkicheck: %v", err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() { p.cmd.Process.Kill(); <-p.done })
	return p
}

type running struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer // read only after done
	done           chan struct{}
}

// wait returns the result once the command ends, failing after timeout.
func (p *running) wait(t *testing.T, timeout time.Duration) rig.Result {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(timeout):
		p.cmd.Process.Kill()
		<-p.done
		t.Fatalf("jpkicheck %v still running after %v\nstdout:\n%s\nstderr:\n%s", p.cmd.Args[1:], timeout, p.stdout.String(), p.stderr.String())
	}
	return rig.Result{Stdout: p.stdout.String(), Stderr: p.stderr.String(), Code: p.cmd.ProcessState.ExitCode()}
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

// counters are the PIN counters in jpkisim's --state file.
type counters struct {
	Auth pinState `json:"auth"`
	Sign pinState `json:"sign"`
}

type pinState struct {
	TriesLeft int  `json:"tries_left"`
	Locked    bool `json:"locked"`
	Verified  bool `json:"verified"`
}

func readCounters(t *testing.T, sim *rig.SimCard) counters {
	t.Helper()
	// A card started without waiting may not have written it yet.
	for deadline := time.Now().Add(5 * time.Second); !nonEmpty(sim.StatePath) && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	var c counters
	if err := json.Unmarshal(sim.StateJSON(t), &c); err != nil {
		t.Fatalf("jpkisim state: %v", err)
	}
	return c
}

// keepsCounters reads the card's PIN counters now; the returned function
// fails the test if they moved since (call it when the scenario is over).
func keepsCounters(t *testing.T, sim *rig.SimCard) func() {
	t.Helper()
	before := readCounters(t, sim)
	return func() {
		t.Helper()
		if after := readCounters(t, sim); after != before {
			t.Errorf("PIN counters changed without a verify: before %+v, after %+v", before, after)
		}
	}
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

// nonEmpty reports whether a file has content (jpkisim writes an empty CA
// file for a card without CA certificates).
func nonEmpty(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Size() > 0
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
