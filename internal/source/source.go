// Package source hands the protocol code a card: the one in a PC/SC reader,
// or jpkicheck's built-in simulated card. Commands that read a card do not
// care which; the simulated card exists so that a newcomer without a reader
// sees exactly what a resident would see.
package source

import (
	"context"
	"fmt"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

// Options choose the card.
type Options struct {
	// Sim names a simulated-card profile; "" means a real reader.
	Sim string
	// SimOptions tune the simulated card beyond its profile (tests set PIN
	// counters, fault hooks and logs here); Profile and Today are filled
	// in from Sim and Today.
	SimOptions cardsim.Options
	// Today is the day the simulated card's dates are relative to.
	Today time.Time

	Reader    string        // substring of the reader name
	Wait      time.Duration // how long to wait for a card; 0 = don't
	Timeout   time.Duration // bound on each exchange; 0 = pcsc's default
	OnWaiting func(readers []string)

	// Trace receives every APDU (PINs masked, personal data withheld).
	Trace func(jpki.TraceEvent)
	// ExtendedRead lets certificate reads try one extended-length APDU.
	ExtendedRead bool
}

// Card is an open card of either kind.
type Card struct {
	Reader    string // the PC/SC reader's name, or "simulated"
	Simulated bool
	Profile   string // the simulated card's profile

	sim  *cardsim.Card
	real *pcsc.Card
	opts []jpki.CardOption
}

// Open opens the card the options name. For a real reader it waits up to
// o.Wait for a card (calling o.OnWaiting once when it starts waiting).
func Open(ctx context.Context, o Options) (*Card, error) {
	c := &Card{}
	if o.Trace != nil {
		c.opts = append(c.opts, jpki.WithTrace(o.Trace))
	}
	if o.ExtendedRead {
		c.opts = append(c.opts, jpki.WithExtendedRead())
	}
	if o.Sim != "" {
		so := o.SimOptions
		so.Profile = cardsim.Profile(o.Sim)
		so.Today = o.Today
		sim, err := cardsim.New(so)
		if err != nil {
			return nil, fmt.Errorf("starting the simulated card: %w", err)
		}
		c.sim, c.Simulated, c.Profile, c.Reader = sim, true, o.Sim, "simulated"
		return c, nil
	}
	card, err := pcsc.Open(ctx, pcsc.Options{Reader: o.Reader, Wait: o.Wait, Timeout: o.Timeout, OnWaiting: o.OnWaiting})
	if err != nil {
		return nil, err
	}
	c.real, c.Reader = card, card.Reader()
	return c, nil
}

// Do runs a read sequence on the card: inside one PC/SC transaction on a
// real reader, so no other program's commands come in between. fn gets a
// fresh protocol session; nothing selected or verified carries over from
// an earlier Do.
func (c *Card) Do(fn func(card *jpki.Card) error) error {
	if c.sim != nil {
		return fn(jpki.NewCard(c.sim, c.opts...))
	}
	return c.real.Do(func(tx pcsc.Transmitter) error {
		return fn(jpki.NewCard(tx, c.opts...))
	})
}

// SimCAPEM returns the simulated card's test CA certificates, which the
// caller adds to its trust store as user-supplied; nil for a real card.
func (c *Card) SimCAPEM() []byte {
	if c.sim == nil {
		return nil
	}
	return c.sim.CAPEM()
}

// Sim returns the simulated card, or nil for a real one (tests inspect its
// PIN counters).
func (c *Card) Sim() *cardsim.Card { return c.sim }

// Close releases the card (leaving it as it is in the reader).
func (c *Card) Close() error {
	if c.real != nil {
		return c.real.Close()
	}
	return nil
}

// Profiles lists the simulated card's profiles with a line on each.
func Profiles() []cardsim.ProfileInfo { return cardsim.Profiles() }
