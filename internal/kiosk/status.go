package kiosk

import (
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/office"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Screen names what the page shows. The names are stable: the page, the
// tests and anyone watching /api/status rely on them.
type Screen string

const (
	ScreenWaiting   Screen = "waiting"    // insert your card
	ScreenReading   Screen = "reading"    // reading, no answer yet
	ScreenResult    Screen = "result"     // the answer (Pending while the rest is read)
	ScreenError     Screen = "error"      // a friendly error (Problem says which)
	ScreenTakeCard  Screen = "take_card"  // the result has been read; please take your card
	ScreenNoReader  Screen = "no_reader"  // no (wanted) reader connected
	ScreenNoService Screen = "no_service" // the PC/SC service is not running
)

// Status is what the page shows, as /api/status and every /api/events
// message carry it: the language-neutral facts and, for each language, the
// sentences rendered from the report catalogues, so the page switches
// language without asking the server and holds no words of its own.
type Status struct {
	Seq     uint64         `json:"seq"` // counts changes since start
	Screen  Screen         `json:"screen"`
	Problem report.Problem `json:"problem,omitempty"` // error: what went wrong
	// Pending: the answer is from the certificate's first chunk; the
	// issuer check and PIN counters are still being read.
	Pending bool `json:"pending,omitempty"`
	// Tone picks the colours: ok, open, expired, error, alert, take or info. The
	// words always say the same, so colour is never the only sign.
	Tone string      `json:"tone"`
	Lang report.Lang `json:"lang"` // the page's first language
	// Visit counts the cards read since start; 0 while no card is shown.
	// A new number is a new person: the lobby page goes back to Lang.
	Visit uint64 `json:"visit"`
	// Home: jpkicheck ui; the language chosen stays when a card leaves.
	Home     bool                   `json:"home"`
	Report   *report.CardReport     `json:"report,omitempty"`   // result only
	Timeline *Timeline              `json:"timeline,omitempty"` // result only
	Text     map[report.Lang]*Words `json:"text"`
}

// Words is one language's rendering of a Status.
type Words struct {
	UI        *report.KioskPage `json:"ui"` // the page's static words
	Badge     string            `json:"badge,omitempty"`
	Sentence  string            `json:"sentence,omitempty"`
	Advice    string            `json:"advice,omitempty"`
	Hints     []string          `json:"hints,omitempty"`    // error: what to do
	Warnings  []string          `json:"warnings,omitempty"` // locked PIN, last try
	Simulated string            `json:"simulated,omitempty"`
	Cert      *Section          `json:"cert,omitempty"`
	Timeline  *TimelineWords    `json:"timeline,omitempty"`
	PINs      *Section          `json:"pins,omitempty"`
	Bring     *Section          `json:"bring,omitempty"`
	Office    *Section          `json:"office,omitempty"`
}

// Section is a titled list of label–value rows.
type Section struct {
	Title string `json:"title"`
	Lead  string `json:"lead,omitempty"` // a line under the title (the office's name)
	Tag   string `json:"tag,omitempty"`  // a label on the whole section (example only)
	Rows  []Row  `json:"rows"`
	Note  string `json:"note,omitempty"`
}

// Row is one label and value; Alert marks one that needs action.
type Row struct {
	Label string `json:"label"`
	Value string `json:"value"`
	Alert bool   `json:"alert,omitempty"`
}

// TimelineWords label the timeline.
type TimelineWords struct {
	Title       string `json:"title"`
	WindowLabel string `json:"window_label"`
	OpensLabel  string `json:"opens_label"`
	Opens       string `json:"opens"`
	ExpiryLabel string `json:"expiry_label"`
	Expiry      string `json:"expiry"`
	TodayLabel  string `json:"today_label"`
}

// view is what the loop decided to show.
type view struct {
	screen  Screen
	visit   uint64
	rep     *report.CardReport
	pending bool
	problem report.Problem
}

// render turns a view into the Status the page receives.
func (m *Machine) render(v view) Status {
	s := Status{Screen: v.screen, Problem: v.problem, Pending: v.pending, Lang: m.cfg.Lang, Home: m.cfg.Home, Visit: v.visit,
		Report: v.rep, Tone: tone(v), Text: map[report.Lang]*Words{}}
	if cert := auth(v.rep); cert != nil {
		tl := NewTimeline(cert.Window)
		s.Timeline = &tl
	}
	for _, lang := range []report.Lang{report.Ja, report.En} {
		s.Text[lang] = m.words(report.Messages(lang), v)
	}
	return s
}

func auth(r *report.CardReport) *report.CertReport {
	if r == nil {
		return nil
	}
	return r.Certificates.Auth
}

func tone(v view) string {
	switch v.screen {
	case ScreenResult:
		if cert := auth(v.rep); cert != nil {
			switch cert.State {
			case window.Open:
				return "open"
			case window.Expired:
				return "expired"
			}
		}
		return "ok"
	case ScreenError:
		return "error"
	case ScreenNoReader, ScreenNoService:
		return "alert"
	case ScreenTakeCard:
		return "take"
	}
	return "info"
}

func (m *Machine) words(c *report.Catalog, v view) *Words {
	w := &Words{UI: &c.Kiosk.Page}
	lang := string(c.Lang)
	switch v.screen {
	case ScreenResult:
		m.resultWords(w, c, v)
		w.Office = officeSection(c, m.cfg.Office, lang)
	case ScreenError:
		w.Badge = c.Kiosk.Page.BadgeError
		// Not the error's own text: a resident gets the sentence for the
		// problem, never a Go error string.
		d := report.Details{Problem: v.problem}
		w.Sentence = c.ProblemMessage(d)
		switch v.problem {
		case report.NotJPKI, report.JukiCard, report.Smartphone, report.NoCertificate:
			w.Hints = []string{c.ProblemHint(d, "")}
		default:
			// The command-line hints say "run it again"; at the kiosk the
			// card goes back in.
			w.Hints = []string{c.Kiosk.Page.RetryHint, c.Kiosk.Page.StaffHint}
		}
		w.Office = officeSection(c, m.cfg.Office, lang)
	}
	return w
}

func (m *Machine) resultWords(w *Words, c *report.Catalog, v view) {
	lang := string(c.Lang)
	o := m.cfg.Office
	lay := c.Layout(v.rep, report.LayoutOptions{Page: true,
		BringInPerson: o.BringInPerson.In(lang), BringByProxy: o.BringByProxy.In(lang)})
	w.Simulated = lay.Simulated
	cert := auth(v.rep)
	if cert == nil {
		return
	}
	// The page reads only the authentication certificate, the first.
	sec := lay.Certs[0]
	page := &c.Kiosk.Page
	w.Badge = map[window.State]string{window.NotYetOpen: page.BadgeNotYetOpen, window.Open: page.BadgeOpen,
		window.Expired: page.BadgeExpired}[sec.State]
	w.Sentence = sec.Sentence
	w.Advice = strings.Join(sec.Next, " ")
	w.Cert = &Section{Title: sec.Title, Rows: rows(sec.Rows())}
	w.Timeline = &TimelineWords{
		Title:       page.TimelineTitle,
		WindowLabel: c.LabelWindow,
		OpensLabel:  page.TimelineOpens,
		Opens:       c.Date(cert.Opens),
		ExpiryLabel: page.TimelineExpiry,
		Expiry:      c.Date(cert.Expiry),
		TodayLabel:  page.TimelineToday,
	}
	w.PINs = section(lay.PINs)
	w.Warnings = lay.Warnings
	w.Bring = section(lay.Bring)
}

// section carries a laid-out section onto the page; nil stays nil.
func section(s *report.Section) *Section {
	if s == nil {
		return nil
	}
	return &Section{Title: s.Title, Rows: rows(s.Rows)}
}

func rows(rs []report.Row) []Row {
	out := make([]Row, len(rs))
	for i, r := range rs {
		out[i] = Row{Label: r.Label, Value: r.Value, Alert: r.Alert}
	}
	return out
}

func officeSection(c *report.Catalog, o *office.Office, lang string) *Section {
	page := &c.Kiosk.Page
	s := &Section{Title: page.OfficeTitle, Lead: o.Name.In(lang), Note: o.Note.In(lang)}
	if o.Example {
		s.Tag = page.OfficeExample
	}
	for _, r := range []Row{
		{Label: page.OfficeCounter, Value: o.Counter.In(lang)},
		{Label: page.OfficeFloor, Value: o.Floor.In(lang)},
		{Label: page.OfficeHours, Value: o.Hours.In(lang)},
		{Label: page.OfficePhone, Value: o.Phone.In(lang)},
	} {
		if r.Value != "" {
			s.Rows = append(s.Rows, r)
		}
	}
	return s
}
