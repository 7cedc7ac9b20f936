// Package pcsctest plays the other programs a real-stack test needs next
// to the one under test. It uses only pcsc's public API, so nothing in it
// widens what production code can do.
package pcsctest

import (
	"context"
	"fmt"
	"sync"

	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

// HoldExclusive connects to the card in the reader with exactly this name
// and takes it exclusively until release is called, as another program (a
// JPKI client, a browser sign-in) may do: meanwhile every other
// connection, shared or not, fails with pcsc.ErrSharingViolation. An empty
// reader is pcsc.ErrNoCard; a card someone else is connected to is
// pcsc.ErrSharingViolation. The connection is bounded like pcsc.Connect's
// (pcsc.DefaultTimeout, or ctx). release disconnects leaving the card as
// it is; calling it again does nothing.
func HoldExclusive(ctx context.Context, reader string) (release func(), err error) {
	card, err := pcsc.Connect(ctx, reader, 0)
	if err != nil {
		return nil, fmt.Errorf("holding %q exclusively: %w", reader, err)
	}
	if err := card.Exclusive(ctx); err != nil {
		card.Close()
		return nil, fmt.Errorf("holding %q exclusively: %w", reader, err)
	}
	var once sync.Once
	return func() { once.Do(func() { card.Close() }) }, nil
}
