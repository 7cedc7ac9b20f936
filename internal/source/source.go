// Package source hands the protocol code a card: the one in a PC/SC reader,
// or jpkicheck's built-in simulated card. Commands that read a card do not
// care which; the simulated card exists so that a newcomer without a reader
// sees exactly what a resident would see.
package source

import (
	"context"
	"errors"
	"fmt"
	"sync"
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
	// ctx is the command's: once it ends (Ctrl-C, SIGTERM) no further
	// command goes to the card, except Close's clean-up.
	ctx context.Context

	mu        sync.Mutex
	exclusive bool // Exclusive succeeded: no other program can use the card
	pinSent   bool // a VERIFY with data went to the card: Close must clear it
}

// Open opens the card the options name. For a real reader it waits up to
// o.Wait for a card (calling o.OnWaiting once when it starts waiting).
func Open(ctx context.Context, o Options) (*Card, error) {
	c := &Card{ctx: ctx}
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
// fresh protocol session: nothing selected carries over from an earlier
// Do, but the card's own state does, a verified PIN included
// (docs/protocol.md, "Verified state").
//
// A VERIFY with data is refused unless the card is held exclusively
// (Exclusive), and once one has gone out, Close clears it. Once the
// context Open was given ends, fn's commands fail with ErrCancelled.
func (c *Card) Do(fn func(card *jpki.Card) error) error {
	return c.do(fn, true)
}

func (c *Card) do(fn func(card *jpki.Card) error, guard bool) error {
	wrap := func(tx jpki.Transmitter) jpki.Transmitter {
		if !guard {
			return tx
		}
		return &guarded{card: c, tx: tx}
	}
	if c.sim != nil {
		return fn(jpki.NewCard(wrap(c.sim), c.opts...))
	}
	return c.real.Do(func(tx pcsc.Transmitter) error {
		return fn(jpki.NewCard(wrap(tx), c.opts...))
	})
}

// ErrCancelled: the command was cancelled (Ctrl-C, SIGTERM) before this
// command could go to the card.
var ErrCancelled = errors.New("cancelled")

// ErrNotExclusive: a VERIFY with data on a card this program does not hold
// exclusively. Nothing was sent.
var ErrNotExclusive = errors.New("a PIN is only sent to a card held exclusively")

// guarded is the transmitter every Do hands the protocol code. It stops
// commands once the command's context ends, and it is where a PIN going
// to the card is seen, whatever code sends it, so that Close can never
// forget to clear it.
type guarded struct {
	card *Card
	tx   jpki.Transmitter
}

func (g *guarded) Transmit(apdu []byte) ([]byte, error) {
	c := g.card
	if c.ctx != nil && c.ctx.Err() != nil {
		return nil, fmt.Errorf("%w: %w", ErrCancelled, context.Cause(c.ctx))
	}
	if carriesPIN(apdu) {
		c.mu.Lock()
		ok := c.exclusive
		if ok {
			// Before it is sent: a card that fails to answer may still
			// have checked it.
			c.pinSent = true
		}
		c.mu.Unlock()
		if !ok {
			return nil, ErrNotExclusive
		}
	}
	return g.tx.Transmit(apdu)
}

// carriesPIN reports a VERIFY (INS 20 or 21) with a data field. The empty
// VERIFY that reads a counter is four bytes and carries nothing.
func carriesPIN(apdu []byte) bool {
	return len(apdu) > 5 && (apdu[1] == 0x20 || apdu[1] == 0x21)
}

// Exclusive takes the card for this program alone until Close: another
// program connected to it makes this fail with pcsc.ErrSharingViolation
// and nothing is sent. Commands that send a PIN call it first, so that
// between the VERIFY and Close's clean-up no other program can use the
// verified state (docs/protocol.md, "Verified state").
func (c *Card) Exclusive(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.exclusive {
		return nil
	}
	if c.real != nil {
		if err := c.real.Exclusive(ctx); err != nil {
			return err
		}
	}
	c.exclusive = true
	return nil
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

// ErrMayStillBeVerified: Close could neither select another application
// nor unpower the card after a PIN was sent; the PIN may still be verified
// until the card leaves the reader.
var ErrMayStillBeVerified = errors.New("the PIN may still be verified on the card")

// Close releases the card. A card that never got a PIN is left as it is
// in the reader (shared, fast for the next program). After a PIN was sent,
// whatever happened since, Close first selects another application of the
// card, which clears the JPKI applet's verified state, and then disconnects
// unpowering the card, which clears it for certain: re-selecting the
// applet, a warm reset or a plain disconnect would leave it verified for
// any program on the PC (docs/protocol.md, "Verified state"). If both
// fail, the error matches ErrMayStillBeVerified.
func (c *Card) Close() error {
	c.mu.Lock()
	pinSent := c.pinSent
	c.mu.Unlock()
	if !pinSent {
		if c.real != nil {
			return c.real.Close()
		}
		return nil
	}
	// Unguarded: the clean-up runs after Ctrl-C and SIGTERM too.
	lerr := c.do(func(jc *jpki.Card) error { return jpki.Logout(jc) }, false)
	var perr error
	if c.real != nil {
		perr = c.real.CloseUnpower()
	} else {
		c.sim.PowerOff()
	}
	if lerr != nil && perr != nil {
		return fmt.Errorf("%w: selecting another application: %w; unpowering: %w", ErrMayStillBeVerified, lerr, perr)
	}
	return nil
}

// PINSent reports whether a VERIFY with data went to the card since Open.
func (c *Card) PINSent() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pinSent
}

// Profiles lists the simulated card's profiles with a line on each.
func Profiles() []cardsim.ProfileInfo { return cardsim.Profiles() }
