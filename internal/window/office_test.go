package window

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestIsOfficeDay(t *testing.T) {
	c := NewCalendar(
		[]Date{d("2027-03-27"), d("2027-05-04")}, // a Saturday opening, a holiday opening
		[]Date{d("2027-03-31"), d("2051-01-05")}, // an office closure; a closure past the known years
	)
	tests := []struct {
		day  string
		want bool
		why  string
	}{
		{"2027-01-08", true, "Friday"},
		{"2027-01-09", false, "Saturday"},
		{"2027-01-10", false, "Sunday"},
		{"2027-01-11", false, "成人の日"},
		{"2026-12-28", true, "Monday before the New Year closure"},
		{"2026-12-29", false, "New Year closure starts"},
		{"2027-01-01", false, "元日"},
		{"2027-01-03", false, "New Year closure ends"},
		{"2027-01-04", true, "first day after"},
		{"2026-09-22", false, "国民の休日 (Silver Week)"},
		{"2027-03-22", false, "振替休日 for 春分の日 on a Sunday"},
		{"2027-03-27", true, "the office's Saturday opening"},
		{"2027-05-04", true, "the office opens on みどりの日"},
		{"2027-03-31", false, "the office's own closure of a Wednesday"},
		{"2051-01-05", false, "closed by the office: no holiday needed"},
		{"2051-01-07", false, "Saturday, past the known years"},
		{"2050-12-30", false, "New Year closure, past the known years' edge"},
	}
	for _, tt := range tests {
		got, err := c.IsOfficeDay(d(tt.day))
		if err != nil || got != tt.want {
			t.Errorf("IsOfficeDay(%s) = %v, %v; want %v (%s)", tt.day, got, err, tt.want, tt.why)
		}
	}
	for _, cal := range []*Calendar{nil, {}, NewCalendar(nil, nil)} {
		if open, err := cal.IsOfficeDay(d("2027-03-27")); open || err != nil {
			t.Errorf("default calendar %+v: open on a Saturday = %v, %v", cal, open, err)
		}
	}
	if _, err := c.IsOfficeDay(d("2051-01-06")); !errors.Is(err, ErrHolidaysUnknown) {
		t.Errorf("a weekday in 2051: %v, want ErrHolidaysUnknown", err)
	}
	both := NewCalendar([]Date{d("2027-03-27")}, []Date{d("2027-03-27")})
	if open, _ := both.IsOfficeDay(d("2027-03-27")); open {
		t.Error("a day both opened and closed by the office counts as open")
	}
}

// The last office day on or before an expiry, across the closures that
// catch people out: New Year, Golden Week, Silver Week, Happy Mondays.
func TestLastOfficeDayOnOrBefore(t *testing.T) {
	tests := []struct{ expiry, want, why string }{
		{"2027-01-03", "2026-12-28", "New Year: 29 Dec–3 Jan closed, 1 Jan 元日"},
		{"2027-01-10", "2027-01-08", "Sunday; Monday 11 Jan is 成人の日 but comes after"},
		{"2027-01-11", "2027-01-08", "成人の日 itself"},
		{"2027-01-12", "2027-01-12", "a Tuesday office day"},
		{"2026-01-04", "2025-12-26", "Sunday 4 Jan after the closure: back past it"},
		{"2030-01-05", "2030-01-04", "Saturday; Friday 4 Jan is open"},
		{"2027-05-05", "2027-04-30", "Golden Week 2027: 3–5 May holidays, 1–2 May weekend"},
		{"2026-05-06", "2026-05-01", "Golden Week 2026: 6 May 振替休日"},
		{"2025-05-06", "2025-05-02", "Golden Week 2025: 6 May 振替休日"},
		{"2019-05-06", "2019-04-26", "2019: ten days off around the accession"},
		{"2026-09-23", "2026-09-18", "Silver Week 2026: 21 敬老の日, 22 国民の休日, 23 秋分の日"},
		{"2015-09-23", "2015-09-18", "Silver Week 2015"},
		{"2032-09-22", "2032-09-17", "Silver Week 2032: 20 敬老の日, 21 国民の休日, 22 秋分の日"},
		{"2027-02-23", "2027-02-22", "天皇誕生日 on a Tuesday"},
		{"2027-03-22", "2027-03-19", "振替休日 after 春分の日 on a Sunday"},
	}
	var c Calendar
	for _, tt := range tests {
		got, err := c.LastOfficeDayOnOrBefore(d(tt.expiry))
		if err != nil || got != d(tt.want) {
			t.Errorf("LastOfficeDayOnOrBefore(%s) = %s, %v; want %s (%s)", tt.expiry, got, err, tt.want, tt.why)
		}
	}
}

func TestFirstOfficeDayOnOrAfter(t *testing.T) {
	tests := []struct{ opens, want, why string }{
		{"2026-12-29", "2027-01-04", "window opening in the New Year closure"},
		{"2027-04-29", "2027-04-30", "昭和の日"},
		{"2027-05-01", "2027-05-06", "Golden Week 2027"},
		{"2026-09-19", "2026-09-24", "Silver Week 2026 from its Saturday"},
		{"2027-01-09", "2027-01-12", "weekend then 成人の日"},
		{"2027-01-12", "2027-01-12", "already an office day"},
	}
	var c Calendar
	for _, tt := range tests {
		got, err := c.FirstOfficeDayOnOrAfter(d(tt.opens))
		if err != nil || got != d(tt.want) {
			t.Errorf("FirstOfficeDayOnOrAfter(%s) = %s, %v; want %s (%s)", tt.opens, got, err, tt.want, tt.why)
		}
	}
}

// The office's own days change the answers: a Saturday opening becomes the
// last office day, a closure pushes it earlier.
func TestOfficeExtraDays(t *testing.T) {
	tests := []struct {
		name         string
		open, closed []string
		expiry, last string
		opens, first string
	}{
		{"default", nil, nil, "2027-01-10", "2027-01-08", "2026-12-29", "2027-01-04"},
		{"Saturday opening before the expiry", []string{"2027-01-09"}, nil, "2027-01-10", "2027-01-09", "2026-12-29", "2027-01-04"},
		{"opening inside the New Year closure", []string{"2027-01-03"}, nil, "2027-01-03", "2027-01-03", "2026-12-29", "2027-01-03"},
		{"holiday opening", []string{"2027-01-11"}, nil, "2027-01-11", "2027-01-11", "2027-01-09", "2027-01-11"},
		{"closure of the last Friday", nil, []string{"2027-01-08"}, "2027-01-10", "2027-01-07", "2026-12-29", "2027-01-04"},
		{"closure week", nil, []string{"2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"},
			"2027-01-10", "2026-12-28", "2026-12-29", "2027-01-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCalendar(dates(tt.open), dates(tt.closed))
			if got, err := c.LastOfficeDayOnOrBefore(d(tt.expiry)); err != nil || got != d(tt.last) {
				t.Errorf("last office day on or before %s = %s, %v; want %s", tt.expiry, got, err, tt.last)
			}
			if got, err := c.FirstOfficeDayOnOrAfter(d(tt.opens)); err != nil || got != d(tt.first) {
				t.Errorf("first office day on or after %s = %s, %v; want %s", tt.opens, got, err, tt.first)
			}
		})
	}
}

func dates(ss []string) []Date {
	var out []Date
	for _, s := range ss {
		out = append(out, d(s))
	}
	return out
}

func TestOfficeDaySearchIsBounded(t *testing.T) {
	var shut []Date
	for day := d("2027-01-01"); day.Before(d("2029-01-01")); day = day.AddDays(1) {
		shut = append(shut, day)
	}
	c := NewCalendar(nil, shut)
	for _, f := range []func(Date) (Date, error){c.LastOfficeDayOnOrBefore, c.FirstOfficeDayOnOrAfter} {
		if got, err := f(d("2028-01-01")); !errors.Is(err, ErrNoOfficeDay) || !got.IsZero() {
			t.Errorf("closed for two years: %s, %v; want ErrNoOfficeDay", got, err)
		}
	}
	// Past the known years the answer is "unknown", never a guess.
	var def Calendar
	for _, day := range []string{"2051-01-10", "2051-01-04"} {
		if got, err := def.LastOfficeDayOnOrBefore(d(day)); !errors.Is(err, ErrHolidaysUnknown) {
			t.Errorf("LastOfficeDayOnOrBefore(%s) = %s, %v; want ErrHolidaysUnknown", day, got, err)
		}
	}
	// 2051-01-03 is in the closure, 2050-12-28 a known Wednesday.
	if got, err := def.LastOfficeDayOnOrBefore(d("2051-01-03")); err != nil || got != d("2050-12-28") {
		t.Errorf("LastOfficeDayOnOrBefore(2051-01-03) = %s, %v; want 2050-12-28", got, err)
	}
}

// The case: a window closing on Sunday 10 January 2027.
func TestComputeWithCalendar(t *testing.T) {
	r := Rule{Months: 3, Calendar: &Calendar{}}
	w := r.Compute(d("2027-01-10"), d("2026-12-01"))
	// Opens on Sunday 11 October 2026; Monday 12 October is スポーツの日.
	if w.Opens != d("2026-10-11") || w.LastOfficeDay != d("2027-01-08") || w.FirstOfficeDay != d("2026-10-13") {
		t.Errorf("opens %s, office days %s..%s; want 2026-10-11, 2026-10-13..2027-01-08", w.Opens, w.FirstOfficeDay, w.LastOfficeDay)
	}
	plain := Rule{Months: 3}.Compute(d("2027-01-10"), d("2026-12-01"))
	w.LastOfficeDay, w.FirstOfficeDay = Date{}, Date{}
	if w != plain {
		t.Errorf("the calendar changed the rest of the answer:\n%+v\n%+v", w, plain)
	}

	got, err := json.Marshal(r.Compute(d("2027-03-15"), d("2026-12-20")))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"expiry":"2027-03-15","today":"2026-12-20","opens":"2026-12-16","state":"open",` +
		`"days_until_open":0,"days_left":85,"days_since_expiry":0,"months":3,` +
		`"last_office_day":"2027-03-15","first_office_day":"2026-12-16"}`
	if string(got) != want {
		t.Errorf("JSON\n got %s\nwant %s", got, want)
	}
	var back Window
	if err := json.Unmarshal(got, &back); err != nil || back != r.Compute(d("2027-03-15"), d("2026-12-20")) {
		t.Errorf("round trip: %+v, %v", back, err)
	}

	// Past the known holiday years the office days are left out, not guessed.
	far := r.Compute(d("2051-03-15"), d("2051-01-20"))
	if !far.LastOfficeDay.IsZero() || !far.FirstOfficeDay.IsZero() {
		t.Errorf("2051: office days %s..%s, want none", far.FirstOfficeDay, far.LastOfficeDay)
	}
	if b, _ := json.Marshal(far); strings.Contains(string(b), "office_day") {
		t.Errorf("2051 JSON names office days: %s", b)
	}
	// A window the office is closed for throughout has no office days.
	var shut []Date
	for day := d("2026-12-01"); !day.After(d("2027-04-30")); day = day.AddDays(1) {
		shut = append(shut, day)
	}
	closed := Rule{Months: 3, Calendar: NewCalendar(nil, shut)}.Compute(d("2027-03-15"), d("2027-01-20"))
	if !closed.LastOfficeDay.IsZero() || !closed.FirstOfficeDay.IsZero() {
		t.Errorf("closed window: office days %s..%s, want none", closed.FirstOfficeDay, closed.LastOfficeDay)
	}
}

// Property: for every expiry from 2024 to 2036 and both window lengths,
// the last office day is an office day, never after the expiry, and every
// day after it up to the expiry is a day off; the first office day is an
// office day, never before the window opens, and every day before it from
// the opening is a day off. The check walks the days itself and trusts
// only IsOfficeDay.
func TestOfficeDaysProperty(t *testing.T) {
	c := NewCalendar([]Date{d("2027-03-27"), d("2030-01-03")}, []Date{d("2027-03-31"), d("2029-08-13"), d("2029-08-14")})
	isOpen := func(day Date) bool {
		open, err := c.IsOfficeDay(day)
		if err != nil {
			t.Fatalf("IsOfficeDay(%s): %v", day, err)
		}
		return open
	}
	for _, months := range []int{3, 12} {
		r := Rule{Months: months, Calendar: c}
		for e := d("2024-01-01"); !e.After(d("2036-12-31")); e = e.AddDays(1) {
			w := r.Compute(e, e)
			last, first := w.LastOfficeDay, w.FirstOfficeDay
			if last.IsZero() || first.IsZero() {
				t.Fatalf("expiry %s: no office days", e)
			}
			if last.After(e) || !isOpen(last) || first.Before(w.Opens) || !isOpen(first) || first.After(last) {
				t.Fatalf("expiry %s, opens %s: office days %s..%s", e, w.Opens, first, last)
			}
			for day := last.AddDays(1); !day.After(e); day = day.AddDays(1) {
				if isOpen(day) {
					t.Fatalf("expiry %s: %s is open but after the last office day %s", e, day, last)
				}
			}
			for day := w.Opens; day.Before(first); day = day.AddDays(1) {
				if isOpen(day) {
					t.Fatalf("opens %s: %s is open but before the first office day %s", w.Opens, day, first)
				}
			}
			if e.DaysSince(last) > 9 && months == 3 {
				t.Fatalf("expiry %s: last office day %s is %d days earlier", e, last, e.DaysSince(last))
			}
		}
	}
}

// The kiosk answers one card at a time; this is the per-answer cost of the
// office days on top of the window rule.
func BenchmarkComputeWithCalendar(b *testing.B) {
	r := Rule{Months: 3, Calendar: NewCalendar([]Date{d("2027-03-27")}, []Date{d("2027-03-31")})}
	expiry, today := d("2027-01-10"), d("2026-12-01")
	r.Compute(expiry, today)
	b.ReportAllocs()
	for b.Loop() {
		r.Compute(expiry, today)
	}
}
