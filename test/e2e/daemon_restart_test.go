package e2e_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// pcscd restarts (an update, a crash and respawn) while jpkicheck waits
// for the card: the wait carries on and the card inserted afterwards is
// read, with no error in between.
func TestWaitingCheckSurvivesRestart(t *testing.T) {
	s := startStack(t)
	tm := s.startTerminal(t, "check", "--wait", "20s", "--lang", "en")
	tm.waitFor(t, insertPrompt, 10*time.Second)
	// Ordering only: from the prompt to the wait's own PC/SC context.
	time.Sleep(200 * time.Millisecond)
	s.RestartPCSCD()

	inserted := time.Now()
	sim := s.StartCardWith(t, cardAsync)
	defer sim.KeepsPINs(t)()
	code, out := tm.wait(t, 15*time.Second)
	t.Logf("insert to answer after a pcscd restart: %v", time.Since(inserted).Round(time.Millisecond))
	if shown := screen(out); code != 0 || !contains(shown, "Renewal is not open yet") || contains(shown, "jpkicheck:") {
		t.Errorf("exit %d; the terminal shows:\n%s", code, shown)
	}
}

// The kiosk's loop (pcsc.Watch, and a check for every card inserted) runs
// all day: pcscd restarting under it is reported as gone and back, and the
// next card is read as usual, with its own date.
func TestKioskLoopSurvivesRestart(t *testing.T) {
	s := startStack(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen := make(chan string, 32)
	go kioskLoop(ctx, pcsc.Watch(ctx), seen)
	next := func(want string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case got := <-seen:
				t.Logf("kiosk: %s", got)
				if strings.HasPrefix(got, "error") || strings.HasPrefix(got, "read ") && got != "read "+knownExpiry && got != "read "+otherExpiry {
					t.Errorf("kiosk loop: %s", got)
				}
				if got == want {
					return
				}
			case <-deadline:
				t.Fatalf("kiosk loop: no %q within 10 s", want)
			}
		}
	}

	a := s.StartCard(t, "--auth-expiry", knownExpiry)
	defer a.KeepsPINs(t)()
	next("read " + knownExpiry)

	s.RestartPCSCD()
	next("service gone")
	next("service back")

	// Card a stays in (the kiosk may read it again when it comes back
	// after the restart); the next resident's card goes into reader 1.
	b := s.StartCardWith(t, rig.CardOptions{Reader: 1}, "--auth-expiry", otherExpiry)
	defer b.KeepsPINs(t)()
	next("read " + otherExpiry)
}

// kioskLoop is the kiosk's use of the waiting API, reduced to its core:
// every card inserted is checked without a PIN and its expiry (a date in
// Japan) reported, as are the service's comings and goings.
func kioskLoop(ctx context.Context, events <-chan pcsc.Event, seen chan<- string) {
	jst := time.FixedZone("JST", 9*60*60)
	for ev := range events {
		var msg string
		switch ev.Kind {
		case pcsc.ServiceGone, pcsc.ServiceBack:
			msg = ev.Kind.String()
		case pcsc.CardInserted:
			card, err := pcsc.Connect(ctx, ev.Reader.Name, 0)
			if err != nil {
				msg = fmt.Sprintf("error connecting to %s: %v", ev.Reader.Name, err)
				break
			}
			var res *jpki.Result
			err = card.Do(func(tx pcsc.Transmitter) error {
				res, err = jpki.Check(jpki.NewCard(tx))
				return err
			})
			card.Close()
			if err != nil {
				msg = fmt.Sprintf("error reading %s: %v", ev.Reader.Name, err)
				break
			}
			msg = "read " + res.Auth.NotAfter.In(jst).Format(time.DateOnly)
		default:
			continue
		}
		select {
		case seen <- msg:
		case <-ctx.Done():
			return
		}
	}
}
