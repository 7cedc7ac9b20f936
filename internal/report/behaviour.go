package report

import (
	"io"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/window"
)

// CardExpiryReport compares the card's own expiry, as printed on its face
// (the chip's JPKI application does not hold it), with the authentication
// certificate's. A certificate never outlasts the card, so when the two
// end together what the resident needs is a new card, applied for in the
// card's own renewal window (docs/advice.md, card-cert-same-date).
type CardExpiryReport struct {
	// Window is the card's own renewal window: the same three-month rule,
	// applied to the card's expiry.
	window.Window
	// NewCardNeeded: the certificate ends on the card's date or within
	// the three months before it, so renewing the certificate alone would
	// give a certificate ending with the card.
	NewCardNeeded bool `json:"new_card_needed"`
}

// NewCardExpiry compares the card's printed expiry with the authentication
// certificate's expiry as seen on today. The card's window uses the
// three-month rule whatever --months says: that option is about
// certificates.
func NewCardExpiry(card, certExpiry, today window.Date, cal *window.Calendar) *CardExpiryReport {
	rule := window.Rule{Months: window.DefaultMonths, Calendar: cal}
	r := &CardExpiryReport{Window: rule.Compute(card, today)}
	r.NewCardNeeded = !certExpiry.Before(r.Opens.AddDays(-1))
	return r
}

// SetCardExpiry records the card's printed expiry (--card-expiry) and
// counts its renewal state with the certificates'.
func (r *CardReport) SetCardExpiry(card window.Date, cal *window.Calendar) {
	if r.Certificates.Auth == nil {
		return
	}
	r.CardExpiry = NewCardExpiry(card, r.Certificates.Auth.Expiry, r.Today, cal)
	r.finish()
}

// cardExpiryMayMatter reports whether the card's own expiry, unknown to
// the tool, may change the answer: once the window is open or past (the
// resident is about to go), or when the certificate ran five years or
// more, which only a certificate renewed on a card that ends with it does
// (docs/advice.md, card-expiry-check).
func (r *CertReport) cardExpiryMayMatter() bool {
	if r.State != window.NotYetOpen {
		return true
	}
	return !window.ExpiryDate(r.NotBefore).AddDays(-1).AddMonths(60).After(r.Expiry)
}

// ClockWrong returns the certificate that starts after today, which means
// the computer's clock (or --today) is wrong; nil when both can be right.
func (r *CardReport) ClockWrong() *CertReport {
	for _, c := range []*CertReport{r.Certificates.Auth, r.Certificates.Sign} {
		if c != nil && !c.NotBefore.IsZero() && window.Today(c.NotBefore).After(r.Today) {
			return c
		}
	}
	return nil
}

// officeRows add the window's office days, and the note when the expiry
// itself is a day the office is closed.
func (c *Catalog) officeRows(rows []Row, next []string, w window.Window) ([]Row, []string) {
	if w.LastOfficeDay.IsZero() {
		return rows, next
	}
	rows = append(rows, Row{Label: c.LabelOfficeDays, Value: c.OfficeDays(w.FirstOfficeDay, w.LastOfficeDay)})
	if w.State != window.Expired && w.LastOfficeDay != w.Expiry {
		// First: the day to go by matters more than anything after it.
		next = append([]string{c.ExpiryOfficeClosed(w)}, next...)
	}
	return rows, next
}

// cardNotes add what the card's own expiry means under the
// authentication certificate: the answer for --card-expiry, or, said
// once and not on the kiosk page, where to find the date.
func (c *Catalog) cardNotes(l *Layout, r *CardReport, o LayoutOptions) {
	if len(l.Certs) == 0 || r.Certificates.Auth == nil {
		return
	}
	auth := l.Certs[0]
	switch {
	case r.CardExpiry != nil:
		auth.Dates = append(auth.Dates, Row{Label: c.LabelCardExpiry, Value: c.expiryLine(r.CardExpiry.Expiry)})
		auth.Next = append(auth.Next, c.CardExpiry(*r.CardExpiry))
	case !o.Page && r.Certificates.Auth.cardExpiryMayMatter():
		auth.Next = append(auth.Next, c.CardExpiryCheck)
	}
}

// WriteWindowCard writes the answer for the card's own expiry after
// WriteWindow: its date and what it means.
func WriteWindowCard(w io.Writer, c *Catalog, card *CardExpiryReport) error {
	var b strings.Builder
	writeFields(&b, [][2]string{{c.LabelCardExpiry, c.expiryLine(card.Expiry)}})
	writeWrapped(&b, c.CardExpiry(*card), 0, 0)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteNote writes one paragraph wrapped to the terminal width.
func WriteNote(w io.Writer, text string) error {
	var b strings.Builder
	writeWrapped(&b, text, 0, 0)
	_, err := io.WriteString(w, b.String())
	return err
}
