package e2e_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// The message a resident sees while jpkicheck waits, naming both readers.
const insertPrompt = "Insert your My Number Card into the reader (Virtual PCD 00 00, Virtual PCD 00 01)"

// A resident starts jpkicheck first and inserts the card afterwards: on a
// terminal they are asked for the card (with a spinner), and the report
// follows the card without another keystroke. The time from insertion to
// the answer is logged: it is what the resident waits for.
func TestInsertPromptOnTerminal(t *testing.T) {
	s := startStack(t)
	tm := s.startTerminal(t, "check", "--wait", "10s", "--lang", "en")
	tm.waitFor(t, insertPrompt, 10*time.Second)

	inserted := time.Now()
	sim := s.StartCardWith(t, cardAsync)
	defer sim.KeepsPINs(t)()
	code, out := tm.wait(t, 15*time.Second)
	t.Logf("insert to answer on a terminal: %v", time.Since(inserted).Round(time.Millisecond))
	shown := screen(out)
	if code != 0 || !contains(shown, "Renewal is not open yet", "3 of 3 tries left") {
		t.Errorf("exit %d after inserting the card; the terminal shows:\n%s", code, shown)
	}
	if contains(shown, "Insert your") || contains(shown, "Reading the card") {
		t.Errorf("a status line stayed on the screen:\n%s", shown)
	}
}

// screen is what a terminal shows at the end: on each line, what follows
// the last carriage return, with "erase line" sequences applied.
func screen(out string) string {
	lines := strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n")
	for i, l := range lines {
		if j := strings.LastIndex(l, "\r"); j >= 0 {
			l = l[j+1:]
		}
		if j := strings.LastIndex(l, "\x1b[2K"); j >= 0 {
			l = l[j+len("\x1b[2K"):]
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// The same without a terminal (a script): no prompt on a pipe, the answer
// once the card comes; no card within --wait is "no card" (exit 5) after
// about that long; --wait 0 does not wait at all.
func TestWaitForCard(t *testing.T) {
	s := startStack(t)

	t0 := time.Now()
	res := s.jpkicheck(t, "check", "--wait", "1s", "--lang", "en")
	took := time.Since(t0)
	expect(t, "check --wait 1s without a card", res, 5,
		"No card was found in the reader.", "hint: insert your card (IC chip first, face up)")
	if took < time.Second || took > time.Second+promptly {
		t.Errorf("check --wait 1s without a card took %v", took)
	}
	if res.Stdout != "" || contains(res.Stderr, "Insert your") {
		t.Errorf("a pipe got a prompt or a report:\nstdout %q\nstderr %q", res.Stdout, res.Stderr)
	}

	t0 = time.Now()
	res = s.jpkicheck(t, "check", "--wait", "0", "--lang", "en")
	expect(t, "check --wait 0 without a card", res, 5, "No card was found in the reader.")
	if took := time.Since(t0); took > 3*time.Second {
		t.Errorf("check --wait 0 took %v; it must not wait", took)
	}

	p := s.start(t, rig.RunOptions{}, "check", "--wait", "20s", "--json")
	// Ordering only (the terminal test sees the prompt): let the command
	// reach its wait before the card arrives.
	time.Sleep(300 * time.Millisecond)
	inserted := time.Now()
	sim := s.StartCardWith(t, cardAsync)
	defer sim.KeepsPINs(t)()
	res = p.Wait(t, 15*time.Second)
	t.Logf("insert to answer through a pipe: %v", time.Since(inserted).Round(time.Millisecond))
	rep := decode[checkJSON](t, "check --wait 20s --json", res)
	if res.Code != 0 || rep.Certificates.Auth == nil || rep.Certificates.Auth.State != "not_yet_open" {
		t.Errorf("card inserted while waiting: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
	}

	res = s.jpkicheck(t, "check", "--wait", "0", "--lang", "en")
	expect(t, "check --wait 0 with the card in", res, 0, "Renewal is not open yet")
}

// No reader at all: a script is told to connect one (exit 5) at once; a
// resident at a terminal is asked to connect a reader and insert the card,
// and the reader plugged in meanwhile (pcscd re-reads its readers only on
// a restart) and the card inserted into it are found without a keystroke.
func TestNoReader(t *testing.T) {
	s := startStackWith(t, rig.Options{NoReaders: true})
	for _, args := range [][]string{
		{"check", "--lang", "en", "--wait", "0"},
		{"readers", "--lang", "en"},
	} {
		expect(t, args[0]+" without a reader", s.jpkicheck(t, args...), 5,
			"No card reader is connected.", "hint: plug in a USB card reader")
	}

	tm := s.startTerminal(t, "check", "--wait", "20s", "--lang", "en")
	tm.waitFor(t, "Connect a card reader and insert your My Number Card", 10*time.Second)
	time.Sleep(200 * time.Millisecond) // ordering only: let the wait begin
	s.StopPCSCD()
	s.SetReaders(true)
	s.StartPCSCD()
	sim := s.StartCardWith(t, cardAsync)
	defer sim.KeepsPINs(t)()
	code, out := tm.wait(t, 15*time.Second)
	if shown := screen(out); code != 0 || !contains(shown, "Renewal is not open yet") {
		t.Errorf("exit %d after plugging in a reader and inserting the card; the terminal shows:\n%s", code, shown)
	}
}
