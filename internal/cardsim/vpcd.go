package cardsim

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"time"
)

// The vpcd protocol (vsmartcard's virtual reader driver, which pcscd loads):
// the driver listens on TCP and the virtual card connects to it. Both
// directions send a 2-byte big-endian length followed by that many bytes.
// From the reader, one byte is a control code and anything longer is a
// command APDU; closing the connection means the card was removed.
const (
	vpcdPowerOff = 0x00
	vpcdPowerOn  = 0x01
	vpcdReset    = 0x02
	vpcdGetATR   = 0x04
)

// readFrame reads one length-prefixed vpcd message.
func readFrame(r io.Reader) ([]byte, error) {
	var hdr [2]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	msg := make([]byte, binary.BigEndian.Uint16(hdr[:]))
	if _, err := io.ReadFull(r, msg); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return msg, nil
}

// writeFrame sends one message in a single write, so the reader gets header
// and payload in one segment.
func writeFrame(w io.Writer, msg []byte) error {
	if len(msg) > 0xFFFF {
		return fmt.Errorf("vpcd message of %d bytes too long", len(msg))
	}
	buf := make([]byte, 2+len(msg))
	binary.BigEndian.PutUint16(buf, uint16(len(msg)))
	copy(buf[2:], msg)
	_, err := w.Write(buf)
	return err
}

// Responder is the card side of a vpcd link: what sits in the virtual
// reader and answers pcscd's power, reset and ATR requests and its command
// APDUs. An error from ATR or Transmit ends the serving and is returned by
// ServeResponder, so a transport test can play a card's faults (a mute
// card, a bad contact, a card pulled out mid-command) with the same
// protocol code the simulated card uses.
type Responder interface {
	PowerOff()
	PowerOn()
	Reset()
	ATR() ([]byte, error)
	Transmit(apdu []byte) ([]byte, error)
}

// simResponder is the simulated card as a Responder.
type simResponder struct{ *Card }

func (c simResponder) PowerOn()             { c.powerOn() }
func (c simResponder) Reset()               { c.reset() }
func (c simResponder) ATR() ([]byte, error) { return c.Card.ATR(), nil }

// vpcdAnswer handles one message from the reader and returns the reply, or
// nil when the message takes none (power and reset controls, unknown
// control codes, empty messages).
func vpcdAnswer(card Responder, msg []byte) ([]byte, error) {
	switch len(msg) {
	case 0:
		return nil, nil
	case 1:
		// pcscd's IFD_POWER_DOWN, IFD_POWER_UP and IFD_RESET, as vpcd
		// passes them on: SCardDisconnect or SCardReconnect with
		// SCARD_UNPOWER_CARD, and pcscd resting an idle card, power the
		// card off; SCARD_RESET_CARD is a warm reset.
		switch msg[0] {
		case vpcdPowerOff:
			card.PowerOff()
		case vpcdPowerOn:
			card.PowerOn()
		case vpcdReset:
			card.Reset()
		case vpcdGetATR:
			return card.ATR()
		}
		return nil, nil
	}
	return card.Transmit(msg)
}

// ServeVPCD serves card on conn, a connection to a vpcd virtual reader,
// until the context ends, the card is removed or the reader goes away. It
// closes conn on return, which the reader sees as the card being removed.
// The error is ctx.Err(), ErrRemoved, or the connection's error (io.EOF when
// the reader closed it, e.g. pcscd stopped).
//
// link holds every APDU's answer until the link model says it would have
// arrived (see Link); the zero Link answers at once. Control messages
// (power, reset, ATR) cost nothing: pcscd polls the ATR every ~400 ms and
// a real reader answers that itself, without the card.
func ServeVPCD(ctx context.Context, conn net.Conn, card *Card, link Link) error {
	return serve(ctx, conn, simResponder{card}, card, link)
}

// ServeResponder serves r on conn as ServeVPCD serves the simulated card,
// with no link delay, until the context ends, the reader goes away or r
// returns an error. It closes conn on return; to break the link with a TCP
// reset instead of a close, set conn's linger to 0 before r returns its
// error. The error is ctx.Err(), r's error, or the connection's.
func ServeResponder(ctx context.Context, conn net.Conn, r Responder) error {
	return serve(ctx, conn, r, nil, Link{})
}

// serve runs the vpcd exchange; card, when not nil, is the simulated card
// behind r, whose removal ends the link and whose link model times the
// answers.
func serve(ctx context.Context, conn net.Conn, r Responder, card *Card, link Link) error {
	defer conn.Close()
	stop := make(chan struct{})
	defer close(stop)
	var removed <-chan struct{}
	if card != nil {
		removed = card.Removed()
	}
	go func() {
		// Unblock the read below when the context ends or the card goes.
		// A card removed by RemoveAfter goes inside Transmit, before its
		// last answer is written: expiring the read instead of closing lets
		// that answer out; the deferred Close then removes the card.
		select {
		case <-ctx.Done():
			conn.Close()
		case <-removed:
			conn.SetReadDeadline(time.Now())
		case <-stop:
		}
	}()
	for {
		// Linux turns quick ACK off again after it fires; without it the
		// reader's two-part writes wait ~40 ms for a delayed ACK each.
		quickACK(conn)
		msg, err := readFrame(conn)
		if err != nil {
			return serveErr(ctx, card, fmt.Errorf("reading from vpcd: %w", err))
		}
		arrived := time.Now()
		reply, err := vpcdAnswer(r, msg)
		if err != nil {
			return serveErr(ctx, card, err)
		}
		if reply == nil {
			continue
		}
		if len(msg) > 1 && !link.Zero() {
			// Counted from the command's arrival, so the card's own work
			// is inside the modelled time, not added to it.
			linkWait(ctx, card, arrived, link.cost(len(msg), len(reply)))
		}
		if err := writeFrame(conn, reply); err != nil {
			return serveErr(ctx, card, fmt.Errorf("writing to vpcd: %w", err))
		}
		if card != nil && card.isRemoved() { // RemoveAfter: the answer is out, now leave
			return ErrRemoved
		}
	}
}

// serveErr reports why serving stopped, preferring the cause over the
// closed connection it produced.
func serveErr(ctx context.Context, card *Card, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if card != nil && card.isRemoved() {
		return ErrRemoved
	}
	return err
}
