package reliability_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// today is the day every card and every command lives in, so outputs can
// be compared between runs.
const today = "2026-11-25"

var todayTime = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// runTimeout bounds one jpkicheck run: a hang fails the test instead of
// stalling CI. A hung card costs pcsc.DefaultTimeout (5 s) per command.
const runTimeout = 30 * time.Second

// stack is the real PC/SC stack with the jpkicheck binary.
type stack struct {
	*rig.Rig
	bin string
}

func startStack(t *testing.T) *stack {
	t.Helper()
	r := rig.Start(t, rig.Options{Quiet: true})
	return &stack{Rig: r, bin: rig.Build(t, "./cmd/jpkicheck")}
}

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

// jpkicheck runs the binary against reader i with the card's CA trusted.
func (s *stack) jpkicheck(t *testing.T, reader int, caPath string, args ...string) rig.Result {
	t.Helper()
	return s.Run(t, runTimeout, s.bin, s.cardArgs(reader, caPath, args...)...)
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
	ic := s.InsertCard(t, reader, rig.VirtualCard{Handle: func(apdu []byte) []byte {
		resp, err := c.Transmit(apdu)
		if err != nil {
			return nil // the card is gone: drop the connection unanswered
		}
		return resp
	}})
	return &inProcessCard{Card: c, inserted: ic, caPath: ca}
}

// pinState reads jpkisim's --state file.
func pinState(t *testing.T, sim *rig.SimCard) cardsim.State {
	t.Helper()
	var st cardsim.State
	if err := json.Unmarshal(sim.StateJSON(t), &st); err != nil {
		t.Fatalf("jpkisim state: %v", err)
	}
	return st
}

// assertPINsUntouched fails if a counter moved away from the card's
// start: 3 and 5 tries unless the profile says otherwise.
func assertPINsUntouched(t testing.TB, what string, before, after cardsim.State) {
	t.Helper()
	if after.Auth.TriesLeft != before.Auth.TriesLeft || after.Sign.TriesLeft != before.Sign.TriesLeft ||
		after.Auth.Verified || after.Sign.Verified {
		t.Errorf("%s: PIN state changed: before %+v, after %+v", what, before, after)
	}
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

// running is a jpkicheck process started in the background.
type running struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	done           chan error
}

// start runs jpkicheck with exactly args (see cardArgs), stdin and extra
// environment variables.
func (s *stack) start(t *testing.T, stdin string, env []string, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	p := &running{cmd: exec.CommandContext(ctx, s.bin, args...), done: make(chan error, 1)}
	p.cmd.Env = append(s.Env(), env...)
	p.cmd.Stdin = strings.NewReader(stdin)
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		cancel()
		<-p.done
	})
	return p
}

// wait returns the result, failing the test if it took past runTimeout.
func (p *running) wait(t *testing.T) rig.Result {
	t.Helper()
	err := <-p.done
	p.done <- err // for the cleanup
	res := rig.Result{Stdout: p.stdout.String(), Stderr: p.stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		res.Code = exit.ExitCode()
	case err != nil:
		t.Fatalf("jpkicheck %v: %v (hung past %v?)\nstdout:\n%s\nstderr:\n%s", p.cmd.Args, err, runTimeout, res.Stdout, res.Stderr)
	}
	return res
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
