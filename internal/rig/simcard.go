package rig

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// CardOptions place a jpkisim card.
type CardOptions struct {
	Reader int  // 0 or 1
	Async  bool // return once started, without waiting for pcscd to see the card
}

// SimCard is a running cmd/jpkisim process serving the simulated My Number
// Card to one of the rig's readers.
type SimCard struct {
	r      *Rig
	Reader int
	// StatePath, LogPath and CAPath are jpkisim's --state, --log and
	// --ca-out files (the rig's own unless the caller passed those flags).
	// CAPath holds the card's test CA certificates, for --trust-ca.
	StatePath, LogPath, CAPath string

	cmd    *exec.Cmd
	exited chan struct{}
	mu     sync.Mutex
	output bytes.Buffer // jpkisim's stdout and stderr
	ended  bool
}

// StartCard starts jpkisim on reader 0 with args (profile, expiry dates,
// --remove-after ...) and waits until pcscd reports the card inserted.
func (r *Rig) StartCard(t testing.TB, args ...string) *SimCard {
	t.Helper()
	return r.StartCardWith(t, CardOptions{}, args...)
}

// StartCardWith is StartCard with a choice of reader and of waiting.
func (r *Rig) StartCardWith(t testing.TB, o CardOptions, args ...string) *SimCard {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Fatalf("rig: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(root, "cmd", "jpkisim", "*.go")); len(m) == 0 {
		t.Fatal("rig: cmd/jpkisim has no Go files yet; use InsertCard for transport tests")
	}
	bin := Build(t, "./cmd/jpkisim")
	dir := t.TempDir()
	c := &SimCard{r: r, Reader: o.Reader, exited: make(chan struct{})}
	full := []string{"--vpcd", r.VPCDAddr(o.Reader)}
	c.StatePath = flagValue(args, "--state")
	if c.StatePath == "" {
		c.StatePath = filepath.Join(dir, "state.json")
		full = append(full, "--state", c.StatePath)
	}
	c.LogPath = flagValue(args, "--log")
	if c.LogPath == "" {
		c.LogPath = filepath.Join(dir, "apdu.log")
		full = append(full, "--log", c.LogPath)
	}
	c.CAPath = flagValue(args, "--ca-out")
	if c.CAPath == "" {
		c.CAPath = filepath.Join(dir, "ca.pem")
		full = append(full, "--ca-out", c.CAPath)
	}
	full = append(full, args...)

	c.cmd = exec.Command(bin, full...)
	c.cmd.Env = r.Env()
	c.cmd.Stdout = lockedWriter{&c.mu, &c.output}
	c.cmd.Stderr = lockedWriter{&c.mu, &c.output}
	t0 := time.Now()
	if err := startChild(c.cmd); err != nil {
		t.Fatalf("rig: starting jpkisim: %v", err)
	}
	go func() {
		c.cmd.Wait()
		close(c.exited)
	}()
	r.onCleanup(func() { c.end(syscall.SIGTERM) })
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("rig: jpkisim %s output:\n%s", strings.Join(full, " "), tail(c.Output(), 16<<10))
		}
	})
	if o.Async {
		return c
	}
	if err := r.waitCard(o.Reader, true, c.exited); err != nil {
		select {
		case <-c.exited:
			t.Fatalf("rig: jpkisim exited before pcscd saw the card (%v); its output:\n%s", c.cmd.ProcessState, c.Output())
		default:
		}
		t.Fatalf("rig: jpkisim in %s: %v; its output:\n%s", r.ReaderName(o.Reader), err, c.Output())
	}
	t.Logf("rig: jpkisim card seen in %s after %v", r.ReaderName(o.Reader), time.Since(t0).Round(time.Millisecond))
	return c
}

func flagValue(args []string, name string) string {
	for i, a := range args {
		if a == name && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v
		}
	}
	return ""
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// end signals jpkisim and waits for it; it reports false if it had already
// ended.
func (c *SimCard) end(sig os.Signal) bool {
	c.mu.Lock()
	if c.ended {
		c.mu.Unlock()
		return false
	}
	c.ended = true
	c.mu.Unlock()
	c.cmd.Process.Signal(sig)
	select {
	case <-c.exited:
	case <-time.After(5 * time.Second):
		c.cmd.Process.Kill()
		<-c.exited
	}
	return true
}

// Stop ends jpkisim with SIGTERM (the card is removed) and waits for it to
// exit.
func (c *SimCard) Stop(t testing.TB) {
	t.Helper()
	if !c.end(syscall.SIGTERM) {
		t.Fatal("rig: SimCard.Stop: jpkisim already stopped")
	}
}

// Kill ends jpkisim with SIGKILL: the socket closes without any goodbye.
func (c *SimCard) Kill(t testing.TB) {
	t.Helper()
	if !c.end(syscall.SIGKILL) {
		t.Fatal("rig: SimCard.Kill: jpkisim already stopped")
	}
}

// WaitRemoved waits until pcscd reports the card gone after Stop or Kill, or
// after jpkisim dropped the card itself (--remove-after).
func (c *SimCard) WaitRemoved(t testing.TB) {
	t.Helper()
	if err := c.r.waitCard(c.Reader, false, nil); err != nil {
		t.Fatalf("rig: %v", err)
	}
}

// Exited is closed when the jpkisim process has ended.
func (c *SimCard) Exited() <-chan struct{} { return c.exited }

// Output is what jpkisim printed so far.
func (c *SimCard) Output() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.output.String()
}

// StateJSON returns the current --state file.
func (c *SimCard) StateJSON(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(c.StatePath)
	if err != nil {
		t.Fatalf("rig: reading jpkisim state: %v", err)
	}
	return b
}

// LogLines returns the APDU lines of --log so far ("<command hex>
// <response hex>"), without the event lines Timeline adds.
func (c *SimCard) LogLines(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, l := range c.Timeline(t) {
		if !strings.HasPrefix(l, "# ") {
			out = append(out, l)
		}
	}
	return out
}

// Timeline returns every --log line so far in order: the APDU lines and the
// card's events between them, which start with "# " ("# power on",
// "# power off", "# warm reset", "# select JPKI AP", ...).
func (c *SimCard) Timeline(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(c.LogPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatalf("rig: reading jpkisim log: %v", err)
	}
	s := strings.TrimRight(string(b), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// Events returns the event lines of Timeline without their "# ".
func (c *SimCard) Events(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, l := range c.Timeline(t) {
		if e, ok := strings.CutPrefix(l, "# "); ok {
			out = append(out, e)
		}
	}
	return out
}

func (c *SimCard) String() string {
	return fmt.Sprintf("jpkisim on %s", c.r.ReaderName(c.Reader))
}
