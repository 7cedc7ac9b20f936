package e2e_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// good is what a command prints on a card without faults: the reference
// every faulty run is held against.
type good struct {
	args   []string
	res    rig.Result
	apdus  int
	dates  []string
	before cardsim.State
}

// reference runs each command once on a good card in reader 0 and
// returns what it printed and how many APDUs it sent.
func reference(t *testing.T, s *stack, commands [][]string) []good {
	t.Helper()
	sim := s.card(t, 0)
	var out []good
	for _, args := range commands {
		before := len(sim.LogLines(t))
		g := good{args: args, before: sim.State(t)}
		g.res = s.inReader(t, 0, sim.CAPath, args...)
		g.apdus = len(sim.LogLines(t)) - before
		g.dates = dates(g.res.Stdout + g.res.Stderr)
		if g.res.Code != report.ExitOK || g.apdus == 0 {
			t.Fatalf("reference %v: exit %d after %d APDUs\n%s%s", args, g.res.Code, g.apdus, g.res.Stdout, g.res.Stderr)
		}
		out = append(out, g)
	}
	sim.Stop(t)
	sim.WaitRemoved(t)
	return out
}

// The card leaves the reader after every possible number of answered
// APDUs, 0 through N, N being what the command needs on a good card: a
// command that lost its card says "card removed" (exit 5); one whose card
// left after the last answer reports exactly what a good read does. No
// case shows a date a good read does not, spends a PIN try or hangs.
//
// Two ways to leave: jpkisim --remove-after k answers the k-th APDU and
// then closes its socket (the card is gone between two commands); an
// in-process card drops the connection when APDU k+1 arrives, without
// answering it (the card is gone in the middle of a command; k = 0 is a
// card that leaves right after the connection).
func TestRemovalAfterEveryAPDU(t *testing.T) {
	s := startStack(t)
	commands := [][]string{
		{"check", "--lang", "en"},
		{"check", "--lang", "ja", "--json"},
		{"pin", "--lang", "en"},
		{"export", "auth"},
		{"ics"},
	}
	refs := reference(t, s, commands)
	tl := newTally(t, "card removed after each APDU")

	// Alternate readers so that pcscd's ~0.4 s to notice one removal
	// overlaps the next case.
	var last [2]func()
	next := 0
	slot := func() int {
		i := next % 2
		next++
		if last[i] != nil {
			last[i]()
			last[i] = nil
		}
		return i
	}

	for _, g := range refs {
		for k := 0; k <= g.apdus; k++ {
			// Between two commands, after k answers (jpkisim counts from 1).
			if k > 0 {
				name := fmt.Sprintf("%v/remove-after-%d", g.args, k)
				i := slot()
				sim := s.card(t, i, "--remove-after", strconv.Itoa(k))
				res := s.inReader(t, i, sim.CAPath, g.args...)
				judgeRemoval(t, tl, name, res, g, k == g.apdus)
				<-sim.Exited()
				rig.PINsUnchanged(t, name, g.before, sim.State(t))
				last[i] = func() { sim.WaitRemoved(t) }
			}
			// In the middle of command k+1, which never gets an answer;
			// with k = N there is no such command and the read completes.
			name := fmt.Sprintf("%v/pulled-during-%d", g.args, k+1)
			i := slot()
			drop := dropAt(k + 1)
			c := s.insert(t, i, drop)
			res := s.inReader(t, i, c.caPath, g.args...)
			judgeRemoval(t, tl, name, res, g, k == g.apdus)
			rig.PINsUnchanged(t, name, g.before, c.State())
			last[i] = func() { c.inserted.WaitRemoved(t) }
		}
	}
	for _, f := range last {
		if f != nil {
			f()
		}
	}
}

// judgeRemoval holds one removal case to the rules above.
func judgeRemoval(t *testing.T, tl *tally, name string, res rig.Result, g good, complete bool) {
	t.Helper()
	assertNoWrongDate(t, name, res.Stdout+res.Stderr, g.dates)
	if complete {
		tl.add("complete")
		if res.Code != g.res.Code || stable(res.Stdout) != stable(g.res.Stdout) {
			t.Errorf("%s: card left after the last answer: exit %d, want %d as a good read\nstdout:\n%s\nstderr:\n%s\nwant stdout:\n%s",
				name, res.Code, g.res.Code, res.Stdout, res.Stderr, g.res.Stdout)
		}
		return
	}
	tl.add("card_removed")
	assertProblem(t, name, res, report.ExitNoCard, report.CardRemoved)
}

// atCommand runs act when the card's n-th command arrives, before the
// card answers it; an error from act is the card's (cardsim.ErrRemoved:
// gone without an answer).
func atCommand(n int, act func(c *cardsim.Card) error) cardsim.Middleware {
	return func(c *cardsim.Card, next cardsim.Handler) cardsim.Handler {
		seen := 0
		return func(cmd []byte) ([]byte, error) {
			seen++
			if seen == n {
				if err := act(c); err != nil {
					return nil, err
				}
			}
			return next(cmd)
		}
	}
}

// dropAt removes the card when its n-th command arrives, before answering.
func dropAt(n int) cardsim.Middleware {
	return atCommand(n, func(*cardsim.Card) error { return cardsim.ErrRemoved })
}

// dtstamp is the one line of a calendar file that says when it was made.
var dtstamp = regexp.MustCompile(`(?m)^DTSTAMP:.*$`)

// stable drops what differs between two good runs: the time a calendar
// was made and the reader the card was in.
func stable(out string) string {
	return strings.ReplaceAll(dtstamp.ReplaceAllString(out, "DTSTAMP:"), "Virtual PCD 00 01", "Virtual PCD 00 00")
}

// The same for the commands that send the right PIN: the card leaves
// after every number of answered APDUs from three before the VERIFY to
// all but the last. Every run ends with the good read's result or "card removed"
// (pin verify already has its answer once the VERIFY is answered, and may
// report it), never a wrong date or a spent try; a card still in the
// reader when the command exits has no PIN verified.
func TestRemovalAfterEveryAPDUWhileVerifying(t *testing.T) {
	s := startStack(t)
	tl := newTally(t, "card removed after each APDU of a verifying command")
	for _, inv := range []invocation{
		{name: "pin-verify-sign", args: []string{"pin", "verify", "sign", "--lang", "en"}, stdin: "ABC123\n"},
		{name: "check-sign", args: []string{"check", "--sign", "--lang", "en"}, stdin: "ABC123\n"},
	} {
		ref := s.card(t, 0)
		before := ref.State(t)
		good := s.start(t, rig.RunOptions{Stdin: inv.stdin}, s.cardArgs(0, ref.CAPath, inv.args...)...).Wait(t, 0)
		n := len(ref.LogLines(t))
		if good.Code != 0 {
			t.Fatalf("%s on a good card: exit %d\n%s%s", inv.name, good.Code, good.Stdout, good.Stderr)
		}
		if st := ref.State(t); st.Sign.Verified || st.Auth.Verified {
			t.Errorf("%s on a good card: a PIN verified at exit: %+v", inv.name, st)
		}
		refDates := dates(good.Stdout + good.Stderr)
		// The reads before the PIN prompt are those of the commands above;
		// start a few APDUs before the VERIFY to keep the runtime down.
		from := 1
		for j, l := range ref.LogLines(t) {
			if cmd, _, _ := strings.Cut(strings.ToUpper(l), " "); strings.HasPrefix(cmd, "002000") && len(cmd) > 8 {
				from = max(1, j+1-3)
			}
		}
		ref.Stop(t)
		ref.WaitRemoved(t)

		// Not k = n: a card that leaves after the last answer, before the
		// command's SCARD_UNPOWER_CARD reaches it, makes pcscd 1.9.9 log
		// "Error powering down card: SCARD_W_REMOVED_CARD" and vpcd's
		// reader then never reports another card (measured here), which
		// would take the reader from every later case.
		var last func()
		for k := from; k < n; k++ {
			name := fmt.Sprintf("%s/remove-after-%d-of-%d", inv.name, k, n)
			i := k % 2
			sim := s.card(t, i, "--remove-after", strconv.Itoa(k))
			res := s.start(t, rig.RunOptions{Stdin: inv.stdin}, s.cardArgs(i, sim.CAPath, inv.args...)...).Wait(t, 0)
			st := sim.State(t)
			assertNoWrongDate(t, name, res.Stdout+res.Stderr, refDates)
			switch {
			case res.Code == 0 && stable(res.Stdout) == stable(good.Stdout):
				tl.add("complete")
			case res.Code == report.ExitNoCard:
				tl.add("card_removed")
				assertProblem(t, name, res, report.ExitNoCard, report.CardRemoved)
			default:
				t.Errorf("%s: exit %d, want the good result or card removed\n%s%s", name, res.Code, res.Stdout, res.Stderr)
			}
			if st.Sign.TriesLeft != before.Sign.TriesLeft || st.Auth.TriesLeft != before.Auth.TriesLeft {
				t.Errorf("%s: counters %+v, were %+v", name, st, before)
			}
			if !st.Removed && (st.Sign.Verified || st.Auth.Verified) {
				t.Errorf("%s: the card is still in the reader with a PIN verified: %+v", name, st)
			}
			<-sim.Exited()
			if last != nil {
				last()
			}
			last = func() { sim.WaitRemoved(t) }
		}
		if last != nil {
			last()
		}
	}
}
