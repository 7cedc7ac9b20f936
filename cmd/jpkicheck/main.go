// Command jpkicheck reads the JPKI certificates on a My Number Card through
// any PC/SC reader and tells the resident, in plain Japanese or English,
// when they expire, whether renewal is open yet and what to bring.
//
// main stays thin: everything happens in run, which tests call directly
// with their own streams, environment and clock.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
	"golang.org/x/term"
)

func main() {
	ctx, stop := signalContext()
	e := &env{
		stdin:     os.Stdin,
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		getenv:    os.Getenv,
		now:       time.Now,
		stdinTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		stdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		stderrTTY: term.IsTerminal(int(os.Stderr.Fd())),
		openCard:  source.Open,
		readPassword: func(ctx context.Context, ready func()) ([]byte, error) {
			return readTerminalSecret(ctx, int(os.Stdin.Fd()), ready)
		},
	}
	// A double-clicked .exe runs the home page and keeps its window open
	// until Enter; Windows consoles get escape sequences turned on.
	args, finish := startConsole(os.Args[1:], e)
	code := run(ctx, args, e)
	finish(ctx)
	stop()
	os.Exit(code)
}

// signalCause is why the command's context ended: the signal that came.
type signalCause struct{ sig os.Signal }

func (s *signalCause) Error() string { return "interrupted by " + s.sig.String() }

// Is makes a signal a cancellation for every layer that checks
// errors.Is(err, context.Canceled).
func (s *signalCause) Is(target error) bool { return target == context.Canceled }

// signalContext is cancelled, with the signal as its cause, on Ctrl-C,
// SIGTERM or SIGHUP (the terminal window closed; Windows reports a closed
// console as SIGTERM). The signals stay caught afterwards: a second Ctrl-C must not
// kill the process in the middle of the clean-up that clears a verified
// PIN (which is bounded by the card timeout).
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			cancel(&signalCause{sig})
		case <-done:
		}
	}()
	return ctx, func() { close(done); cancel(nil) }
}

// env is everything a command may touch outside the program: streams,
// environment, clock and whether the streams are terminals.
type env struct {
	stdin                          io.Reader
	stdout, stderr                 io.Writer
	getenv                         func(string) string
	now                            func() time.Time
	stdinTTY, stdoutTTY, stderrTTY bool
	// openCard opens the card (source.Open); tests wrap it to look at the
	// simulated card after a command.
	openCard func(context.Context, source.Options) (*source.Card, error)
	// readPassword turns echo off, calls ready (which prints the prompt) and
	// reads a line from the terminal; it returns
	// an error matching context.Canceled when ctx ends or on Ctrl-D, with
	// the terminal as it was.
	readPassword func(ctx context.Context, ready func()) ([]byte, error)
}

// cli carries what every command needs: the environment and the language.
type cli struct {
	*env
	msg      *report.Catalog
	valueErr string // localised message from the last failed flag.Value.Set
	json     bool   // --json: problems also go to stdout as a JSON object
}

func run(ctx context.Context, args []string, e *env) int {
	c := &cli{env: e, msg: report.Messages(langFor(args, e.getenv)), json: wantsJSON(args)}

	// --version and -v before any command are the version command, as
	// most tools have it.
	if len(args) > 0 && slices.Contains([]string{"--version", "-version", "-v", "-V"}, args[0]) {
		args = append([]string{"version"}, args[1:]...)
	}
	// Without a command word the command is check, and --help shows the
	// overview of all commands rather than check's own flags.
	name, help := "check", mainHelp(c.msg)
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args, help = args[0], args[1:], ""
	}
	if name == "help" {
		topic := firstPositional(args)
		if topic == "" || topic == "help" {
			fmt.Fprint(e.stdout, mainHelp(c.msg))
			return report.ExitOK
		}
		name, args = topic, []string{"--help"}
	}
	cmd, ok := lookup(name)
	if !ok {
		return c.fail("", c.unknownCommand(name))
	}
	if help == "" {
		help = cmd.help(c.msg)
	}
	code, err := cmd.exec(ctx, c, help, args)
	if err != nil {
		return c.fail(cmd.name, err)
	}
	return code
}

// firstPositional returns the first argument that is neither a flag nor
// the value of --lang (the only flag "help" takes).
func firstPositional(args []string) string {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--lang" || a == "-lang":
			i++
		case !strings.HasPrefix(a, "-"):
			return a
		}
	}
	return ""
}

// wantsJSON looks for --json before flags are parsed, so that a usage
// error is also printed as a JSON object for a script that asked for one.
func wantsJSON(args []string) bool {
	for _, a := range args {
		if a == "--" {
			break
		}
		switch a {
		case "--json", "-json", "--json=true", "-json=true", "--json=1", "-json=1":
			return true
		}
	}
	return false
}

// langFor decides the output language before flags are parsed, so that
// even a flag error is reported in the user's language. The last valid
// --lang wins, as with every other repeated flag.
func langFor(args []string, getenv func(string) string) report.Lang {
	lang, found := report.Lang(""), false
	for i, a := range args {
		var v string
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				v = args[i+1]
			}
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			v = a[strings.Index(a, "=")+1:]
		default:
			continue
		}
		if l, err := report.ParseLang(v); err == nil {
			lang, found = l, true
		}
	}
	if found {
		return lang
	}
	return report.LangFromEnv(getenv, systemLang())
}

// usageError is bad input from the user: exit code 2, the message says
// what was wrong with an example of the right form.
type usageError struct {
	msg     string
	command string // the command whose --help the hint names
	hint    bool   // the message has no example of its own: point to --help
	// suggestion is the command the user probably meant; the hint offers
	// it instead of --help.
	suggestion string
	// profileSuggestion is the --sim profile the user probably meant.
	profileSuggestion string
}

func (e *usageError) Error() string { return e.msg }

// fail prints err the one way all commands share — a prefixed line, then a
// hint line — and returns its exit code.
func (c *cli) fail(command string, err error) int {
	var ue *usageError
	if !errors.As(err, &ue) {
		fmt.Fprintf(c.stderr, "%s%v\n", c.msg.ErrorPrefix, err)
		fmt.Fprintf(c.stderr, "%s%s\n", c.msg.HintPrefix, c.msg.ErrorHint)
		c.jsonError(report.Internal, err.Error(), c.msg.ErrorHint, report.ExitError)
		return report.ExitError
	}
	fmt.Fprintf(c.stderr, "%s%s\n", c.msg.ErrorPrefix, ue.msg)
	hint := ""
	switch {
	case ue.suggestion != "":
		hint = c.msg.DidYouMean(ue.suggestion)
	case ue.profileSuggestion != "":
		hint = c.msg.DidYouMeanProfile(ue.profileSuggestion)
	case ue.hint:
		hintCmd := ue.command
		if hintCmd == "" {
			hintCmd = command
		}
		if hintCmd != "" {
			hintCmd += " "
		}
		hint = c.msg.HintHelp(hintCmd)
	}
	if hint != "" {
		fmt.Fprintf(c.stderr, "%s%s\n", c.msg.HintPrefix, hint)
	}
	if hint == "" {
		// The message carries its own example; the object still points
		// to the help, as every error object has a hint.
		hc := or(ue.command, command)
		if hc != "" {
			hc += " "
		}
		hint = c.msg.HintHelp(hc)
	}
	c.jsonError(report.Usage, ue.msg, hint, report.ExitUsage)
	return report.ExitUsage
}

// style returns the output style for stdout: colour only on a terminal and
// never when NO_COLOR is set (https://no-color.org).
func (c *cli) style() report.Style {
	return report.Style{Color: c.stdoutTTY && c.getenv("NO_COLOR") == "" && c.getenv("TERM") != "dumb"}
}

// or returns s, or fallback when s is empty.
func or(s, fallback string) string {
	if s != "" {
		return s
	}
	return fallback
}
