package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

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
	b.WriteString(c.Advice(win))
	b.WriteByte('\n')
	if win.Months != window.DefaultMonths {
		b.WriteString(c.MonthsNote(win.Months))
		b.WriteByte('\n')
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
	for _, f := range fields {
		b.WriteString("  ")
		b.WriteString(f[0])
		b.WriteString(":")
		b.WriteString(strings.Repeat(" ", width-displayWidth(f[0])+1))
		b.WriteString(f[1])
		b.WriteByte('\n')
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
