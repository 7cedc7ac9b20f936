package main

import (
	"bufio"
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// fakeBrowser writes a script that plays the kiosk browser: each start
// logs its arguments and whether the page answered; the first start exits
// at once (a crash), later ones run until asked to stop.
func fakeBrowser(t *testing.T) (path, log string) {
	t.Helper()
	dir := t.TempDir()
	path, log = filepath.Join(dir, "chromium"), filepath.Join(dir, "log")
	script := `#!/bin/bash
log=` + log + `
url="${@: -1}"
hostport="${url#http://}"; hostport="${hostport%%/*}"
if exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}"; then up=up; else up=refused; fi
echo "start $$ $up $*" >> "$log"
if [ ! -e "$log.crashed" ]; then touch "$log.crashed"; echo "crash $$" >> "$log"; exit 3; fi
trap 'echo "term $$" >> "$log"; exit 0' TERM
while :; do sleep 0.05; done
`
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path, log
}

func TestKioskBrowserSupervision(t *testing.T) {
	if _, err := os.Stat("/bin/bash"); err != nil {
		t.Skip("needs bash for the fake browser")
	}
	old := browserBackoff
	browserBackoff = 50 * time.Millisecond
	t.Cleanup(func() { browserBackoff = old })
	path, log := fakeBrowser(t)
	s := startServing(t, "kiosk", "--sim", "--listen", "127.0.0.1:0", "--browser", "--browser-path", path)
	read := func() string { b, _ := os.ReadFile(log); return string(b) }
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(read(), "start ") < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the browser was not started again after it exited:\n%s\nstderr:\n%s", read(), s.stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code := s.stop(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	got := read()
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], "crash ") || !strings.HasPrefix(lines[3], "term ") {
		t.Fatalf("browser log: want start, crash, start, term:\n%s", got)
	}
	for _, l := range []string{lines[0], lines[2]} {
		if !strings.Contains(l, " up ") {
			t.Errorf("the browser started before the page answered: %s", l)
		}
		for _, want := range []string{"--kiosk", "--no-first-run", "--user-data-dir=", strings.TrimSuffix(s.url, "/") + "/?token="} {
			if !strings.Contains(l, want) {
				t.Errorf("browser arguments lack %q: %s", want, l)
			}
		}
	}
	if term := strings.Fields(lines[3])[1]; term != strings.Fields(lines[2])[1] {
		t.Errorf("stopped %s, not the running browser %s", term, strings.Fields(lines[2])[1])
	}
	// Each start has a fresh private profile, removed afterwards.
	profile := regexp.MustCompile(`--user-data-dir=(\S+)`)
	p1, p2 := profile.FindStringSubmatch(lines[0])[1], profile.FindStringSubmatch(lines[2])[1]
	if p1 == p2 {
		t.Errorf("both starts used the profile %s", p1)
	}
	for _, p := range []string{p1, p2} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("profile %s left behind", p)
		}
	}
	for _, want := range []string{"browser chromium started", "starting it again in 50ms", "browser stopped"} {
		if !strings.Contains(s.stderr.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, s.stderr)
		}
	}
}

// Every log line starts with the date and time, and no other date appears.
func TestKioskLogIsDatedWithoutResidentsDates(t *testing.T) {
	var buf bytes.Buffer
	c := &cli{env: &env{stderr: &buf, now: func() time.Time { return fixedNow }}}
	logf := c.kioskLogf()
	logf("kiosk: %s: %v", "reader", "certificate not valid after 2027-01-10 00:00:00 +0000 UTC")
	logf("kiosk: 有効期限 %s", "2027年1月10日 (令和9年1月10日)")
	want := "2026-12-19 16:00:00 kiosk: reader: certificate not valid after [date] 00:00:00 +0000 UTC\n" +
		"2026-12-19 16:00:00 kiosk: 有効期限 [date] ([date][date])\n"
	if buf.String() != want {
		t.Errorf("log:\n%s\nwant:\n%s", buf.String(), want)
	}

	for _, profile := range []string{"valid", "expired", "window-open", "auth-locked", "sign-one-try", "child"} {
		s := startServing(t, "kiosk", "--sim", profile, "--listen", "127.0.0.1:0")
		waitStatus(t, s.url, "result")
		s.stop()
		sc := bufio.NewScanner(strings.NewReader(s.stderr.String()))
		stamp := regexp.MustCompile(`^2026-12-19 16:00:00 kiosk: `)
		for sc.Scan() {
			line := sc.Text()
			if !strings.Contains(line, "kiosk: ") {
				continue // the start-up lines
			}
			if !stamp.MatchString(line) {
				t.Errorf("%s: log line without its date and time: %q", profile, line)
			}
			if d := dateLike.FindString(stamp.ReplaceAllString(line, "")); d != "" {
				t.Errorf("%s: log line carries a date %q: %q", profile, d, line)
			}
		}
	}
}

// A clock outside what can be right holds the page with a message for
// staff, and /metrics says so.
func TestKioskClockHold(t *testing.T) {
	s := startServingAt(t, time.Date(2019, 5, 1, 9, 0, 0, 0, time.UTC), "kiosk", "--sim", "--listen", "127.0.0.1:0")
	code, body := httpGet(t, s.url)
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "2019-05-01") ||
		!strings.Contains(body, "時計") || !strings.Contains(body, "clock") {
		t.Errorf("page with a wrong clock: %d\n%s", code, body)
	}
	if code, _ := httpGet(t, s.url+"api/status"); code != http.StatusServiceUnavailable {
		t.Errorf("status with a wrong clock: %d", code)
	}
	if _, body := httpGet(t, s.url+"metrics"); !strings.Contains(body, "jpkicheck_kiosk_held 1\n") {
		t.Errorf("metrics:\n%s", body)
	}
	if !strings.Contains(s.stderr.String(), "the clock is wrong") {
		t.Errorf("no log line for the clock:\n%s", s.stderr)
	}
	// --today is a deliberate day: no clock check.
	s = startServingAt(t, time.Date(2019, 5, 1, 9, 0, 0, 0, time.UTC), "kiosk", "--sim", "--today", "2026-12-19", "--listen", "127.0.0.1:0")
	if code, _ := httpGet(t, s.url); code != 200 {
		t.Errorf("page with --today: %d", code)
	}
}

// A --reader that matches none of the connected readers is an error at
// start that lists them.
func TestKioskUnknownReader(t *testing.T) {
	r := rig.Start(t, rig.Options{Quiet: true})
	res := runCLI(t, nil, "kiosk", "--reader", "PaSoRi", "--listen", "127.0.0.1:0", "--lang", "en")
	if res.code == 0 || !strings.Contains(res.stderr, `"PaSoRi"`) ||
		!strings.Contains(res.stderr, r.ReaderName(0)) || !strings.Contains(res.stderr, r.ReaderName(1)) {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	}
	if res.stdout != "" {
		t.Errorf("served anyway: %s", res.stdout)
	}
}
