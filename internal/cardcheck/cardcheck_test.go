package cardcheck

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

var today = window.MustDate(2026, 6, 1)

// newCard opens the simulated card the way every command does.
func newCard(t *testing.T, p cardsim.Profile) *source.Card {
	t.Helper()
	card, err := source.Open(context.Background(), source.Options{Sim: string(p), Today: today.Time().Add(12 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { card.Close() })
	return card
}

// usable reports whether the card still takes commands.
func usable(card *source.Card) bool {
	return !errors.Is(card.Do(func(*jpki.Card) error { return nil }), source.ErrClosed)
}

func TestReadGivesTheEarlyAnswerThenTheFacts(t *testing.T) {
	card := newCard(t, cardsim.WindowOpen)
	var early []*report.CardReport
	r, err := Read(func() (*source.Card, error) { return card, nil }, Options{
		Today: today, Rule: window.DefaultRule,
		Early: func(r *report.CardReport) { early = append(early, r) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(early) != 1 || early[0].Certificates.Auth.Trust != report.TrustPending || early[0].PINs.Auth != nil {
		t.Fatalf("early answers: %+v", early)
	}
	rep := r.Report
	if rep.State != window.Open || rep.ExitCode != report.ExitWindowOpen || !rep.Card.Simulated {
		t.Errorf("report: %+v", rep)
	}
	if got := rep.Certificates.Auth.Trust; got != (report.Trust{Status: jpki.TrustUserSupplied}) {
		t.Errorf("trust %v: the card's own CA was not recognised", got)
	}
	if !early[0].Certificates.Auth.NotAfter.Equal(rep.Certificates.Auth.NotAfter) {
		t.Error("the early expiry differs from the final one")
	}
	if rep.PINs.Auth == nil || rep.PINs.Auth.MaxTries != jpki.AuthPIN.MaxTries() || rep.PINs.Sign.MaxTries != jpki.SignPIN.MaxTries() {
		t.Errorf("PINs: %+v", rep.PINs)
	}
	if !usable(card) || r.Card != card {
		t.Error("a successful read must leave the card open for the caller")
	}
}

func TestReadClosesTheCardOnFailure(t *testing.T) {
	card := newCard(t, cardsim.NotJPKI)
	_, err := Read(func() (*source.Card, error) { return card, nil }, Options{Today: today, Rule: window.DefaultRule})
	if !errors.Is(err, jpki.ErrNotJPKI) {
		t.Errorf("err = %v, want ErrNotJPKI", err)
	}
	if usable(card) {
		t.Error("a failed read must close the card")
	}
}

func TestReadPassesTheConnectError(t *testing.T) {
	want := errors.New("no reader")
	if _, err := Read(func() (*source.Card, error) { return nil, want }, Options{}); err != want {
		t.Errorf("err = %v, want the connect error", err)
	}
}
