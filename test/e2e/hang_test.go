package e2e_test

import (
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// hangBound is how long a command may take on a card that never answers:
// pcsc's bound on one exchange plus start-up and slack for a loaded CI.
const hangBound = pcsc.DefaultTimeout + 5*time.Second

// A card that stops answering in the middle of a read (jpkisim --profile
// hang: the first READ BINARY never gets an answer) does not freeze the
// CLI: every command ends within the bound with "the card stopped
// answering" (exit 5), also while the dead card is still in the reader;
// once it is taken out and a good card goes in, the next check reads it
// as on any day.
func TestHungCard(t *testing.T) {
	s := startStack(t)
	g := reference(t, s, [][]string{{"check", "--lang", "en"}})[0]
	tl := newTally(t, "hung card: bounded, clear, recovers")

	sim := s.card(t, 0, "--profile", "hang")
	for _, args := range [][]string{
		{"check", "--lang", "en"},
		{"check", "--lang", "en"}, // the dead card is still in the reader
		{"pin", "--json"},
	} {
		t0 := time.Now()
		res := s.inReader(t, 0, sim.CAPath, args...)
		took := time.Since(t0)
		name := "hung card: " + args[0]
		t.Logf("%s %v: exit %d after %v", name, args[1:], res.Code, took.Round(time.Millisecond))
		if took > hangBound {
			t.Errorf("%s: took %v, want at most %v", name, took, hangBound)
		}
		assertProblem(t, name, res, report.ExitNoCard, report.CardTimeout)
		assertNoWrongDate(t, name, res.Stdout+res.Stderr, g.dates)
		tl.add(outcome(res))
	}
	rig.PINsUnchanged(t, "hung card", g.before, sim.State(t))

	// Out with it, in with a good one: the reader works again.
	t0 := time.Now()
	sim.Stop(t)
	sim.WaitRemoved(t)
	good := s.card(t, 0)
	res := s.inReader(t, 0, good.CAPath, g.args...)
	t.Logf("recovery: removal, a good card and its check took %v", time.Since(t0).Round(time.Millisecond))
	if res.Code != g.res.Code || res.Stdout != g.res.Stdout {
		t.Errorf("after the hung card left, a good card reads: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	tl.add("recovered")
}
