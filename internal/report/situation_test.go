package report

import (
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

func situation(expiry, today window.Date) Situation {
	return Situation{Window: window.Compute(expiry, today), Cert: jpki.AuthCert}
}

// The figures of docs/advice.md's renew-early-cost entry.
func TestEarlyExpiry(t *testing.T) {
	e := window.MustDate(2027, 3, 15)
	for _, tt := range []struct {
		today, early window.Date
		lost         window.Span
	}{
		{window.MustDate(2024, 10, 1), window.MustDate(2029, 3, 15), window.Span{Years: 3}},
		{window.MustDate(2026, 11, 25), window.MustDate(2031, 3, 15), window.Span{Years: 1}},
		{window.MustDate(2026, 3, 14), window.MustDate(2030, 3, 15), window.Span{Years: 2}},
		{window.MustDate(2026, 3, 15), window.MustDate(2031, 3, 15), window.Span{Years: 1}},
		{window.MustDate(2026, 3, 16), window.MustDate(2031, 3, 15), window.Span{Years: 1}},
	} {
		early, lost, ok := situation(e, tt.today).EarlyExpiry()
		if !ok || early != tt.early || lost != tt.lost {
			t.Errorf("today %s: early %s, lost %+v, ok %v; want %s, %+v", tt.today, early, lost, ok, tt.early, tt.lost)
		}
	}
	if _, _, ok := situation(e, window.MustDate(2027, 1, 1)).EarlyExpiry(); ok {
		t.Error("no early-renewal cost once the window is open")
	}
	s := situation(e, window.MustDate(2026, 11, 25))
	s.CardExpiry = e
	if _, _, ok := s.EarlyExpiry(); ok {
		t.Error("a certificate that ends with the card has no renewal to compare with")
	}
}

func TestRenewedExpiry(t *testing.T) {
	e := window.MustDate(2027, 3, 15)
	if d, ok := situation(e, window.MustDate(2027, 1, 1)).RenewedExpiry(); !ok || d != window.MustDate(2032, 3, 15) {
		t.Errorf("renewed inside the window: %s %v, want 2032-03-15", d, ok)
	}
	if _, ok := situation(e, e).RenewedExpiry(); ok {
		t.Error("on the expiry day itself no source gives the new expiry")
	}
	s := situation(e, window.MustDate(2027, 1, 1))
	s.CardExpiry = window.MustDate(2030, 3, 15)
	if d, _ := s.RenewedExpiry(); d != s.CardExpiry {
		t.Errorf("capped by the card: %s, want %s", d, s.CardExpiry)
	}
	s.Window = window.Rule{Months: 12}.Compute(e, window.MustDate(2026, 6, 1))
	s.CardExpiry = window.Date{}
	if _, ok := s.RenewedExpiry(); ok {
		t.Error("no validity figure for a window length the sources do not state")
	}
}

func TestInsuranceGraceEnd(t *testing.T) {
	for expiry, want := range map[window.Date]window.Date{
		window.MustDate(2027, 1, 10):  window.MustDate(2027, 4, 30),
		window.MustDate(2026, 11, 30): window.MustDate(2027, 2, 28),
		window.MustDate(2027, 10, 31): window.MustDate(2028, 1, 31),
		window.MustDate(2027, 11, 1):  window.MustDate(2028, 2, 29),
	} {
		if got := situation(expiry, expiry).InsuranceGraceEnd(); got != want {
			t.Errorf("expiry %s: grace ends %s, want %s", expiry, got, want)
		}
	}
}
