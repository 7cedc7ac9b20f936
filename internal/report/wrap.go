package report

import (
	"strings"
	"unicode/utf8"
)

// lineWidth is the width text is wrapped to: an 80-column terminal with a
// little room to spare.
const lineWidth = 78

// wrap breaks s into lines of at most width terminal columns. English
// breaks at spaces; Japanese, which has none, may break between any two
// characters, except that closing punctuation (。、」) never starts a line,
// opening brackets never end one (the basic kinsoku rule) and a number
// keeps its counter (年, 月, 日). A word
// longer than width stays whole on its own line.
func wrap(s string, width int) []string {
	if displayWidth(s) <= width {
		return []string{s}
	}
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lineW = 0
	}
	for _, u := range units(s) {
		uw := displayWidth(u)
		if u == " " {
			if lineW > 0 && lineW+1 <= width {
				line.WriteString(" ")
				lineW++
			}
			continue
		}
		if lineW > 0 && lineW+uw > width && !noLineStart(u) && !noLineEnd(line.String()) && !counterOf(line.String(), u) {
			flush()
		}
		line.WriteString(u)
		lineW += uw
	}
	if line.Len() > 0 {
		flush()
	}
	return lines
}

// units splits s into the pieces a line may break between: runs of
// non-space ASCII (words, numbers, flags), single spaces, and single wide
// characters.
func units(s string) []string {
	var out []string
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == ' ':
			out = append(out, " ")
			s = s[size:]
		case r < 0x80 || isHangul(r) || !isWide(r) && !isJapanesePunct(r):
			// A word: Latin letters, or Korean, which breaks only at
			// spaces, unlike Japanese and Chinese.
			n := 0
			for n < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[n:])
				if r2 == ' ' || isWide(r2) && !isHangul(r2) || isJapanesePunct(r2) {
					break
				}
				n += sz
			}
			out = append(out, s[:n])
			s = s[n:]
		default:
			out = append(out, s[:size])
			s = s[size:]
		}
	}
	return out
}

func isWide(r rune) bool { return displayWidth(string(r)) == 2 }

// isHangul: Korean syllables and letters, written in words separated by
// spaces.
func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

func isJapanesePunct(r rune) bool {
	return strings.ContainsRune("、。，．・：；？！）」』】〕〉》（「『【〔〈《〜ー…", r)
}

// noLineStart: characters that must not begin a line.
func noLineStart(u string) bool {
	r, _ := utf8.DecodeRuneInString(u)
	return strings.ContainsRune("、。，．・：；？！）」』】〕〉》ー…,.;:!?)ッャュョァィゥェォっゃゅょぁぃぅぇぉ", r)
}

// counterOf: a number keeps its counter (2027年, 9月, 3回, 3か月), so a
// date never reads 「令和9」 at a line's end and 「年」 at the next one's start.
func counterOf(line, u string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	c, _ := utf8.DecodeRuneInString(u)
	return r >= '0' && r <= '9' && strings.ContainsRune("年月日回か時分歳桁", c)
}

// noLineEnd: a line must not end with an opening bracket.
func noLineEnd(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune("（「『【〔〈《(", r)
}

// writeWrapped writes s wrapped, every line after the first indented.
// paint, if not nil, styles each line after wrapping so escape codes never
// count as text or end up split.
func writeWrapped(b *strings.Builder, s string, first, indent int, paint ...func(string) string) {
	for i, l := range wrap(s, lineWidth-max(first, indent)) {
		if i > 0 {
			b.WriteString(strings.Repeat(" ", indent))
		}
		for _, p := range paint {
			l = p(l)
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
}
