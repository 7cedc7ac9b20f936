// Package source is the one door between jpkicheck's edge (the commands,
// the kiosk) and the card side: it hands the protocol code a card, the one
// in a PC/SC reader or jpkicheck's built-in simulated card, and tells the
// kiosk when readers and cards come and go. Commands that read a card do
// not care which kind it is; the simulated card exists so that a newcomer
// without a reader sees exactly what a resident would see.
//
// Whatever the kind, a card is used the same way: Do runs protocol code on
// it with tracing applied, Trust gives the CAs its certificates are checked
// against, Close leaves it safe. A removal reads as pcsc.ErrCardRemoved on
// both kinds.
package source

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

// Options choose the card, and how it is talked to.
type Options struct {
	// Sim names a simulated-card profile (see Profiles); "" means a real
	// reader.
	Sim string
	// SimOptions tune the simulated card beyond its profile: tests set PIN
	// counters, fault hooks and logs here. Profile and Today are filled in
	// from Sim and Today.
	SimOptions cardsim.Options
	// Today is the day the simulated card's dates are relative to.
	Today time.Time

	// Reader keeps only readers whose name contains it (case-insensitive);
	// "" keeps every reader.
	Reader string
	// Wait is how long Open waits for a card (and List for one to
	// arrive); 0 means don't.
	Wait time.Duration
	// Timeout bounds each exchange with a real card; 0 means pcsc's
	// default.
	Timeout time.Duration
	// OnWaiting is called once, when Open starts waiting, with the names
	// of the readers it waits on.
	OnWaiting func(readers []string)

	// Trace receives every APDU (PINs masked, personal data withheld).
	Trace func(jpki.TraceEvent)
	// ExtendedRead lets certificate reads try one extended-length APDU.
	ExtendedRead bool
}

// cardOptions are the protocol options every Do applies.
func (o Options) cardOptions() []jpki.CardOption {
	var opts []jpki.CardOption
	if o.Trace != nil {
		opts = append(opts, jpki.WithTrace(o.Trace))
	}
	if o.ExtendedRead {
		opts = append(opts, jpki.WithExtendedRead())
	}
	return opts
}

// simulatedReader is the Reader of a simulated card opened with Open.
const simulatedReader = "simulated"

// Card is an open card of either kind.
type Card struct {
	Reader    string // the PC/SC reader's name, or a simulated reader's
	Simulated bool
	Profile   string // the simulated card's profile

	sim  *cardsim.Card
	real *pcsc.Card
	opts []jpki.CardOption
	// simCAs are the simulated card's test CAs, for Trust.
	simCAs []*x509.Certificate
	// ctx is the command's: once it ends (Ctrl-C, SIGTERM, the kiosk
	// giving up) no further command goes to the card, except Close's
	// clean-up.
	ctx context.Context
	// abandon: once ctx ends, a command already on its way to a real card
	// is abandoned too, as pcsc.Card.TransmitContext does. Only for reads
	// that never carry a PIN (the kiosk's): a command carrying one must
	// finish, so that Close can clear it.
	abandon bool

	mu        sync.Mutex
	exclusive bool // Exclusive succeeded: no other program can use the card
	pinSent   bool // a VERIFY with data went to the card: Close must clear it
	closed    bool // Close ran: the card takes no more commands
}

// Open opens the card the options name: the simulated card for o.Sim, else
// the first reader matching o.Reader that holds a card, waiting up to
// o.Wait for one (calling o.OnWaiting once when it starts waiting). It
// fails as pcsc.Open does.
func Open(ctx context.Context, o Options) (*Card, error) {
	if o.Sim != "" {
		so := o.SimOptions
		so.Profile = cardsim.Profile(o.Sim)
		so.Today = o.Today
		sim, err := cardsim.New(so)
		if err != nil {
			return nil, fmt.Errorf("starting the simulated card: %w", err)
		}
		return simulated(ctx, sim, simulatedReader, o)
	}
	card, err := pcsc.Open(ctx, pcsc.Options{Reader: o.Reader, Wait: o.Wait, Timeout: o.Timeout, OnWaiting: o.OnWaiting})
	if err != nil {
		return nil, err
	}
	return &Card{Reader: card.Reader(), real: card, opts: o.cardOptions(), ctx: ctx}, nil
}

// Connect connects to the card in the reader with exactly this name, as
// Open does once it has chosen the reader. Only o.Timeout and the
// protocol options (Trace, ExtendedRead) apply.
func Connect(ctx context.Context, reader string, o Options) (*Card, error) {
	card, err := pcsc.Connect(ctx, reader, o.Timeout)
	if err != nil {
		return nil, err
	}
	return &Card{Reader: card.Reader(), real: card, opts: o.cardOptions(), ctx: ctx}, nil
}

// simulated wraps a simulated card in reader.
func simulated(ctx context.Context, sim *cardsim.Card, reader string, o Options) (*Card, error) {
	c := &Card{Reader: reader, Simulated: true, Profile: string(sim.Profile()), sim: sim, opts: o.cardOptions(), ctx: ctx}
	pem := sim.CAPEM()
	if len(pem) == 0 {
		return c, nil // not a JPKI card: no CA of its own
	}
	// Parsed once here, so that Trust cannot fail: the PEM is the
	// simulator's own, and a failure is a broken build.
	var cas jpki.TrustStore
	if _, err := cas.AddPEM(pem); err != nil {
		return nil, fmt.Errorf("trusting the simulated card's test CA: %w", err)
	}
	for _, ca := range cas.CAs() {
		c.simCAs = append(c.simCAs, ca.Certificate())
	}
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
// context the card was opened with ends, fn's commands fail with
// ErrCancelled.
func (c *Card) Do(fn func(card *jpki.Card) error) error {
	return c.do(fn, true)
}

func (c *Card) do(fn func(card *jpki.Card) error, guard bool) error {
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if closed {
		return ErrClosed
	}
	wrap := func(tx jpki.Transmitter) jpki.Transmitter {
		if !guard {
			return tx
		}
		return &guarded{card: c, tx: tx}
	}
	if c.sim != nil {
		return fn(jpki.NewCard(wrap(simTransmitter{c.sim}), c.opts...))
	}
	return c.real.Do(func(tx pcsc.Transmitter) error {
		if c.abandon && guard {
			tx = ctxTransmitter{c.real, c.ctx}
		}
		return fn(jpki.NewCard(wrap(tx), c.opts...))
	})
}

// ErrClosed: the card was used after Close.
var ErrClosed = errors.New("card already closed")

// ErrCancelled: the command was cancelled (Ctrl-C, SIGTERM) before this
// command could go to the card.
var ErrCancelled = errors.New("cancelled")

// ErrNotExclusive: a VERIFY with data on a card this program does not hold
// exclusively. Nothing was sent.
var ErrNotExclusive = errors.New("a PIN is only sent to a card held exclusively")

// ErrTimeout is the error of a card that stopped answering in time; it is
// pcsc.ErrTimeout, so that callers need not reach past this package.
var ErrTimeout = pcsc.ErrTimeout

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

// ctxTransmitter sends each command under ctx, so a read abandoned by the
// kiosk (card removed, time up) lets go of the card at once instead of
// finishing its sequence.
type ctxTransmitter struct {
	c   *pcsc.Card
	ctx context.Context
}

func (t ctxTransmitter) Transmit(apdu []byte) ([]byte, error) {
	return t.c.TransmitContext(t.ctx, apdu)
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

// Trust returns the CAs this card's certificates are checked against:
// base (nil means the built-in J-LIS CAs) and, for the simulated card, its
// own test CA, added as user-supplied so that no report calls it J-LIS.
// base itself is never changed: a kiosk checks every card against it.
func (c *Card) Trust(base *jpki.TrustStore) *jpki.TrustStore {
	if len(c.simCAs) == 0 {
		return base
	}
	t := jpki.DefaultTrust()
	for _, ca := range base.CAs() {
		if ca.Source == jpki.TrustUserSupplied {
			t.AddCertificate(ca.Certificate())
		}
	}
	for _, x := range c.simCAs {
		t.AddCertificate(x)
	}
	return t
}

// ATR is the card's answer to reset.
func (c *Card) ATR() []byte {
	if c.sim != nil {
		return c.sim.ATR()
	}
	return c.real.ATR()
}

// Sim returns the simulated card, or nil for a real one. It is for tests,
// which inspect its PIN counters and the commands it got.
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
	pinSent, closed := c.pinSent, c.closed
	c.mu.Unlock()
	if closed {
		return nil
	}
	defer func() {
		c.mu.Lock()
		c.closed = true
		c.mu.Unlock()
	}()
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

// sentPIN reports whether a VERIFY with data went to the card since it
// was opened.
func (c *Card) sentPIN() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pinSent
}
