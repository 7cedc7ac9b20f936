//go:build linux

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
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
)

// pauseAt holds the card's n-th command until release is closed (or the
// card is removed), and tells reached when it gets there: the moment to
// pull the daemon out from under a read.
func pauseAt(n int, reached chan<- struct{}, release <-chan struct{}) cardsim.Middleware {
	return atCommand(n, func(c *cardsim.Card) error {
		close(reached)
		select {
		case <-release:
			return nil
		case <-c.Removed():
			return cardsim.ErrRemoved
		}
	})
}

// daemonPID finds the rig's own pcscd: the one whose --config is inside
// the rig's private directory. Nothing else is ever signalled.
func daemonPID(t *testing.T, s *stack) int {
	t.Helper()
	conf := filepath.Join(s.Dir(), "reader.conf.d")
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		args := strings.Split(string(b), "\x00")
		if strings.HasSuffix(args[0], "pcscd") && strings.Contains(string(b), conf) {
			return pid
		}
	}
	t.Fatalf("no pcscd with --config %s", conf)
	return 0
}

// The daemon goes away in the middle of a check, at every APDU: killed
// (SIGKILL, a crash) or restarted (SIGTERM and start, an upgrade or a
// service restart). The check ends at once with "service not running" or
// "card removed" (exit 5), shows no date a good read does not, spends no
// PIN try; with the daemon back, the same card left in the reader reads
// correctly again.
func TestDaemonGoesAwayMidRead(t *testing.T) {
	s := startStack(t)
	g := reference(t, s, [][]string{{"check", "--lang", "en"}})[0]
	tl := newTally(t, "pcscd killed or restarted mid-read")
	// A restart looks to a client like a kill followed by a start; it
	// is tried at the first APDU, in the certificate and at the last.
	points := map[string][]int{"killed": {}, "restarted": {1, 4, g.apdus}}
	for k := 1; k <= g.apdus; k++ {
		points["killed"] = append(points["killed"], k)
	}
	for _, how := range []string{"killed", "restarted"} {
		for _, k := range points[how] {
			name := fmt.Sprintf("pcscd %s during APDU %d", how, k)
			reached, release := make(chan struct{}), make(chan struct{})
			c := s.insert(t, 0, pauseAt(k, reached, release))
			p := s.start(t, rig.RunOptions{}, s.cardArgs(0, c.caPath, g.args...)...)
			select {
			case <-reached:
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: the check never reached APDU %d", name, k)
			}
			if how == "killed" {
				if err := syscall.Kill(daemonPID(t, s), syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				s.StopPCSCD() // reaps it and clears the stale socket
			} else {
				s.StopPCSCD()
			}
			close(release)
			res := p.Wait(t, 0)
			assertNoWrongDate(t, name, res.Stdout+res.Stderr, g.dates)
			assertProblem(t, name, res, report.ExitNoCard, report.NoService, report.CardRemoved)
			tl.add(outcome(res))

			// Recovery: the daemon is back, the card (never taken out)
			// is seen again and reads as on a good day.
			s.StartPCSCD()
			waitPresent(t, s, 0)
			again := s.inReader(t, 0, c.caPath, g.args...)
			if again.Code != g.res.Code || again.Stdout != g.res.Stdout {
				t.Errorf("%s, then back: exit %d\n%s%s", name, again.Code, again.Stdout, again.Stderr)
			}
			tl.add("recovered")
			rig.PINsUnchanged(t, name, g.before, c.State())
			c.inserted.WaitRemoved(t)
		}
	}
}

// waitPresent waits until pcscd reports a card in the reader again.
func waitPresent(t *testing.T, s *stack, reader int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := pcsc.WaitForCard(ctx, s.ReaderName(reader)); err != nil {
		t.Fatalf("no card in %s after the daemon came back: %v", s.ReaderName(reader), err)
	}
}

// stallDaemon stops the rig's pcscd (SIGSTOP, as a daemon stuck in a
// reader driver) and returns the function that lets it run again, which
// also runs when the test ends.
func stallDaemon(t *testing.T, s *stack) (resume func()) {
	t.Helper()
	pid := daemonPID(t, s)
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	resume = func() { once.Do(func() { syscall.Kill(pid, syscall.SIGCONT) }) }
	t.Cleanup(resume)
	return resume
}

// A daemon that stops answering does not freeze jpkicheck: each command
// (and one that was waiting for a card when the daemon stalled) ends within
// the bound with "the service is not running" (exit 5), whose hint is to
// restart it; once the daemon runs again, the card reads.
func TestStalledDaemon(t *testing.T) {
	s := startStack(t)
	g := reference(t, s, [][]string{{"check", "--lang", "en"}})[0]
	tl := newTally(t, "pcscd stalled (SIGSTOP)")
	sim := s.card(t, 0)

	// Stalled while a check waits for a card in the empty reader: the wait
	// ends at --wait, the stall is noticed within the bound after that.
	t0 := time.Now()
	p := s.start(t, rig.RunOptions{}, "check", "--reader", s.ReaderName(1), "--wait", "3s", "--today", today)
	time.Sleep(time.Second)
	resume := stallDaemon(t, s)
	res := p.Wait(t, 0)
	took := time.Since(t0)
	t.Logf("stalled daemon during --wait 3s: exit %d after %v", res.Code, took.Round(time.Millisecond))
	if took > 3*time.Second+hangBound {
		t.Errorf("stalled during the wait: took %v", took)
	}
	assertProblem(t, "stalled daemon during the wait", res, report.ExitNoCard, report.NoService)
	tl.add(outcome(res))

	for _, args := range [][]string{{"check", "--lang", "en"}, {"readers", "--json"}} {
		t0 := time.Now()
		res := s.inReader(t, 0, sim.CAPath, args...)
		took := time.Since(t0)
		name := fmt.Sprintf("stalled daemon: %v", args)
		t.Logf("%s: exit %d after %v", name, res.Code, took.Round(time.Millisecond))
		if took > hangBound {
			t.Errorf("%s: took %v, want at most %v", name, took, hangBound)
		}
		assertProblem(t, name, res, report.ExitNoCard, report.NoService)
		tl.add(outcome(res))
	}
	resume()
	res = s.inReader(t, 0, sim.CAPath, g.args...)
	if res.Code != g.res.Code || res.Stdout != g.res.Stdout {
		t.Errorf("the daemon running again, the card reads: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	tl.add("recovered")
	rig.PINsUnchanged(t, "stalled daemon", g.before, sim.State(t))
}
