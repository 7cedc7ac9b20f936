package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/certfile"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// errHelp is returned by parse when the user asked for --help; the help
// text has been printed and the command exits 0.
var errHelp = flag.ErrHelp

// flagSet is one command's flags. Its errors come back to us instead of
// being printed in English by the flag package, and a flag group may
// resolve positional arguments once the flags are parsed (--sim PROFILE).
type flagSet struct {
	*flag.FlagSet
	c       *cli
	resolve []func(positional []string) []string
}

func (c *cli) newFlagSet(name string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, c: c}
}

// parse parses flags anywhere among the arguments ("pin verify auth
// --force" as well as "pin verify --force auth") and returns the
// positional arguments. --help prints help and returns errHelp; other
// errors are usage errors in the user's language.
func (fs *flagSet) parse(help string, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				io.WriteString(fs.c.stdout, help)
				return nil, errHelp
			}
			msg, hint := fs.c.flagError(err)
			return nil, &usageError{msg: msg, command: fs.Name(), hint: hint}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			positional = append(positional, args[1:]...)
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	for _, r := range fs.resolve {
		positional = r(positional)
	}
	return positional, nil
}

// flagError rewords the flag package's English errors. hint is true when
// the message carries no example and should point to --help.
func (c *cli) flagError(err error) (msg string, hint bool) {
	s := err.Error()
	if name, ok := strings.CutPrefix(s, "flag provided but not defined: "); ok {
		return c.msg.UnknownFlag(dashes(name)), true
	}
	if name, ok := strings.CutPrefix(s, "flag needs an argument: "); ok {
		name = strings.TrimLeft(name, "-")
		if ex, ok := flagExamples[name]; ok {
			return c.msg.FlagNeedsValue(dashes(name), dashes(name)+" "+ex), false
		}
		return c.msg.FlagNeedsValue(dashes(name), ""), true
	}
	if c.valueErr != "" {
		msg := c.valueErr
		c.valueErr = ""
		return msg, false
	}
	return c.msg.BadFlag(s), true
}

// flagExamples give the example shown when a flag is missing its value.
var flagExamples = map[string]string{
	"expiry": "2027-03-15",
	"today":  "2027-03-15",
	"months": "12",
	"lang":   "ja",
}

// dashes shows flags the way the help text writes them: --name, and -o
// for a one-letter flag.
func dashes(name string) string {
	name = strings.TrimLeft(name, "-")
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// badValue records a localised message for a flag value and returns a
// plain error for the flag package, which would otherwise wrap it in its
// own English sentence.
func (c *cli) badValue(msg string) error {
	c.valueErr = msg
	return errors.New(msg)
}

// dateFlag is a --today / --expiry style flag holding a civil date.
type dateFlag struct {
	c     *cli
	name  string
	date  window.Date
	isSet bool
}

func (f *dateFlag) String() string {
	if f == nil || !f.isSet {
		return ""
	}
	return f.date.String()
}

func (f *dateFlag) Set(s string) error {
	d, err := window.ParseWritten(s)
	if err != nil {
		var pe *window.ParseError
		if errors.As(err, &pe) {
			return f.c.badValue(f.c.msg.BadDate(dashes(f.name), pe))
		}
		return err
	}
	f.date, f.isSet = d, true
	return nil
}

func (c *cli) dateVar(fs *flag.FlagSet, name string) *dateFlag {
	f := &dateFlag{c: c, name: name}
	fs.Var(f, name, "")
	return f
}

// langFlag accepts ja or en; the language itself was already chosen by
// langFor, this only validates and notes that it was given.
type langFlag struct {
	c   *cli
	set *bool
}

func (f langFlag) String() string { return "" }
func (f langFlag) Set(s string) error {
	if _, err := report.ParseLang(s); err != nil {
		return f.c.badValue(f.c.msg.BadLang(s))
	}
	*f.set = true
	return nil
}

// commonFlags are --json and --lang, which every command that answers in
// words accepts.
type commonFlags struct {
	json    bool
	langSet bool // --lang was given (the kiosk page otherwise starts in Japanese)
}

// common attaches --json and --lang.
func (fs *flagSet) common() *commonFlags {
	cf := &commonFlags{}
	fs.BoolFunc("json", "", func(s string) error {
		v, err := strconv.ParseBool(s)
		cf.json, fs.c.json = v, v
		return err
	})
	fs.Var(langFlag{fs.c, &cf.langSet}, "lang", "")
	return cf
}

// card attaches the card flags (cardFlags) and resolves "--sim PROFILE"
// among the positional arguments.
func (fs *flagSet) card() *cardFlags {
	f := fs.c.addCardFlags(fs.FlagSet)
	fs.resolve = append(fs.resolve, f.takeProfile)
	return f
}

// intFlag parses a bounded whole number with a localised error.
type intFlag struct {
	c        *cli
	value    int
	min, max int
	bad      func(string) string
}

func (f *intFlag) String() string {
	if f == nil {
		return ""
	}
	return strconv.Itoa(f.value)
}

func (f *intFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < f.min || n > f.max {
		return f.c.badValue(f.bad(s))
	}
	f.value = n
	return nil
}

// outputFlags are -o/--output FILE and --force for commands that write a
// file (export, ics).
type outputFlags struct {
	c       *cli
	command string
	path    string
	force   bool
}

// output attaches -o/--output and --force.
func (fs *flagSet) output() *outputFlags {
	o := &outputFlags{c: fs.c, command: fs.Name()}
	fs.StringVar(&o.path, "o", "", "")
	fs.StringVar(&o.path, "output", "", "")
	fs.BoolVar(&o.force, "force", false, "")
	return o
}

// write puts data on stdout, or in the -o file, which is never overwritten
// without --force (certfile.WriteFile). done is the confirmation printed to
// stderr after a file was written.
func (o *outputFlags) write(data []byte, done string) error {
	if o.path == "" {
		_, err := o.c.stdout.Write(data)
		return err
	}
	if err := certfile.WriteFile(o.path, data, o.force); err != nil {
		if errors.Is(err, certfile.ErrExists) {
			return &usageError{msg: o.c.msg.FileExists(o.path), command: o.command}
		}
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return &usageError{msg: o.c.msg.CannotWrite(o.path, errors.Is(err, fs.ErrNotExist)), command: o.command}
		}
		return err
	}
	fmt.Fprintln(o.c.stderr, done)
	return nil
}
