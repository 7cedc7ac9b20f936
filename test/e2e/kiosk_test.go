//go:build linux

package e2e_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/rig"
	"github.com/jpkicheck/jpkicheck/internal/syncbuf"
)

// The kiosk under faults, black-box: the real jpkicheck kiosk process
// against jpkisim cards through the real stack, watched only through its
// page's own API (/api/status, /api/events) and /proc.

// kioskProc is a running `jpkicheck kiosk` (or `ui`) with a private HOME
// and TMPDIR.
type kioskProc struct {
	*rig.Page
	cmd    *exec.Cmd
	url    string // http://127.0.0.1:PORT/
	root   string // its private HOME and TMPDIR live here
	stderr *syncbuf.Buffer
	client *http.Client
}

// startKiosk starts the kiosk on a free loopback port with a private HOME
// and TMPDIR, results shown until the card leaves, and stops it (SIGINT,
// as Ctrl+C) when the test ends.
func (s *stack) startKiosk(t *testing.T) *kioskProc {
	t.Helper()
	return s.startPage(t, "kiosk", "--listen", "127.0.0.1:0")
}

// startPage starts `jpkicheck kiosk` or `jpkicheck ui` (page of its own;
// ui picks its port and secret path itself) with args.
func (s *stack) startPage(t *testing.T, command string, args ...string) *kioskProc {
	t.Helper()
	k := &kioskProc{root: t.TempDir(), client: &http.Client{Timeout: 10 * time.Second}}
	for _, d := range []string{"home", "tmp"} {
		if err := os.Mkdir(filepath.Join(k.root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	k.Page = s.StartPage(t, s.bin, []string{"HOME=" + filepath.Join(k.root, "home"), "TMPDIR=" + filepath.Join(k.root, "tmp")},
		append([]string{command, "--today", today, "--linger", "0", "--lang", "en"}, args...)...)
	k.cmd, k.url, k.stderr = k.Page.Cmd, k.Page.URL, k.Page.Stderr
	return k
}

// kstatus is the part of the page's status the tests read.
type kstatus struct {
	Seq     uint64 `json:"seq"`
	Screen  string `json:"screen"`
	Problem string `json:"problem"`
	Pending bool   `json:"pending"`
	Visit   uint64 `json:"visit"`
	raw     []byte
	at      time.Time
}

// final reports a screen the kiosk stays on while the card stays in.
func (s kstatus) final() bool {
	return (s.Screen == "result" && !s.Pending) || s.Screen == "error" || s.Screen == "take_card"
}

func (k *kioskProc) status(t *testing.T) kstatus {
	t.Helper()
	data := k.StatusJSON(t, k.client)
	var st kstatus
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatalf("status %s: %v", data, err)
	}
	st.raw, st.at = data, time.Now()
	return st
}

// watcher is one page's event stream: every status it received, in order.
type watcher struct {
	mu      sync.Mutex
	msgs    []kstatus
	arrived chan struct{}
	resp    *http.Response
}

func (k *kioskProc) watch(t *testing.T) *watcher {
	t.Helper()
	resp, err := http.Get(k.url + "api/events")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/events: %v %v", resp, err)
	}
	w := &watcher{arrived: make(chan struct{}, 1), resp: resp}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			if !ok {
				continue
			}
			var st kstatus
			if json.Unmarshal([]byte(data), &st) != nil {
				continue
			}
			st.raw, st.at = []byte(data), time.Now()
			w.mu.Lock()
			w.msgs = append(w.msgs, st)
			w.mu.Unlock()
			select {
			case w.arrived <- struct{}{}:
			default:
			}
		}
	}()
	return w
}

// since returns the statuses received from index i on.
func (w *watcher) since(i int) []kstatus {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.msgs[i:])
}

func (w *watcher) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.msgs)
}

// waitFor waits for a status from index i on that ok accepts.
func (w *watcher) waitFor(t *testing.T, i int, what string, timeout time.Duration, ok func(kstatus) bool) kstatus {
	t.Helper()
	deadline := time.After(timeout)
	for {
		for _, st := range w.since(i) {
			if ok(st) {
				return st
			}
		}
		select {
		case <-w.arrived:
		case <-deadline:
			var screens []string
			for _, st := range w.since(i) {
				screens = append(screens, st.Screen+"/"+st.Problem)
			}
			t.Fatalf("kiosk: no %s within %v (screens since: %v)", what, timeout, screens)
		}
	}
}

// withoutSeq is a status with its change counter left out: what a page
// shows, whatever happened before.
func withoutSeq(t *testing.T, raw []byte) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "seq")
	b, _ := json.Marshal(m)
	return string(b)
}

// openFiles lists what the process has open that is a file on disk (not
// a socket, pipe or device), and its memory now and at its peak (kB).
func openFiles(t *testing.T, pid int) []string {
	t.Helper()
	dir := fmt.Sprintf("/proc/%d/fd", pid)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		target, err := os.Readlink(filepath.Join(dir, e.Name()))
		if err != nil || !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "/dev/") {
			continue
		}
		out = append(out, target)
	}
	slices.Sort(out)
	return out
}

func memoryKB(t *testing.T, pid int) (rss, peak int) {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.Atoi(f[1])
		switch f[0] {
		case "VmRSS:":
			rss = n
		case "VmHWM:":
			peak = n
		}
	}
	return rss, peak
}

// The kiosk against a card of every profile and every fault (hang has its
// own test): no PIN counter moves; nothing it publishes holds the holder's
// name, address or birth date, nor (for a fault) a date a good card does
// not show; once the card leaves, the page is exactly what it was before
// the card came; and after all the cards it has no file open that it did
// not have at the start, and has written nothing to its HOME or TMPDIR.
//
// `jpkicheck ui`, the same page for home use, goes through the same.
func TestKioskEveryCard(t *testing.T) {
	for _, page := range [][]string{{"kiosk", "--listen", "127.0.0.1:0"}, {"ui", "--no-browser"}} {
		t.Run(page[0], func(t *testing.T) { everyCard(t, page[0], page[1:]...) })
	}
}

func everyCard(t *testing.T, command string, args ...string) {
	s := startStack(t)
	k := s.startPage(t, command, args...)
	w := k.watch(t)
	w.waitFor(t, 0, "waiting screen", 10*time.Second, func(st kstatus) bool { return st.Screen == "waiting" })
	empty := withoutSeq(t, k.status(t).raw)
	files := openFiles(t, k.cmd.Process.Pid)
	tl := newTally(t, command+": every profile and fault")

	var reference []string
	for i, p := range allProfiles() {
		if p.Name == cardsim.Hang {
			continue
		}
		from := w.count()
		sim := s.card(t, i%2, "--profile", string(p.Name), "--name", leakName, "--address", leakAddress)
		before := sim.State(t)
		st := w.waitFor(t, from, string(p.Name)+" answer", 15*time.Second, func(st kstatus) bool { return st.Visit > 0 && st.final() })
		tl.add(st.Screen + "/" + st.Problem)
		rig.PINsUnchanged(t, "kiosk "+string(p.Name), before, sim.State(t))
		var seen []string
		for _, m := range w.since(from) {
			assertNoLeak(t, command+" "+string(p.Name), string(m.raw))
			seen = append(seen, dates(string(m.raw))...)
		}
		switch {
		case p.Name == cardsim.Valid:
			reference = seen
		case isFault(p.Name) && reference != nil:
			assertNoWrongDate(t, "kiosk "+string(p.Name), strings.Join(seen, " "), reference)
		}
		if isFault(p.Name) && p.Name != cardsim.Truncated && p.Name != cardsim.RandomSW && st.Problem != string(report.Malformed) {
			t.Errorf("kiosk %s: %s/%s, want the malformed error screen", p.Name, st.Screen, st.Problem)
		}

		from = w.count()
		sim.Stop(t)
		w.waitFor(t, from, "waiting screen after "+string(p.Name), 10*time.Second, func(st kstatus) bool { return st.Screen == "waiting" })
		if got := withoutSeq(t, k.status(t).raw); got != empty {
			t.Errorf("kiosk %s: after the card left the page is\n%s\nnot as before the card came\n%s", p.Name, got, empty)
		}
	}
	if got := openFiles(t, k.cmd.Process.Pid); !slices.Equal(got, files) {
		t.Errorf("kiosk files open: %v at the start, %v after all cards", files, got)
	}
	for _, d := range []string{"home", "tmp"} {
		if entries, _ := os.ReadDir(filepath.Join(k.root, d)); len(entries) > 0 {
			t.Errorf("kiosk wrote to its %s: %v", d, entries)
		}
	}
	assertNoLeak(t, "kiosk log", k.stderr.String())
}

// A card that stops answering does not freeze the kiosk: the page stays
// responsive throughout, shows "the card stopped answering" within the
// bound, goes back to waiting when the card is taken out, and reads the
// next card in the same reader.
func TestKioskHungCard(t *testing.T) {
	s := startStack(t)
	k := s.startKiosk(t)
	w := k.watch(t)
	w.waitFor(t, 0, "waiting screen", 10*time.Second, func(st kstatus) bool { return st.Screen == "waiting" })
	tl := newTally(t, "kiosk: hung card")

	from := w.count()
	sim := s.card(t, 0, "--profile", "hang")
	reading := w.waitFor(t, from, "reading screen", 10*time.Second, func(st kstatus) bool { return st.Screen == "reading" })

	// Ask the page for its status all along: it must answer at once.
	stop := make(chan struct{})
	worst := make(chan time.Duration, 1)
	go func() {
		var slowest time.Duration
		for {
			select {
			case <-stop:
				worst <- slowest
				return
			case <-time.After(50 * time.Millisecond):
			}
			t0 := time.Now()
			if resp, err := k.client.Get(k.url + "api/status"); err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			slowest = max(slowest, time.Since(t0))
		}
	}()
	st := w.waitFor(t, from, "error screen", hangBound, func(st kstatus) bool { return st.Screen == "error" })
	close(stop)
	took := st.at.Sub(reading.at)
	slowest := <-worst
	t.Logf("reliability: kiosk: hung card: error screen %q %v after reading began; slowest /api/status meanwhile %v",
		st.Problem, took.Round(time.Millisecond), slowest.Round(time.Millisecond))
	if st.Problem != string(report.CardTimeout) {
		t.Errorf("hung card: problem %q, want %q", st.Problem, report.CardTimeout)
	}
	if slowest > time.Second {
		t.Errorf("the page took %v to answer while the card hung", slowest)
	}
	tl.add(st.Problem)
	rig.PINsUnchanged(t, "kiosk hung card", cardsim.State{Auth: cardsim.PINState{TriesLeft: 3, MaxTries: 3}, Sign: cardsim.PINState{TriesLeft: 5, MaxTries: 5}}, sim.State(t))

	from = w.count()
	sim.Stop(t)
	w.waitFor(t, from, "waiting screen after the hung card", 10*time.Second, func(st kstatus) bool { return st.Screen == "waiting" })
	from = w.count()
	s.card(t, 0)
	st = w.waitFor(t, from, "the next card's answer", 15*time.Second, func(st kstatus) bool { return st.Visit > 0 && st.final() })
	if st.Screen != "result" {
		t.Errorf("after the hung card, a good card shows %s/%s", st.Screen, st.Problem)
	}
	tl.add("recovered")
}

// readTime is how long the kiosk took from "reading" to the whole answer
// for the card whose statuses are msgs.
func readTime(t *testing.T, msgs []kstatus) time.Duration {
	t.Helper()
	var start time.Time
	for _, m := range msgs {
		switch {
		case m.Screen == "reading" && start.IsZero():
			start = m.at
		case m.Screen == "result" && !m.Pending && !start.IsZero():
			return m.at.Sub(start)
		}
	}
	t.Fatalf("no reading → result in %d statuses", len(msgs))
	return 0
}

// cycle puts a good card in reader i, waits for its whole answer and takes
// it out again; it returns how long the read took as the page saw it.
func (s *stack) cycle(t *testing.T, w *watcher, reader int) time.Duration {
	t.Helper()
	from := w.count()
	sim := s.card(t, reader)
	w.waitFor(t, from, "answer", 20*time.Second, func(st kstatus) bool { return st.Visit > 0 && st.final() })
	took := readTime(t, w.since(from))
	from = w.count()
	sim.Stop(t)
	w.waitFor(t, from, "waiting screen", 20*time.Second, func(st kstatus) bool { return st.Screen == "waiting" })
	return took
}

func init() {
	// The load test's SSE clients are many: keep idle connections.
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 64
}

// The kiosk under load, all on loopback and bounded in count and time:
// event streams up to the cap and past it, streams that never read, and
// bursts of status requests, while cards come and go. The server turns
// the extra streams away (503), the card loop reads as fast as it does
// idle, every status request is answered, and memory stays bounded.
func TestKioskUnderLoad(t *testing.T) {
	s := startStack(t)
	k := s.startKiosk(t)
	pid := k.cmd.Process.Pid
	w := k.watch(t)
	w.waitFor(t, 0, "waiting screen", 10*time.Second, func(st kstatus) bool { return st.Screen == "waiting" })

	const idleCycles, loadCycles = 3, 5
	var idle []time.Duration
	for i := range idleCycles {
		idle = append(idle, s.cycle(t, w, i%2))
	}
	rssIdle, _ := memoryKB(t, pid)

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		rejected int
		accepted int
		lat      []time.Duration
		failures []string
	)
	note := func(f string, a ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 10 {
			failures = append(failures, fmt.Sprintf(f, a...))
		}
	}
	stop := make(chan struct{})
	port := strings.TrimSuffix(strings.TrimPrefix(k.url, "http://"), "/")

	// Streams that never read, with a tiny receive window: the server's
	// writes to them stall.
	const slow = 6
	for range slow {
		conn, err := dialTiny(port)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "GET /api/events HTTP/1.1\r\nHost: %s\r\n\r\n", port)
		// The status line only, so the stream surely holds its slot
		// before the others come; then never another byte.
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		if line, err := bufio.NewReader(conn).ReadString('\n'); err != nil || !strings.Contains(line, " 200 ") {
			t.Fatalf("a slow event stream got %q, %v", line, err)
		}
	}
	// Streams that read, up to the cap and 40 past it.
	const streams = 64
	for range streams {
		wg.Go(func() {
			resp, err := http.Get(k.url + "api/events")
			if err != nil {
				note("event stream: %v", err)
				return
			}
			defer resp.Body.Close()
			mu.Lock()
			if resp.StatusCode == http.StatusServiceUnavailable {
				rejected++
			} else {
				accepted++
			}
			mu.Unlock()
			if resp.StatusCode != http.StatusOK {
				return
			}
			go func() { <-stop; resp.Body.Close() }()
			io.Copy(io.Discard, resp.Body)
		})
	}
	// Bursts of status requests, 100 at a time from each worker, for as
	// long as the cards come and go (at most 20,000 per worker).
	const workers, requests = 12, 20000
	for range workers {
		wg.Go(func() {
			for i := range requests {
				select {
				case <-stop:
					return
				default:
				}
				if i%100 == 99 {
					time.Sleep(20 * time.Millisecond)
				}
				t0 := time.Now()
				resp, err := k.client.Get(k.url + "api/status")
				if err != nil {
					note("status: %v", err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
				if resp.StatusCode != http.StatusOK {
					note("status: %s", resp.Status)
				}
			}
		})
	}

	var loaded []time.Duration
	for i := range loadCycles {
		loaded = append(loaded, s.cycle(t, w, i%2))
	}
	rssLoad, peak := memoryKB(t, pid)
	close(stop)
	wg.Wait()

	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	t.Logf("reliability: kiosk under load: %d event streams asked (+%d never reading), %d accepted, %d turned away; %d status requests, p50 %v p99 %v max %v",
		streams, slow, accepted, rejected, len(lat), pct(0.5), pct(0.99), pct(1))
	t.Logf("reliability: kiosk under load: card reads idle %v, under load %v; memory idle %d kB, loaded %d kB, peak %d kB",
		idle, loaded, rssIdle, rssLoad, peak)
	for _, f := range failures {
		t.Error(f)
	}
	// The observer and the slow streams hold slots too: of 64 readers at
	// most 32 - 1 - 6 get in, and every other one is turned away.
	if accepted+rejected != streams || accepted > 32-1-slow || rejected < streams-(32-1) {
		t.Errorf("%d event streams accepted and %d turned away of %d, with a cap of 32", accepted, rejected, streams)
	}
	if worst, base := slices.Max(loaded), slices.Max(idle); worst > base+time.Second {
		t.Errorf("card reads under load took up to %v, idle up to %v", worst, base)
	}
	if pct(0.99) > time.Second {
		t.Errorf("status requests p99 %v under load", pct(0.99))
	}
	if peak > 150<<10 || rssLoad-rssIdle > 64<<10 {
		t.Errorf("memory: idle %d kB, loaded %d kB, peak %d kB", rssIdle, rssLoad, peak)
	}

	// The load gone, the slots free up: a new page gets its stream.
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get(k.url + "api/events")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no event stream slot 5 s after the load ended: %v %v", resp, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// dialTiny connects with a 1 KiB receive buffer, set before the handshake
// so the window the server sees is small from the start.
func dialTiny(addr string) (net.Conn, error) {
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 1024)
		})
		return errors.Join(err, serr)
	}}
	return d.Dial("tcp", addr)
}

// A stalled daemon (SIGSTOP) does not freeze the kiosk's page, and once
// the daemon runs again the kiosk reads the next card by itself.
func TestKioskStalledDaemon(t *testing.T) {
	s := startStack(t)
	k := s.startKiosk(t)
	w := k.watch(t)
	w.waitFor(t, 0, "waiting screen", 10*time.Second, func(st kstatus) bool { return st.Screen == "waiting" })
	resume := stallDaemon(t, s)
	var slowest time.Duration
	for end := time.Now().Add(pcsc.DefaultTimeout + time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		t0 := time.Now()
		k.status(t)
		slowest = max(slowest, time.Since(t0))
	}
	if slowest > time.Second {
		t.Errorf("the page took %v to answer while pcscd was stopped", slowest)
	}
	resume()
	from := w.count()
	s.card(t, 0)
	st := w.waitFor(t, from, "the answer after the daemon came back", 20*time.Second, func(st kstatus) bool { return st.Visit > 0 && st.final() })
	if st.Screen != "result" {
		t.Errorf("after the stall a good card shows %s/%s", st.Screen, st.Problem)
	}
	t.Logf("reliability: kiosk: pcscd stopped for %v: slowest /api/status %v; the next card read: %s", pcsc.DefaultTimeout+time.Second, slowest.Round(time.Millisecond), st.Screen)
}
