package kiosk

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// SoakEnv sets the number of insert/remove cycles of TestSoak (default
// 300; 30 with -short).
const SoakEnv = "JPKICHECK_SOAK_CYCLES"

// answer is what the soak test keeps of each card's final screen.
type answer struct {
	visit   uint64
	screen  Screen
	state   string
	problem string
}

// TestSoak puts cards in and takes them out through the real stack, with
// the page's event stream open, and checks that every card gets its own
// right answer and that goroutines and memory stay flat. Cards alternate
// between the two readers: each card goes in as the previous one comes
// out, so a cycle costs one pcscd poll (~0.4 s) instead of two.
func TestSoak(t *testing.T) {
	cycles := 300
	if testing.Short() {
		cycles = 30
	}
	if v := os.Getenv(SoakEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 10 {
			t.Fatalf("%s=%q: want a number of cycles, at least 10", SoakEnv, v)
		}
		cycles = n
	}
	r := rig.Start(t, rig.Options{Quiet: true})

	var (
		mu      sync.Mutex
		answers []answer
		screens = map[Screen]int{}
	)
	m := New(Config{Source: pcscReaders(t), OnStatus: func(s Status) {
		mu.Lock()
		defer mu.Unlock()
		screens[s.Screen]++
		if (s.Screen == ScreenResult && !s.Pending) || s.Screen == ScreenError {
			a := answer{visit: s.Visit, screen: s.Screen, problem: string(s.Problem)}
			if s.Report != nil {
				a.state = s.Report.State.String()
			}
			answers = append(answers, a)
		}
	}})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	t.Cleanup(func() { cancel(); wg.Wait() })
	wg.Go(func() { m.Run(ctx) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	wg.Go(func() { NewServer(m, ServerOptions{Addr: ln.Addr().String()}).Serve(ctx, ln) })
	var events atomic.Int64
	wg.Go(func() { readEvents(ctx, "http://"+ln.Addr().String()+"/api/events", &events) })

	lastScreen := func() Screen { return m.Status().Screen }
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("no %s within 15 s (screen %s)", what, lastScreen())
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	answered := func(n int) func() bool {
		return func() bool { mu.Lock(); defer mu.Unlock(); return len(answers) >= n }
	}

	profiles := []struct {
		p             cardsim.Profile
		screen        Screen
		state, reason string
	}{
		{cardsim.Valid, ScreenResult, "not_yet_open", ""},
		{cardsim.WindowOpen, ScreenResult, "open", ""},
		{cardsim.Expired, ScreenResult, "expired", ""},
		{cardsim.NotJPKI, ScreenError, "", "not_jpki"},
	}
	var (
		prev       *rigCard
		goBase     int
		heapBase   uint64
		start      = time.Now()
		warmup     = min(20, cycles/2)
		quiesce    func() (int, uint64)
		cycleStart time.Time
	)
	// quiesce takes the last card out, waits for the waiting screen and
	// measures: the points where goroutines and heap are compared.
	quiesce = func() (int, uint64) {
		t.Helper()
		if prev != nil {
			prev.Remove()
			prev = nil
		}
		waitFor("the waiting screen", func() bool { return lastScreen() == ScreenWaiting })
		time.Sleep(200 * time.Millisecond) // let finished reads and card goroutines end
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return runtime.NumGoroutine(), ms.HeapAlloc
	}
	waitFor("the waiting screen", func() bool { return lastScreen() == ScreenWaiting })
	for i := 0; i < cycles; i++ {
		if i == warmup {
			goBase, heapBase = quiesce()
			t.Logf("after %d warm-up cycles: %d goroutines, heap %d KiB", warmup, goBase, heapBase>>10)
			cycleStart = time.Now()
		}
		want := profiles[i%len(profiles)]
		card := insertIn(t, r, i%2, want.p)
		if prev != nil {
			prev.Remove()
		}
		prev = card
		waitFor(fmt.Sprintf("the answer to card %d (%s)", i+1, want.p), answered(i+1))
		mu.Lock()
		got := answers[i]
		mu.Unlock()
		if got.screen != want.screen || got.state != want.state || got.problem != want.reason {
			t.Fatalf("card %d (%s): %+v, want %s %s%s", i+1, want.p, got, want.screen, want.state, want.reason)
		}
	}
	goEnd, heapEnd := quiesce()
	took := time.Since(start)
	perCycle := time.Since(cycleStart) / time.Duration(cycles-warmup)
	mu.Lock()
	n, seen := len(answers), fmt.Sprint(screens)
	mu.Unlock()
	t.Logf("soak: %d cycles in %v (%v per cycle after warm-up); %d answers, %d events streamed; screens %s",
		cycles, took.Round(time.Second), perCycle.Round(time.Millisecond), n, events.Load(), seen)
	t.Logf("soak: goroutines %d -> %d, heap %d KiB -> %d KiB", goBase, goEnd, heapBase>>10, heapEnd>>10)
	if n != cycles {
		t.Errorf("%d answers for %d cards: a card was read twice", n, cycles)
	}
	if goEnd > goBase+2 {
		t.Errorf("goroutines grew from %d to %d over %d cycles", goBase, goEnd, cycles-warmup)
	}
	if heapEnd > heapBase+1<<20 {
		t.Errorf("heap grew from %d KiB to %d KiB over %d cycles", heapBase>>10, heapEnd>>10, cycles-warmup)
	}
	if events.Load() < int64(cycles) {
		t.Errorf("the event stream carried %d events for %d cards", events.Load(), cycles)
	}
}

// rigCard is an in-process simulated card in one of the rig's readers.
// The rig keeps every card it was given until the test ends, so the card
// lets go of its simulated card when removed: what stays is the rig's own
// small record, not a card's certificates, which would read as a leak.
type rigCard struct {
	ic  *rig.InsertedCard
	mu  sync.Mutex
	sim *cardsim.Card
}

func (c *rigCard) Remove() {
	c.ic.Remove()
	c.mu.Lock()
	c.sim = nil
	c.mu.Unlock()
}

// insertIn serves a new in-process simulated card to reader i.
func insertIn(t *testing.T, r *rig.Rig, reader int, p cardsim.Profile) *rigCard {
	t.Helper()
	sim, err := cardsim.New(cardsim.Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	c := &rigCard{sim: sim}
	c.ic = r.InsertCard(t, reader, rig.VirtualCard{ATR: sim.ATR(), Async: true, Handle: func(apdu []byte) []byte {
		c.mu.Lock()
		sim := c.sim
		c.mu.Unlock()
		if sim == nil {
			return nil
		}
		rsp, err := sim.Transmit(apdu)
		if err != nil {
			return nil
		}
		return rsp
	}})
	return c
}

// readEvents counts the messages of an event stream until ctx ends.
func readEvents(ctx context.Context, url string, n *atomic.Int64) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "data: ") {
			n.Add(1)
		}
	}
}
