package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/report"
)

// logTime starts every kiosk log line: a lobby PC runs for months, so a
// time without its date says little.
const logTime = "2006-01-02 15:04:05"

// dateLike matches what could be a resident's date in a log message: a
// certificate runs to its holder's fifth birthday after issue, so its
// expiry is a birthday. The machine logs state and timing only; this
// catches a date that arrives anyway inside an error's text.
var dateLike = regexp.MustCompile(`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|(?:令和|平成|昭和)\s?(?:\d+|元)年`)

// kioskLogf is the kiosk's log: date and time, then the message with any
// date in it blanked.
func (c *cli) kioskLogf() func(string, ...any) {
	var mu sync.Mutex
	return func(format string, args ...any) {
		msg := dateLike.ReplaceAllString(fmt.Sprintf(format, args...), "[date]")
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(c.stderr, "%s %s\n", c.now().Format(logTime), msg)
	}
}

// Dates a lobby PC's clock can plausibly show: not before this build was
// made (its commit's time; a build without one uses clockFloor), and not
// after the last year whose national holidays are known, since office
// days cannot be counted beyond it.
var (
	clockFloor   = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clockCeiling = time.Date(2051, 1, 1, 0, 0, 0, 0, time.UTC)
)

// buildTime is the time of the commit this binary was built from, when
// Go recorded it.
func buildTime() (time.Time, bool) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return time.Time{}, false
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.time" {
			t, err := time.Parse(time.RFC3339, s.Value)
			return t, err == nil
		}
	}
	return time.Time{}, false
}

// clockHold checks the PC's clock each time the page asks: while it is
// outside the plausible range, the page shows the administrator message
// (Japanese, then English) instead of answers, since every answer counts
// days from today. Changes are logged; the first check happens now.
func (c *cli) clockHold(logf func(string, ...any)) func() string {
	floor := clockFloor
	if t, ok := buildTime(); ok && t.After(floor) {
		floor = t.Add(-24 * time.Hour) // a commit's time zone, a build the same day
	}
	var mu sync.Mutex
	wrong := false
	hold := func() string {
		now := c.now()
		bad := now.Before(floor) || !now.Before(clockCeiling)
		mu.Lock()
		changed := bad != wrong
		wrong = bad
		mu.Unlock()
		if !bad {
			if changed {
				logf("kiosk: the clock is right again; answers are shown")
			}
			return ""
		}
		day := now.Format("2006-01-02")
		if changed {
			logf("kiosk: the clock is wrong (outside %s..%s); the page shows an administrator message, not answers",
				floor.Format("2006"), clockCeiling.Format("2006"))
		}
		return report.Messages(report.Ja).Kiosk.ClockWrong(day) + " / " + report.Messages(report.En).Kiosk.ClockWrong(day)
	}
	hold()
	return hold
}

// Browser restarts wait browserBackoff at first, doubling to
// maxBrowserBackoff while the browser keeps failing; a run of
// browserSteady or more counts as healthy again.
var (
	browserBackoff    = time.Second
	maxBrowserBackoff = 30 * time.Second
	browserSteady     = time.Minute
)

// superviseBrowser keeps the kiosk browser on url until ctx ends: it
// starts it, starts it again whenever it exits, each time with a fresh
// private profile (no session to restore, no first-run dialog, nothing a
// visitor typed), and stops it when ctx ends.
func superviseBrowser(ctx context.Context, path, url string, logf func(string, ...any)) {
	delay := browserBackoff
	for {
		started := time.Now()
		err := runBrowser(ctx, path, url, logf)
		if ctx.Err() != nil {
			logf("kiosk: browser stopped")
			return
		}
		if time.Since(started) >= browserSteady {
			delay = browserBackoff
		}
		logf("kiosk: browser exited (%v); starting it again in %v", err, delay)
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, maxBrowserBackoff)
	}
}

// runBrowser runs the browser once, in a private profile it removes
// afterwards.
func runBrowser(ctx context.Context, path, url string, logf func(string, ...any)) error {
	profile, err := os.MkdirTemp("", "jpkicheck-kiosk-browser-")
	if err != nil {
		return fmt.Errorf("making the browser's private profile: %w", err)
	}
	defer os.RemoveAll(profile)
	cmd := exec.CommandContext(ctx, path, kioskBrowserArgs(path, profile, url)...)
	cmd.Cancel = func() error { return stopProcess(cmd.Process) }
	cmd.WaitDelay = 5 * time.Second // then it is killed
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting the browser %s: %w", path, err)
	}
	logf("kiosk: browser %s started (pid %d)", filepath.Base(path), cmd.Process.Pid)
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("browser %s: %w", filepath.Base(path), err)
	}
	return fmt.Errorf("browser %s: exited", filepath.Base(path))
}

// kioskBrowserArgs are Chromium's switches (Chrome and Edge share them)
// for a lobby: full-screen without a way out, no first-run or default-
// browser questions, no crash-restore bubble, no translate bar or update
// nags, no swipe back, sound allowed without a touch, the private profile,
// and the page.
func kioskBrowserArgs(path, profile, url string) []string {
	args := []string{
		"--kiosk",
		"--user-data-dir=" + profile,
		"--no-first-run",
		"--no-default-browser-check",
		"--noerrdialogs",
		"--disable-session-crashed-bubble",
		"--disable-infobars",
		"--disable-translate",
		"--disable-features=Translate,TranslateUI",
		"--disable-sync",
		"--disable-pinch",
		"--overscroll-history-navigation=0",
		"--autoplay-policy=no-user-gesture-required",
		"--check-for-update-interval=31536000",
		"--password-store=basic",
	}
	if strings.Contains(strings.ToLower(filepath.Base(path)), "edge") {
		args = append(args, "--edge-kiosk-type=fullscreen")
	}
	return append(args, url)
}
