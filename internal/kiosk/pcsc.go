package kiosk

import (
	"context"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/report"
)

// PCSC is the Source of a real kiosk: the PC/SC readers, watched all day.
// It rides out service restarts and readers coming and going (pcsc.Watch).
type PCSC struct {
	// Timeout bounds each exchange with the card; 0 means pcsc's default.
	Timeout time.Duration
}

// Events implements Source with pcsc.Watch.
func (p PCSC) Events(ctx context.Context) <-chan pcsc.Event { return pcsc.Watch(ctx) }

// Connect implements Source.
func (p PCSC) Connect(ctx context.Context, reader string) (Card, error) {
	c, err := pcsc.Connect(ctx, reader, p.Timeout)
	if err != nil {
		return nil, err
	}
	return pcscCard{c}, nil
}

type pcscCard struct{ c *pcsc.Card }

func (c pcscCard) Do(ctx context.Context, fn func(jpki.Transmitter) error) error {
	return c.c.Do(func(pcsc.Transmitter) error {
		return fn(ctxTransmitter{c.c, ctx})
	})
}

func (c pcscCard) Info() report.CardInfo { return report.CardInfo{Reader: c.c.Reader()} }
func (c pcscCard) TrustPEM() []byte      { return nil }
func (c pcscCard) Close() error          { return c.c.Close() }

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
