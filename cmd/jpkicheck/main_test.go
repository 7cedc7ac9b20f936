package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixedNow is the clock the CLI tests run at: 20 December 2026, 01:00 in
// Japan — still 19 December in UTC and everywhere west of it, which the
// tests rely on to prove "today" is taken in Japan.
var fixedNow = time.Date(2026, 12, 19, 16, 0, 0, 0, time.UTC)

type result struct {
	stdout, stderr string
	code           int
}

// runCLI runs the command line in-process with the given environment
// variables (nothing is inherited from the test's own environment).
func runCLI(t *testing.T, vars map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &env{
		stdin:  strings.NewReader(""),
		stdout: &stdout,
		stderr: &stderr,
		getenv: func(k string) string { return vars[k] },
		now:    func() time.Time { return fixedNow },
	})
	return result{stdout.String(), stderr.String(), code}
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/jpkicheck -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

func TestWindowGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"window-open", []string{"window", "--expiry", "2027-03-15", "--today", "2026-12-20"}, 3},
		{"window-open-last-day", []string{"window", "--expiry", "2027-03-15", "--today", "2027-03-15"}, 3},
		{"window-not-yet-open", []string{"window", "--expiry", "2027-03-15", "--today", "2026-11-25"}, 0},
		{"window-opens-tomorrow", []string{"window", "--expiry", "2027-03-15", "--today", "2026-12-15"}, 0},
		{"window-expired", []string{"window", "--expiry", "2027-03-15", "--today", "2027-04-01"}, 4},
		{"window-expired-yesterday", []string{"window", "--expiry", "2027-03-15", "--today", "2027-03-16"}, 4},
		{"window-month-end", []string{"window", "--expiry", "2027-05-31", "--today", "2027-03-01"}, 3},
		{"window-abroad", []string{"window", "--expiry", "2027-03-15", "--today", "2026-04-01", "--months", "12"}, 3},
		{"window-default-today", []string{"window", "--expiry", "2027-03-15"}, 3},
	}
	for _, tt := range tests {
		for _, lang := range []string{"ja", "en"} {
			t.Run(tt.name+"."+lang, func(t *testing.T) {
				r := runCLI(t, nil, append(tt.args, "--lang", lang)...)
				if r.code != tt.code {
					t.Errorf("exit code %d, want %d; stderr: %s", r.code, tt.code, r.stderr)
				}
				if r.stderr != "" {
					t.Errorf("unexpected stderr: %s", r.stderr)
				}
				golden(t, tt.name+"."+lang+".txt", r.stdout)
			})
		}
	}
}

func TestWindowJSON(t *testing.T) {
	// The acceptance example.
	r := runCLI(t, nil, "window", "--expiry", "2027-05-31", "--today", "2027-03-01", "--json")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3", r.code)
	}
	for _, want := range []string{`"opens":"2027-03-01"`, `"state":"open"`, `"days_left":91`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("JSON lacks %s: %s", want, r.stdout)
		}
	}
	golden(t, "window-month-end.json", r.stdout)

	r = runCLI(t, nil, "window", "--expiry", "2027-03-15", "--today", "2027-04-01", "--json")
	golden(t, "window-expired.json", r.stdout)
	if r.code != 4 {
		t.Errorf("exit code %d, want 4", r.code)
	}
}

// Without --today the CLI must use today's date in Japan: at fixedNow it is
// still 19 December in UTC, but 20 December in Japan.
func TestWindowTodayIsJapan(t *testing.T) {
	r := runCLI(t, nil, "window", "--expiry", "2027-03-15", "--json")
	if !strings.Contains(r.stdout, `"today":"2026-12-20"`) {
		t.Errorf("today is not the Japan date: %s", r.stdout)
	}
}

func TestLanguageFromEnvironment(t *testing.T) {
	args := []string{"window", "--expiry", "2027-03-15", "--today", "2026-12-20"}
	tests := []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"LANG": "ja_JP.UTF-8"}, "更新できる期間です"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "Renewal is open"},
		{map[string]string{"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, "Renewal is open"},
		{map[string]string{"LANG": "C", "LC_MESSAGES": "ja_JP.UTF-8"}, "更新できる期間です"},
		{map[string]string{"LC_ALL": "ja_JP.eucJP"}, "更新できる期間です"},
		{nil, "Renewal is open"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.vars, args...)
		if !strings.Contains(r.stdout, tt.want) {
			t.Errorf("env %v: output lacks %q:\n%s", tt.vars, tt.want, r.stdout)
		}
	}
	// --lang wins over the environment.
	r := runCLI(t, map[string]string{"LANG": "ja_JP.UTF-8"}, append(args, "--lang", "en")...)
	if !strings.Contains(r.stdout, "Renewal is open") {
		t.Errorf("--lang en did not override LANG=ja_JP: %s", r.stdout)
	}
}

func TestWindowBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no-such-day", []string{"window", "--expiry", "2027-02-30"}},
		{"short-form", []string{"window", "--expiry", "令和9年4月"}},
		{"garbage", []string{"window", "--expiry", "soon"}},
		{"empty", []string{"window", "--expiry", ""}},
		{"missing-expiry", []string{"window"}},
		{"missing-value", []string{"window", "--expiry"}},
		{"bad-today", []string{"window", "--expiry", "2027-03-15", "--today", "2026-13-01"}},
		{"bad-months", []string{"window", "--expiry", "2027-03-15", "--months", "0"}},
		{"bad-lang", []string{"window", "--expiry", "2027-03-15", "--lang", "fr"}},
		{"unknown-flag", []string{"window", "--expiry", "2027-03-15", "--frobnicate"}},
		{"extra-arg", []string{"window", "--expiry", "2027-03-15", "tomorrow"}},
		{"unknown-command", []string{"frobnicate"}},
	}
	for _, tt := range tests {
		for _, lang := range []string{"ja", "en"} {
			t.Run(tt.name+"."+lang, func(t *testing.T) {
				r := runCLI(t, map[string]string{"LANG": lang}, tt.args...)
				if r.code != 2 {
					t.Errorf("exit code %d, want 2", r.code)
				}
				if r.stdout != "" {
					t.Errorf("bad input wrote to stdout: %q", r.stdout)
				}
				if !strings.HasPrefix(r.stderr, "jpkicheck: ") {
					t.Errorf("stderr does not start with the tool's name: %q", r.stderr)
				}
				golden(t, "error-"+tt.name+"."+lang+".txt", r.stderr)
			})
		}
	}
}

func TestHelp(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		for _, args := range [][]string{{"--help"}, {"help"}, {"-h"}} {
			r := runCLI(t, nil, append(args, "--lang", lang)...)
			if r.code != 0 || !strings.Contains(r.stdout, "window") || !strings.Contains(r.stdout, "$ jpkicheck") {
				t.Errorf("%v --lang %s: code %d, help:\n%s", args, lang, r.code, r.stdout)
			}
			golden(t, "help."+lang+".txt", r.stdout)
		}
		for _, args := range [][]string{{"window", "--help"}, {"help", "window"}} {
			r := runCLI(t, nil, append(args, "--lang", lang)...)
			if r.code != 0 || !strings.Contains(r.stdout, "--expiry") || !strings.Contains(r.stdout, "$ jpkicheck window") {
				t.Errorf("%v: code %d, help:\n%s", args, r.code, r.stdout)
			}
			golden(t, "help-window."+lang+".txt", r.stdout)
		}
	}
}

func TestVersion(t *testing.T) {
	r := runCLI(t, nil, "version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "jpkicheck ") {
		t.Errorf("version: %d %q", r.code, r.stdout)
	}
}

func TestColourOnlyOnTerminal(t *testing.T) {
	args := []string{"window", "--expiry", "2027-03-15", "--today", "2026-12-20"}
	var out bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &out, now: func() time.Time { return fixedNow }, stdoutTTY: true}
	e.getenv = func(string) string { return "" }
	run(context.Background(), args, e)
	if !strings.Contains(out.String(), "\x1b[1m") {
		t.Errorf("no bold on a terminal: %q", out.String())
	}
	out.Reset()
	e.getenv = func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}
	run(context.Background(), args, e)
	if strings.Contains(out.String(), "\x1b[") {
		t.Errorf("escape codes despite NO_COLOR: %q", out.String())
	}
}
