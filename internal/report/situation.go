package report

import (
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Situation is what the advice for one certificate depends on: its renewal
// window, which certificate it is, and what is known about the card. Every
// sentence the advice prints is an entry of docs/advice.md; the dates the
// entries name are computed here, once for both languages.
type Situation struct {
	window.Window
	// Cert is the certificate the advice is for; zero when it is not
	// known (the window command is given a date, not a card), and then
	// the advice says only what holds for both certificates.
	Cert jpki.CertFile
	// CardExpiry is the card's own expiry, printed on its face; zero when
	// not given. A certificate never outlasts the card.
	CardExpiry window.Date
}

// usualWindow reports the three-month window the validity rule is stated
// for; with another length (chosen by the user) the tool computes the
// dates it is asked for and says less about the rules around them.
func (s Situation) usualWindow() bool { return s.Months == window.DefaultMonths }

// capped limits d to the card's own expiry when that is known.
func (s Situation) capped(d window.Date) window.Date {
	if !s.CardExpiry.IsZero() && s.CardExpiry.Before(d) {
		return s.CardExpiry
	}
	return d
}

// endsWithCard reports a certificate that ends on (or, for a card date
// mistyped, after) the card's own expiry: a new card is needed, not a
// renewal, so no sentence about the renewed certificate's dates applies.
func (s Situation) endsWithCard() bool {
	return !s.CardExpiry.IsZero() && !s.CardExpiry.After(s.Expiry)
}

// RenewedExpiry is the expiry of a certificate renewed inside the window
// before the expiry day: the sixth birthday after the renewal, which is the
// current expiry plus five years (docs/advice.md, renew-open-no-loss),
// capped by the card. ok is false where the rule gives no single answer:
// on the expiry day itself, outside the usual window length, or when the
// certificate ends with the card.
func (s Situation) RenewedExpiry() (d window.Date, ok bool) {
	if !s.usualWindow() || s.endsWithCard() || !s.Today.Before(s.Expiry) {
		return window.Date{}, false
	}
	return s.capped(s.Expiry.AddMonths(60)), true
}

// EarlyExpiry is the expiry a new issue today would give instead: the
// fifth birthday strictly after today (docs/advice.md, renew-early-cost),
// counting the expiry's month and day as the birthday, capped by the card.
// lost is how much shorter it is than RenewedExpiry; ok is false when the
// window has opened, the rule gives no single answer, or nothing is lost.
func (s Situation) EarlyExpiry() (early window.Date, lost window.Span, ok bool) {
	renewed, ok := s.RenewedExpiry()
	if !ok || !s.Today.Before(s.Opens) {
		return window.Date{}, window.Span{}, false
	}
	birthday := s.Expiry.AddMonths(12 * (s.Today.Year - s.Expiry.Year))
	if !birthday.After(s.Today) {
		birthday = s.Expiry.AddMonths(12 * (s.Today.Year + 1 - s.Expiry.Year))
	}
	early = s.capped(birthday.AddMonths(48))
	lost = window.SpanBetween(early, renewed)
	if lost == (window.Span{}) {
		return window.Date{}, window.Span{}, false
	}
	return early, lost, true
}

// InsuranceGraceEnd is the last day an expired authentication certificate
// still lets the card serve as a health-insurance card: the last day of the
// third month after the month of expiry (docs/advice.md,
// auth-lapse-insurance-grace).
func (s Situation) InsuranceGraceEnd() window.Date {
	firstOfMonth := window.Date{Year: s.Expiry.Year, Month: s.Expiry.Month, Day: 1}
	return firstOfMonth.AddMonths(4).AddDays(-1)
}
