package cardcheck

import (
	"errors"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// simCard is the simulated card behind the read step's interface, the way
// the card source hands one out.
type simCard struct {
	sim    *cardsim.Card
	closed int
}

func (c *simCard) Do(fn func(*jpki.Card) error) error { return fn(jpki.NewCard(c.sim)) }
func (c *simCard) Info() report.CardInfo {
	return report.CardInfo{Simulated: true, Profile: string(c.sim.Profile())}
}
func (c *simCard) Close() error { c.closed++; return nil }
func (c *simCard) Trust(base *jpki.TrustStore) (*jpki.TrustStore, error) {
	pem := c.sim.CAPEM()
	if pem == nil {
		return base, nil
	}
	t := jpki.DefaultTrust()
	for _, ca := range base.CAs() {
		if ca.Source == jpki.TrustUserSupplied {
			t.AddCertificate(ca.Certificate())
		}
	}
	_, err := t.AddPEM(pem)
	return t, err
}

var today = window.MustDate(2026, 6, 1)

func newCard(t *testing.T, p cardsim.Profile) *simCard {
	t.Helper()
	sim, err := cardsim.New(cardsim.Options{Profile: p, Today: today.Time().Add(12 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return &simCard{sim: sim}
}

func TestReadGivesTheEarlyAnswerThenTheFacts(t *testing.T) {
	card := newCard(t, cardsim.WindowOpen)
	var early []*report.CardReport
	r, err := Read(func() (Card, error) { return card, nil }, Options{
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
	if card.closed != 0 || r.Card != Card(card) {
		t.Error("a successful read must leave the card open for the caller")
	}
}

func TestReadClosesTheCardOnFailure(t *testing.T) {
	card := newCard(t, cardsim.NotJPKI)
	_, err := Read(func() (Card, error) { return card, nil }, Options{Today: today, Rule: window.DefaultRule})
	if !errors.Is(err, jpki.ErrNotJPKI) {
		t.Errorf("err = %v, want ErrNotJPKI", err)
	}
	if card.closed != 1 {
		t.Errorf("closed %d times, want once", card.closed)
	}
}

func TestReadPassesTheConnectError(t *testing.T) {
	want := errors.New("no reader")
	if _, err := Read(func() (Card, error) { return nil, want }, Options{}); err != want {
		t.Errorf("err = %v, want the connect error", err)
	}
}
