package rig

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// Result is what a finished command left.
type Result struct {
	Stdout, Stderr string
	Code           int // exit code; -1 when killed by a signal
}

// RunOptions shape one run of a program against the rig.
type RunOptions struct {
	Stdin string // what the program reads; then end of input
	// HoldStdin keeps stdin open after Stdin, as a user who has not typed
	// yet, until the program exits or the test ends.
	HoldStdin bool
	Env       []string      // added to the rig's environment; later entries win
	Timeout   time.Duration // the program is killed after this; 0 means one minute
}

// Command prepares bin with args to run against the rig's daemon.
func (r *Rig) Command(bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = r.Env()
	return cmd
}

// Run runs bin with args against the rig and returns its output and exit
// code, failing the test if it cannot start or runs past timeout (0 means
// one minute).
func (r *Rig) Run(t testing.TB, timeout time.Duration, bin string, args ...string) Result {
	t.Helper()
	return r.RunWith(t, RunOptions{Timeout: timeout}, bin, args...)
}

// RunWith is Run with stdin and extra environment.
func (r *Rig) RunWith(t testing.TB, o RunOptions, bin string, args ...string) Result {
	t.Helper()
	return r.Launch(t, o, bin, args...).Wait(t, 0)
}

// Proc is a program started against the rig and not waited for yet: a
// command that must be waiting when the card arrives or the daemon
// restarts. It is killed when the test ends.
type Proc struct {
	cmd     *exec.Cmd
	timeout time.Duration
	ctx     context.Context
	mu      sync.Mutex
	stdout  bytes.Buffer
	stderr  bytes.Buffer
	done    chan struct{}
	err     error     // Wait's, once done is closed
	exited  time.Time // once done is closed
}

// Launch starts bin with args against the rig and returns at once.
func (r *Rig) Launch(t testing.TB, o RunOptions, bin string, args ...string) *Proc {
	t.Helper()
	if o.Timeout == 0 {
		o.Timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.Timeout)
	p := &Proc{cmd: exec.CommandContext(ctx, bin, args...), timeout: o.Timeout, ctx: ctx, done: make(chan struct{})}
	p.cmd.Env = append(r.Env(), o.Env...)
	var held io.WriteCloser // closed by Wait once the program exits
	if o.HoldStdin {
		var err error
		if held, err = p.cmd.StdinPipe(); err != nil {
			cancel()
			t.Fatalf("rig: %v", err)
		}
	} else {
		p.cmd.Stdin = strings.NewReader(o.Stdin)
	}
	p.cmd.Stdout = lockedWriter{&p.mu, &p.stdout}
	p.cmd.Stderr = lockedWriter{&p.mu, &p.stderr}
	if err := p.cmd.Start(); err != nil {
		cancel()
		t.Fatalf("rig: starting %s: %v", bin, err)
	}
	if held != nil {
		go io.WriteString(held, o.Stdin)
	}
	go func() {
		p.err = p.cmd.Wait()
		p.exited = time.Now()
		close(p.done)
	}()
	t.Cleanup(func() {
		cancel()
		<-p.done
	})
	return p
}

// Done is closed when the program has exited.
func (p *Proc) Done() <-chan struct{} { return p.done }

// Signal sends sig to the program (SIGQUIT for a crash dump, SIGINT as
// Ctrl+C).
func (p *Proc) Signal(sig os.Signal) error { return p.cmd.Process.Signal(sig) }

// Pid is the program's process id, for what /proc tells about it.
func (p *Proc) Pid() int { return p.cmd.Process.Pid }

// ExitTime is when the program exited; valid once Done is closed.
func (p *Proc) ExitTime() time.Time {
	<-p.done
	return p.exited
}

// WaitStderr waits until the program's stderr shows want (a prompt),
// failing the test if the program exits first or within passes.
func (p *Proc) WaitStderr(t testing.TB, want string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		_, stderr := p.Output()
		if strings.Contains(stderr, want) {
			return
		}
		select {
		case <-p.done:
			t.Fatalf("rig: %s exited before showing %q:\n%s", p, want, stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("rig: %s did not show %q within %v; stderr:\n%s", p, want, within, stderr)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Output is what the program printed so far.
func (p *Proc) Output() (stdout, stderr string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stdout.String(), p.stderr.String()
}

// Wait returns the result once the program ends. It fails the test when
// the program is still running after within (0: the run's own timeout),
// killing it, or when the run's timeout killed it: a hang fails the test
// instead of stalling it.
func (p *Proc) Wait(t testing.TB, within time.Duration) Result {
	t.Helper()
	var limit <-chan time.Time
	if within > 0 {
		timer := time.NewTimer(within)
		defer timer.Stop()
		limit = timer.C
	}
	select {
	case <-p.done:
	case <-limit:
		p.cmd.Process.Kill()
		<-p.done
		stdout, stderr := p.Output()
		t.Fatalf("rig: %s still running after %v\nstdout:\n%s\nstderr:\n%s", p, within, stdout, stderr)
	}
	stdout, stderr := p.Output()
	res := Result{Stdout: stdout, Stderr: stderr}
	var exit *exec.ExitError
	switch {
	case p.ctx.Err() != nil:
		t.Fatalf("rig: %s still running after %v\nstdout:\n%s\nstderr:\n%s", p, p.timeout, stdout, stderr)
	case errors.As(p.err, &exit):
		res.Code = exit.ExitCode()
	case p.err != nil:
		t.Fatalf("rig: running %s: %v", p, p.err)
	}
	return res
}

func (p *Proc) String() string { return strings.Join(p.cmd.Args, " ") }
