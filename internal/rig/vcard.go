package rig

import (
	"context"
	"errors"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
)

// ClassicATR is the contact ATR of a My Number Card.
var ClassicATR = []byte{0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14}

// VirtualCard is a minimal card served to a vpcd reader from the test
// process itself: transport behaviour only (answers, silence, removal,
// resets), for tests of the PC/SC layer. The JPKI card is cmd/jpkisim
// (StartCard).
type VirtualCard struct {
	// ATR sent on power-up; nil means ClassicATR.
	ATR []byte
	// Handle answers one command APDU with data + SW1 SW2. Returning nil
	// drops the connection without answering: the card is pulled out in the
	// middle of the command. Handle may block to play a card that never
	// answers. A nil Handle answers 6D 00 to everything. It runs on the
	// card's own goroutine, one APDU at a time.
	Handle func(apdu []byte) []byte
	// Async makes InsertCard return once connected, without waiting for
	// pcscd to report the card.
	Async bool
	// Mute leaves the first Mute power-ups without an answer to reset, as
	// a card still sliding into a contact reader: pcscd's power-up at
	// insertion fails (the reader reports the card mute), a connection
	// meanwhile fails with SCARD_W_UNPOWERED_CARD, and the card is back at
	// pcscd's next presence poll (~400 ms), when the next connection powers
	// it up again. (pcsc-lite 1.9.9 answers a connection to a card that
	// was powered and goes mute at its re-power-up with
	// SCARD_E_PROTO_MISMATCH until it is reinserted, so Mute is meant for
	// the power-ups at insertion.)
	Mute int
}

// InsertedCard is a VirtualCard connected to a reader. The vpcd protocol
// is cardsim's (ServeResponder); the card's faults are played through its
// Responder methods.
type InsertedCard struct {
	r       *Rig
	reader  int
	vc      VirtualCard
	removed chan struct{} // closed by Remove or when Handle drops the card
	ctx     context.Context
	cancel  context.CancelFunc // ends the link being served

	mu        sync.Mutex
	conn      net.Conn // the link being served
	next      net.Conn // the link replacing it after a glitch
	apdus     [][]byte
	resets    int
	powerOffs int
	powerOns  int
	glitches  int  // commands still to be broken off (GlitchNext)
	mute      int  // power-ups still to be left without an ATR (VirtualCard.Mute)
	poweredUp bool // a power-on came and its ATR has not been asked for yet
	once      sync.Once
}

// InsertCard connects vc to reader i (0 or 1) and, unless vc.Async, waits
// until pcscd reports it inserted. The card reconnects by itself when the
// daemon restarts, as a card left in a real reader is seen again; it is
// removed at cleanup.
func (r *Rig) InsertCard(t testing.TB, i int, vc VirtualCard) *InsertedCard {
	t.Helper()
	if vc.ATR == nil {
		vc.ATR = ClassicATR
	}
	c := &InsertedCard{r: r, reader: i, vc: vc, removed: make(chan struct{}), mute: vc.Mute}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	t0 := time.Now()
	go c.run()
	r.onCleanup(c.Remove)
	if vc.Async {
		return c
	}
	if err := r.waitCard(i, true, nil); err != nil {
		t.Fatalf("rig: virtual card in %s: %v", r.ReaderName(i), err)
	}
	t.Logf("rig: virtual card seen in %s after %v", r.ReaderName(i), time.Since(t0).Round(time.Millisecond))
	return c
}

// Remove pulls the card out: it closes the connection at once, even in the
// middle of a command. pcscd notices within its ~400 ms poll, or at once
// when a command is in flight; WaitRemoved waits for that.
func (c *InsertedCard) Remove() {
	c.once.Do(func() {
		c.mu.Lock()
		close(c.removed)
		c.cancel()
		if c.next != nil {
			c.next.Close()
		}
		c.mu.Unlock()
	})
}

// WaitRemoved removes the card if needed and waits until pcscd has noticed.
func (c *InsertedCard) WaitRemoved(t testing.TB) {
	t.Helper()
	c.Remove()
	if err := c.r.waitCard(c.reader, false, nil); err != nil {
		t.Fatalf("rig: %v", err)
	}
}

// APDUs returns the command APDUs received so far.
func (c *InsertedCard) APDUs() [][]byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([][]byte(nil), c.apdus...)
}

// Resets counts the warm resets pcscd sent (SCardReconnect or a disconnect
// with SCARD_RESET_CARD by any client).
func (c *InsertedCard) Resets() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.resets
}

// PowerOffs counts the times pcscd took the card's power away: a client's
// SCARD_UNPOWER_CARD, or pcscd's own power-off of an idle card (pcsc-lite
// does that ~0.4–0.8 s after the last client leaves).
func (c *InsertedCard) PowerOffs() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.powerOffs
}

// PowerOffAfter waits up to d for a power-off beyond the first n and
// reports whether one came. vpcd sends the power-off without waiting for
// the card, so it reaches the card just after the PC/SC call that caused it
// has returned (within a millisecond here); d well below pcscd's own idle
// power-off (0.4–0.8 s after the last client left) tells the two apart.
func (c *InsertedCard) PowerOffAfter(n int, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		if c.PowerOffs() > n {
			return true
		}
		if !time.Now().Before(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
}

// PowerOns counts the times pcscd powered the card up (at insertion, and
// when a client connects to a card it had powered off). The card answers
// its ATR after each, as after insertion.
func (c *InsertedCard) PowerOns() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.powerOns
}

// GlitchNext breaks the link to the reader at each of the next n commands,
// as a bad contact does while the card stays in: the command gets no
// answer (vpcd passes on an empty one), the reader cannot reach the card
// until pcscd's next presence poll (~400 ms; a command meanwhile fails
// with SCARD_E_NOT_TRANSACTED), and then the same card answers again
// without pcscd ever seeing it leave. The commands broken off are not
// counted in APDUs and do not reach Handle.
func (c *InsertedCard) GlitchNext(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.glitches = n
}

// errPulled and errGlitch end the serving of one link from inside the
// card: the card left in the middle of a command, or its contact broke.
var (
	errPulled = errors.New("the card was pulled out")
	errGlitch = errors.New("the card's contact broke")
)

func (c *InsertedCard) run() {
	conn := c.dial()
	for conn != nil {
		c.mu.Lock()
		c.conn = conn
		c.mu.Unlock()
		err := cardsim.ServeResponder(c.ctx, conn, (*responder)(c))
		switch {
		case errors.Is(err, errPulled):
			c.Remove()
			return
		case errors.Is(err, errGlitch):
			// The old link went with a TCP reset only once the new one
			// waited in vpcd's accept queue: whenever pcscd next polls,
			// the card is there.
			c.mu.Lock()
			conn, c.next = c.next, nil
			c.mu.Unlock()
		default: // vpcd closed the link, the daemon went away, or Remove
			conn = c.dial()
		}
	}
}

// dial connects to the reader, retrying while the daemon is away as a card
// left in the reader is seen again once it runs; nil once the card has
// been removed.
func (c *InsertedCard) dial() net.Conn {
	addr := c.r.VPCDAddr(c.reader)
	for {
		select {
		case <-c.removed:
			return nil
		default:
		}
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			select {
			case <-c.removed:
				return nil
			case <-time.After(20 * time.Millisecond):
			}
			continue
		}
		select {
		case <-c.removed:
			conn.Close()
			return nil
		default:
		}
		return conn
	}
}

// responder is the card's side of the vpcd exchange: it counts what
// pcscd did to the card and plays the card's faults.
type responder InsertedCard

func (c *responder) PowerOff() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.powerOffs++
}

func (c *responder) PowerOn() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.powerOns++
	c.poweredUp = true
}

func (c *responder) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.resets++
}

func (c *responder) ATR() ([]byte, error) {
	c.mu.Lock()
	mute := c.poweredUp && c.mute > 0
	if mute {
		c.mute--
	}
	c.poweredUp = false
	c.mu.Unlock()
	if mute {
		return nil, c.breakLink()
	}
	return c.vc.ATR, nil
}

func (c *responder) Transmit(apdu []byte) ([]byte, error) {
	c.mu.Lock()
	glitch := c.glitches > 0
	if glitch {
		c.glitches--
	} else {
		c.apdus = append(c.apdus, append([]byte(nil), apdu...))
	}
	c.mu.Unlock()
	switch {
	case glitch:
		return nil, c.breakLink()
	case c.vc.Handle == nil:
		return []byte{0x6D, 0x00}, nil
	}
	if rsp := c.vc.Handle(apdu); rsp != nil {
		return rsp, nil
	}
	return nil, errPulled
}

// breakLink dials the link that replaces the current one and arms the
// current one to end with a TCP reset, so vpcd's next read or write on it
// fails at once; if the card was removed meanwhile, the card just leaves.
func (c *responder) breakLink() error {
	next := (*InsertedCard)(c).dial()
	if next == nil {
		return errPulled
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next = next
	if tc, ok := c.conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	return errGlitch
}
