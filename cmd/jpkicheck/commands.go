package main

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/report"
)

// command is one subcommand as the table declares it: its help, the flags
// it takes, the positional arguments it accepts and what it does. The
// table parses the flags, answers --help and rejects bad arguments the
// same way for every command, so a command's own code starts from valid
// input. run returns the exit code; errors are printed by the caller so
// that every command reports them the same way.
type command struct {
	name string
	help func(*report.Catalog) string
	args argRule
	// bind declares the command's flags on fs and returns what to do once
	// they are parsed and the arguments checked.
	bind func(c *cli, fs *flagSet) action
}

// action runs a command on its parsed flags and checked arguments.
type action func(ctx context.Context, args []string) (int, error)

// bind ties a command's typed flags to its code: flags declares them on
// the flag set, run receives them parsed.
func bind[F any](flags func(*cli, *flagSet) F, run func(ctx context.Context, c *cli, f F, args []string) (int, error)) func(*cli, *flagSet) action {
	return func(c *cli, fs *flagSet) action {
		f := flags(c, fs)
		return func(ctx context.Context, args []string) (int, error) { return run(ctx, c, f, args) }
	}
}

// commands is the table of subcommands, in the order the overview lists
// them. Each command's help ends with the flags its catalogue lists as
// added later (Catalog.HelpMore).
func commands() []command {
	cmds := table()
	for i := range cmds {
		name, help := cmds[i].name, cmds[i].help
		cmds[i].help = func(m *report.Catalog) string { return withMore(help(m), m.HelpMore(name)) }
	}
	return cmds
}

// withMore appends a help text's later additions, if any.
func withMore(help, more string) string {
	if more == "" {
		return help
	}
	return help + "\n" + more
}

// mainHelp is the overview of all commands.
func mainHelp(m *report.Catalog) string { return withMore(m.HelpMain, m.HelpMore("")) }

func table() []command {
	return []command{
		{
			name: "check", help: func(m *report.Catalog) string { return m.HelpCheck },
			args: noArgs, bind: bind(newCheckFlags, runCheck),
		},
		{
			name: "pin", help: func(m *report.Catalog) string { return m.HelpPIN },
			args: oneOf(func(m *report.Catalog, got string) string { return m.PINUsage(got) },
				"", "status", "verify auth", "verify sign"),
			bind: bind(newPINFlags, runPIN),
		},
		{
			name: "export", help: func(m *report.Catalog) string { return m.HelpExport },
			args: oneOf(func(m *report.Catalog, got string) string { return m.ExportUsage(got) },
				slices.Sorted(maps.Keys(exportTargets))...),
			bind: bind(newExportFlags, runExport),
		},
		{
			name: "ics", help: func(m *report.Catalog) string { return m.HelpICS },
			args: noArgs, bind: bind(newICSFlags, runICS),
		},
		{
			name: "readers", help: func(m *report.Catalog) string { return m.HelpReaders },
			args: noArgs, bind: bind(newReadersFlags, runReaders),
		},
		{
			name: "kiosk", help: func(m *report.Catalog) string { return m.Kiosk.HelpKiosk },
			args: noArgs, bind: bind(kioskFlagsFor(false), runKiosk),
		},
		{
			name: "ui", help: func(m *report.Catalog) string { return m.Kiosk.HelpUI },
			args: noArgs, bind: bind(kioskFlagsFor(true), runUI),
		},
		{
			name: "window", help: func(m *report.Catalog) string { return m.HelpWindow },
			args: noArgs, bind: bind(newWindowFlags, runWindow),
		},
		{
			name: "demo", help: func(m *report.Catalog) string { return m.HelpDemo },
			args: noArgs, bind: bind(newCheckFlags, runDemo),
		},
		{
			// version has always ignored words after it.
			name: "version", help: func(m *report.Catalog) string { return m.HelpVersion },
			args: anyArgs, bind: bind(newVersionFlags, runVersion),
		},
	}
}

// lookup finds a command by name.
func lookup(name string) (command, bool) {
	for _, cmd := range commands() {
		if cmd.name == name {
			return cmd, true
		}
	}
	return command{}, false
}

// exec parses args for cmd, prints help for --help, checks the positional
// arguments and runs the command. help is the text --help prints.
func (cmd command) exec(ctx context.Context, c *cli, help string, args []string) (int, error) {
	fs := c.newFlagSet(cmd.name)
	act := cmd.bind(c, fs)
	rest, err := fs.parse(help, args)
	if err == errHelp {
		return report.ExitOK, nil
	}
	if err != nil {
		return 0, err
	}
	if err := cmd.args(c, rest); err != nil {
		return 0, err
	}
	return act(ctx, rest)
}

// argRule checks a command's positional arguments. Its usage error names
// no command: the caller's hint names the command that ran.
type argRule func(c *cli, args []string) error

// noArgs rejects any positional argument.
func noArgs(c *cli, args []string) error {
	if len(args) > 0 {
		return &usageError{msg: c.msg.UnexpectedArgs(strings.Join(args, " ")), hint: true}
	}
	return nil
}

// anyArgs accepts whatever follows the command.
func anyArgs(*cli, []string) error { return nil }

// oneOf accepts exactly one of the forms, each a space-separated list of
// words ("" for none). The usage message quotes what was given and shows
// the right forms itself, so it needs no pointer to --help.
func oneOf(usage func(m *report.Catalog, got string) string, forms ...string) argRule {
	return func(c *cli, args []string) error {
		for _, f := range forms {
			if slices.Equal(strings.Fields(f), args) {
				return nil
			}
		}
		return &usageError{msg: usage(c.msg, strings.Join(args, " "))}
	}
}

// unknownCommand is the usage error for a word that names no command,
// with the closest command's name when the word looks like a misspelling.
func (c *cli) unknownCommand(name string) error {
	names := []string{"help"}
	for _, cmd := range commands() {
		names = append(names, cmd.name)
	}
	if s := suggest(name, names); s != "" {
		return &usageError{msg: c.msg.UnknownCommand(name), suggestion: s}
	}
	return &usageError{msg: c.msg.UnknownCommand(name), hint: true}
}

// suggest returns the candidate closest to word when it is near enough to
// be a slip of the keyboard (a letter missed, doubled, swapped or wrong):
// one edit for words up to four letters, two beyond. The first candidate
// wins a tie.
func suggest(word string, candidates []string) string {
	limit := 1
	if len([]rune(word)) > 4 {
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, cand := range candidates {
		if d := editDistance(strings.ToLower(word), cand); d < bestDist {
			best, bestDist = cand, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbouring letters each count one.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}
