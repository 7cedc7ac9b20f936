package source

import (
	"context"
	"errors"

	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

// Slot is a PC/SC reader and whether a card is in it.
type Slot struct {
	Name        string
	CardPresent bool
	ATR         []byte // the card's answer to reset; nil without a card
}

// List lists the PC/SC readers matching o.Reader. With o.Wait it first
// waits, up to that long, for a card in one of them (a resident told to
// "insert the card, then run readers" may be a little late); pcsc bounds
// that wait even when the daemon stalls. No reader is an empty list.
func List(ctx context.Context, o Options) ([]Slot, error) {
	if o.Wait > 0 {
		wctx, cancel := context.WithTimeout(ctx, o.Wait)
		_, err := pcsc.WaitForCard(wctx, o.Reader)
		cancel()
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
	}
	all, err := pcsc.Readers()
	if err != nil {
		return nil, err
	}
	var out []Slot
	for _, r := range all {
		if r.Matches(o.Reader) {
			out = append(out, Slot{Name: r.Name, CardPresent: r.CardPresent, ATR: r.ATR})
		}
	}
	return out, nil
}
