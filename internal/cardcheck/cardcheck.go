// Package cardcheck is the one read step the command line and the kiosk
// share: connect to a card, recognise the CAs it brings on top of the
// configured ones, run the no-PIN check and hand back the facts — first
// the early answer from the certificate's first chunk, then the whole
// report.
package cardcheck

import (
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Info says what the card is, for the report: the simulated card and its
// profile, or the reader a real card is in.
func Info(card *source.Card) report.CardInfo {
	if card.Simulated {
		return report.CardInfo{Simulated: true, Profile: card.Profile}
	}
	return report.CardInfo{Reader: card.Reader}
}

// Options configure Read.
type Options struct {
	// Trust is the set of recognised CAs; nil means the built-in J-LIS CAs.
	Trust *jpki.TrustStore
	Today window.Date
	Rule  window.Rule
	// Quick reads only the expiry (no issuer check; see jpki.ValidityOnly).
	Quick bool
	// Early, if set, gets the answer from the certificate's first chunk:
	// its dates final, its issuer check pending, no PIN counters yet.
	Early func(*report.CardReport)
}

// Reading is what Read found, on a card still open.
type Reading struct {
	Card   *source.Card
	Trust  *jpki.TrustStore // what Report's trust was checked against
	Report *report.CardReport
}

// Read connects with connect, works out the recognised CAs and runs the
// no-PIN check. On success the card is still open, for the caller to
// read on (with a PIN) or close; on failure it has been closed.
func Read(connect func() (*source.Card, error), o Options) (*Reading, error) {
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

func check(card *source.Card, o Options) (*Reading, error) {
	base := o.Trust
	if base == nil {
		base = jpki.DefaultTrust()
	}
	trust, info := card.Trust(base), Info(card)
	var res *jpki.Result
	err := card.Do(func(jc *jpki.Card) error {
		opts := []jpki.ReadOption{jpki.WithTrust(trust)}
		if o.Quick {
			opts = append(opts, jpki.ValidityOnly())
		}
		if o.Early != nil {
			opts = append(opts, jpki.WithEarlyValidity(func(v jpki.Validity) { o.Early(report.FromValidity(v, info, o.Today, o.Rule)) }))
		}
		var err error
		res, err = jpki.Check(jc, opts...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &Reading{Card: card, Trust: trust, Report: report.FromCheck(res, info, o.Today, o.Rule)}, nil
}
