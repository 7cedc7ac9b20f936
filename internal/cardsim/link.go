package cardsim

import (
	"context"
	"fmt"
	"time"
)

// Link models the time a real reader's link to the card takes, so the
// simulated card served through vpcd can stand in for a slow contact
// reader or an NFC reader, whose cost per APDU the local vpcd socket
// (~0.2 ms a round trip) hides entirely.
//
// The cost of one APDU exchange is APDUDelay plus, when Baud is set, 11 etu
// per byte for every byte of the command and of the response (data and
// SW1 SW2), at Baud etu per second. 11 etu is a character at TC1=FF (one
// start bit, 8 data bits, parity, one guard time), what the classic My
// Number Card ATR (3B E0 00 FF 81 31 FE 45 14, no TA1) gets at the default
// rate: --baud 9600 is ~1.146 ms per byte, so a 1.5 KB certificate costs
// ~1.8 s, as docs/protocol.md ("Known ATRs") works out. T=1 block
// framing (prologue and EDC, 4 bytes per block) and the ATR itself are left
// out: the model prices what the host chooses to send, which is what the
// host can improve.
//
// Typical models (LinkForATR picks one from the card's ATR):
//
//	contact reader at the default rate:  Link{Baud: 9600}
//	2024 card (TA1=13) in a contact reader: Link{Baud: 38400}
//	NFC (ISO 14443 at 106 kbit/s):       Link{APDUDelay: 10 * time.Millisecond, Baud: 106000}
type Link struct {
	APDUDelay time.Duration // fixed cost per APDU exchange
	Baud      int           // etu per second; 0 means bytes cost nothing
}

// etuPerByte is one character on the wire at TC1=FF (ISO 7816-3 §7.2).
const etuPerByte = 11

// Zero reports whether the link adds no time at all.
func (l Link) Zero() bool { return l.APDUDelay == 0 && l.Baud == 0 }

// Validate rejects negative delays and rates.
func (l Link) Validate() error {
	if l.APDUDelay < 0 {
		return fmt.Errorf("APDU delay %v is negative", l.APDUDelay)
	}
	if l.Baud < 0 {
		return fmt.Errorf("baud rate %d is negative", l.Baud)
	}
	return nil
}

// cost is the time one exchange of a cmdLen-byte command and a respLen-byte
// response (SW included) takes on the link.
func (l Link) cost(cmdLen, respLen int) time.Duration {
	d := l.APDUDelay
	if l.Baud > 0 {
		// Integer nanoseconds, rounded down; a 64 KiB message at 1 baud
		// still fits an int64.
		d += time.Duration(int64(cmdLen+respLen) * etuPerByte * int64(time.Second) / int64(l.Baud))
	}
	return d
}

// String describes the link for a log line: "9600 baud", "10ms per APDU,
// 106000 baud", or "no delay".
func (l Link) String() string {
	switch {
	case l.Zero():
		return "no delay"
	case l.Baud == 0:
		return fmt.Sprintf("%v per APDU", l.APDUDelay)
	case l.APDUDelay == 0:
		return fmt.Sprintf("%d baud", l.Baud)
	}
	return fmt.Sprintf("%v per APDU, %d baud", l.APDUDelay, l.Baud)
}

// linkWait holds an answer until d has passed since the command arrived
// (since), or until ctx ends or the card is removed. A variable so tests
// can see what the link asked for without timing anything.
var linkWait = func(ctx context.Context, card *Card, since time.Time, d time.Duration) {
	left := time.Until(since.Add(d))
	if left <= 0 {
		return
	}
	timer := time.NewTimer(left)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
	case <-card.Removed():
	}
}

// readerClock is the clock a contact reader gives the card: 3.5712 MHz,
// at which the default F=372, D=1 is exactly 9600 etu per second.
const readerClock = 3_571_200

// Clock rate conversion F and baud rate adjustment D by their TA1 nibbles
// (ISO/IEC 7816-3 §8.3, tables 7 and 8); missing entries are reserved.
var (
	fiTable = [16]int{372, 372, 558, 744, 1116, 1488, 1860, 0, 0, 512, 768, 1024, 1536, 2048, 0, 0}
	diTable = [16]int{0, 1, 2, 4, 8, 16, 32, 64, 12, 20, 0, 0, 0, 0, 0, 0}
)

// nfcLink is the link model for a card in a contactless reader (ISO 14443
// at 106 kbit/s, plus the reader's own time per exchange).
var nfcLink = Link{APDUDelay: 10 * time.Millisecond, Baud: 106000}

// LinkForATR derives the link from the card's ATR, as a reader would: a
// contactless ATR gets the NFC link; a contact ATR gets the rate its TA1 offers
// at a 3.5712 MHz clock, so the classic My Number Card ATR (no TA1) runs
// at 9600 etu/s and the 2024 one (TA1=13: F=372, D=4) at 38400, four times
// faster (docs/protocol.md, "Known ATRs"). A reserved TA1
// falls back to the default rate, as a reader does.
func LinkForATR(atr []byte) Link {
	if contactless(atr) {
		return nfcLink
	}
	baud := readerClock / 372
	if ta1, ok := atrTA1(atr); ok {
		if f, d := fiTable[ta1>>4], diTable[ta1&0x0F]; f != 0 && d != 0 {
			baud = readerClock * d / f
		}
	}
	return Link{Baud: baud}
}
