package rig

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	buildMu sync.Mutex
	built   = map[string]*buildResult{}
)

type buildResult struct {
	once sync.Once
	path string
	err  error
}

// ModuleRoot is the directory holding the project's go.mod.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Build compiles a main package of this module (e.g. "./cmd/jpkicheck") once
// per test binary and returns the executable's path. Concurrent callers
// share one build.
func Build(t testing.TB, pkg string) string {
	t.Helper()
	buildMu.Lock()
	b := built[pkg]
	if b == nil {
		b = &buildResult{}
		built[pkg] = b
	}
	buildMu.Unlock()
	b.once.Do(func() { b.path, b.err = build(t, pkg) })
	if b.err != nil {
		t.Fatalf("rig: %v", b.err)
	}
	return b.path
}

func build(t testing.TB, pkg string) (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	if procDir == "" {
		return "", errors.New("rig.Build is only usable from a test binary")
	}
	sweepOnce.Do(sweepStale)
	out := filepath.Join(procDir, "bin", filepath.Base(pkg))
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", err
	}
	t0 := time.Now()
	// go test puts its own GOROOT/bin first in PATH, so this is the same
	// toolchain as the test binary's.
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("building %s: %v\n%s", pkg, err, stderr.String())
	}
	t.Logf("rig: built %s in %v", pkg, time.Since(t0).Round(time.Millisecond))
	return out, nil
}

// Result is what a finished command left.
type Result struct {
	Stdout, Stderr string
	Code           int // exit code; -1 when killed by a signal
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
	if timeout == 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = r.Env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := Result{Stdout: stdout.String(), Stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("rig: %s %s still running after %v\nstdout:\n%s\nstderr:\n%s", bin, strings.Join(args, " "), timeout, res.Stdout, res.Stderr)
	case errors.As(err, &exit):
		res.Code = exit.ExitCode()
	case err != nil:
		t.Fatalf("rig: running %s: %v", bin, err)
	}
	return res
}
