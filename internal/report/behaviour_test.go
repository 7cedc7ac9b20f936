package report

import (
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// A certificate that starts after today means the clock is wrong.
func TestClockWrong(t *testing.T) {
	today := window.MustDate(2026, 12, 20)
	v := jpki.Validity{
		NotBefore: time.Date(2026, 12, 21, 0, 0, 0, 0, window.Japan()),
		NotAfter:  time.Date(2031, 12, 20, 23, 59, 59, 0, window.Japan()),
	}
	if r := FromValidity(v, CardInfo{}, today, window.DefaultRule); r.ClockWrong() == nil {
		t.Error("a certificate issued tomorrow was not noticed")
	}
	v.NotBefore = time.Date(2026, 12, 20, 0, 0, 0, 0, window.Japan())
	if r := FromValidity(v, CardInfo{}, today, window.DefaultRule); r.ClockWrong() != nil {
		t.Error("a certificate issued today was taken for a wrong clock")
	}
}

// --card-expiry: a new card is needed when the certificate ends with the
// card or within the card's own window; its state counts in the exit code.
func TestCardExpiry(t *testing.T) {
	exp, today := window.MustDate(2027, 3, 15), window.MustDate(2026, 11, 1)
	for _, tt := range []struct {
		card    window.Date
		newCard bool
	}{
		{exp, true},
		{window.MustDate(2027, 4, 1), true},
		{window.MustDate(2027, 6, 16), false},
		{window.MustDate(2032, 3, 15), false},
	} {
		if got := NewCardExpiry(tt.card, exp, today, nil).NewCardNeeded; got != tt.newCard {
			t.Errorf("card %s, certificate %s: new card %v, want %v", tt.card, exp, got, tt.newCard)
		}
	}
	v := jpki.Validity{NotBefore: time.Date(2022, 3, 16, 0, 0, 0, 0, window.Japan()), NotAfter: time.Date(2027, 3, 15, 23, 59, 59, 0, window.Japan())}
	r := FromValidity(v, CardInfo{}, window.MustDate(2026, 12, 20), window.DefaultRule)
	r.SetCardExpiry(exp, nil)
	if r.ExitCode != ExitWindowOpen || !r.CardExpiry.NewCardNeeded {
		t.Errorf("exit %d, %+v", r.ExitCode, r.CardExpiry)
	}
}
