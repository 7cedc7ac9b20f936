package window

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the zone tests below must not depend on the machine's tzdata
)

func TestParse(t *testing.T) {
	good := map[string]Date{
		"2027-03-15": {2027, time.March, 15},
		"2028-02-29": {2028, time.February, 29},
		"2027-12-31": {2027, time.December, 31},
		"1900-01-01": {1900, time.January, 1},
	}
	for in, want := range good {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
		if got.String() != in {
			t.Errorf("Parse(%q).String() = %q", in, got.String())
		}
	}
	bad := []string{
		"", "2027-02-30", "2027-02-29", "2027-2-3", "2027-02-3", "2027/02/03",
		"20270215", "2027-13-01", "2027-00-10", "2027-01-00", "2027-04-31",
		"tomorrow", " 2027-03-15", "2027-03-15 ", "２０２７-03-15", "+027-03-15",
		"2027-03-1x", "0000-01-01", "9999-12-31", "2027-03-15T00:00",
	}
	for _, in := range bad {
		_, err := Parse(in)
		if !errors.Is(err, ErrInvalidDate) {
			t.Errorf("Parse(%q) error = %v, want ErrInvalidDate", in, err)
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Reason == "" {
			t.Errorf("Parse(%q): want a *ParseError with a reason, got %#v", in, err)
		}
	}
}

func TestParseErrorSaysWhatIsWrong(t *testing.T) {
	_, err := Parse("2027-02-30")
	if got, want := err.Error(), `invalid date "2027-02-30": February 2027 has 28 days`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = Parse("2027-2-3")
	if got, want := err.Error(), `invalid date "2027-2-3": write it as YYYY-MM-DD, e.g. 2027-03-15`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2027-03-15", "2028-02-29", "2027-02-30", "", "2027-2-3", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		date, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidDate) {
				t.Fatalf("Parse(%q) returned an untyped error %v", s, err)
			}
			return
		}
		// Anything accepted is a real calendar day and prints back identically.
		if date.String() != s {
			t.Fatalf("Parse(%q) = %s: not a round trip", s, date)
		}
		tm := time.Date(date.Year, date.Month, date.Day, 0, 0, 0, 0, time.UTC)
		if tm.Day() != date.Day || tm.Month() != date.Month {
			t.Fatalf("Parse(%q) accepted a day that does not exist", s)
		}
	})
}

// Day arithmetic is checked against the time package over a wide span.
func TestAddDaysAndDaysSinceAgreeWithTime(t *testing.T) {
	base := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	origin := MustDate(1900, time.January, 1)
	for i := 0; i < 299*365; i += 7 {
		tm := base.AddDate(0, 0, i)
		want := MustDate(tm.Year(), tm.Month(), tm.Day())
		if got := origin.AddDays(i); got != want {
			t.Fatalf("AddDays(%d) = %s, want %s", i, got, want)
		}
		if got := want.DaysSince(origin); got != i {
			t.Fatalf("%s.DaysSince(%s) = %d, want %d", want, origin, got, i)
		}
		if got := want.AddDays(-i); got != origin {
			t.Fatalf("%s.AddDays(-%d) = %s", want, i, got)
		}
		if want.Weekday() != tm.Weekday() {
			t.Fatalf("%s.Weekday() = %s, want %s", want, want.Weekday(), tm.Weekday())
		}
	}
}

func TestAddMonthsClamps(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2027-05-31", -3, "2027-02-28"},
		{"2028-05-31", -3, "2028-02-29"},
		{"2027-12-31", -3, "2027-09-30"},
		{"2027-03-15", -3, "2026-12-15"},
		{"2027-01-31", 1, "2027-02-28"},
		{"2027-03-31", -12, "2026-03-31"},
		{"2028-02-29", -12, "2027-02-28"},
		{"2027-01-15", -13, "2025-12-15"},
	}
	for _, tt := range tests {
		if got := d(tt.from).AddMonths(tt.months); got != d(tt.want) {
			t.Errorf("%s.AddMonths(%d) = %s, want %s", tt.from, tt.months, got, tt.want)
		}
	}
}

// JPKI certificates end at 23:59:59 JST = 14:59:59Z. The expiry date is the
// Japan date of NotAfter, whatever the machine's zone.
func TestExpiryDateIgnoresMachineZone(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		notAfter time.Time
		want     string
	}{
		{time.Date(2027, 3, 15, 14, 59, 59, 0, time.UTC), "2027-03-15"},
		{time.Date(2027, 3, 15, 15, 0, 0, 0, time.UTC), "2027-03-16"},
		{time.Date(2027, 3, 15, 14, 59, 59, 999999999, time.UTC), "2027-03-15"},
		{time.Date(2027, 3, 14, 15, 0, 0, 0, time.UTC), "2027-03-15"},
		{time.Date(2027, 3, 14, 14, 59, 59, 0, time.UTC), "2027-03-14"},
		{time.Date(2027, 12, 31, 14, 59, 59, 0, time.UTC), "2027-12-31"},
		{time.Date(2027, 12, 31, 15, 0, 0, 0, time.UTC), "2028-01-01"},
	}
	saved := time.Local
	defer func() { time.Local = saved }()
	for _, zone := range []*time.Location{time.UTC, la, saved} {
		time.Local = zone
		for _, tt := range tests {
			for _, in := range []time.Time{tt.notAfter, tt.notAfter.In(la), tt.notAfter.Local()} {
				if got := ExpiryDate(in); got.String() != tt.want {
					t.Errorf("TZ=%s: ExpiryDate(%s) = %s, want %s", zone, in, got, tt.want)
				}
			}
		}
	}
}

func TestTodayIsJapanDate(t *testing.T) {
	// 2026-11-25 20:00 in Los Angeles is already 26 November in Japan.
	la, _ := time.LoadLocation("America/Los_Angeles")
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, la)
	if got := Today(now); got != MustDate(2026, time.November, 26) {
		t.Errorf("Today = %s, want 2026-11-26", got)
	}
	if got := Today(time.Date(2026, 11, 25, 14, 59, 59, 0, time.UTC)); got != MustDate(2026, time.November, 25) {
		t.Errorf("Today = %s, want 2026-11-25", got)
	}
}

func TestJapaneseFormats(t *testing.T) {
	tests := []struct {
		date, ja, era, eraYear, en, wd string
	}{
		{"2027-03-15", "2027年3月15日", "令和9年3月15日", "令和9年", "15 March 2027", "月"},
		{"2019-05-01", "2019年5月1日", "令和元年5月1日", "令和元年", "1 May 2019", "水"},
		{"2019-04-30", "2019年4月30日", "平成31年4月30日", "平成31年", "30 April 2019", "火"},
		{"1989-01-08", "1989年1月8日", "平成元年1月8日", "平成元年", "8 January 1989", "日"},
		{"1989-01-07", "1989年1月7日", "昭和64年1月7日", "昭和64年", "7 January 1989", "土"},
		{"1926-12-25", "1926年12月25日", "昭和元年12月25日", "昭和元年", "25 December 1926", "土"},
		{"1912-07-30", "1912年7月30日", "大正元年7月30日", "大正元年", "30 July 1912", "火"},
		{"1900-01-01", "1900年1月1日", "明治33年1月1日", "明治33年", "1 January 1900", "月"},
		{"2036-12-31", "2036年12月31日", "令和18年12月31日", "令和18年", "31 December 2036", "水"},
	}
	for _, tt := range tests {
		date := d(tt.date)
		if got := date.Japanese(); got != tt.ja {
			t.Errorf("%s.Japanese() = %s, want %s", tt.date, got, tt.ja)
		}
		if got := date.JapaneseEra(); got != tt.era {
			t.Errorf("%s.JapaneseEra() = %s, want %s", tt.date, got, tt.era)
		}
		if got := date.EraYear(); got != tt.eraYear {
			t.Errorf("%s.EraYear() = %s, want %s", tt.date, got, tt.eraYear)
		}
		if got := date.English(); got != tt.en {
			t.Errorf("%s.English() = %s, want %s", tt.date, got, tt.en)
		}
		if got := date.JaWeekday(); got != tt.wd {
			t.Errorf("%s.JaWeekday() = %s, want %s", tt.date, got, tt.wd)
		}
	}
}

func TestDateJSON(t *testing.T) {
	var got Date
	if err := got.UnmarshalText([]byte("2027-02-30")); !errors.Is(err, ErrInvalidDate) {
		t.Errorf("UnmarshalText accepted 2027-02-30: %v", err)
	}
	if err := got.UnmarshalText([]byte("2027-02-28")); err != nil || got != MustDate(2027, 2, 28) {
		t.Errorf("UnmarshalText = %v, %v", got, err)
	}
}
