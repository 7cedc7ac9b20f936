package source

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

var today = time.Date(2026, 12, 20, 12, 0, 0, 0, time.UTC)

func openSim(t *testing.T, ctx context.Context, o Options) *Card {
	t.Helper()
	if o.Sim == "" {
		o.Sim = DefaultProfile
	}
	o.Today = today
	card, err := Open(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	return card
}

func verifyAuth(card *Card) error {
	return card.Do(func(jc *jpki.Card) error {
		return jpki.Verify(jc, jpki.AuthPIN, []byte("1234"), func(jpki.PINStatus) jpki.Consent { return jpki.Proceed })
	})
}

func pinsSent(c *cardsim.Card) int {
	n := 0
	for _, e := range c.Exchanges() {
		if carriesPIN(e.Command) {
			n++
		}
	}
	return n
}

// A PIN goes only to a card held exclusively; the refusal sends nothing.
func TestPINNeedsExclusive(t *testing.T) {
	card := openSim(t, context.Background(), Options{})
	defer card.Close()
	if err := verifyAuth(card); !errors.Is(err, ErrNotExclusive) {
		t.Fatalf("VERIFY without Exclusive: %v, want ErrNotExclusive", err)
	}
	if n := pinsSent(card.Sim()); n != 0 || card.sentPIN() {
		t.Errorf("%d VERIFY with data reached the card (PINSent %v)", n, card.sentPIN())
	}
	// Reading the counters is an empty VERIFY: no PIN, no exclusivity needed.
	if err := card.Do(func(jc *jpki.Card) error { _, err := jpki.PINTries(jc, jpki.AuthPIN); return err }); err != nil {
		t.Errorf("PINTries: %v", err)
	}
}

// After a PIN, Close leaves the card unverified and its counter full.
func TestCloseClearsVerifiedPIN(t *testing.T) {
	card := openSim(t, context.Background(), Options{})
	if err := card.Exclusive(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := verifyAuth(card); err != nil {
		t.Fatal(err)
	}
	sim := card.Sim()
	if !card.sentPIN() || !sim.State().Auth.Verified {
		t.Fatalf("after VERIFY: PINSent %v, card state %+v", card.sentPIN(), sim.State().Auth)
	}
	if err := card.Close(); err != nil {
		t.Fatal(err)
	}
	if st := sim.State().Auth; st.Verified || st.TriesLeft != st.MaxTries {
		t.Errorf("after Close: %+v", st)
	}
}

// Once the command's context ends nothing more goes to the card, but
// Close still clears a PIN sent before.
func TestCancelStopsCommandsNotCleanUp(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	card := openSim(t, ctx, Options{})
	if err := card.Exclusive(ctx); err != nil {
		t.Fatal(err)
	}
	if err := verifyAuth(card); err != nil {
		t.Fatal(err)
	}
	cancel()
	sim := card.Sim()
	before := len(sim.Exchanges())
	err := card.Do(func(jc *jpki.Card) error { _, err := jpki.Identify(jc); return err })
	if !errors.Is(err, ErrCancelled) || !errors.Is(err, context.Canceled) {
		t.Errorf("after cancel: %v, want ErrCancelled and context.Canceled", err)
	}
	if n := len(sim.Exchanges()) - before; n != 0 {
		t.Errorf("%d commands went to the card after cancel", n)
	}
	if err := card.Close(); err != nil {
		t.Fatal(err)
	}
	if sim.State().Auth.Verified {
		t.Error("Close after cancel left the PIN verified")
	}
}

// The simulated card's removal is the reader's: pcsc.ErrCardRemoved.
func TestSimRemovalIsCardRemoved(t *testing.T) {
	card := openSim(t, context.Background(), Options{SimOptions: cardsim.Options{RemoveAfter: 2}})
	defer card.Close()
	_, err := checkCard(card, nil)
	if !errors.Is(err, pcsc.ErrCardRemoved) {
		t.Errorf("removed mid-check: %v, want pcsc.ErrCardRemoved", err)
	}
}

func checkCard(card *Card, base *jpki.TrustStore) (*jpki.Result, error) {
	var res *jpki.Result
	err := card.Do(func(jc *jpki.Card) error {
		var err error
		res, err = jpki.Check(jc, jpki.WithTrust(card.Trust(base)))
		return err
	})
	return res, err
}

// The simulated card's test CA is trusted as user-supplied, next to the
// caller's own, without changing the caller's store.
func TestTrust(t *testing.T) {
	card := openSim(t, context.Background(), Options{})
	defer card.Close()
	res, err := checkCard(card, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Auth.Trust.Status; got != jpki.TrustUserSupplied {
		t.Errorf("simulated certificate: trust %v, want user_supplied", got)
	}

	other := openSim(t, context.Background(), Options{})
	base := jpki.DefaultTrust()
	if _, err := base.AddPEM(other.Sim().CAPEM()); err != nil {
		t.Fatal(err)
	}
	n := len(base.CAs())
	got := card.Trust(base)
	if len(base.CAs()) != n {
		t.Errorf("Trust changed its base: %d CAs, had %d", len(base.CAs()), n)
	}
	if want := n + len(card.simCAs); len(got.CAs()) != want {
		t.Errorf("Trust: %d CAs, want %d (base, then the card's)", len(got.CAs()), want)
	}
	if !slices.EqualFunc(got.CAs()[:n], base.CAs(), func(a, b *jpki.CA) bool { return a.SHA256 == b.SHA256 && a.Source == b.Source }) {
		t.Error("Trust did not keep the base's CAs first, in order")
	}

	plain := openSim(t, context.Background(), Options{Sim: string(cardsim.NotJPKI)})
	if plain.Trust(base) != base {
		t.Error("a card without a CA of its own changed the trust")
	}
}

func TestProfiles(t *testing.T) {
	ps := Profiles()
	if len(ps) == 0 || !IsProfile(DefaultProfile) || IsProfile("no-such-profile") {
		t.Fatalf("profiles %v", ps)
	}
	for _, p := range ps {
		if !IsProfile(p.Name) || p.Description == "" {
			t.Errorf("profile %+v", p)
		}
	}
}

func next(t *testing.T, ch <-chan Event) Event {
	t.Helper()
	select {
	case ev := <-ch:
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no event")
	}
	return Event{}
}

// The simulated reader reports as the PC/SC readers do: the current state
// first, then each change.
func TestSimEvents(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sim := NewSim(Options{Today: today})
	if err := sim.Insert(DefaultProfile); err != nil {
		t.Fatal(err)
	}
	events := sim.Watch(ctx)
	for _, want := range []EventKind{ReaderAdded, CardInserted} {
		if ev := next(t, events); ev.Kind != want || ev.Reader != simReaderName {
			t.Fatalf("event %+v, want %v", ev, want)
		}
	}
	card, err := sim.Connect(ctx, simReaderName)
	if err != nil {
		t.Fatal(err)
	}
	if !card.Simulated || card.Profile != DefaultProfile {
		t.Errorf("card %+v", card)
	}
	sim.Remove()
	if ev := next(t, events); ev.Kind != CardRemoved {
		t.Errorf("after Remove: %+v", ev)
	}
	if _, err := checkCard(card, nil); !errors.Is(err, pcsc.ErrCardRemoved) {
		t.Errorf("reading a removed card: %v", err)
	}
	if _, err := sim.Connect(ctx, simReaderName); !errors.Is(err, pcsc.ErrCardRemoved) {
		t.Errorf("connecting to an empty reader: %v", err)
	}
	sim.StopService(true)
	if ev := next(t, events); ev.Kind != ServiceGone || ev.Err == nil {
		t.Errorf("after the service stopped: %+v", ev)
	}
	cancel()
	for range events {
	}
}

// The reader option filters the readers watched, not the service.
func TestSimEventsFiltered(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sim := NewSim(Options{Today: today, Reader: "PaSoRi"})
	events := sim.Watch(ctx)
	if err := sim.Insert(DefaultProfile); err != nil {
		t.Fatal(err)
	}
	sim.StopService(true)
	if ev := next(t, events); ev.Kind != ServiceGone {
		t.Errorf("first event %+v, want only the service's", ev)
	}
}

func TestCarriesPIN(t *testing.T) {
	for _, tt := range []struct {
		apdu []byte
		want bool
	}{
		{[]byte{0x00, 0x20, 0x00, 0x81}, false},                          // read the counter
		{[]byte{0x00, 0x20, 0x00, 0x81, 0x04, '1', '2', '3', '4'}, true}, // VERIFY
		{[]byte{0x00, 0x21, 0x00, 0x81, 0x02, 0x01, 0x02}, true},         // VERIFY, odd INS
		{[]byte{0x00, 0xA4, 0x04, 0x0C, 0x02, 0x01, 0x02}, false},        // SELECT
	} {
		if got := carriesPIN(tt.apdu); got != tt.want {
			t.Errorf("carriesPIN(% X) = %v", tt.apdu, got)
		}
	}
}
