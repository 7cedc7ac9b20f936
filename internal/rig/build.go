package rig

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
