package e2e_test

import (
	"context"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/pcsc/pcsctest"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// A card with a known expiry, so a date on the screen can be judged
// without trusting jpkicheck to read it.
const (
	knownExpiry     = "2031-03-15"
	knownExpiryText = "15 March 2031"
)

var expiresLine = regexp.MustCompile(`Expires:\s+(\d+ \w+ \d{4})`)

// The card leaves the reader part-way through the check (jpkisim drops it
// after answering N APDUs; the check sends 12): the resident is told the
// card was removed (exit 5), never shown a wrong date, and no PIN try is
// spent. An expiry shown early (the first READ BINARY already holds it) is
// the card's real one. A card that leaves after the last answer spoils
// nothing: the check is complete.
func TestCardRemovedMidRead(t *testing.T) {
	s := startStack(t)
	// Cards go into the two readers in turn, so pcscd's noticing one
	// card's removal overlaps with its noticing the next one's arrival.
	var last [2]*rig.SimCard
	for i, tt := range []struct {
		after int    // APDUs answered before the card leaves
		when  string // what the check was doing
	}{
		{1, "after SELECT AP"},
		{2, "after SELECT 000A"},
		{3, "after the first READ BINARY"},
		{5, "in the middle of the certificate"},
		{8, "after the certificate, before the PIN counters"},
		{9, "before the authentication PIN's empty VERIFY"},
		{11, "before the signing password's empty VERIFY"},
		{12, "after the last answer"},
	} {
		t.Run(strconv.Itoa(tt.after), func(t *testing.T) {
			reader := i % 2
			if last[reader] != nil {
				last[reader].WaitRemoved(t)
			}
			sim := s.StartCardWith(t, rig.CardOptions{Reader: reader}, "--auth-expiry", knownExpiry, "--remove-after", strconv.Itoa(tt.after))
			last[reader] = sim
			counted := sim.KeepsPINs(t)
			res := s.jpkicheck(t, "check", "--lang", "en", "--trust-ca", sim.CAPath, "--reader", s.ReaderName(reader))
			select { // gone: its --state file is final
			case <-sim.Exited():
			case <-time.After(5 * time.Second):
				t.Fatalf("jpkisim --remove-after %d still serving: the check sent fewer APDUs\n%s%s", tt.after, res.Stdout, res.Stderr)
			}
			counted()

			if tt.after == 12 {
				expect(t, "card removed "+tt.when, res, 0, "Expires: "+knownExpiryText, "5 of 5 tries left")
				return
			}
			expect(t, "card removed "+tt.when, res, 5,
				"The card was removed while it was being read.", "hint: put the card back and run jpkicheck again")
			for _, m := range expiresLine.FindAllStringSubmatch(res.Stdout, -1) {
				if m[1] != knownExpiryText {
					t.Errorf("card removed %s: showed expiry %q, the card's is %q\n%s", tt.when, m[1], knownExpiryText, res.Stdout)
				}
			}
			if tt.after >= 3 && !contains(res.Stdout, "Expires: "+knownExpiryText) {
				t.Logf("card removed %s: no early expiry shown:\n%s", tt.when, res.Stdout)
			}
		})
	}
}

// With the PC/SC service stopped, every command says so at once, with the
// hint for the resident's system, instead of waiting for a card.
func TestServiceStopped(t *testing.T) {
	s := startStack(t)
	s.StopPCSCD()
	const (
		msg   = "The smart card service (PC/SC) is not running."
		linux = "hint: start it: sudo systemctl start pcscd.socket"
	)
	for _, args := range [][]string{
		{"check", "--lang", "en", "--wait", "20s"},
		{"readers", "--lang", "en"},
		{"pin", "status", "--lang", "en"},
		{"export", "auth", "--lang", "en"},
	} {
		t0 := time.Now()
		res := s.jpkicheck(t, args...)
		expect(t, args[0], res, 5, msg, linux)
		if took := time.Since(t0); took > promptly {
			t.Errorf("%s took %v without a service", args[0], took)
		}
	}
	res := s.run(t, rig.RunOptions{Env: []string{"JPKICHECK_GOOS=windows"}}, "check", "--lang", "en")
	expect(t, "check on Windows", res, 5, msg, `hint: start the "Smart Card" service`)
	res = s.jpkicheck(t, "check", "--lang", "ja")
	expect(t, "check in Japanese", res, 5, "スマートカードのサービス(PC/SC)が動いていません。", "sudo systemctl start pcscd.socket")

	s.StartPCSCD()
	sim := s.StartCard(t)
	defer sim.KeepsPINs(t)()
	expect(t, "check once the service is back", s.jpkicheck(t, "check", "--lang", "en"), 0, "Renewal is not open yet")
}

// Another program holds the card exclusively: jpkicheck says so (exit 5)
// and works again once it lets go.
func TestCardInUse(t *testing.T) {
	s := startStack(t)
	sim := s.StartCard(t)
	defer sim.KeepsPINs(t)()
	release, err := pcsctest.HoldExclusive(context.Background(), s.ReaderName(0))
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	const (
		msg  = "Another program is using the card."
		hint = "hint: close other programs that use the card"
	)
	expect(t, "check", s.jpkicheck(t, "check", "--lang", "en", "--wait", "0"), 5, msg, hint)
	expect(t, "pin status", s.jpkicheck(t, "pin", "status", "--lang", "en"), 5, msg, hint)
	rd := s.jpkicheck(t, "readers", "--json")
	if got := decode[readersJSON](t, "readers --json", rd).card(s.ReaderName(0)); got != "card_in_use" {
		t.Errorf("readers --json while held: %q, want card_in_use\n%s", got, rd.Stdout)
	}
	release()
	expect(t, "check once released", s.jpkicheck(t, "check", "--lang", "en", "--wait", "0"), 0, "Renewal is not open yet")
}
