package main

import (
	"flag"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/report"
)

// Each command's --help, and "help COMMAND", print that command's own
// help: its flags and examples.
func TestCommandHelp(t *testing.T) {
	for _, cmd := range commands() {
		for _, lang := range []string{"ja", "en"} {
			t.Run(cmd.name+"."+lang, func(t *testing.T) {
				var first string
				for _, args := range [][]string{{cmd.name, "--help"}, {cmd.name, "-h"}, {"help", cmd.name}} {
					r := runCLI(t, nil, append(args, "--lang", lang)...)
					if r.code != 0 || r.stderr != "" {
						t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
					}
					if first == "" {
						first = r.stdout
					} else if r.stdout != first {
						t.Errorf("%v prints other help than %s --help:\n%s", args, cmd.name, r.stdout)
					}
				}
				if !strings.Contains(first, "$ jpkicheck") {
					t.Errorf("%s --help has no example:\n%s", cmd.name, first)
				}
				golden(t, "help-"+cmd.name+"."+lang+".txt", first)
			})
		}
	}
}

// Without a command word, --help is the overview; "check --help" is
// check's own, with the flags only check takes.
func TestCheckHelpIsChecks(t *testing.T) {
	main := runCLI(t, nil, "--help", "--lang", "en").stdout
	check := runCLI(t, nil, "check", "--help", "--lang", "en").stdout
	if check == main || !strings.Contains(check, "--show-personal") {
		t.Errorf("check --help is not check's help:\n%s", check)
	}
}

// ignoredFlags are flags a command accepts, as part of a group, but does
// not use: its help need not name them.
var ignoredFlags = map[string][]string{
	"demo":  {"reader", "wait"}, // the demo card is always the simulated one
	"kiosk": {"wait"},           // the kiosk watches the readers for ever
	"ui":    {"wait"},
}

// Every flag a command takes is named in its help, in both languages, so
// a flag added to a group or a command cannot go undocumented.
func TestHelpNamesEveryFlag(t *testing.T) {
	for _, lang := range []report.Lang{report.Ja, report.En} {
		c := &cli{env: &env{getenv: func(string) string { return "" }}, msg: report.Messages(lang)}
		for _, cmd := range commands() {
			fs := c.newFlagSet(cmd.name)
			cmd.bind(c, fs)
			help := cmd.help(c.msg)
			fs.VisitAll(func(f *flag.Flag) {
				if slices.Contains(ignoredFlags[cmd.name], f.Name) {
					return
				}
				named := regexp.MustCompile(`(^|[\s\[(,|'])--?` + regexp.QuoteMeta(f.Name) + `\b`)
				if !named.MatchString(help) {
					t.Errorf("%s: %s --help does not name -%s", lang, cmd.name, f.Name)
				}
			})
		}
	}
}

// The overview lists exactly the commands of the table.
func TestOverviewListsEveryCommand(t *testing.T) {
	var want []string
	for _, cmd := range commands() {
		want = append(want, cmd.name)
	}
	for _, lang := range []report.Lang{report.Ja, report.En} {
		block := regexp.MustCompile(`(?s)\n(?:Commands|コマンド):\n(.*?)\n\n`).FindStringSubmatch(report.Messages(lang).HelpMain)
		if block == nil {
			t.Fatalf("%s: no command list in the overview", lang)
		}
		var got []string
		for _, line := range strings.Split(block[1], "\n") {
			got = append(got, strings.Fields(line)[0])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: the overview lists %v, the table has %v", lang, got, want)
		}
	}
}

// A misspelt command gets the command it was probably meant to be, in the
// user's language, and exit code 2 like any other usage error.
func TestMisspeltCommand(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		for _, args := range [][]string{{"chek"}, {"help", "chek"}, {"chek", "--sim"}} {
			r := runCLI(t, map[string]string{"LANG": lang}, args...)
			if r.code != 2 || r.stdout != "" {
				t.Errorf("%v: exit %d, stdout %q", args, r.code, r.stdout)
			}
			golden(t, "error-misspelt-command."+lang+".txt", r.stderr)
		}
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"help"}
	for _, cmd := range commands() {
		names = append(names, cmd.name)
	}
	for word, want := range map[string]string{
		"chek":       "check",
		"CHECK":      "check",
		"cehck":      "check",
		"checks":     "check",
		"verison":    "version",
		"readres":    "readers",
		"reader":     "readers",
		"pni":        "pin",
		"exprot":     "export",
		"windw":      "window",
		"hlep":       "help",
		"kisok":      "kiosk",
		"uii":        "ui",
		"isc":        "ics",
		"frobnicate": "",
		"status":     "",
		"verify":     "",
		"x":          "",
		"":           "",
	} {
		if got := suggest(word, names); got != want {
			t.Errorf("suggest(%q) = %q, want %q", word, got, want)
		}
	}
}
