package rig

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

// SocketEnv is the libpcsclite variable naming the daemon socket. This
// package sets it for the whole test binary; Env passes it to children.
const SocketEnv = "PCSCLITE_CSOCK_NAME"

// Options tune a rig. The zero value is what most tests want.
type Options struct {
	// DumpLog prints the pcscd log at cleanup even when the test passed
	// (so does JPKIRIG_DUMPLOG=1 in the environment, for every rig).
	DumpLog bool
	// Quiet starts pcscd without --debug --apdu, for tests that measure
	// speed; the log then holds only errors.
	Quiet bool
	// NoReaders starts pcscd without the vpcd readers, as on a machine with
	// no reader plugged in. SetReaders changes it for the next start.
	NoReaders bool
}

// Rig is one private pcscd with two vpcd readers, plus what runs against it.
// Its methods must be called from the test goroutine unless noted.
type Rig struct {
	t       testing.TB
	opts    Options
	dir     string // per-rig temp dir: config, driver copy, logs
	logPath string
	ports   [2]int
	readers bool // vpcd configured at the next start

	mu      sync.Mutex
	daemon  *exec.Cmd
	exited  chan struct{} // closed when the current daemon exits
	starts  int
	stops   []func() // cards and processes to end before the daemon
	stopped bool
}

var (
	// procDir holds what must keep one path for the whole test binary: the
	// directory bind-mounted over /run/pcscd (its socket path is cached by
	// libpcsclite) and the binaries built once per test binary.
	procDir  string
	sockPath string

	// busy serialises rigs inside one test binary: they share sockPath.
	busy = make(chan struct{}, 1)
)

func init() {
	if !testing.Testing() {
		return
	}
	base := os.TempDir()
	if len(base) > 60 { // sockaddr_un holds 108 bytes; keep well inside
		base = "/tmp"
	}
	procDir = filepath.Join(base, "jpkirig-"+strconv.Itoa(os.Getpid()))
	sockPath = filepath.Join(procDir, "run", "pcscd.comm")
	// Set before any PC/SC call: libpcsclite caches the name on first use,
	// and a test must never reach the machine's own daemon.
	os.Setenv(SocketEnv, sockPath)
}

// Available reports why the rig cannot run here, or "" when it can.
func Available() string {
	if runtime.GOOS != "linux" {
		return "the PC/SC test rig needs Linux (pcscd + vpcd)"
	}
	var missing []string
	for _, bin := range []string{"pcscd", "unshare"} {
		if _, err := lookPath(bin); err != nil {
			missing = append(missing, bin)
		}
	}
	if _, err := os.Stat(vpcdDriver); err != nil {
		missing = append(missing, vpcdDriver)
	}
	if len(missing) > 0 {
		return "missing " + strings.Join(missing, ", ") +
			" (apt-get install pcscd libpcsclite-dev pkg-config vsmartcard-vpcd util-linux)"
	}
	nsOnce.Do(probeNamespaces)
	return nsReason
}

var (
	nsOnce   sync.Once
	nsReason string
)

// probeNamespaces checks once that this process may start pcscd in a
// private mount namespace: as root, or through a user namespace.
func probeNamespaces() {
	unshare, _ := lookPath("unshare")
	out, err := exec.Command(unshare, append(unshareArgs(), "true")...).CombinedOutput()
	if err != nil {
		nsReason = fmt.Sprintf("cannot start pcscd in a private mount namespace (%s: %v %s); run as root or allow unprivileged user namespaces",
			unshare, err, strings.TrimSpace(string(out)))
	}
}

// unshareArgs are unshare's flags for a private mount namespace; without
// root, a user namespace lets a developer mount too.
func unshareArgs() []string {
	args := []string{"--mount", "--propagation", "private"}
	if os.Geteuid() != 0 {
		args = append([]string{"--user", "--map-root-user"}, args...)
	}
	return args
}

const vpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"

// lookPath also searches the sbin directories, which a developer's PATH
// often lacks although pcscd lives there.
func lookPath(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, dir := range []string{"/usr/sbin", "/sbin", "/usr/local/sbin"} {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}

// skipOrFail skips a test that cannot run here, except under CI, where a
// missing dependency is a broken image and must fail loudly.
func skipOrFail(t testing.TB, reason string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("rig: %s (CI=true: failing instead of skipping)", reason)
	}
	t.Skipf("rig: %s", reason)
}

// Start starts a private pcscd with two vpcd readers and stops it when the
// test ends. It waits for an earlier rig of the same test binary to finish.
func Start(t testing.TB, opts Options) *Rig {
	t.Helper()
	if procDir == "" {
		t.Fatal("rig: only usable from a test binary")
	}
	if reason := Available(); reason != "" {
		skipOrFail(t, reason)
	}
	select {
	case busy <- struct{}{}:
	case <-time.After(3 * time.Minute):
		t.Fatal("rig: another rig of this test binary did not finish in 3 minutes (nested rig.Start?)")
	}
	t.Cleanup(func() { <-busy })

	sweepOnce.Do(sweepStale)
	if err := os.MkdirAll(filepath.Dir(sockPath), 0o755); err != nil {
		t.Fatalf("rig: %v", err)
	}
	// Not t.TempDir: its path carries the test's name, and a subtest name
	// with "," or "#" in the reader.conf paths (DEVICENAME, LIBPATH) or in
	// pcscd's --config breaks pcscd's parser. procDir's name is ours.
	dir, err := os.MkdirTemp(procDir, "rig-")
	if err != nil {
		t.Fatalf("rig: %v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	r := &Rig{t: t, opts: opts, dir: dir, readers: !opts.NoReaders}
	r.logPath = filepath.Join(r.dir, "pcscd.log")
	// A copy of the driver stays reachable after the tmpfs hides the
	// system's driver directory.
	if err := copyFile(vpcdDriver, filepath.Join(r.dir, "libifdvpcd.so")); err != nil {
		t.Fatalf("rig: copying the vpcd driver: %v", err)
	}
	t.Cleanup(r.cleanup)

	var lastErr error
	for attempt := 0; attempt < 8; attempt++ {
		ports, err := freePortPair()
		if err != nil {
			t.Fatalf("rig: %v", err)
		}
		r.ports = ports
		if err := r.writeConfig(); err != nil {
			t.Fatalf("rig: %v", err)
		}
		lastErr = r.startDaemon()
		if lastErr == nil {
			return r
		}
		if !errors.Is(lastErr, errPortTaken) {
			break
		}
	}
	t.Fatalf("rig: starting pcscd: %v", lastErr)
	return nil
}

var errPortTaken = errors.New("vpcd could not listen on its port")

// freePortPair finds two consecutive free TCP ports below the ephemeral
// range (vpcd listens on port and port+1 on all interfaces). Another rig may
// still take them first; startDaemon reports that and Start tries again.
func freePortPair() ([2]int, error) {
	for i := 0; i < 200; i++ {
		p := 20000 + rand.IntN(12000)
		a, err := net.Listen("tcp", ":"+strconv.Itoa(p))
		if err != nil {
			continue
		}
		b, err := net.Listen("tcp", ":"+strconv.Itoa(p+1))
		a.Close()
		if err != nil {
			continue
		}
		b.Close()
		return [2]int{p, p + 1}, nil
	}
	return [2]int{}, errors.New("no two consecutive free TCP ports in 20000-32000")
}

func (r *Rig) writeConfig() error {
	conf := filepath.Join(r.dir, "reader.conf.d")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		return err
	}
	if !r.readers {
		err := os.Remove(filepath.Join(conf, "vpcd"))
		if errors.Is(err, os.ErrNotExist) {
			err = nil
		}
		return err
	}
	// vpcd reads the port from DEVICENAME; its second slot uses port+1.
	text := fmt.Sprintf("FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:0x%X\nLIBPATH %s\nCHANNELID 0x%X\n",
		r.ports[0], filepath.Join(r.dir, "libifdvpcd.so"), r.ports[0])
	return os.WriteFile(filepath.Join(conf, "vpcd"), []byte(text), 0o644)
}

// daemonScript runs inside the new mount namespace and becomes pcscd.
// $1 the directory to show as /run/pcscd, $2 the config directory,
// $3... pcscd's flags. Creating /run/pcscd on the host is avoided: when it
// is missing, a private tmpfs over /run provides the mount point.
const daemonScript = `set -e
if [ ! -d /run/pcscd ]; then
	mount -t tmpfs -o mode=0755 jpkirig /run
	mkdir /run/pcscd
fi
mount --bind "$1" /run/pcscd
mount -t tmpfs -o mode=0755 jpkirig /usr/lib/pcsc/drivers
conf=$2
shift 2
exec pcscd --foreground --config "$conf" "$@"
`

// startDaemon starts pcscd and waits until it serves its socket with both
// readers created.
func (r *Rig) startDaemon() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.daemon != nil {
		return errors.New("pcscd already running")
	}
	pcscd, err := lookPath("pcscd")
	if err != nil {
		return err
	}
	unshare, _ := lookPath("unshare")
	logf, err := os.OpenFile(r.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	from, _ := logf.Seek(0, io.SeekEnd)
	r.starts++
	fmt.Fprintf(logf, "=== rig: pcscd start #%d, vpcd ports %d and %d, socket %s ===\n", r.starts, r.ports[0], r.ports[1], sockPath)

	args := append(unshareArgs(), "sh", "-c", daemonScript, "rig-pcscd", filepath.Dir(sockPath), filepath.Join(r.dir, "reader.conf.d"))
	if !r.opts.Quiet {
		args = append(args, "--debug", "--apdu")
	}
	cmd := exec.Command(unshare, args...)
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(pcscd)+":"+os.Getenv("PATH"))
	cmd.Stdout = logf
	cmd.Stderr = logf
	t0 := time.Now()
	if err := startChild(cmd); err != nil {
		return fmt.Errorf("starting %s: %w", unshare, err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	r.daemon, r.exited = cmd, exited

	want := 0
	if r.readers {
		want = 2
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		text := readFrom(r.logPath, from)
		if strings.Contains(text, "init failed") || strings.Contains(text, "Could not initialize connection to virtual ICC") {
			r.stopLocked()
			return fmt.Errorf("%w (ports %d/%d)", errPortTaken, r.ports[0], r.ports[1])
		}
		// Ready when a client gets an answer: pcscd creates its readers
		// before its socket, so the list is final by then.
		if fileIsSocket(sockPath) {
			if readers, err := pcsc.Readers(); err == nil {
				if len(readers) != want {
					r.stopLocked()
					return fmt.Errorf("%w: %d readers, want %d (ports %d/%d)", errPortTaken, len(readers), want, r.ports[0], r.ports[1])
				}
				r.t.Logf("rig: pcscd #%d ready in %v (pid %d, vpcd ports %d/%d)", r.starts, time.Since(t0).Round(time.Millisecond), cmd.Process.Pid, r.ports[0], r.ports[1])
				return nil
			}
		}
		select {
		case <-exited:
			r.daemon = nil
			return fmt.Errorf("pcscd exited during start-up (%v); log:\n%s", cmd.ProcessState, tail(readFrom(r.logPath, from), 4000))
		case <-time.After(2 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			r.stopLocked()
			return fmt.Errorf("pcscd not ready after 10 s; log:\n%s", tail(readFrom(r.logPath, from), 4000))
		}
	}
}

// StopPCSCD stops the rig's daemon (SIGTERM, like a service stop) and waits
// for it to exit. Cards stay "inserted": virtual cards reconnect when the
// daemon comes back.
func (r *Rig) StopPCSCD() {
	r.t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.daemon == nil {
		r.t.Fatal("rig: StopPCSCD: pcscd is not running")
	}
	t0 := time.Now()
	r.stopLocked()
	r.t.Logf("rig: pcscd stopped in %v", time.Since(t0).Round(time.Millisecond))
}

// SetReaders chooses whether the next StartPCSCD creates the two vpcd
// readers. pcscd 1.9.9 reads reader.conf.d only at start-up (SIGUSR1 does
// not rescan it), so a restart is the way to make readers come and go.
func (r *Rig) SetReaders(on bool) {
	r.t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.readers = on
	if err := r.writeConfig(); err != nil {
		r.t.Fatalf("rig: %v", err)
	}
}

// StartPCSCD starts the daemon again after StopPCSCD, on the same socket and
// ports.
func (r *Rig) StartPCSCD() {
	r.t.Helper()
	if err := r.startDaemon(); err != nil {
		r.t.Fatalf("rig: StartPCSCD: %v", err)
	}
}

// RestartPCSCD stops and starts the daemon.
func (r *Rig) RestartPCSCD() {
	r.t.Helper()
	r.StopPCSCD()
	r.StartPCSCD()
}

// stopLocked ends the daemon this rig started, and only that one.
func (r *Rig) stopLocked() {
	if r.daemon == nil {
		return
	}
	r.daemon.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.exited:
	case <-time.After(5 * time.Second):
		r.t.Logf("rig: pcscd ignored SIGTERM for 5 s; killing it")
		r.daemon.Process.Kill()
		<-r.exited
	}
	r.daemon = nil
	// pcscd removes its socket on a clean exit; after a kill the stale file
	// would make the next start refuse ("file already exists").
	os.Remove(sockPath)
	os.Remove(filepath.Join(filepath.Dir(sockPath), "pcscd.pid"))
}

func (r *Rig) cleanup() {
	r.mu.Lock()
	stops := r.stops
	r.stops = nil
	r.mu.Unlock()
	for i := len(stops) - 1; i >= 0; i-- {
		stops[i]()
	}
	r.mu.Lock()
	r.stopLocked()
	r.stopped = true
	r.mu.Unlock()
	if r.t.Failed() || r.opts.DumpLog || os.Getenv("JPKIRIG_DUMPLOG") != "" {
		r.t.Logf("rig: pcscd log (%s):\n%s", r.logPath, tail(readFrom(r.logPath, 0), 64<<10))
	}
}

// onCleanup registers something to end before the daemon stops.
func (r *Rig) onCleanup(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stops = append(r.stops, f)
}

// ReaderName is the PC/SC name of vpcd reader i (0 or 1).
func (r *Rig) ReaderName(i int) string { return fmt.Sprintf("Virtual PCD 00 %02X", i) }

// Port is the TCP port vpcd listens on for reader i's card.
func (r *Rig) Port(i int) int { return r.ports[i] }

// VPCDAddr is the address a virtual card for reader i connects to.
func (r *Rig) VPCDAddr(i int) string { return "127.0.0.1:" + strconv.Itoa(r.ports[i]) }

// Socket is the private daemon's socket path (the value of SocketEnv).
func (r *Rig) Socket() string { return sockPath }

// LogPath is pcscd's log file (all starts of this rig, appended).
func (r *Rig) LogPath() string { return r.logPath }

// Log returns pcscd's log so far.
func (r *Rig) Log() string { return readFrom(r.logPath, 0) }

// Dir is the rig's private temp directory.
func (r *Rig) Dir() string { return r.dir }

// Env is the environment for a child process that must use the rig's
// daemon (jpkicheck, pkcs15-tool, opensc-tool ...).
func (r *Rig) Env() []string {
	env := os.Environ()
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, SocketEnv+"=") {
			out = append(out, kv)
		}
	}
	return append(out, SocketEnv+"="+sockPath)
}

// waitCard waits until reader i holds a card (present) or none, as a PC/SC
// client sees it. It asks the daemon rather than reading its log: a card
// that connects while pcscd is still initialising the reader is reported
// without the "Card inserted" log line, and a quiet daemon logs nothing.
// abort, if not nil, ends the wait early (the card's process died).
func (r *Rig) waitCard(i int, present bool, abort <-chan struct{}) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if abort != nil {
		go func() {
			select {
			case <-abort:
				cancel()
			case <-ctx.Done():
			}
		}()
	}
	name := r.ReaderName(i)
	var err error
	if present {
		_, err = pcsc.WaitForCard(ctx, name)
	} else {
		err = pcsc.WaitForRemoval(ctx, name)
	}
	if err != nil {
		state := "a card"
		if !present {
			state = "no card"
		}
		readers, lerr := pcsc.Readers()
		return fmt.Errorf("waiting for pcscd to report %s in %s: %w (readers now: %+v, %v)", state, name, err, readers, lerr)
	}
	return nil
}

func readFrom(path string, from int64) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := f.Seek(from, io.SeekStart); err != nil {
		return ""
	}
	b, _ := io.ReadAll(f)
	return string(b)
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return "[... earlier lines cut ...]\n" + s
}

func fileIsSocket(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode()&os.ModeSocket != 0
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

var sweepOnce sync.Once

// sweepStale removes the per-binary directories of test binaries that no
// longer run (killed before they could clean up), so /tmp does not fill.
func sweepStale() {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(procDir), "jpkirig-*"))
	for _, m := range matches {
		pid, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(m), "jpkirig-"))
		if err != nil || pid == os.Getpid() {
			continue
		}
		if _, err := os.Stat("/proc/" + strconv.Itoa(pid)); errors.Is(err, os.ErrNotExist) {
			os.RemoveAll(m)
		}
	}
}
