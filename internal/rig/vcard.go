package rig

import (
	"encoding/binary"
	"io"
	"net"
	"sync"
	"testing"
	"time"
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
}

// InsertedCard is a VirtualCard connected to a reader.
type InsertedCard struct {
	r       *Rig
	reader  int
	vc      VirtualCard
	removed chan struct{} // closed by Remove or when Handle drops the card

	mu     sync.Mutex
	conn   net.Conn
	apdus  [][]byte
	resets int
	once   sync.Once
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
	c := &InsertedCard{r: r, reader: i, vc: vc, removed: make(chan struct{})}
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
		if c.conn != nil {
			c.conn.Close()
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

func (c *InsertedCard) run() {
	addr := c.r.VPCDAddr(c.reader)
	for {
		select {
		case <-c.removed:
			return
		default:
		}
		conn, err := net.Dial("tcp", addr)
		if err != nil { // daemon stopped: keep trying, as a card left in the reader
			select {
			case <-c.removed:
				return
			case <-time.After(20 * time.Millisecond):
			}
			continue
		}
		c.mu.Lock()
		select {
		case <-c.removed:
			c.mu.Unlock()
			conn.Close()
			return
		default:
		}
		c.conn = conn
		c.mu.Unlock()
		dropped := c.serve(conn)
		conn.Close()
		if dropped {
			c.Remove()
			return
		}
	}
}

// serve answers vpcd until the connection ends; it reports whether the
// card itself chose to drop it.
func (c *InsertedCard) serve(conn net.Conn) (dropped bool) {
	var hdr [2]byte
	for {
		quickAck(conn)
		if _, err := io.ReadFull(conn, hdr[:]); err != nil {
			return false
		}
		msg := make([]byte, binary.BigEndian.Uint16(hdr[:]))
		quickAck(conn)
		if _, err := io.ReadFull(conn, msg); err != nil {
			return false
		}
		var rsp []byte
		if len(msg) == 1 {
			switch msg[0] {
			case 0x04: // get ATR
				rsp = c.vc.ATR
			case 0x02: // reset: no reply
				c.mu.Lock()
				c.resets++
				c.mu.Unlock()
				continue
			default: // 00 power off, 01 power on: no reply
				continue
			}
		} else {
			c.mu.Lock()
			c.apdus = append(c.apdus, append([]byte(nil), msg...))
			c.mu.Unlock()
			if c.vc.Handle == nil {
				rsp = []byte{0x6D, 0x00}
			} else if rsp = c.vc.Handle(msg); rsp == nil {
				return true
			}
		}
		out := make([]byte, 2+len(rsp))
		binary.BigEndian.PutUint16(out, uint16(len(rsp)))
		copy(out[2:], rsp)
		if _, err := conn.Write(out); err != nil {
			return false
		}
	}
}
