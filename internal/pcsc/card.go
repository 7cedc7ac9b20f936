package pcsc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ebfe/scard"
)

// DefaultTimeout bounds each exchange with the card. Nothing in PC/SC
// times out on a card that never answers, so without a bound a bad card
// would hang the caller for ever. A contact card at the default 9600 bit/s
// needs ~0.3 s for a 256-byte READ BINARY; 5 s leaves room for slow
// readers and stays short enough for a person standing at a kiosk.
const DefaultTimeout = 5 * time.Second

// Transmitter sends one command APDU and returns the response with SW1 SW2
// at the end. It has the shape of the protocol package's own interface.
type Transmitter interface {
	Transmit(apdu []byte) ([]byte, error)
}

// Card is a shared connection to the card in one reader, with its own
// PC/SC context. Its methods are safe for concurrent use; commands are sent
// one at a time, and one Do at a time.
//
// Every PC/SC call on a Card is bounded by its timeout. PC/SC cannot call
// back a call in flight (SCardCancel only wakes GetStatusChange, and
// Disconnect or Release on the same context wait behind the call inside
// libpcsclite), so on a timeout the call is left to finish on its own and
// the Card is abandoned: every later call fails with ErrTimeout at once,
// Close returns at once, and Connect refuses that reader with ErrTimeout
// instead of queueing behind the dead command (pcscd would make it wait).
// What stays behind is one goroutine, parked in the C call on its own OS
// thread, and the context's socket to pcscd, per stuck reader. When the call
// returns (the card answers late, is removed, or the service stops), that
// goroutine disconnects (resetting a card that answered late, whose state
// is unknown), releases the context and clears the reader. Nothing grows
// with repeated timeouts.
type Card struct {
	reader  string
	timeout time.Duration

	mu        sync.Mutex // serialises calls and guards the fields below
	sc        *scard.Context
	h         *scard.Card
	atr       []byte
	inTx      bool
	gone      bool // a call reported the card removed
	closed    bool
	abandoned error // set when a call timed out; the handle is then unusable
}

// Connect connects to the card in the reader with exactly this name,
// shared, T=0 or T=1. Every later exchange with the card is bounded by
// timeout (0 means DefaultTimeout); so is the connection itself, which
// waits for the card's answer to reset. ctx can abandon the connection
// attempt early.
func Connect(ctx context.Context, reader string, timeout time.Duration) (*Card, error) {
	return connect(ctx, reader, timeout, scard.ShareShared)
}

// HoldExclusive connects to the card in the reader with exactly this name
// exclusively and keeps it until release is called, as another program (a
// JPKI client, a browser sign-in) may do: meanwhile every other connection,
// shared or not, fails with ErrSharingViolation. It is for tests and
// diagnostics; jpkicheck itself always connects shared. The connection is
// bounded like Connect's (DefaultTimeout, or ctx). release disconnects
// leaving the card as it is; calling it again does nothing.
func HoldExclusive(ctx context.Context, reader string) (release func(), err error) {
	c, err := connect(ctx, reader, 0, scard.ShareExclusive)
	if err != nil {
		return nil, err
	}
	var once sync.Once
	return func() { once.Do(func() { c.Close() }) }, nil
}

func connect(ctx context.Context, reader string, timeout time.Duration, share scard.ShareMode) (*Card, error) {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	op := fmt.Sprintf("connecting to %q", reader)
	if stuckReader(reader) {
		return nil, &Error{Op: op + " (an earlier command to its card never got an answer)", Err: ErrTimeout}
	}
	sc, err := establish()
	if err != nil {
		return nil, err
	}
	c := &Card{reader: reader, timeout: timeout, sc: sc}
	c.mu.Lock()
	defer c.mu.Unlock()
	err = c.call(ctx, op, func() error {
		h, err := sc.Connect(reader, share, scard.ProtocolAny)
		if err != nil {
			return err
		}
		c.h = h
		st, err := h.Status()
		if err == nil {
			c.atr = bytes.Clone(st.Atr)
		}
		return nil
	})
	if err != nil {
		if c.abandoned == nil {
			sc.Release()
		}
		return nil, err
	}
	return c, nil
}

// Reader is the name of the card's reader.
func (c *Card) Reader() string { return c.reader }

// ATR is the card's answer to reset as seen when connecting.
func (c *Card) ATR() []byte { return bytes.Clone(c.atr) }

// Transmit sends one command APDU and returns the response, SW1 SW2
// included. A card that leaves mid-command gives ErrCardRemoved, never a
// partial answer; a reset by another program gives ErrCardReset (the handle
// is reconnected, the caller must start its sequence again); a card that
// does not answer within the timeout gives ErrTimeout.
func (c *Card) Transmit(apdu []byte) ([]byte, error) {
	return c.TransmitContext(context.Background(), apdu)
}

// TransmitContext is Transmit that also gives up when ctx ends. A command
// already on its way cannot be called back: giving up abandons the handle
// exactly as a timeout does.
func (c *Card) TransmitContext(ctx context.Context, apdu []byte) ([]byte, error) {
	op := fmt.Sprintf("transmitting to %q", c.reader)
	if len(apdu) < 4 {
		return nil, fmt.Errorf("%s: command APDU of %d bytes, want at least 4", op, len(apdu))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var rsp []byte
	err := c.call(ctx, op, func() error {
		var err error
		rsp, err = c.h.Transmit(apdu)
		if err == nil && len(rsp) < 2 {
			// vpcd (and a careless driver) reports a card pulled out while
			// it was computing its answer as success with no bytes at all.
			return errNoStatusWord
		}
		return err
	})
	if errors.Is(err, ErrCardReset) && c.abandoned == nil {
		// Keep the handle usable for the caller's next attempt; the reset
		// itself must still be reported: the card's state is gone.
		c.reconnect(ctx)
	}
	if errors.Is(err, errNoStatusWord) {
		c.gone = true
		return nil, &Error{Op: op + " (response without a status word)", Err: ErrCardRemoved}
	}
	if err != nil {
		return nil, err
	}
	return bytes.Clone(rsp), nil
}

// Do runs fn inside a PC/SC transaction, so no other program's commands
// come between fn's. If the card was reset by another program since the
// last command, Do reconnects once before starting; a second reset gives
// ErrCardReset. fn gets the card itself; Do does not retry fn, since a
// sequence with a VERIFY in it must not be sent twice.
func (c *Card) Do(fn func(tx Transmitter) error) (err error) {
	if err := c.begin(); err != nil {
		return err
	}
	defer func() {
		eerr := c.end()
		// A card or service that left after the last answer does not
		// spoil a sequence that completed: its answers are all whole.
		if err == nil && !errors.Is(eerr, ErrCardRemoved) && !errors.Is(eerr, ErrNoCard) && !errors.Is(eerr, ErrNoService) {
			err = eerr
		}
	}()
	return fn(c)
}

func (c *Card) begin() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	ctx := context.Background()
	op := fmt.Sprintf("starting a transaction on %q", c.reader)
	if c.inTx {
		return fmt.Errorf("%s: transaction already open", op)
	}
	err := c.call(ctx, op, func() error { return c.h.BeginTransaction() })
	if errors.Is(err, ErrCardReset) && c.abandoned == nil {
		if err := c.reconnect(ctx); err != nil {
			return err
		}
		err = c.call(ctx, op, func() error { return c.h.BeginTransaction() })
	}
	if err != nil {
		return err
	}
	c.inTx = true
	return nil
}

func (c *Card) end() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.inTx {
		return nil
	}
	c.inTx = false
	return c.call(context.Background(), fmt.Sprintf("ending the transaction on %q", c.reader),
		func() error { return c.h.EndTransaction(scard.LeaveCard) })
}

// reconnect re-attaches the handle after a reset (SCardReconnect, leaving
// the card as it is). Called with c.mu held.
func (c *Card) reconnect(ctx context.Context) error {
	return c.call(ctx, fmt.Sprintf("reconnecting to %q after a reset", c.reader), func() error {
		return c.h.Reconnect(scard.ShareShared, scard.ProtocolAny, scard.LeaveCard)
	})
}

// Close ends an open transaction, disconnects leaving the card as it is,
// and releases the context. After a timeout it returns at once: the
// abandoned call still owns the handle and releases it when it returns.
func (c *Card) Close() error { return c.close(scard.LeaveCard) }

// CloseReset is Close with a card reset, so no verified PIN state outlives
// this connection (use it after a VERIFY).
func (c *Card) CloseReset() error { return c.close(scard.ResetCard) }

func (c *Card) close(disp scard.Disposition) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	var err error
	if c.gone {
		// Nothing to reset, and vpcd stops reporting new cards in a slot
		// after a reset of one that has left (measured with vpcd 0.8).
		disp = scard.LeaveCard
	}
	if c.abandoned == nil {
		op := fmt.Sprintf("disconnecting from %q", c.reader)
		err = c.call(context.Background(), op, func() error {
			if c.inTx {
				c.h.EndTransaction(scard.LeaveCard)
			}
			return c.h.Disconnect(disp)
		})
		if c.abandoned == nil {
			c.sc.Release()
		}
		if errors.Is(err, ErrCardRemoved) || errors.Is(err, ErrNoService) {
			err = nil // nothing left to disconnect from
		}
	}
	c.closed = true
	c.inTx = false
	return err
}

// call runs f, one PC/SC call on this card's handle, with c.mu held, and
// bounds it by the card's timeout and ctx; on either it abandons the Card
// as described on the type.
func (c *Card) call(ctx context.Context, op string, f func() error) error {
	if c.abandoned != nil {
		return c.abandoned
	}
	if c.closed {
		return &Error{Op: op, Err: ErrClosed}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	done := make(chan error, 1)
	go func() { done <- f() }()
	timer := time.NewTimer(c.timeout)
	defer timer.Stop()
	var cause error
	select {
	case err := <-done:
		err = wrap(op, err)
		if errors.Is(err, ErrCardRemoved) || errors.Is(err, ErrNoCard) {
			c.gone = true
		}
		return err
	case <-timer.C:
		cause = &Error{Op: fmt.Sprintf("%s (no answer within %v)", op, c.timeout), Err: ErrTimeout}
	case <-ctx.Done():
		cause = fmt.Errorf("%s: %w", op, ctx.Err())
	}
	c.abandoned = &Error{Op: fmt.Sprintf("using the card in %q (an earlier command got no answer; the connection was abandoned)", c.reader), Err: ErrTimeout}
	markStuck(c.reader, 1)
	sc := c.sc
	go func() {
		// A card that answered late is still there in an unknown state:
		// reset it. One that failed (removed, service gone) is left alone:
		// vpcd stops accepting new cards on a slot after a reset of a card
		// that is no longer there.
		disp := scard.ResetCard
		if err := <-done; err != nil {
			disp = scard.LeaveCard
		}
		if c.h != nil { // set by f, which has returned
			c.h.Disconnect(disp)
		}
		sc.Release()
		markStuck(c.reader, -1)
	}()
	return cause
}

// errNoStatusWord marks a "successful" exchange that returned less than
// SW1 SW2.
var errNoStatusWord = errors.New("response without a status word")

var stuck = struct {
	sync.Mutex
	n map[string]int
}{n: map[string]int{}}

func markStuck(reader string, d int) {
	stuck.Lock()
	defer stuck.Unlock()
	stuck.n[reader] += d
	if stuck.n[reader] <= 0 {
		delete(stuck.n, reader)
	}
}

func stuckReader(reader string) bool {
	stuck.Lock()
	defer stuck.Unlock()
	return stuck.n[reader] > 0
}

// stuckCount is the number of calls abandoned and still in flight, for
// tests that check nothing piles up.
func stuckCount() int {
	stuck.Lock()
	defer stuck.Unlock()
	n := 0
	for _, v := range stuck.n {
		n += v
	}
	return n
}
