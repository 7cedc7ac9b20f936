package kiosk

import (
	"context"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/report"
)

// Source is where cards come from: the PC/SC readers (PCSC) or the
// built-in simulated card (Sim); tests use Sim with their own events.
type Source interface {
	// Events reports reader and card changes until ctx ends, then closes
	// the channel, as pcsc.Watch does: it starts with the current state
	// (readers, then the cards already in them), so the machine builds its
	// view from events alone.
	Events(ctx context.Context) <-chan pcsc.Event
	// Connect connects to the card in the named reader.
	Connect(ctx context.Context, reader string) (Card, error)
}

// Card is a connected card.
type Card interface {
	// Do runs fn as one sequence of commands (one PC/SC transaction). ctx
	// bounds it: once ctx ends, commands fail and the card is let go.
	Do(ctx context.Context, fn func(jpki.Transmitter) error) error
	// Info says what the card is, for the report.
	Info() report.CardInfo
	// TrustPEM holds CA certificates to recognise for this card only (the
	// simulated card's test CA); nil for a real card.
	TrustPEM() []byte
	Close() error
}
