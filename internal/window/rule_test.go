package window

import (
	"encoding/json"
	"testing"
	"time"
)

func d(s string) Date {
	date, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return date
}

// The worked table in docs/renewal-rule.md, the municipal examples it
// quotes, and the month ends that make the rule tricky.
func TestOpensExamples(t *testing.T) {
	tests := []struct {
		expiry, opens, source string
	}{
		{"2027-03-15", "2026-12-16", "docs/renewal-rule.md table"},
		{"2027-05-31", "2027-03-01", "docs/renewal-rule.md table: 31 Feb does not exist"},
		{"2028-05-31", "2028-03-01", "docs/renewal-rule.md table: leap year, D = 29 Feb"},
		{"2027-12-31", "2027-10-01", "docs/renewal-rule.md table: D = 30 Sep"},
		{"2023-07-07", "2023-04-08", "Nerima City example"},
		{"2023-05-28", "2023-03-01", "Nerima City example"},
		{"2020-09-24", "2020-06-25", "Setagaya City example"},
		{"2027-05-29", "2027-03-01", "29 Feb missing in a common year"},
		{"2028-05-29", "2028-03-01", "29 Feb exists in a leap year: D = 29 Feb"},
		{"2028-05-28", "2028-02-29", "leap year: D = 28 Feb, opens on the leap day"},
		{"2027-03-01", "2026-12-02", "window spans a year boundary"},
		{"2027-01-31", "2026-11-01", "D = 31 Oct exists"},
		{"2027-02-28", "2026-11-29", "end of a short month is not clamped"},
		{"2028-02-29", "2027-11-30", "leap day expiry"},
		{"2027-07-31", "2027-05-01", "D = 30 Apr"},
		{"2027-04-30", "2027-01-31", "D = 30 Jan, not clamped"},
	}
	for _, tt := range tests {
		t.Run(tt.expiry, func(t *testing.T) {
			if got := DefaultRule.Opens(d(tt.expiry)); got != d(tt.opens) {
				t.Errorf("Opens(%s) = %s, want %s (%s)", tt.expiry, got, tt.opens, tt.source)
			}
		})
	}
}

// Every month end of 2026–2034, in common and leap years: the window opens
// the day after the same day number three months earlier, or after that
// month's last day when it is shorter.
func TestOpensMonthEnds(t *testing.T) {
	for y := 2026; y <= 2034; y++ {
		for m := time.January; m <= time.December; m++ {
			expiry := MustDate(y, m, daysIn(y, m))
			py, pm := y, m-3
			if pm < time.January {
				py, pm = y-1, pm+12
			}
			day := expiry.Day
			if last := daysIn(py, pm); day > last {
				day = last
			}
			want := MustDate(py, pm, day).AddDays(1)
			if got := DefaultRule.Opens(expiry); got != want {
				t.Errorf("Opens(%s) = %s, want %s", expiry, got, want)
			}
		}
	}
}

func TestComputeStates(t *testing.T) {
	expiry := d("2027-03-15")
	tests := []struct {
		name  string
		today string
		want  Window
	}{
		{"long before", "2026-01-01", Window{State: NotYetOpen, DaysUntilOpen: 349, DaysLeft: 438}},
		{"day before it opens", "2026-12-15", Window{State: NotYetOpen, DaysUntilOpen: 1, DaysLeft: 90}},
		{"first day of the window", "2026-12-16", Window{State: Open, DaysLeft: 89}},
		{"docs/design.md example", "2026-12-20", Window{State: Open, DaysLeft: 85}},
		{"last day: expiry day", "2027-03-15", Window{State: Open, DaysLeft: 0}},
		{"day after expiry", "2027-03-16", Window{State: Expired, DaysSinceExpiry: 1}},
		{"a year later", "2028-03-15", Window{State: Expired, DaysSinceExpiry: 366}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute(expiry, d(tt.today))
			tt.want.Expiry, tt.want.Today, tt.want.Opens, tt.want.Months = expiry, d(tt.today), d("2026-12-16"), 3
			if got != tt.want {
				t.Errorf("Compute(%s, %s) =\n %+v, want\n %+v", expiry, tt.today, got, tt.want)
			}
		})
	}
}

func TestRuleMonthsParameter(t *testing.T) {
	abroad := Rule{Months: 12}
	tests := []struct{ expiry, opens string }{
		{"2027-03-15", "2026-03-16"},
		{"2028-02-29", "2027-03-01"}, // 29 Feb 2027 does not exist → 28 Feb, then +1
		{"2027-05-31", "2026-06-01"},
	}
	for _, tt := range tests {
		if got := abroad.Opens(d(tt.expiry)); got != d(tt.opens) {
			t.Errorf("12-month Opens(%s) = %s, want %s", tt.expiry, got, tt.opens)
		}
	}
	if got := (Rule{}).Opens(d("2027-03-15")); got != d("2026-12-16") {
		t.Errorf("zero Rule should default to 3 months, got %s", got)
	}
}

// opensIndependently finds the window's first day without month arithmetic:
// walking back day by day from the expiry, D is the last date that lies in the
// calendar month three months before and whose day number does not exceed
// the expiry's; the window opens the next day. It uses only the time
// package, so it shares nothing with the code under test.
func opensIndependently(expiry time.Time) time.Time {
	targetMonth := (int(expiry.Month())-1+12-3)%12 + 1
	for t := expiry; ; t = t.AddDate(0, 0, -1) {
		if int(t.Month()) == targetMonth && t.Day() <= expiry.Day() {
			return t.AddDate(0, 0, 1)
		}
	}
}

func TestOpensPropertyEveryDay(t *testing.T) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2036, 12, 31, 0, 0, 0, 0, time.UTC)
	n := 0
	for e := start; !e.After(end); e = e.AddDate(0, 0, 1) {
		n++
		expiry := MustDate(e.Year(), e.Month(), e.Day())
		opens := DefaultRule.Opens(expiry)
		want := opensIndependently(e)
		if opens != MustDate(want.Year(), want.Month(), want.Day()) {
			t.Fatalf("Opens(%s) = %s, independent walk says %s", expiry, opens, want.Format(time.DateOnly))
		}
		if opens.After(expiry) {
			t.Fatalf("Opens(%s) = %s is after the expiry", expiry, opens)
		}
		// The state changes exactly at opens and exactly after expiry.
		for _, c := range []struct {
			today Date
			want  State
		}{
			{opens.AddDays(-1), NotYetOpen},
			{opens, Open},
			{expiry, Open},
			{expiry.AddDays(1), Expired},
		} {
			if got := Compute(expiry, c.today).State; got != c.want {
				t.Fatalf("expiry %s, today %s: state %s, want %s", expiry, c.today, got, c.want)
			}
		}
		w := Compute(expiry, opens)
		if w.DaysLeft != expiry.DaysSince(opens) || w.DaysUntilOpen != 0 {
			t.Fatalf("expiry %s on opening day: %+v", expiry, w)
		}
	}
	if n != 4749 {
		t.Fatalf("walked %d days, want 4749 (2024-01-01..2036-12-31)", n)
	}
}

func TestWindowJSONFieldNames(t *testing.T) {
	got, err := json.Marshal(Compute(d("2027-03-15"), d("2026-12-20")))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"expiry":"2027-03-15","today":"2026-12-20","opens":"2026-12-16","state":"open",` +
		`"days_until_open":0,"days_left":85,"days_since_expiry":0,"months":3}`
	if string(got) != want {
		t.Errorf("JSON\n got %s\nwant %s", got, want)
	}
	var back Window
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if back != Compute(d("2027-03-15"), d("2026-12-20")) {
		t.Errorf("round trip changed the window: %+v", back)
	}
}

func TestUrgency(t *testing.T) {
	if !(Expired.Urgency() > Open.Urgency() && Open.Urgency() > NotYetOpen.Urgency()) {
		t.Error("expired must outrank open, which must outrank not yet open")
	}
}

func BenchmarkCompute(b *testing.B) {
	expiry, today := d("2027-05-31"), d("2027-03-01")
	b.ReportAllocs()
	for b.Loop() {
		Compute(expiry, today)
	}
}

// BenchmarkComputeYear is the window for every day of a year against one
// expiry: the rule's month arithmetic at its edges (month ends, leap day).
func BenchmarkComputeYear(b *testing.B) {
	expiry, first := d("2028-02-29"), d("2027-06-01")
	r := Rule{Months: 3}
	b.ReportAllocs()
	for b.Loop() {
		for i := range 366 {
			r.Compute(expiry, first.AddDays(i))
		}
	}
}

// BenchmarkParseAndCompute is what `jpkicheck window` does with its input
// apart from printing: parse both dates, compute, render the dates.
func BenchmarkParseAndCompute(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		expiry, err := Parse("2027-03-15")
		if err != nil {
			b.Fatal(err)
		}
		today, err := Parse("2026-11-25")
		if err != nil {
			b.Fatal(err)
		}
		w := Compute(expiry, today)
		_ = w.Opens.Japanese() + w.Opens.English()
	}
}
