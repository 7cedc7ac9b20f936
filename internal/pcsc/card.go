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

// Card is a connection to the card in one reader, with its own PC/SC
// context: shared from Connect, exclusive after Exclusive. Its methods are
// safe for concurrent use; commands are sent one at a time, and one Do at a
// time.
//
// A successful VERIFY stays in effect on a My Number Card until the card
// loses power: re-selecting the applet, a warm reset and a plain disconnect
// all keep it (docs/protocol.md, "Verified state"). So a command that sends
// a VERIFY calls Exclusive before its first VERIFY, so that no other
// program can use the card while it is verified, and ends with
// CloseUnpower; a command without a VERIFY stays shared and ends with
// Close.
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
// goroutine disconnects (unpowering a card that answered late, whose state
// is unknown), releases the context and clears the reader. Nothing grows
// with repeated timeouts.
type Card struct {
	reader  string
	timeout time.Duration

	mu        sync.Mutex // serialises calls and guards the fields below
	sc        *scard.Context
	h         *scard.Card // nil only while Exclusive swaps it, or once lost is set
	share     scard.ShareMode
	atr       []byte
	inTx      bool
	gone      bool // a call reported the card removed
	closed    bool
	abandoned error // set when a call timed out; the handle is then unusable
	lost      error // set when Exclusive could not get any connection back
}

// Connect connects to the card in the reader with exactly this name,
// shared, T=0 or T=1. Every later exchange with the card is bounded by
// timeout (0 means DefaultTimeout); so is the connection itself, which
// waits for the card's answer to reset. ctx can abandon the connection
// attempt early.
func Connect(ctx context.Context, reader string, timeout time.Duration) (*Card, error) {
	return connect(ctx, reader, timeout, scard.ShareShared)
}

func connect(ctx context.Context, reader string, timeout time.Duration, share scard.ShareMode) (*Card, error) {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	op := fmt.Sprintf("connecting to %q", reader)
	if stuckReader(reader) {
		return nil, &opError{Op: op + " (an earlier command to its card never got an answer)", Err: ErrTimeout}
	}
	sc, err := establish()
	if err != nil {
		return nil, err
	}
	c := &Card{reader: reader, timeout: timeout, sc: sc, share: share}
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
		// vpcd (and a careless driver) passes on a link that failed mid
		// command as a success without a single byte; whether the card
		// left is the reader's to say, as for any failed exchange.
		err = &opError{Op: op + " (response without a status word)", Err: ErrTransmission}
	}
	if errors.Is(err, ErrTransmission) {
		present := false
		if !c.gone && c.abandoned == nil {
			var serr error
			if present, serr = c.stillPresent(ctx); serr != nil {
				return nil, serr
			}
		}
		err = transmissionFailure(err, present)
		if !present {
			c.gone = true
		}
	}
	if err != nil {
		return nil, err
	}
	return bytes.Clone(rsp), nil
}

// presenceSettle is how long a failed exchange waits for the service to
// report the card gone before calling it a transmission error. A reader
// driver that is polled (vpcd, readers without an interrupt endpoint) has
// the card's removal noticed at pcscd's next poll, every 400 ms; until
// then the service still shows the card present (measured: 0.1–0.4 s).
// A card that left is reported as soon as it is seen gone.
const presenceSettle = time.Second

// stillPresent asks the service, through this handle, whether the card is
// still in the reader after a failed exchange, watching until
// presenceSettle. Called with c.mu held. An error is returned only when
// the question itself failed (the service went away, no answer in time).
func (c *Card) stillPresent(ctx context.Context) (bool, error) {
	op := fmt.Sprintf("checking the card in %q after a failed exchange", c.reader)
	deadline := time.Now().Add(presenceSettle)
	for {
		err := c.call(ctx, op, func() error { _, err := c.h.Status(); return err })
		switch {
		case errors.Is(err, ErrCardRemoved), errors.Is(err, ErrNoCard):
			return false, nil
		case err == nil, errors.Is(err, ErrCardReset), errors.Is(err, ErrSharingViolation):
			// Still there: reset by another program, or in its hands.
		default:
			return false, err
		}
		if !time.Now().Before(deadline) || !sleep(ctx, 20*time.Millisecond) {
			return true, nil
		}
	}
}

// Do runs fn inside a PC/SC transaction, so no other program's commands
// come between fn's. If the card was reset by another program since the
// last command, Do reconnects once before starting; a second reset gives
// ErrCardReset. fn gets the card itself; Do does not retry fn, since a
// sequence with a VERIFY in it must not be sent twice. fn must not call
// Exclusive, Close or CloseUnpower (nor Do).
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
// the card as it is), keeping its share mode. Called with c.mu held.
func (c *Card) reconnect(ctx context.Context) error {
	return c.call(ctx, fmt.Sprintf("reconnecting to %q after a reset", c.reader), func() error {
		return c.h.Reconnect(c.share, scard.ProtocolAny, scard.LeaveCard)
	})
}

// Exclusive takes the card for this connection alone, leaving it powered
// and as it is (nothing is reset): until Close or CloseUnpower no other
// program can connect to it or send it anything. If another program is
// connected to the card (shared or exclusively), Exclusive fails with
// ErrSharingViolation, having sent the card nothing, and the Card stays
// connected shared and usable: at once, or, if that program is inside a
// transaction, when the transaction ends (pcscd holds connections back
// until then, as it does commands). Calling it again once exclusive does
// nothing; calling it inside Do is an error. It is bounded like every call
// (the Card's timeout, and ctx).
//
// pcsc-lite's SCardReconnect does not fail while another program is
// connected: it waits, retrying, until that program lets go (measured on
// 1.9.9). So Exclusive disconnects this shared handle leaving the card as
// it is and connects again exclusively, which fails at once; on that
// failure it connects shared again. If even that fails (the other program
// took the card exclusively in the moment between), the Card has no
// connection left: every later call fails with that error, and Close only
// releases the context.
//
// Exclusive is the start of a sequence. A reset by another program before
// it is not reported (the new connection has seen no reset), and neither
// the applet nor the file selected before it may still be selected:
// select after Exclusive. Once exclusive, no other program can reset the
// card; a reset by the system (Windows resets a card held in a transaction
// for 5 s without a command) is reported by the next Transmit as
// ErrCardReset, and the handle is then reconnected, still exclusive.
func (c *Card) Exclusive(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	op := fmt.Sprintf("taking the card in %q exclusively", c.reader)
	switch {
	case c.abandoned != nil:
		return c.abandoned
	case c.closed:
		return &opError{Op: op, Err: ErrClosed}
	case c.lost != nil:
		return c.lost
	case c.inTx:
		return fmt.Errorf("%s: not allowed inside Do (a transaction is open)", op)
	case c.share == scard.ShareExclusive:
		return nil
	}
	if err := c.call(ctx, op, func() error { return c.h.Disconnect(scard.LeaveCard) }); err != nil {
		return err
	}
	c.h = nil
	err := c.call(ctx, op, func() error {
		h, err := c.sc.Connect(c.reader, scard.ShareExclusive, scard.ProtocolAny)
		if err == nil {
			c.h = h
		}
		return err
	})
	if err == nil {
		c.share = scard.ShareExclusive
		return nil
	}
	if c.abandoned != nil {
		return err
	}
	rop := fmt.Sprintf("connecting to %q again, shared, after the exclusive connection was refused", c.reader)
	rerr := c.call(ctx, rop, func() error {
		h, err := c.sc.Connect(c.reader, scard.ShareShared, scard.ProtocolAny)
		if err == nil {
			c.h = h
		}
		return err
	})
	if rerr != nil && c.abandoned == nil {
		c.lost = rerr
	}
	return err
}

// Close ends an open transaction, disconnects leaving the card as it is,
// and releases the context. After a timeout it returns at once: the
// abandoned call still owns the handle and releases it when it returns.
// Use it when no VERIFY was sent on this connection.
func (c *Card) Close() error { return c.close(scard.LeaveCard) }

// CloseUnpower is Close that also takes the card's power away
// (SCARD_UNPOWER_CARD), the only way to end a verified PIN's effect short
// of removing the card: a warm reset keeps it (docs/protocol.md, "Verified
// state"). pcsc-lite powers the card off before CloseUnpower returns. Use
// it after a VERIFY, right or wrong. A card that has left is not unpowered
// (there is nothing to unpower); after a timeout, the abandoned call
// unpowers the card when it returns.
func (c *Card) CloseUnpower() error { return c.close(scard.UnpowerCard) }

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
	if c.lost != nil {
		c.sc.Release()
	} else if c.abandoned == nil {
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
		return &opError{Op: op, Err: ErrClosed}
	}
	if c.lost != nil {
		return c.lost
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
		cause = &opError{Op: fmt.Sprintf("%s (no answer within %v)", op, c.timeout), Err: ErrTimeout}
	case <-ctx.Done():
		cause = fmt.Errorf("%s: %w", op, ctx.Err())
	}
	c.abandoned = &opError{Op: fmt.Sprintf("using the card in %q (an earlier command got no answer; the connection was abandoned)", c.reader), Err: ErrTimeout}
	markStuck(c.reader, 1)
	sc := c.sc
	go func() {
		// A card that answered late is still there in an unknown state,
		// perhaps verified: unpower it (a reset would keep a verified
		// PIN). One that failed (removed, service gone) is left alone:
		// vpcd stops accepting new cards on a slot after a reset of a card
		// that is no longer there.
		disp := scard.UnpowerCard
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
