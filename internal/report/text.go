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

// headline renders the state sentence in bold, coloured by urgency when
// the style allows. The words carry the meaning on their own; colour only
// helps the eye (and is absent for NO_COLOR and pipes).
func (s Style) headline(state window.State, text string) string {
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

// warn renders a warning line in bold red when colour is allowed.
func (s Style) warn(text string) string {
	if !s.Color {
		return text
	}
	return ansiBold + ansiRed + text + ansiReset
}

// expiryLine renders an expiry date with weekday and era:
// 2027年(令和9年)3月15日(月) / 15 March 2027 (Mon), Reiwa 9. The Japanese
// date carries its era already.
func (c *Catalog) expiryLine(d window.Date) string {
	e, y, ok := d.Era()
	if !ok || c.Lang == Ja || c.Lang == Easy {
		return c.Date(d)
	}
	return fmt.Sprintf("%s, %s %d", c.Date(d), e.Roman, y)
}

// WriteWindow prints the renewal window for one expiry date: the answer
// first, then the dates, then what to do.
func WriteWindow(w io.Writer, c *Catalog, s Style, win window.Window) error {
	var b strings.Builder
	b.WriteString(s.headline(win.State, c.StateSentence(win)))
	b.WriteByte('\n')
	rows, next := c.officeRows([]Row{
		{Label: c.LabelExpiry, Value: c.expiryLine(win.Expiry)},
		{Label: c.LabelWindow, Value: c.WindowRange(win.Opens, win.Expiry)},
		{Label: c.LabelToday, Value: c.Date(win.Today)},
	}, nil, win)
	var fields [][2]string
	for _, r := range rows {
		fields = append(fields, [2]string{r.Label, r.Value})
	}
	writeFields(&b, fields)
	for _, n := range next {
		writeWrapped(&b, n, 0, 0)
	}
	for _, p := range c.advice(win) {
		writeWrapped(&b, p, 0, 0)
	}
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

// labelWidth aligns a certificate's rows, which are printed in two steps
// (dates first, the issuer when the signature is checked).
func (s *CertSection) labelWidth() int {
	width := 0
	for _, r := range s.Rows() {
		width = max(width, displayWidth(r.Label))
	}
	return width
}

// fields are rows as writeFields takes them.
func fields(rows []Row) [][2]string {
	f := make([][2]string, len(rows))
	for i, r := range rows {
		f[i] = [2]string{r.Label, r.Value}
	}
	return f
}

// WriteCertHead prints what the first chunk of a certificate tells: which
// certificate, the renewal state in one sentence, the expiry and window.
func WriteCertHead(w io.Writer, s Style, cert *CertSection) error {
	var b strings.Builder
	b.WriteString(cert.Title)
	b.WriteByte('\n')
	b.WriteString(s.headline(cert.State, cert.Sentence))
	b.WriteByte('\n')
	writeFieldsWidth(&b, fields(cert.Dates), cert.labelWidth())
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCertTail prints what needs the whole certificate — who issued it and
// whether the signature checks out — and then what to do.
func WriteCertTail(w io.Writer, s Style, cert *CertSection) error {
	var b strings.Builder
	if cert.Issuer != nil {
		var paint []func(string) string
		if cert.Issuer.Alert {
			paint = append(paint, s.warn)
		}
		writeFieldsWidth(&b, fields([]Row{*cert.Issuer}), cert.labelWidth(), paint...)
	}
	for _, next := range cert.Next {
		writeWrapped(&b, next, 0, 0)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteClosing prints what follows the certificates: the PIN counters with
// a warning line for each that needs one and, when there is a reason to
// go, what to bring to the office.
func WriteClosing(w io.Writer, s Style, l *Layout) error {
	ew := &errWriter{w: w}
	writePINs(ew, s, l)
	if l.Bring != nil {
		fmt.Fprintln(ew)
		writeSection(ew, l.Bring)
	}
	return ew.err
}

// WritePINs prints the tries left for each PIN read, with a warning line
// for a locked PIN or one with a single try left.
func WritePINs(w io.Writer, c *Catalog, s Style, p PINs) error {
	return writePINs(w, s, c.Layout(&CardReport{PINs: p}, LayoutOptions{}))
}

func writePINs(w io.Writer, s Style, l *Layout) error {
	if l.PINs == nil {
		return nil
	}
	var b strings.Builder
	b.WriteString(l.PINs.Title)
	b.WriteByte('\n')
	writeFields(&b, fields(l.PINs.Rows))
	for _, warn := range l.Warnings {
		writeWrapped(&b, warn, 0, 0, s.warn)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSection prints a title and its rows, values aligned.
func writeSection(w io.Writer, sec *Section) error {
	var b strings.Builder
	b.WriteString(sec.Title)
	b.WriteByte('\n')
	writeFields(&b, fields(sec.Rows))
	_, err := io.WriteString(w, b.String())
	return err
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
