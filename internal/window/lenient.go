package window

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ParseWritten reads a date the way residents copy it from their card, the
// expiry notice or a city letter: 2027-03-15, 2027/3/15, 2027.3.15,
// 2027年3月15日, the same with full-width digits, and the Japanese era forms
// 令和9年3月15日, 令和元年5月1日, R9.3.15, R9/3/15. A weekday in brackets
// after the date, as letters print it, is ignored. Anything else is
// rejected rather than guessed at: the year, month and day must all be
// there and the day must exist. An era year past the era's end (平成32年)
// is accepted as the year it names, as J-LIS itself printed such dates on
// cards issued before the 令和 era was announced.
func ParseWritten(s string) (Date, error) {
	in := s
	s = strings.TrimSpace(normalizeWidth(s))
	if s == "" {
		return Date{}, &ParseError{Kind: Empty, Reason: "empty; write it as YYYY-MM-DD, e.g. 2027-03-15"}
	}
	s = trimWeekday(s)
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		d, err := Parse(s)
		if pe, ok := err.(*ParseError); ok {
			pe.Input = in
		}
		return d, err
	}
	bad := &ParseError{Input: in, Reason: "write it as YYYY-MM-DD, e.g. 2027-03-15 (2027/3/15 and 令和9年3月15日 work too)"}
	era, rest := cutEra(s)
	fields := strings.FieldsFunc(rest, func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == '年' || r == '月' || r == '日' || r == ' '
	})
	if len(fields) != 3 || (strings.ContainsRune(rest, '年') && !strings.HasSuffix(rest, "日")) {
		return Date{}, bad
	}
	var n [3]int
	for i, f := range fields {
		if f == "元" && i == 0 && era != nil {
			n[i] = 1
			continue
		}
		v, err := strconv.Atoi(f)
		if err != nil || v < 0 || len(f) > 4 {
			return Date{}, bad
		}
		n[i] = v
	}
	year := n[0]
	if era != nil {
		if year < 1 || year > 99 {
			return Date{}, bad
		}
		year += era.Start.Year - 1
		if era.Name == "明治" {
			year -= 5
		}
	} else if len(fields[0]) != 4 {
		return Date{}, bad
	}
	d, err := NewDate(year, time.Month(n[1]), n[2])
	if pe, ok := err.(*ParseError); ok {
		pe.Input = in
	}
	return d, err
}

// normalizeWidth turns full-width digits and punctuation (２０２７／３／１５)
// into their ASCII forms, as Japanese input methods often type them.
func normalizeWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r >= 'Ａ' && r <= 'Ｚ':
			return 'A' + (r - 'Ａ')
		case r >= 'ａ' && r <= 'ｚ':
			return 'a' + (r - 'ａ')
		case r == '／':
			return '/'
		case r == '－' || r == '‐' || r == '−' || r == 'ー':
			return '-'
		case r == '．' || r == '。':
			return '.'
		case r == '　':
			return ' '
		case r == '（':
			return '('
		case r == '）':
			return ')'
		}
		return r
	}, s)
}

// trimWeekday drops a trailing "(月)" or "(Mon)".
func trimWeekday(s string) string {
	if i := strings.LastIndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		inner := s[i+1 : len(s)-1]
		if len([]rune(inner)) <= 3 && strings.IndexFunc(inner, unicode.IsDigit) < 0 {
			return strings.TrimSpace(s[:i])
		}
	}
	return s
}

// eraPrefixes are the era names and their one-letter abbreviations.
var eraPrefixes = func() map[string]*Era {
	m := map[string]*Era{}
	for i := range eras {
		e := &eras[i]
		m[e.Name] = e
		m[e.Roman[:1]] = e
		m[strings.ToLower(e.Roman[:1])] = e
	}
	return m
}()

// cutEra splits a leading era (令和, R, r) from the rest.
func cutEra(s string) (*Era, string) {
	for p, e := range eraPrefixes {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" && (unicode.IsDigit(rune(rest[0])) || strings.HasPrefix(rest, "元")) {
			return e, rest
		}
	}
	return nil, s
}
