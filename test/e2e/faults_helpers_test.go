package e2e_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// card starts jpkisim in reader i with the fixed day and args.
func (s *stack) card(t *testing.T, reader int, args ...string) *rig.SimCard {
	t.Helper()
	return s.StartCardWith(t, rig.CardOptions{Reader: reader}, append([]string{"--today", today}, args...)...)
}

// cardArgs are args plus the flags that point a card command at reader i
// on the fixed day with the card's CA trusted.
func (s *stack) cardArgs(reader int, caPath string, args ...string) []string {
	full := append(slices.Clone(args), "--reader", s.ReaderName(reader), "--wait", "0", "--today", today)
	if caPath != "" {
		full = append(full, "--trust-ca", caPath)
	}
	return full
}

// inReader runs the binary against reader i with the card's CA trusted.
func (s *stack) inReader(t *testing.T, reader int, caPath string, args ...string) rig.Result {
	t.Helper()
	return s.jpkicheck(t, s.cardArgs(reader, caPath, args...)...)
}

// inProcessCard is a simulated card served from the test process through
// rig.InsertCard, for faults a jpkisim flag cannot place: the card leaving
// in the middle of a command, the daemon dying while the card thinks.
type inProcessCard struct {
	*cardsim.Card
	inserted *rig.InsertedCard
	caPath   string
}

func (s *stack) insert(t *testing.T, reader int, mw ...cardsim.Middleware) *inProcessCard {
	t.Helper()
	c, err := cardsim.New(cardsim.Options{Today: todayTime, Middleware: mw})
	if err != nil {
		t.Fatal(err)
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, c.CAPEM(), 0o644); err != nil {
		t.Fatal(err)
	}
	ic := s.InsertCard(t, reader, rig.Simulated(c))
	return &inProcessCard{Card: c, inserted: ic, caPath: ca}
}

// dateRE finds every way jpkicheck writes a date: ISO (also inside RFC
// 3339), English and Japanese long forms, era years, and the compact form
// of calendar files.
var dateRE = regexp.MustCompile(`\d{4}-\d{2}-\d{2}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|\d{4}年\d{1,2}月\d{1,2}日|Reiwa \d+|令和\d+年|\b(?:19|20)\d{6}\b`)

func dates(s string) []string { return dateRE.FindAllString(s, -1) }

// assertNoWrongDate fails if out shows a date that the run without a
// fault did not: a fault may cut a report short, never change it.
func assertNoWrongDate(t *testing.T, what, out string, reference []string) {
	t.Helper()
	for _, d := range dates(out) {
		if !slices.Contains(reference, d) {
			t.Errorf("%s: date %q that a good read never shows (good read: %v)\n%s", what, d, reference, out)
		}
	}
}

// problemText is the first line of a problem's message in both languages,
// which stderr must carry.
func problemText(p report.Problem) []string {
	d := report.Details{Problem: p}
	return []string{report.Messages(report.En).ProblemMessage(d), report.Messages(report.Ja).ProblemMessage(d)}
}

// assertProblem fails unless the run ended with exit 5 (or code) and one
// of the problems' messages.
func assertProblem(t *testing.T, what string, res rig.Result, code int, problems ...report.Problem) {
	t.Helper()
	if res.Code != code {
		t.Errorf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", what, res.Code, code, res.Stdout, res.Stderr)
		return
	}
	for _, p := range problems {
		for _, m := range problemText(p) {
			if strings.Contains(res.Stderr, m) {
				return
			}
		}
	}
	t.Errorf("%s: stderr says none of %v:\n%s", what, problems, res.Stderr)
}

// tally counts cases for the figures in docs/reliability.md.
type tally struct {
	name   string
	n      int
	counts map[string]int
}

func newTally(t *testing.T, name string) *tally {
	tl := &tally{name: name, counts: map[string]int{}}
	t.Cleanup(func() {
		keys := make([]string, 0, len(tl.counts))
		for k := range tl.counts {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, " %s=%d", k, tl.counts[k])
		}
		status := "passed"
		if t.Failed() {
			status = "FAILED"
		}
		t.Logf("reliability: %s: %d cases %s;%s", tl.name, tl.n, status, b.String())
	})
	return tl
}

func (tl *tally) add(outcome string) {
	tl.n++
	tl.counts[outcome]++
}

// outcome names a run's ending for the tally: the problem whose message
// stderr carries, or the exit code.
func outcome(res rig.Result) string {
	if res.Code == 0 {
		return "result"
	}
	for _, p := range []report.Problem{report.CardRemoved, report.NoService, report.CardTimeout, report.NoCard, report.Malformed, report.NotJPKI} {
		for _, m := range problemText(p) {
			if strings.Contains(res.Stderr, m) {
				return string(p)
			}
		}
	}
	return "exit-" + strconv.Itoa(res.Code)
}
