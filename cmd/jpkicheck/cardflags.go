package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// cardFlags are the flags every command that reads a card shares
// (docs/design.md, "The command-line contract"): --reader, --wait, --sim, --trace, --trust-ca, plus --today.
type cardFlags struct {
	c       *cli
	reader  string
	wait    time.Duration
	sim     simFlag
	trace   bool
	trustCA []string
	today   *dateFlag
	months  *intFlag
}

func (c *cli) addCardFlags(fs *flag.FlagSet) *cardFlags {
	f := &cardFlags{c: c}
	fs.StringVar(&f.reader, "reader", "", "")
	f.wait = 30 * time.Second
	fs.Func("wait", "", func(s string) error {
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return c.badValue(c.msg.BadWait(s))
		}
		f.wait = d
		return nil
	})
	fs.Var(&f.sim, "sim", "")
	fs.BoolVar(&f.trace, "trace", false, "")
	fs.Func("trust-ca", "", func(s string) error { f.trustCA = append(f.trustCA, s); return nil })
	f.today = c.dateVar(fs, "today")
	f.months = &intFlag{c: c, value: window.DefaultMonths, min: 1, max: 24, bad: c.msg.BadMonths}
	fs.Var(f.months, "months", "")
	return f
}

// simFlag is --sim with an optional profile: "--sim" alone is the valid
// card, "--sim=expired" or "--sim expired" another profile.
type simFlag struct {
	profile string
}

func (f *simFlag) String() string   { return f.profile }
func (f *simFlag) IsBoolFlag() bool { return true }
func (f *simFlag) Set(s string) error {
	switch s {
	case "true":
		f.profile = source.DefaultProfile
	case "false":
		f.profile = ""
	default:
		f.profile = s
	}
	return nil
}

// takeProfile lets "--sim PROFILE" work although --sim is a boolean-style
// flag: the flag parser leaves PROFILE among the positional arguments, and
// profile names never collide with command words (status, verify, auth…).
func (f *cardFlags) takeProfile(rest []string) []string {
	if f.sim.profile != source.DefaultProfile {
		return rest
	}
	for i, a := range rest {
		if source.IsProfile(a) {
			f.sim.profile = a
			return slices.Delete(slices.Clone(rest), i, i+1)
		}
	}
	// A misspelt profile ("--sim expird") is taken as the profile meant,
	// so that checkProfile names it with a suggestion, rather than left
	// as an unexpected argument. Command words are never taken.
	for i, a := range rest {
		if !slices.Contains(commandWords, a) && suggest(a, profileList()) != "" {
			f.sim.profile = a
			return slices.Delete(slices.Clone(rest), i, i+1)
		}
	}
	return rest
}

// commandWords are the positional words commands take themselves.
var commandWords = []string{"status", "verify", "auth", "sign", "auth-ca", "sign-ca"}

func profileList() []string {
	var names []string
	for _, p := range source.Profiles() {
		names = append(names, p.Name)
	}
	return names
}

func profileNames() string { return strings.Join(profileList(), ", ") }

// day is --today, or today in Japan.
func (f *cardFlags) day() window.Date {
	if f.today.isSet {
		return f.today.date
	}
	return f.c.today()
}

// rule is the renewal rule with the default office calendar (weekends,
// national holidays, 29 December to 3 January), so every answer names the
// office days a resident can really go.
func (f *cardFlags) rule() window.Rule {
	return window.Rule{Months: f.months.value, Calendar: window.NewCalendar(nil, nil)}
}

// trust builds the recognised CA set: the built-in J-LIS CAs plus every
// --trust-ca file.
func (f *cardFlags) trust() (*jpki.TrustStore, error) {
	store := jpki.DefaultTrust()
	for _, path := range f.trustCA {
		data, err := os.ReadFile(path)
		if err != nil {
			kind := "unreadable"
			if errors.Is(err, fs.ErrNotExist) {
				kind = "missing"
			}
			return nil, &usageError{msg: f.c.msg.BadTrustCA(path, f.c.msg.TrustCAReason(kind)), hint: true}
		}
		if _, err := store.AddPEM(data); err != nil {
			return nil, &usageError{msg: f.c.msg.BadTrustCA(path, f.c.msg.TrustCAReason("not_pem")), hint: true}
		}
	}
	return store, nil
}

// checkProfile rejects a --sim profile the simulated card does not have.
func (f *cardFlags) checkProfile() error {
	if f.sim.profile != "" && !source.IsProfile(f.sim.profile) {
		return &usageError{msg: f.c.msg.UnknownProfile(f.sim.profile, profileNames()),
			profileSuggestion: suggest(f.sim.profile, profileList())}
	}
	return nil
}

// simToday is the instant the simulated card's dates count from: noon of
// --today (or today) in Japan, safely inside that civil day.
func (f *cardFlags) simToday() time.Time { return f.day().Time().Add(12 * time.Hour) }

// options are the source options the flags name; prog, if not nil,
// shows "insert your card" while Open waits.
func (f *cardFlags) options(prog *progress) source.Options {
	o := source.Options{
		Sim:    f.sim.profile,
		Today:  f.simToday(),
		Reader: f.reader,
		Wait:   f.wait,
		OnWaiting: func(readers []string) {
			prog.say(f.c.msg.InsertCard(readers))
		},
	}
	if f.trace {
		var mask traceMask
		o.Trace = func(e jpki.TraceEvent) {
			prog.clear()
			fmt.Fprintf(f.c.stderr, "trace: %s\n", mask.apply(e))
		}
	}
	return o
}

// open opens the card the flags name, showing "insert your card" on a
// terminal while it waits.
func (f *cardFlags) open(ctx context.Context, prog *progress) (*source.Card, error) {
	if err := f.checkProfile(); err != nil {
		return nil, err
	}
	o := f.options(prog)
	if f.c.openCard == nil {
		return source.Open(ctx, o)
	}
	return f.c.openCard(ctx, o)
}

// goos is the system hints are written for; JPKICHECK_GOOS lets tests
// check the hints for Windows and macOS on Linux.
func (c *cli) goos() string {
	if g := c.getenv("JPKICHECK_GOOS"); g != "" {
		return g
	}
	return runtime.GOOS
}

// explain prints a card problem in the user's language with its hint and
// returns its exit code.
//
// With --json a script also gets the problem on stdout, so it never has to
// parse the words on stderr:
//
//	{"error": {"problem": "no_card", "message": "…", "hint": "…"}, "exit_code": 5}
func (c *cli) explain(err error) int {
	d := report.Classify(err)
	c.sayProblem(d)
	code := c.exitCode(d)
	c.jsonError(d.Problem, c.msg.ProblemMessage(d), c.msg.ProblemHint(d, c.goos()), code)
	return code
}

// jsonError prints the error object on stdout under --json, so a script
// never has to parse the words on stderr.
func (c *cli) jsonError(p report.Problem, msg, hint string, code int) {
	if !c.json {
		return
	}
	c.writeJSON(struct {
		Error    problemJSON `json:"error"`
		ExitCode int         `json:"exit_code"`
	}{problemJSON{p, msg, hint}, code})
}

// clockWrong says that the computer's date must be wrong, instead of an
// answer that would be built on it: a certificate cannot start after
// today.
func (c *cli) clockWrong(cert *report.CertReport, today window.Date) int {
	msg := c.msg.ClockWrong(window.Today(cert.NotBefore), today)
	fmt.Fprintf(c.stderr, "%s%s\n", c.msg.ErrorPrefix, msg)
	fmt.Fprintf(c.stderr, "%s%s\n", c.msg.HintPrefix, c.msg.ClockWrongHint)
	code := report.ClockWrong.ExitCode()
	c.jsonError(report.ClockWrong, msg, c.msg.ClockWrongHint, code)
	return code
}

// exitCode is the problem's documented exit code, except that a command
// cancelled by Ctrl-C exits 130 as shells expect of SIGINT.
func (c *cli) exitCode(d report.Details) int {
	var sig *signalCause
	if d.Problem == report.Cancelled && errors.As(d.Err, &sig) && sig.sig == os.Interrupt {
		return exitInterrupted
	}
	return d.Problem.ExitCode()
}

// exitInterrupted is 128 + SIGINT.
const exitInterrupted = 130

type problemJSON struct {
	Problem report.Problem `json:"problem"`
	Message string         `json:"message"`
	Hint    string         `json:"hint"`
}

// explainText is explain without the JSON object, for commands whose JSON
// already says what went wrong.
func (c *cli) explainText(err error) int {
	d := report.Classify(err)
	c.sayProblem(d)
	return c.exitCode(d)
}

// sayProblem prints the problem and its hint on stderr.
func (c *cli) sayProblem(d report.Details) {
	if d.Problem == report.Cancelled {
		// One line: the resident asked for it, there is nothing to fix.
		fmt.Fprintln(c.stderr, c.msg.ProblemMessage(d))
		return
	}
	fmt.Fprintf(c.stderr, "%s%s\n", c.msg.ErrorPrefix, c.msg.ProblemMessage(d))
	fmt.Fprintf(c.stderr, "%s%s\n", c.msg.HintPrefix, c.msg.ProblemHint(d, c.goos()))
}

// openTrusted opens the card and builds the recognised CA set: the
// built-in J-LIS CAs, every --trust-ca file and, for the simulated card,
// its own test CA (source.Card.Trust). A bad --trust-ca file is a
// *usageError; anything else is about the card (see cardFailure).
func (f *cardFlags) openTrusted(ctx context.Context, prog *progress) (*source.Card, *jpki.TrustStore, error) {
	trust, err := f.trust()
	if err != nil {
		return nil, nil, err
	}
	card, err := f.open(ctx, prog)
	if err != nil {
		return nil, nil, err
	}
	return card, card.Trust(trust), nil
}

// cardFailure turns an error from opening or reading a card into the
// command's result: usage errors go back to run (exit 2), card problems
// are explained here with their hint and exit code.
func (c *cli) cardFailure(err error) (int, error) {
	var ue *usageError
	if errors.As(err, &ue) {
		return 0, err
	}
	return c.explain(err), nil
}

// whyUnreadable explains a certificate the card refused or does not have
// the way check does: the token says whether this is a 住基 card or a
// smartphone (whose certificates need a PIN), else a My Number Card
// without the certificate. Other errors pass through.
func whyUnreadable(card *source.Card, err error) error {
	if !errors.Is(err, jpki.ErrNotFound) && !errors.Is(err, jpki.ErrSecurityStatus) {
		return err
	}
	var t jpki.CardType
	if ierr := card.Do(func(jc *jpki.Card) error {
		var err error
		t, err = jpki.Identify(jc)
		return err
	}); ierr != nil {
		return err
	}
	if t != jpki.CardMyNumber {
		return fmt.Errorf("%w: %w", &jpki.CardTypeError{Type: t}, err)
	}
	if errors.Is(err, jpki.ErrNotFound) {
		return fmt.Errorf("%w: %w", jpki.ErrNoCertificate, err)
	}
	return err
}

// traceMask keeps the holder's certificates out of --trace, which the
// README asks people to share: a certificate's bytes hold its serial
// number and subject, so data read from the holder's certificate files
// (EF 000A authentication, EF 0001 signing) is shown as its length only.
// The CA certificates and everything else stay visible for diagnosis.
type traceMask struct{ holderFile bool }

func (m *traceMask) apply(e jpki.TraceEvent) jpki.TraceEvent {
	cmd := e.Command
	switch {
	case len(cmd) >= 7 && cmd[1] == 0xA4 && cmd[2] == 0x02:
		// SELECT EF: remember whether a holder's certificate is selected.
		ef := uint16(cmd[5])<<8 | uint16(cmd[6])
		m.holderFile = ef == 0x000A || ef == 0x0001
	case len(cmd) >= 4 && cmd[1] == 0xA4:
		m.holderFile = false // an applet selected
	case len(cmd) >= 2 && cmd[1] == 0xB0 && m.holderFile && e.ResponseWithheld == 0 && len(e.Response) > 2:
		e.ResponseWithheld = len(e.Response) - 2
		e.Response = e.Response[len(e.Response)-2:]
	}
	return e
}
