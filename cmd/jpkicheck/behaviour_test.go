package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Office days: the answer names the last office day before an expiry in
// the New Year closure or on a holiday, and an office file's own days
// count.
func TestWindowOfficeDays(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "office.conf")
	// A Saturday opening on 2 January… is not allowed to open the closure
	// by default, but the office says so.
	if err := os.WriteFile(conf, []byte("name = 市役所\nopen_days = 2027-01-09\nclosed_days = 2027-01-08\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		// 10 January 2027 is a Sunday and 11 January 成人の日: the last
		// office day is Friday 8 January.
		{"window-office-coming-of-age", []string{"window", "--expiry", "2027-01-10", "--today", "2026-12-20"}, 3},
		// Expiry inside the New Year closure.
		{"window-office-new-year", []string{"window", "--expiry", "2027-01-02", "--today", "2026-11-01"}, 3},
		// The office opens on Saturday 9 January and closes on Friday 8.
		{"window-office-file", []string{"window", "--expiry", "2027-01-10", "--today", "2026-12-20", "--office", conf}, 3},
		// The card ends with the certificate: a new card is needed.
		{"window-card-same", []string{"window", "--expiry", "2027-03-15", "--today", "2026-12-20", "--card-expiry", "2027-03-15"}, 3},
		// The card runs on: renewing the certificate is enough.
		{"window-card-later", []string{"window", "--expiry", "2027-03-15", "--today", "2026-11-20", "--card-expiry", "2032-03-15"}, 0},
	}
	for _, tt := range tests {
		for _, lang := range []string{"ja", "en"} {
			t.Run(tt.name+"."+lang, func(t *testing.T) {
				r := runCLI(t, nil, append(tt.args, "--lang", lang)...)
				if r.code != tt.code || r.stderr != "" {
					t.Errorf("exit %d (want %d), stderr %q", r.code, tt.code, r.stderr)
				}
				out := strings.ReplaceAll(r.stdout, conf, "OFFICE")
				golden(t, tt.name+"."+lang+".txt", out)
			})
		}
	}
	r := runCLI(t, nil, "window", "--expiry", "2027-01-10", "--today", "2026-12-20", "--office", conf, "--json")
	var got struct {
		Last  string `json:"last_office_day"`
		First string `json:"first_office_day"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || got.Last != "2027-01-09" || got.First != "2026-10-13" {
		t.Errorf("window --office --json: %+v, %v\n%s", got, err, r.stdout)
	}
}

// window --expiry takes the date as people copy it from the card or the
// notice, with the same answer as the ISO form.
func TestWindowWrittenDates(t *testing.T) {
	want := runCLI(t, nil, "window", "--expiry", "2027-04-01", "--json").stdout
	for _, s := range []string{"2027/4/1", "２０２７/４/１", "令和9年4月1日", "R9.4.1", "2027年4月1日(木)"} {
		if got := runCLI(t, nil, "window", "--expiry", s, "--json").stdout; got != want {
			t.Errorf("--expiry %s: %s, want %s", s, got, want)
		}
	}
	if r := runCLI(t, nil, "window", "--expiry", "令和元年5月1日", "--today", "2019-04-01", "--json"); !strings.Contains(r.stdout, `"expiry":"2019-05-01"`) {
		t.Errorf("令和元年: %s", r.stdout)
	}
}

// Errors and flags as documented: the last --lang wins, --version and -v
// print the version, --json makes even a usage error a JSON object.
func TestFlagsAsDocumented(t *testing.T) {
	if r := runCLI(t, nil, "window", "--expiry", "soon", "--lang", "en", "--lang", "ja"); !strings.Contains(r.stderr, "例") {
		t.Errorf("the last --lang did not win:\n%s", r.stderr)
	}
	for _, a := range []string{"--version", "-v"} {
		if r := runCLI(t, nil, a); r.code != 0 || !strings.HasPrefix(r.stdout, "jpkicheck ") {
			t.Errorf("%s: exit %d, %q %q", a, r.code, r.stdout, r.stderr)
		}
	}
	r := runCLI(t, nil, "--bogus", "--json", "--lang", "en")
	var obj struct {
		Error    struct{ Problem, Message, Hint string }
		ExitCode int `json:"exit_code"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil || obj.Error.Problem != "usage" || obj.ExitCode != 2 || obj.Error.Hint == "" || r.code != 2 {
		t.Errorf("usage error with --json: exit %d, %+v, %v\n%s", r.code, obj, err, r.stdout)
	}
	if r := runCLI(t, nil, "--bogus", "-x", "--lang", "en"); strings.Contains(r.stderr, "--x") {
		t.Errorf("a one-letter flag is echoed with two dashes: %s", r.stderr)
	}
	schemas := compileSchemas(t)
	u := runCLI(t, nil, "--bogus", "--json", "--lang", "en")
	validate(t, schemas["error"], "usage error", u.stdout)
	w := runCLI(t, nil, "window", "--expiry", "2027/1/10", "--today", "2026-12-20", "--card-expiry", "R9.1.10", "--json")
	validate(t, schemas["window"], "window --card-expiry", w.stdout)
}

// --trace, which people are asked to share, shows the holder's
// certificates as lengths only: their bytes hold the serial number and
// the subject.
func TestTraceMasksCertificates(t *testing.T) {
	sr := runSimInput(t, "", false, "check", "--sim", "--trace", "--lang", "en")
	if !strings.Contains(sr.stderr, "withheld") {
		t.Errorf("no certificate data withheld:\n%s", sr.stderr)
	}
	for _, line := range strings.Split(sr.stderr, "\n") {
		if strings.HasPrefix(line, "trace: 00 B0") && len(line) > 120 {
			t.Errorf("certificate bytes traced: %.120s…", line)
		}
	}
	assertNoPersonalData(t, sr.stdout, sr.stderr)
}
