// Package cardcheck is the one read step the command line and the kiosk
// share: connect to a card, recognise the CAs it brings on top of the
// configured ones, run the no-PIN check and hand back the facts — first
// the early answer from the certificate's first chunk, then the whole
// report.
package cardcheck

import (
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Card is an open card as the card source hands it out.
type Card interface {
	// Do runs fn as one sequence of commands (one PC/SC transaction).
	Do(fn func(*jpki.Card) error) error
	// Trust returns base plus the CAs this card brings with it (the
	// simulated card's test CA), leaving base as it was.
	Trust(base *jpki.TrustStore) (*jpki.TrustStore, error)
	// Info says what the card is, for the report.
	Info() report.CardInfo
	Close() error
}

// Options configure Read.
type Options struct {
	// Trust is the set of recognised CAs; nil means the built-in J-LIS CAs.
	Trust *jpki.TrustStore
	Today window.Date
	Rule  window.Rule
	// Quick reads only the expiry (no issuer check; see jpki.CheckOptions).
	Quick bool
	// Early, if set, gets the answer from the certificate's first chunk:
	// its dates final, its issuer check pending, no PIN counters yet.
	Early func(*report.CardReport)
}

// Reading is what Read found, on a card still open.
type Reading struct {
	Card   Card
	Trust  *jpki.TrustStore // what Report's trust was checked against
	Report *report.CardReport
}

// Read connects with connect, works out the recognised CAs and runs the
// no-PIN check. On success the card is still open, for the caller to
// read on (with a PIN) or close; on failure it has been closed.
func Read(connect func() (Card, error), o Options) (*Reading, error) {
	card, err := connect()
	if err != nil {
		return nil, err
	}
	r, err := check(card, o)
	if err != nil {
		card.Close()
		return nil, err
	}
	return r, nil
}

func check(card Card, o Options) (*Reading, error) {
	base := o.Trust
	if base == nil {
		base = jpki.DefaultTrust()
	}
	trust, err := card.Trust(base)
	if err != nil {
		return nil, err
	}
	info := card.Info()
	var res *jpki.Result
	err = card.Do(func(jc *jpki.Card) error {
		opts := jpki.CheckOptions{Trust: trust, Quick: o.Quick}
		if o.Early != nil {
			opts.OnValidity = func(v jpki.Validity) { o.Early(report.FromValidity(v, info, o.Today, o.Rule)) }
		}
		var err error
		res, err = jpki.Check(jc, opts)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &Reading{Card: card, Trust: trust, Report: report.FromCheck(res, info, o.Today, o.Rule)}, nil
}
