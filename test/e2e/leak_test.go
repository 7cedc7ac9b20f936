//go:build linux

package e2e_test

import (
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// signPassword is the simulated card's default signing password.
const signPassword = "ABC123\n"

// The signing certificate holds the holder's name, address and birth
// date. Commands that read it on purpose (the password given) print none
// of it, on stdout, stderr, in JSON, in traces or in files left behind;
// --show-personal is the one exception, and it doubles as the proof that
// the check would see a leak. Every run ends with no PIN verified.
func TestNoPersonalDataWhenReadingTheSigningCertificate(t *testing.T) {
	s := startStack(t)
	sim := s.card(t, 0, "--name", leakName, "--address", leakAddress)
	before := sim.State(t)
	tl := newTally(t, "leak checks with the signing certificate read")
	for _, inv := range []invocation{
		{name: "check-sign", args: []string{"check", "--sign", "--lang", "en"}, stdin: signPassword},
		{name: "check-sign-ja", args: []string{"check", "--sign", "--lang", "ja"}, stdin: signPassword},
		{name: "check-sign-json", args: []string{"check", "--sign", "--json"}, stdin: signPassword},
		{name: "check-sign-trace", args: []string{"check", "--sign", "--trace", "--lang", "ja"}, stdin: signPassword},
		{name: "pin-verify-sign", args: []string{"pin", "verify", "sign", "--trace"}, stdin: signPassword},
		// The exported certificate is the holder's own file on request;
		// what the command says about it must not repeat its contents.
		{name: "export-sign-file", args: []string{"export", "sign", "-o", "{out}/sign.pem", "--trace"}, stdin: signPassword},
		{name: "export-sign-p7b", args: []string{"export", "sign", "--format", "p7b", "-o", "{out}/sign.p7b"}, stdin: signPassword},
	} {
		from := len(sim.Timeline(t))
		res, files := s.isolated(t, 0, sim.CAPath, inv)
		name := "valid/" + inv.name
		assertLoggedOut(t, name, sim, from)
		if res.Code != 0 {
			t.Errorf("%s: exit %d\n%s%s", name, res.Code, res.Stdout, res.Stderr)
		}
		assertNoLeak(t, name, res.Stdout, res.Stderr)
		for path, b := range files {
			if !strings.HasPrefix(inv.name, "export-sign") {
				assertNoLeak(t, name+" "+path, string(b))
			}
		}
		rig.PINsUnchanged(t, name, before, sim.State(t))
		tl.add("no_leak")
	}

	// The exception, and the canary: asked to, check shows the holder.
	res, _ := s.isolated(t, 0, sim.CAPath, invocation{args: []string{"check", "--sign", "--show-personal", "--lang", "ja"}, stdin: signPassword})
	for _, p := range []string{leakName, leakAddress} {
		if !strings.Contains(res.Stdout, p) {
			t.Errorf("--show-personal does not show %q, so the leak checks may be blind:\n%s%s", p, res.Stdout, res.Stderr)
		}
	}
	tl.add("shown_on_request")
}

// assertLoggedOut fails unless the card's events since Timeline line from
// show the 券面事項入力補助AP selected (which ends the JPKI AP's verified
// state) and then the card's power taken, by the command itself: vpcd
// delivers a client's SCARD_UNPOWER_CARD within a millisecond, pcscd's own
// power-off of an idle card comes 0.6–0.8 s after the last client left.
func assertLoggedOut(t *testing.T, what string, sim *rig.SimCard, from int) {
	t.Helper()
	deadline := time.Now().Add(100 * time.Millisecond)
	for {
		var events []string
		for _, l := range sim.Timeline(t)[from:] {
			if e, ok := strings.CutPrefix(l, "# "); ok {
				events = append(events, e)
			}
		}
		if i := slices.Index(events, "select 券面事項入力補助AP"); i >= 0 && slices.Contains(events[i+1:], "power off") {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("%s: the card's events after the command: %q; want \"select 券面事項入力補助AP\" then \"power off\"", what, events)
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// A crash dump taken while jpkicheck holds the signing certificate in
// memory (SIGQUIT, GOTRACEBACK=all: every goroutine's stack) carries no
// personal data: Go prints stack words, never the strings they point to.
func TestNoPersonalDataInACrashDump(t *testing.T) {
	s := startStack(t)
	// Where is "just after the signing certificate was read"? Ask a card.
	probe := s.insert(t, 0)
	res := s.start(t, rig.RunOptions{Stdin: signPassword}, s.cardArgs(0, probe.caPath, "check", "--sign")...).Wait(t, 0)
	if res.Code != 0 {
		t.Fatalf("check --sign: exit %d\n%s", res.Code, res.Stderr)
	}
	after := 0
	selected := ""
	for i, ex := range probe.Exchanges() {
		cmd := fmt.Sprintf("%X", ex.Command)
		if strings.HasPrefix(cmd, "00A4020C02") {
			selected = cmd[10:]
		}
		if ex.Command[1] == 0xB0 && selected == "0001" {
			after = i + 2 // the command after the last READ BINARY of EF 0001
		}
	}
	probe.inserted.WaitRemoved(t)
	if after == 0 {
		t.Fatal("check --sign never read EF 0001")
	}

	reached, release := make(chan struct{}), make(chan struct{})
	c := s.insert(t, 0, pauseAt(after, reached, release))
	p := s.start(t, rig.RunOptions{Stdin: signPassword, Env: []string{"GOTRACEBACK=all"}}, s.cardArgs(0, c.caPath, "check", "--sign")...)
	select {
	case <-reached:
	case <-time.After(10 * time.Second):
		t.Fatalf("check --sign never reached APDU %d", after)
	}
	if err := p.Signal(syscall.SIGQUIT); err != nil {
		t.Fatal(err)
	}
	res = p.Wait(t, 0)
	close(release)
	if !strings.Contains(res.Stderr, "goroutine ") {
		t.Fatalf("no goroutine dump after SIGQUIT (exit %d):\n%s", res.Code, res.Stderr)
	}
	assertNoLeak(t, "crash dump", res.Stdout, res.Stderr)
	t.Logf("reliability: crash dump after APDU %d of check --sign: %d bytes, no personal data", after-1, len(res.Stderr))
}
