package report

import (
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Layout is a check's answer as a reader sees it: which sections, which
// rows in which order, what needs care, and what to do next, in one
// catalogue's words. It is decided here once; the terminal (WriteCertHead,
// WriteCertTail, WriteClosing) and the kiosk page only render it, so the
// two cannot drift apart.
type Layout struct {
	// Simulated says this is the built-in simulated card; "" for a real one.
	Simulated string
	// Certs are the certificates read: authentication, then signing.
	Certs []*CertSection
	// PINs are the counters read, one row per PIN; nil when none was read.
	PINs *Section
	// Warnings are what needs care before anything else: a locked PIN, a
	// last try, a PIN the card does not have.
	Warnings []string
	// Bring is what to take to the office; nil when there is no reason to
	// go (renewal not yet open and no PIN locked).
	Bring *Section
}

// CertSection is one certificate: the answer first, then its dates, then
// who issued it, then what to do.
type CertSection struct {
	Title    string
	State    window.State
	Sentence string // the renewal state in one sentence
	// Dates are known from the certificate's first chunk: expiry and
	// renewal window (and today, on the page).
	Dates []Row
	// Issuer needs the whole certificate: who issued it and whether the
	// signature checks out (Alert when it does not). Nil on the page for
	// an unchecked signature, whose words name a command-line flag.
	Issuer *Row
	// Next is what to do, a paragraph each: the advice for the state and
	// the certificate and, for a renewal window of other than the usual
	// length, a note saying so.
	Next []string
}

// Rows are all the certificate's rows in order: the dates, then the issuer.
func (s *CertSection) Rows() []Row {
	if s.Issuer == nil {
		return s.Dates
	}
	return append(s.Dates[:len(s.Dates):len(s.Dates)], *s.Issuer)
}

// Section is a titled list of rows.
type Section struct {
	Title string
	Rows  []Row
}

// Row is one label and its value; Alert marks one that needs action.
type Row struct {
	Label, Value string
	Alert        bool
}

// LayoutOptions say where the layout will be shown.
type LayoutOptions struct {
	// Page lays the answer out for the kiosk page: today's date among each
	// certificate's rows (a passer-by has no other), and no issuer row for
	// a signature not checked (its words are about a command-line flag).
	Page bool
	// BringInPerson and BringByProxy are the office's own words for what
	// to bring; empty keeps the catalogue's.
	BringInPerson, BringByProxy string
}

// Layout lays out a check's report in c's words.
func (c *Catalog) Layout(r *CardReport, o LayoutOptions) *Layout {
	l := &Layout{}
	if r.Card.Simulated {
		l.Simulated = c.Simulated(r.Card.Profile)
	}
	for _, cert := range []*CertReport{r.Certificates.Auth, r.Certificates.Sign} {
		if cert != nil {
			l.Certs = append(l.Certs, c.certSection(cert, r.CardExpiry, o))
		}
	}
	c.cardNotes(l, r, o)
	l.PINs, l.Warnings = c.pinSection(r.PINs)
	if r.needsOffice() {
		l.Bring = &Section{Title: c.LabelBring, Rows: []Row{
			{Label: c.LabelInPerson, Value: or(o.BringInPerson, c.BringInPerson)},
			{Label: c.LabelByProxy, Value: or(o.BringByProxy, c.byProxy(r))},
		}}
	}
	return l
}

// certSection lays out one certificate; card is the card's own expiry
// when the resident gave it (nil otherwise), which caps what renewing the
// certificate can give.
func (c *Catalog) certSection(r *CertReport, card *CardExpiryReport, o LayoutOptions) *CertSection {
	sit := Situation{Window: r.Window, Cert: r.Kind}
	if card != nil {
		sit.CardExpiry = card.Expiry
	}
	s := &CertSection{
		Title:    c.CertTitle(r.Kind),
		State:    r.State,
		Sentence: c.StateSentence(r.Window),
		Dates: []Row{
			{Label: c.LabelExpiry, Value: c.expiryLine(r.Expiry)},
			{Label: c.LabelWindow, Value: c.WindowRange(r.Opens, r.Expiry)},
		},
		Issuer: &Row{Label: c.LabelIssuer, Value: c.TrustText(r), Alert: r.Trust.is(jpki.TrustInvalid)},
		Next:   c.Advice(sit),
	}
	if o.Page {
		s.Dates = append(s.Dates, Row{Label: c.LabelToday, Value: c.Date(r.Today)})
		if r.Trust.is(jpki.TrustNotChecked) {
			s.Issuer = nil
		}
	}
	if r.Months != window.DefaultMonths {
		s.Next = append(s.Next, c.MonthsNote(r.Months))
	}
	s.Dates, s.Next = c.officeRows(s.Dates, s.Next, r.Window)
	return s
}

// byProxy is what a proxy brings: the form enclosed with the expiry notice
// serves a renewal only, and only until the expiry date.
func (c *Catalog) byProxy(r *CardReport) string {
	switch {
	case r.anyLocked():
		return c.BringByProxyPINReset
	case r.State == window.Expired:
		return c.BringByProxyNoForm
	}
	return c.BringByProxy
}

// pinSection is a row per PIN read and a warning for each that needs one.
func (c *Catalog) pinSection(p PINs) (*Section, []string) {
	var s *Section
	var warnings []string
	for _, pin := range pinOrder {
		r := p.of(pin)
		if r == nil {
			continue
		}
		if s == nil {
			s = &Section{Title: c.LabelPINs}
		}
		warn := c.PINWarning(pin, r)
		s.Rows = append(s.Rows, Row{Label: c.PINName(pin), Value: c.PINTries(r), Alert: warn != ""})
		if warn != "" {
			warnings = append(warnings, warn)
		}
	}
	return s, warnings
}

func or(s, fallback string) string {
	if s != "" {
		return s
	}
	return fallback
}
