package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Style says how rich the terminal output may be. The zero Style is plain
// text, right for pipes, files and NO_COLOR.
type Style struct {
	Color bool // ANSI bold and colour
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
)

// Headline renders the state sentence in bold, coloured by urgency when
// the style allows. The words carry the meaning on their own; colour only
// helps the eye (and is absent for NO_COLOR and pipes).
func (s Style) Headline(state window.State, text string) string {
	if !s.Color {
		return text
	}
	colour := ansiGreen
	switch state {
	case window.Open:
		colour = ansiYellow
	case window.Expired:
		colour = ansiRed
	}
	return ansiBold + colour + text + ansiReset
}

// Warn renders a warning line in bold red when colour is allowed.
func (s Style) Warn(text string) string {
	if !s.Color {
		return text
	}
	return ansiBold + ansiRed + text + ansiReset
}

// ExpiryLine renders an expiry date with weekday and era:
// 2027年3月15日(月) 令和9年 / 15 March 2027 (Mon), Reiwa 9.
func (c *Catalog) ExpiryLine(d window.Date) string {
	e, y, ok := d.Era()
	if !ok {
		return c.Date(d)
	}
	if c.Lang == Ja {
		return c.Date(d) + " " + d.EraYear()
	}
	return fmt.Sprintf("%s, %s %d", c.Date(d), e.Roman, y)
}

// WriteWindow prints the renewal window for one expiry date: the answer
// first, then the dates, then what to do.
func WriteWindow(w io.Writer, c *Catalog, s Style, win window.Window) error {
	var b strings.Builder
	b.WriteString(s.Headline(win.State, c.StateSentence(win)))
	b.WriteByte('\n')
	writeFields(&b, [][2]string{
		{c.LabelExpiry, c.ExpiryLine(win.Expiry)},
		{c.LabelWindow, c.WindowRange(win.Opens, win.Expiry)},
		{c.LabelToday, c.Date(win.Today)},
	})
	writeWrapped(&b, c.Advice(win), 0, 0)
	if win.Months != window.DefaultMonths {
		writeWrapped(&b, c.MonthsNote(win.Months), 0, 0)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFields prints "label: value" lines with the values aligned, counting
// Japanese characters as two columns as terminals draw them.
func writeFields(b *strings.Builder, fields [][2]string) {
	width := 0
	for _, f := range fields {
		width = max(width, displayWidth(f[0]))
	}
	writeFieldsWidth(b, fields, width)
}

// writeFieldsWidth aligns values after labels padded to width, so fields
// printed at different moments still line up. paint, if given, styles the
// values' lines (see writeWrapped).
func writeFieldsWidth(b *strings.Builder, fields [][2]string, width int, paint ...func(string) string) {
	for _, f := range fields {
		b.WriteString("  ")
		b.WriteString(f[0])
		b.WriteString(":")
		b.WriteString(strings.Repeat(" ", width-displayWidth(f[0])+1))
		writeWrapped(b, f[1], width+4, width+4, paint...)
	}
}

// displayWidth approximates the terminal width of s: East Asian wide and
// full-width characters take two columns. That is all the alignment needs;
// a full UAX #11 table would be overkill for our own labels.
func displayWidth(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case r >= 0x1100 && r <= 0x115F, // Hangul Jamo
			r >= 0x2E80 && r <= 0xA4CF, // CJK radicals … Yi
			r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
			r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
			r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
			r >= 0xFF00 && r <= 0xFF60, // full-width forms
			r >= 0xFFE0 && r <= 0xFFE6:
			n += 2
		default:
			n++
		}
	}
	return n
}

// certLabelWidth aligns the certificate block's three labels, which are
// printed in two steps (dates first, issuer when the signature is checked).
func (c *Catalog) certLabelWidth() int {
	return max(displayWidth(c.LabelExpiry), displayWidth(c.LabelWindow), displayWidth(c.LabelIssuer))
}

// WriteCertHead prints what the first chunk of a certificate tells: which
// certificate, the renewal state in one sentence, the expiry and window.
func WriteCertHead(w io.Writer, c *Catalog, s Style, r *CertReport) error {
	var b strings.Builder
	b.WriteString(c.CertTitle(r.Kind))
	b.WriteByte('\n')
	b.WriteString(s.Headline(r.State, c.StateSentence(r.Window)))
	b.WriteByte('\n')
	writeFieldsWidth(&b, [][2]string{
		{c.LabelExpiry, c.ExpiryLine(r.Expiry)},
		{c.LabelWindow, c.WindowRange(r.Opens, r.Expiry)},
	}, c.certLabelWidth())
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCertTail prints what needs the whole certificate — who issued it and
// whether the signature checks out — and then what to do.
func WriteCertTail(w io.Writer, c *Catalog, s Style, r *CertReport) error {
	var b strings.Builder
	var paint []func(string) string
	if r.Trust == "invalid" {
		paint = append(paint, s.Warn)
	}
	writeFieldsWidth(&b, [][2]string{{c.LabelIssuer, c.TrustText(r)}}, c.certLabelWidth(), paint...)
	writeWrapped(&b, c.Advice(r.Window), 0, 0)
	if r.Months != window.DefaultMonths {
		writeWrapped(&b, c.MonthsNote(r.Months), 0, 0)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WritePINs prints the tries left for each PIN read, with a warning line
// for a locked PIN or one with a single try left.
func WritePINs(w io.Writer, c *Catalog, s Style, p PINs) error {
	var b strings.Builder
	b.WriteString(c.LabelPINs)
	b.WriteByte('\n')
	var fields [][2]string
	var warnings []string
	for _, pin := range []struct {
		name string
		r    *PINReport
	}{{"auth", p.Auth}, {"sign", p.Sign}} {
		if pin.r == nil {
			continue
		}
		fields = append(fields, [2]string{c.PINName(pin.name), c.PINTries(pin.r)})
		if warn := c.PINWarning(pin.name, pin.r); warn != "" {
			warnings = append(warnings, warn)
		}
	}
	writeFields(&b, fields)
	for _, warn := range warnings {
		writeWrapped(&b, warn, 0, 0, s.Warn)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Bring is what to bring to the office, in person and by proxy; offices
// may set their own words.
type Bring struct {
	InPerson, ByProxy string
}

// DefaultBring is the catalogue's advice (docs/renewal-rule.md, "What to bring").
func (c *Catalog) DefaultBring() Bring {
	return Bring{InPerson: c.BringInPerson, ByProxy: c.BringByProxy}
}

// NeedsOffice reports whether the resident has a reason to go to the
// office now: renewal open, expired, or a locked PIN.
func (r *CardReport) NeedsOffice() bool {
	return r.State != window.NotYetOpen || r.anyLocked()
}

// WriteBring prints what to bring, in person and by proxy.
func WriteBring(w io.Writer, c *Catalog, bring Bring) error {
	var b strings.Builder
	b.WriteString(c.LabelBring)
	b.WriteByte('\n')
	writeFields(&b, [][2]string{{c.LabelInPerson, bring.InPerson}, {c.LabelByProxy, bring.ByProxy}})
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCardReport prints a whole check at once: the simulated-card note,
// each certificate, the PINs and, when there is a reason to go, what to
// bring. The CLI prints the same pieces one by one as they arrive.
func WriteCardReport(w io.Writer, c *Catalog, s Style, r *CardReport, bring Bring) error {
	ew := &errWriter{w: w}
	if r.Card.Simulated {
		fmt.Fprintln(ew, c.Simulated(r.Card.Profile))
		fmt.Fprintln(ew)
	}
	for _, cert := range []*CertReport{r.Certificates.Auth, r.Certificates.Sign} {
		if cert == nil {
			continue
		}
		WriteCertHead(ew, c, s, cert)
		WriteCertTail(ew, c, s, cert)
		fmt.Fprintln(ew)
	}
	WritePINs(ew, c, s, r.PINs)
	if r.NeedsOffice() {
		fmt.Fprintln(ew)
		WriteBring(ew, c, bring)
	}
	return ew.err
}

// errWriter keeps the first write error so a sequence of writes can be
// checked once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// WritePersonal prints the holder's data from the signing certificate —
// only ever called for --show-personal.
func WritePersonal(w io.Writer, c *Catalog, p jpki.PersonalData) error {
	var b strings.Builder
	b.WriteString(c.PersonalTitle)
	b.WriteByte('\n')
	birth := p.BirthDate
	if len(birth) == 8 {
		if d, err := window.Parse(birth[:4] + "-" + birth[4:6] + "-" + birth[6:]); err == nil {
			birth = c.DateEra(d)
		}
	}
	writeFields(&b, [][2]string{
		{c.LabelName, p.Name},
		{c.LabelAltName, p.AltName},
		{c.LabelBirthDate, birth},
		{c.LabelSex, c.SexName(p.Sex)},
		{c.LabelAddress, p.Address},
		{c.LabelAltAddress, p.AltAddress},
	})
	_, err := io.WriteString(w, b.String())
	return err
}
