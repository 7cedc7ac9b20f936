package rig

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
)

// State reads the card's --state file: its PIN counters, which PINs are
// verified right now, and whether it has left the reader. A card started
// Async may not have written it yet; State waits up to 5 s for it, and
// gives a verified PIN a moment to clear (see unpowerDelivery).
func (c *SimCard) State(t testing.TB) cardsim.State {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if fi, err := os.Stat(c.StatePath); err == nil && fi.Size() > 0 {
			break
		}
	}
	read := func() cardsim.State {
		var st cardsim.State
		if err := json.Unmarshal(c.StateJSON(t), &st); err != nil {
			t.Fatalf("rig: jpkisim state: %v", err)
		}
		return st
	}
	st := read()
	// vpcd hands pcscd's power-off to the card without waiting for it, so
	// a client's SCARD_UNPOWER_CARD can reach jpkisim a moment after the
	// client has exited (longer on a loaded machine). Give a verified PIN
	// that long to clear; pcscd's own power-off of an idle card comes only
	// after ~0.7 s, so a PIN left verified is still seen as such.
	for deadline := time.Now().Add(unpowerDelivery); (st.Auth.Verified || st.Sign.Verified) && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		st = read()
	}
	return st
}

// unpowerDelivery bounds how long a power-off already sent takes to reach
// jpkisim through vpcd; well under pcscd's idle power-off.
const unpowerDelivery = 250 * time.Millisecond

// PINsUnchanged fails the test unless after has every PIN counter of
// before (tries left, maximum, locked, unset) and no PIN verified: what
// any command but an explicit verify must leave behind. A removed card
// keeps nothing verified either (out of the reader is out of power).
func PINsUnchanged(t testing.TB, what string, before, after cardsim.State) {
	t.Helper()
	same := func(b, a cardsim.PINState) bool {
		return a.TriesLeft == b.TriesLeft && a.MaxTries == b.MaxTries && a.Locked == b.Locked && a.Unset == b.Unset && !a.Verified
	}
	if !same(before.Auth, after.Auth) || !same(before.Sign, after.Sign) {
		t.Errorf("%s: PIN state changed: before %+v, after %+v", what, before, after)
	}
}

// KeepsPINs reads the card's PIN state now; the returned function checks
// PINsUnchanged against it (call it when the scenario is over).
func (c *SimCard) KeepsPINs(t testing.TB) func() {
	t.Helper()
	before := c.State(t)
	return func() {
		t.Helper()
		PINsUnchanged(t, c.String(), before, c.State(t))
	}
}

// Simulated is the simulated card served from the test process, for
// faults a jpkisim flag cannot place (the card leaving in the middle of a
// command, the daemon dying while the card thinks): the card's own ATR,
// and a card that reports itself removed leaves the reader unanswered.
func Simulated(card *cardsim.Card) VirtualCard {
	return VirtualCard{ATR: card.ATR(), Handle: func(apdu []byte) []byte {
		rsp, err := card.Transmit(apdu)
		if err != nil {
			return nil
		}
		return rsp
	}}
}
