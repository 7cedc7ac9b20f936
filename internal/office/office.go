// Package office reads the office file of a jpkicheck kiosk: where residents
// renew (the counter, floor, opening hours and phone number shown under every
// result) and, optionally, the office's own words for what to bring.
//
// The format is made for an administrator with Notepad: UTF-8 text, one
// "key = value" per line, "#" comments, and an optional language suffix
// (name.ja, name.en; English falls back to Japanese). Anything the parser
// does not understand is an error naming the file, the line and the field,
// so a typo is found when the kiosk starts, not by a resident at the screen:
//
//	office.conf:7: unknown field "flor" (did you mean "floor"?)
//
// example.conf is the documented example (also in the README) and the block
// a kiosk shows, labelled as an example, when it has no office file.
package office

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Text is one value in both page languages.
type Text struct {
	Ja string `json:"ja"`
	En string `json:"en,omitempty"` // "" means: show the Japanese
}

// In returns the text for lang ("ja" or "en"); English falls back to
// Japanese, since an office that wrote only Japanese still has a counter.
func (t Text) In(lang string) string {
	if lang == "en" && t.En != "" {
		return t.En
	}
	return t.Ja
}

// Office is a parsed office file. Unset fields are zero Texts.
type Office struct {
	Name          Text // the building or office, e.g. 市役所
	Counter       Text // the counter, e.g. 市民課
	Floor         Text // where it is, e.g. 本庁舎1階
	Hours         Text // opening hours
	Phone         Text
	BringInPerson Text // replaces the standard "what to bring" text, in person
	BringByProxy  Text // … and by proxy
	Note          Text // anything else the office wants residents to read

	// OpenDays are days the counter opens although the default calendar
	// has it closed (Saturday or holiday openings); ClosedDays are days it
	// closes although the default calendar has it open. Both are sorted,
	// without repeats, and never share a day. Calendar turns them into the
	// office's calendar.
	OpenDays   []window.Date
	ClosedDays []window.Date

	// ReadingTime is how long the kiosk shows an answer before asking,
	// over it, for the card to be taken (reading_time, in seconds); 0
	// leaves the kiosk's default. Voice reads the answer's headline aloud
	// (voice = on).
	ReadingTime time.Duration
	Voice       bool

	// Example marks the built-in example block: the page labels it so no
	// resident mistakes it for the real counter.
	Example bool
}

// Keys are the field names the file accepts, in the order Format writes them.
var Keys = []string{"name", "counter", "floor", "hours", "phone", "bring_in_person", "bring_by_proxy", "note", OpenDaysKey, ClosedDaysKey,
	ReadingTimeKey, VoiceKey}

// The kiosk's settings: a number of seconds, and on or off. Like the date
// lists they take no language suffix.
const (
	ReadingTimeKey = "reading_time"
	VoiceKey       = "voice"
	// MaxReadingTime bounds reading_time: longer, and a forgotten card's
	// answer stays on the screen for the next person to see.
	MaxReadingTime = 10 * time.Minute
)

// The date-list keys. Their values are dates written YYYY-MM-DD, separated
// by commas, and ranges written FROM..TO (or FROM〜TO); unlike the text
// keys they take no language suffix and may be repeated, one line per
// opening or closure, each adding to the list.
const (
	OpenDaysKey   = "open_days"
	ClosedDaysKey = "closed_days"
)

// Limits on the date lists: a range longer than MaxRangeDays is more likely
// a mistyped year than a closure, and MaxDates keeps a pasted list from
// growing without end.
const (
	MaxRangeDays = 92
	MaxDates     = 1000
)

// Calendar returns the office's calendar: closed on Saturdays, Sundays,
// national holidays and 29 December–3 January, open on OpenDays, closed on
// ClosedDays. A nil Office, or one without dates, gives the default
// calendar.
func (o *Office) Calendar() *window.Calendar {
	if o == nil {
		return window.NewCalendar(nil, nil)
	}
	return window.NewCalendar(o.OpenDays, o.ClosedDays)
}

// days returns the list a date-list key names, or nil for any other key.
func (o *Office) days(key string) *[]window.Date {
	switch key {
	case OpenDaysKey:
		return &o.OpenDays
	case ClosedDaysKey:
		return &o.ClosedDays
	}
	return nil
}

// field returns the Text a key names, or nil for an unknown key.
func (o *Office) field(key string) *Text {
	switch key {
	case "name":
		return &o.Name
	case "counter":
		return &o.Counter
	case "floor":
		return &o.Floor
	case "hours":
		return &o.Hours
	case "phone":
		return &o.Phone
	case "bring_in_person":
		return &o.BringInPerson
	case "bring_by_proxy":
		return &o.BringByProxy
	case "note":
		return &o.Note
	}
	return nil
}

// Limits keep a mistaken file (a log, a photo renamed .conf) from turning
// into a screen of noise: an office block is a few short lines.
const (
	MaxFileSize  = 64 << 10
	MaxValueRune = 500
)

//go:embed example.conf
var exampleConf []byte

// ExampleFile is the documented example office file.
func ExampleFile() []byte { return bytes.Clone(exampleConf) }

// Example returns the example office block, marked as an example so that
// no screen presents it as a real office (docs/renewal-rule.md, "What to
// bring").
func Example() *Office {
	o, err := Parse("example.conf", exampleConf)
	if err != nil {
		panic("office: the embedded example does not parse: " + err.Error()) // a broken build
	}
	o.Example = true
	return o
}

// Load reads and parses an office file.
func Load(path string) (*Office, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading the office file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading the office file: %w", err)
	}
	return Parse(path, data)
}

// Parse parses the text of an office file; name is used in errors. A
// UTF-8 byte order mark (Notepad writes one) and CRLF line ends are fine.
// Keys are case-insensitive, and a full-width ＝ counts as "=" since a
// Japanese input method easily types one.
func Parse(name string, data []byte) (*Office, error) {
	fail := func(line int, kind ErrorKind, field string) *Error {
		return &Error{File: name, Line: line, Kind: kind, Field: field}
	}
	if len(data) > MaxFileSize {
		return nil, fail(0, TooBig, "")
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, fail(0, UTF16, "")
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))

	o := &Office{}
	seen := map[string]int{}                                                      // "name.ja" → line it was set on
	dayLine := map[string]map[window.Date]int{OpenDaysKey: {}, ClosedDaysKey: {}} // the line each day was given on
	dates := 0
	n := 0
	for i, raw := range strings.Split(string(data), "\n") {
		line := i + 1
		raw = strings.TrimSuffix(raw, "\r")
		if !utf8.ValidString(raw) {
			return nil, fail(line, BadUTF8, "")
		}
		text := strings.TrimSpace(raw)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		eq := strings.IndexAny(text, "=＝")
		if eq < 0 {
			return nil, fail(line, MissingEquals, firstWord(text))
		}
		key := strings.ToLower(strings.TrimSpace(text[:eq]))
		_, size := utf8.DecodeRuneInString(text[eq:])
		value := strings.TrimSpace(text[eq+size:])
		if key == "" {
			return nil, fail(line, MissingKey, "")
		}
		base, lang, hasLang := strings.Cut(key, ".")
		if base == ReadingTimeKey || base == VoiceKey {
			if hasLang {
				e := fail(line, UnknownField, key)
				e.Suggest = base
				return nil, e
			}
			if first, dup := seen[base]; dup {
				e := fail(line, Duplicate, key)
				e.Other = first
				return nil, e
			}
			seen[base] = line
			if kind := o.setting(base, value); kind != 0 {
				e := fail(line, kind, key)
				e.Value = value
				return nil, e
			}
			n++
			continue
		}
		if list := o.days(base); list != nil {
			if hasLang {
				e := fail(line, UnknownField, key)
				e.Suggest = base // dates are the same in every language
				return nil, e
			}
			if kind := checkValue(value); kind != 0 {
				return nil, fail(line, kind, key)
			}
			days, bad, kind := parseDays(value)
			if kind == 0 && len(days) == 0 {
				kind = EmptyValue // only separators
			}
			if kind != 0 {
				e := fail(line, kind, key)
				e.Value = bad
				return nil, e
			}
			other := ClosedDaysKey
			if base == ClosedDaysKey {
				other = OpenDaysKey
			}
			for _, d := range days {
				if first, clash := dayLine[other][d]; clash {
					e := fail(line, OpenAndClosed, key)
					e.Value, e.Other = d.String(), first
					return nil, e
				}
				if _, again := dayLine[base][d]; !again {
					dayLine[base][d] = line
					*list = append(*list, d)
					if dates++; dates > MaxDates {
						return nil, fail(line, TooManyDates, key)
					}
				}
			}
			n++
			continue
		}
		t := o.field(base)
		if t == nil {
			e := fail(line, UnknownField, key)
			e.Suggest = suggest(base)
			return nil, e
		}
		if !hasLang {
			lang = "ja"
		}
		if lang != "ja" && lang != "en" {
			return nil, fail(line, UnknownLanguage, key)
		}
		slot := base + "." + lang
		if first, dup := seen[slot]; dup {
			e := fail(line, Duplicate, key)
			e.Other = first
			return nil, e
		}
		seen[slot] = line
		if kind := checkValue(value); kind != 0 {
			return nil, fail(line, kind, key)
		}
		value = strings.ReplaceAll(value, "\t", " ")
		if lang == "en" {
			t.En = value
		} else {
			t.Ja = value
		}
		n++
	}
	if n == 0 {
		return nil, fail(0, NoFields, "")
	}
	for _, list := range [][]window.Date{o.OpenDays, o.ClosedDays} {
		slices.SortFunc(list, window.Date.Compare)
	}
	for _, k := range Keys {
		if t := o.field(k); t != nil && t.Ja == "" && t.En != "" {
			// English alone would leave the Japanese screen blank.
			return nil, fail(seen[k+".en"], OnlyEnglish, k+".en")
		}
	}
	return o, nil
}

// setting sets reading_time or voice from its value, or says what is wrong.
func (o *Office) setting(key, value string) ErrorKind {
	value = strings.ToLower(halfWidth(value))
	if value == "" {
		return EmptyValue
	}
	if key == VoiceKey {
		switch value {
		case "on", "yes", "true":
			o.Voice = true
		case "off", "no", "false":
			o.Voice = false
		default:
			return BadSetting
		}
		return 0
	}
	secs, err := strconv.Atoi(strings.TrimSuffix(value, "s"))
	d := time.Duration(secs) * time.Second
	if err != nil || d <= 0 || d > MaxReadingTime {
		return BadSetting
	}
	o.ReadingTime = d
	return 0
}

// checkValue returns what is wrong with a value as a whole, or 0.
func checkValue(value string) ErrorKind {
	switch {
	case value == "":
		return EmptyValue
	case utf8.RuneCountInString(value) > MaxValueRune:
		return TooLong
	case strings.ContainsFunc(value, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }):
		return ControlChar
	}
	return 0
}

// rangeSeparators join the two ends of a range of days. A hyphen cannot be
// one: the dates are full of them.
var rangeSeparators = []string{"..", "〜", "～", "~"}

// parseDays reads a date-list value: dates and ranges separated by commas
// (or spaces, between single dates). A Japanese input method's full-width
// digits and hyphens are read as the ASCII ones. On a mistake it returns
// the item as written and the kind of mistake.
func parseDays(value string) (days []window.Date, bad string, kind ErrorKind) {
	for _, piece := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == '、' || r == '，' }) {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		from, to, isRange := cutRange(piece)
		if !isRange {
			for _, item := range strings.Fields(piece) {
				d, err := window.Parse(halfWidth(item))
				if err != nil {
					return nil, item, BadDate
				}
				days = append(days, d)
			}
			continue
		}
		first, err := window.Parse(halfWidth(from))
		if err != nil {
			return nil, from, BadDate
		}
		last, err := window.Parse(halfWidth(to))
		if err != nil {
			return nil, to, BadDate
		}
		if last.Before(first) || last.DaysSince(first) >= MaxRangeDays {
			return nil, piece, BadRange
		}
		for d := first; !d.After(last); d = d.AddDays(1) {
			days = append(days, d)
		}
	}
	return days, "", 0
}

func cutRange(s string) (from, to string, ok bool) {
	for _, sep := range rangeSeparators {
		if from, to, ok = strings.Cut(s, sep); ok {
			return strings.TrimSpace(from), strings.TrimSpace(to), true
		}
	}
	return "", "", false
}

// halfWidth turns full-width digits and hyphens (０-９, －) into ASCII.
func halfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '－' || r == '‐' || r == '−':
			return '-'
		}
		return r
	}, s)
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

// Format writes o in the file format, one line per value, in Keys order;
// Parse(Format(o)) gives o back. Runs of three days or more are written as
// ranges, a few items to a line.
func (o *Office) Format() []byte {
	var b bytes.Buffer
	for _, k := range Keys {
		if list := o.days(k); list != nil {
			items := dayItems(*list)
			for len(items) > 0 {
				line := items[:min(len(items), 8)]
				items = items[len(line):]
				fmt.Fprintf(&b, "%s = %s\n", k, strings.Join(line, ", "))
			}
			continue
		}
		switch k {
		case ReadingTimeKey:
			if o.ReadingTime > 0 {
				fmt.Fprintf(&b, "%s = %d\n", k, int(o.ReadingTime/time.Second))
			}
			continue
		case VoiceKey:
			if o.Voice {
				fmt.Fprintf(&b, "%s = on\n", k)
			}
			continue
		}
		t := o.field(k)
		if t.Ja != "" {
			fmt.Fprintf(&b, "%s = %s\n", k, t.Ja)
		}
		if t.En != "" {
			fmt.Fprintf(&b, "%s.en = %s\n", k, t.En)
		}
	}
	return b.Bytes()
}

// dayItems writes sorted days as items: single days, and FROM..TO for runs
// of three days or more (and never longer than MaxRangeDays).
func dayItems(days []window.Date) []string {
	var items []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j].AddDays(1) && j+1-i < MaxRangeDays {
			j++
		}
		if j-i >= 2 {
			items = append(items, days[i].String()+".."+days[j].String())
		} else {
			for _, d := range days[i : j+1] {
				items = append(items, d.String())
			}
		}
		i = j + 1
	}
	return items
}

// suggest returns the known key closest to an unknown one, if it is close
// enough to be a typo.
func suggest(key string) string {
	best, bestDist := "", 3
	for _, k := range Keys {
		if d := distance(key, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
