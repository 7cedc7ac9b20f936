package kiosk

import (
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
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
	// Tone picks the colours: on a result the most urgent finding (expired,
	// locked, last_try, open, ok), else error, alert or info. The badge
	// always says the same in words, so colour is never the only sign.
	Tone string      `json:"tone"`
	Lang report.Lang `json:"lang"` // the page's first language
	// Visit counts the cards read since start; 0 while no card is shown.
	// A new number is a new person: the lobby page goes back to Lang.
	Visit uint64 `json:"visit"`
	// Home: jpkicheck ui; the language chosen stays when a card leaves.
	Home bool `json:"home"`
	// ReadingMS is how long a result is read before the page asks for the
	// card (take_card): the page holds the banner back while the screen is
	// being touched. 0: the result stays until the card leaves.
	ReadingMS int64 `json:"reading_ms"`
	// Voice: the page reads the answer's headline aloud (the office file's
	// voice = on).
	Voice    bool                   `json:"voice,omitempty"`
	Report   *report.CardReport     `json:"report,omitempty"`   // result and the take_card after it
	Timeline *Timeline              `json:"timeline,omitempty"` // likewise
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
	// Next is the one thing to do, shown under the answer in large type:
	// the advice for the state, or what the most urgent PIN needs.
	Next string `json:"next,omitempty"`
	// By is the day to act by (the last office day, else the expiry);
	// Where is the counter. Both only when there is a reason to go.
	By    *Row `json:"by,omitempty"`
	Where *Row `json:"where,omitempty"`
	// Announce is what a screen reader says of the answer: the badge and
	// the next step, not the whole page.
	Announce string `json:"announce,omitempty"`
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
	if m.cfg.Linger > 0 {
		s.ReadingMS = m.cfg.Linger.Milliseconds()
	}
	s.Voice = m.cfg.Office.Voice
	if cert := auth(v.rep); cert != nil {
		tl := NewTimeline(cert.Window)
		s.Timeline = &tl
	}
	for _, lang := range report.Langs() {
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
	switch {
	case v.rep != nil:
		return urgent(v.rep).tone()
	case v.problem != "":
		return "error"
	}
	switch v.screen {
	case ScreenNoReader, ScreenNoService:
		return "alert"
	case ScreenTakeCard:
		return "take"
	}
	return "info"
}

// finding is what a result leads with, in rising urgency: the badge, the
// colour and the next step all follow the most urgent one, so a locked
// PIN never sits under a green "valid".
type finding int

const (
	fine finding = iota
	windowOpen
	lastTry
	pinLocked
	expired
)

func (f finding) tone() string {
	return [...]string{"ok", "open", "last_try", "locked", "expired"}[f]
}

// urgent is the most urgent finding of r (and, for a PIN, which one).
func urgent(r *report.CardReport) finding {
	f, _ := urgentPIN(r)
	return f
}

func urgentPIN(r *report.CardReport) (finding, jpki.PIN) {
	f, pin := fine, jpki.PIN(0)
	if cert := auth(r); cert != nil {
		switch cert.State {
		case window.Expired:
			return expired, pin
		case window.Open:
			f = windowOpen
		}
	}
	for _, p := range []jpki.PIN{jpki.AuthPIN, jpki.SignPIN} {
		pr := pinOf(r, p)
		switch {
		case pr == nil || maybeNoPIN(r, p):
			// A face-authentication card answers like a locked PIN: its
			// warning says both, and the badge does not cry "locked".
		case pr.Locked && f < pinLocked:
			f, pin = pinLocked, p
		case pr.State == jpki.PINStateLastTry.String() && f < lastTry:
			f, pin = lastTry, p
		}
	}
	return f, pin
}

// maybeNoPIN reports a PIN the card calls locked on a card without a
// signing certificate, which is also how a face-authentication card (no
// PIN at all) answers.
func maybeNoPIN(r *report.CardReport, p jpki.PIN) bool {
	pr, sign := pinOf(r, p), r.PINs.Sign
	return p == jpki.AuthPIN && pr.Locked && sign != nil && sign.NotSet()
}

func pinOf(r *report.CardReport, p jpki.PIN) *report.PINReport {
	if p == jpki.AuthPIN {
		return r.PINs.Auth
	}
	return r.PINs.Sign
}

func (m *Machine) words(c *report.Catalog, v view) *Words {
	w := &Words{UI: &c.Kiosk.Page}
	lang := string(c.Lang)
	switch {
	case v.rep != nil:
		m.resultWords(w, c, v)
		w.Office = officeSection(c, m.cfg.Office, lang)
	case v.problem != "":
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
		w.Next = w.Hints[0]
		w.Announce = join(w.Badge, w.Sentence)
		w.Office = officeSection(c, m.cfg.Office, lang)
	}
	return w
}

// join joins the non-empty sentences with a space.
func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
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
	f, pin := urgentPIN(v.rep)
	w.Badge = [...]string{fine: page.BadgeNotYetOpen, windowOpen: page.BadgeOpen, lastTry: page.BadgeLastTry,
		pinLocked: page.BadgeLocked, expired: page.BadgeExpired}[f]
	w.Sentence = sec.Sentence
	w.Advice = strings.Join(sec.Next, " ")
	switch f {
	case pinLocked, lastTry:
		w.Next = c.PINWarning(pin, pinOf(v.rep, pin))
		if sec.State == window.NotYetOpen {
			// "Nothing to do now" is about the certificate alone; beside
			// a PIN that needs the office it would read as the answer.
			w.Advice = ""
		}
	default:
		w.Next = w.Advice
	}
	if f == windowOpen {
		w.By = &Row{Label: page.DecisionBy, Value: c.Date(cert.Expiry) + page.ByExpiry}
		if d := cert.LastOfficeDay; d != (window.Date{}) {
			w.By.Value = c.Date(d) + page.ByLastOfficeDay
		}
	}
	if f != fine && f != lastTry {
		w.Where = whereRow(page, m.cfg.Office, lang)
	}
	w.Announce = join(w.Badge, w.Next)
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

// whereRow names the counter in one line (office, counter, floor); nil
// when the office file names none.
func whereRow(page *report.KioskPage, o *office.Office, lang string) *Row {
	v := join(o.Name.In(lang), o.Counter.In(lang))
	if floor := o.Floor.In(lang); floor != "" {
		v = join(v, "("+floor+")")
		if report.Lang(lang).Tag() == "ja" {
			v = strings.Replace(v, " (", "(", 1)
		}
	}
	if v == "" {
		return nil
	}
	if o.Example {
		v += page.ExampleShort
	}
	return &Row{Label: page.DecisionWhere, Value: v}
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
