package office

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/window"
)

func day(s string) window.Date {
	d, err := window.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func days(ss ...string) []window.Date {
	var out []window.Date
	for _, s := range ss {
		out = append(out, day(s))
	}
	return out
}

func TestParseDays(t *testing.T) {
	tests := []struct {
		name, text   string
		open, closed []window.Date
	}{
		{"one Saturday", "open_days = 2027-03-27\n", days("2027-03-27"), nil},
		{"a list, commas and spaces", "open_days = 2027-03-27, 2027-04-03 2027-04-10、2027-04-17，2027-04-24\n",
			days("2027-03-27", "2027-04-03", "2027-04-10", "2027-04-17", "2027-04-24"), nil},
		{"one line per opening, sorted, repeats dropped", "open_days = 2027-04-03\n# 土曜開庁\nopen_days = 2027-03-27, 2027-04-03\n",
			days("2027-03-27", "2027-04-03"), nil},
		{"ranges", "closed_days = 2027-08-13..2027-08-16\nclosed_days = 2027-12-27 〜 2027-12-28, 2028-02-01～2028-02-01\n", nil,
			days("2027-08-13", "2027-08-14", "2027-08-15", "2027-08-16", "2027-12-27", "2027-12-28", "2028-02-01")},
		{"full-width digits from an input method", "closed_days = ２０２７－０８－１３\n", nil, days("2027-08-13")},
		{"both lists, trailing comma", "open_days = 2027-03-27,\nclosed_days = 2027-03-31\nname = 市役所\n",
			days("2027-03-27"), days("2027-03-31")},
		{"key case", "Open_Days = 2027-03-27\n", days("2027-03-27"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := Parse("office.conf", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(o.OpenDays, tt.open) || !reflect.DeepEqual(o.ClosedDays, tt.closed) {
				t.Errorf("open %v closed %v; want open %v closed %v", o.OpenDays, o.ClosedDays, tt.open, tt.closed)
			}
			back, err := Parse("again", o.Format())
			if err != nil || !reflect.DeepEqual(back, o) {
				t.Errorf("round trip through\n%s: %+v, %v", o.Format(), back, err)
			}
		})
	}
}

func TestParseDaysErrors(t *testing.T) {
	tests := []struct {
		name, text string
		kind       ErrorKind
		value      string
		msg        string
	}{
		{"slashes", "name = 市役所\nopen_days = 2027/03/27\n", BadDate, "2027/03/27",
			`office.conf:2: "2027/03/27" in "open_days" is not a date (write YYYY-MM-DD, e.g. 2027-03-27; several separated by commas)`},
		{"no such day", "closed_days = 2027-03-01, 2027-02-30\n", BadDate, "2027-02-30",
			`office.conf:1: "2027-02-30" in "closed_days" is not a date (write YYYY-MM-DD, e.g. 2027-03-27; several separated by commas)`},
		{"a comment after the date", "open_days = 2027-03-27 # 土曜開庁\n", BadDate, "#", ""},
		{"range end", "closed_days = 2027-08-13..2027-8-16\n", BadDate, "2027-8-16", ""},
		{"reversed range", "closed_days = 2027-08-16..2027-08-13\n", BadRange, "2027-08-16..2027-08-13",
			`office.conf:1: "2027-08-16..2027-08-13" in "closed_days" is not a range of days (write FROM..TO, FROM first, at most 92 days)`},
		{"a mistyped year makes a long range", "closed_days = 2027-08-13..2028-08-16\n", BadRange, "2027-08-13..2028-08-16", ""},
		{"open and closed", "open_days = 2027-03-27\nname = 市役所\nclosed_days = 2027-03-20..2027-03-31\n", OpenAndClosed, "2027-03-27",
			`office.conf:3: 2027-03-27 is in "closed_days" here and in the other list on line 1 (a day is either open or closed)`},
		{"language suffix", "open_days.en = 2027-03-27\n", UnknownField, "",
			`office.conf:1: unknown field "open_days.en" (did you mean "open_days"?)`},
		{"typo", "open_day = 2027-03-27\n", UnknownField, "",
			`office.conf:1: unknown field "open_day" (did you mean "open_days"?)`},
		{"empty", "closed_days =\n", EmptyValue, "", ""},
		{"only separators", "open_days = ,、\n", EmptyValue, "", `office.conf:1: field "open_days" has no value (delete the line or write a value after "=")`},
		{"too many", manyRanges(2030, 2060), TooManyDates, "", `office.conf:17: more than 1000 days in open_days and closed_days`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("office.conf", []byte(tt.text))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse = %v, want an *Error", err)
			}
			if e.Kind != tt.kind || e.Value != tt.value || (tt.msg != "" && err.Error() != tt.msg) {
				t.Errorf("got %s %q: %q\nwant %s %q: %q", e.Kind, e.Value, err, tt.kind, tt.value, tt.msg)
			}
		})
	}
}

// manyRanges closes 1 January–1 March of each year, one line a year: 60
// days, 61 in a leap year, so the 1001st day is on the 17th line.
func manyRanges(from, to int) string {
	var b strings.Builder
	for y := from; y < to; y++ {
		fmt.Fprintf(&b, "closed_days = %d-01-01..%d-03-01\n", y, y)
	}
	return b.String()
}

// The office file's days reach the calendar and so the renewal answer: a
// Saturday opening becomes the last office day, a closure moves it earlier.
func TestCalendarFromTheFile(t *testing.T) {
	tests := []struct {
		name, text, expiry, last string
	}{
		{"no dates: weekend, then 成人の日", "name = 市役所\n", "2027-01-10", "2027-01-08"},
		{"Saturday opening", "open_days = 2027-01-09\n", "2027-01-10", "2027-01-09"},
		{"opening on 成人の日", "open_days = 2027-01-11\n", "2027-01-11", "2027-01-11"},
		{"closure of the last Friday", "closed_days = 2027-01-07..2027-01-08\n", "2027-01-10", "2027-01-06"},
		{"New Year opening", "open_days = 2027-01-02\n", "2027-01-03", "2027-01-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := Parse("office.conf", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			w := window.Rule{Months: 3, Calendar: o.Calendar()}.Compute(day(tt.expiry), day("2026-12-01"))
			if w.LastOfficeDay != day(tt.last) {
				t.Errorf("last office day for %s = %s, want %s", tt.expiry, w.LastOfficeDay, tt.last)
			}
		})
	}
	var none *Office
	if got, _ := none.Calendar().LastOfficeDayOnOrBefore(day("2027-01-10")); got != day("2027-01-08") {
		t.Errorf("a nil office's calendar: %s", got)
	}
	if got, _ := Example().Calendar().LastOfficeDayOnOrBefore(day("2027-01-10")); got != day("2027-01-08") {
		t.Errorf("the example's calendar: %s", got)
	}
}

// Format writes long runs as ranges and many days over several lines, each
// short enough for Parse.
func TestFormatDays(t *testing.T) {
	o := &Office{Name: Text{Ja: "市役所"}}
	for d := day("2027-01-01"); d.Before(day("2027-07-01")); d = d.AddDays(1) {
		if d.Weekday() == time.Saturday { // every Saturday in the first half of 2027
			o.OpenDays = append(o.OpenDays, d)
		}
	}
	for d := day("2027-08-01"); d.Before(day("2028-01-01")); d = d.AddDays(1) {
		o.ClosedDays = append(o.ClosedDays, d)
	}
	text := string(o.Format())
	if !strings.Contains(text, "closed_days = 2027-08-01..2027-10-31, 2027-11-01..2027-12-31\n") {
		t.Errorf("ranges not joined as expected:\n%s", text)
	}
	if n := strings.Count(text, "open_days = "); n != 4 {
		t.Errorf("%d open_days lines for 26 Saturdays, want 4 of at most 8:\n%s", n, text)
	}
	back, err := Parse("again", []byte(text))
	if err != nil || !reflect.DeepEqual(back, o) {
		t.Errorf("round trip: %v\n%s", err, text)
	}
}
