package window

import (
	"encoding/csv"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

type listed struct {
	name string
	kind holidayKind
}

// sharedList reads testdata/japanese-holidays-1970-2050.csv (see
// testdata/README.md) into date → the kind and base name it implies.
func sharedList(t testing.TB) map[Date]listed {
	t.Helper()
	f, err := os.Open("testdata/japanese-holidays-1970-2050.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[Date]listed{}
	for _, r := range rows[1:] {
		day, err := Parse(r[0])
		if err != nil {
			t.Fatalf("%v: %v", r, err)
		}
		name := r[1]
		var l listed
		switch {
		case strings.HasSuffix(name, " 振替休日"):
			l = listed{"振替休日", substituteHoliday}
		case name == "休日（祝日扱い）", name == "大喪の礼", name == "即位礼正殿の儀", name == "結婚の儀":
			l = listed{"", specialHoliday}
		case name == "休日":
			l = listed{"国民の休日", citizensHoliday}
		case name == "体育の日（スポーツの日）": // 2019: the new name was already enacted
			l = listed{"体育の日", nationalHoliday}
		default:
			l = listed{name, nationalHoliday}
		}
		if _, dup := out[day]; dup {
			t.Fatalf("%s listed twice", day)
		}
		out[day] = l
	}
	return out
}

// Every holiday rule (fixed days, Happy Mondays, equinoxes, 天皇誕生日's
// moves, substitute holidays before and after 2007, citizens' holidays, the
// 1989/1990/1993/2019 special days and the 2020–21 Olympic moves) against
// the whole published list, day by day in both directions.
func TestHolidaysMatchTheSharedList(t *testing.T) {
	want := sharedList(t)
	if len(want) != 1329 {
		t.Fatalf("shared list has %d days, want 1329", len(want))
	}
	got := 0
	for y := FirstHolidayYear; y <= LastHolidayYear; y++ {
		hs, err := holidaysIn(y)
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range hs {
			got++
			if i > 0 && !hs[i-1].Date.Before(h.Date) {
				t.Errorf("%d: %s after %s", y, h.Date, hs[i-1].Date)
			}
			w, ok := want[h.Date]
			switch {
			case !ok:
				t.Errorf("%s (%s) %s is not in the list", h.Date, h.Date.Weekday(), h.Name)
			case w.kind != h.Kind:
				t.Errorf("%s: %s holiday %s, list says %s", h.Date, h.Kind, h.Name, w.kind)
			case w.name != "" && w.name != h.Name:
				t.Errorf("%s: %s, list says %s", h.Date, h.Name, w.name)
			}
			if h.Date.Year != y || h.NameEn == "" || h.Name == "" {
				t.Errorf("%d: %+v", y, h)
			}
		}
	}
	for day, w := range want {
		if _, ok, _ := holidayOn(day); !ok {
			t.Errorf("%s (%s) %s is missing", day, day.Weekday(), w.name)
		}
	}
	if got != len(want) {
		t.Errorf("computed %d holidays, list has %d", got, len(want))
	}
}

// A few days a resident would check by hand, including each kind and the
// edges of the rule changes.
func TestHolidayOn(t *testing.T) {
	tests := []struct {
		day  string
		name string // "" = not a holiday
		kind holidayKind
	}{
		{"2027-01-11", "成人の日", nationalHoliday},
		{"2027-01-10", "", 0},
		{"1999-01-15", "成人の日", nationalHoliday},
		{"2000-01-10", "成人の日", nationalHoliday},
		{"1973-02-12", "", 0},                     // 11 Feb on a Sunday, before substitutes existed
		{"1973-04-30", "振替休日", substituteHoliday}, // the first one
		{"2007-09-24", "振替休日", substituteHoliday}, // 秋分の日 on a Sunday
		{"2008-05-06", "振替休日", substituteHoliday}, // 4 May Sunday, 2007 rule: to the 6th
		{"1988-05-04", "国民の休日", citizensHoliday},  // between 3 and 5 May, before 2007
		{"1986-05-04", "", 0},                     // a Sunday: not a citizens' holiday then
		{"1987-05-04", "振替休日", substituteHoliday}, // 3 May Sunday: the Monday is a substitute
		{"2026-09-22", "国民の休日", citizensHoliday},  // Silver Week
		{"2019-04-30", "国民の休日", citizensHoliday},  // between 昭和の日 and the accession
		{"2019-05-01", "天皇の即位の日", specialHoliday},
		{"2019-12-23", "", 0}, // no Emperor's birthday in 2019
		{"2018-12-24", "振替休日", substituteHoliday},
		{"2020-02-23", "天皇誕生日", nationalHoliday},
		{"2020-07-24", "スポーツの日", nationalHoliday},
		{"2020-10-12", "", 0},
		{"2021-08-09", "振替休日", substituteHoliday},
		{"2027-03-21", "春分の日", nationalHoliday},
		{"2027-03-22", "振替休日", substituteHoliday},
		{"2050-09-23", "秋分の日", nationalHoliday},
		{"1970-03-21", "春分の日", nationalHoliday},
	}
	for _, tt := range tests {
		h, ok, err := holidayOn(d(tt.day))
		if err != nil {
			t.Fatal(err)
		}
		if ok != (tt.name != "") || h.Name != tt.name || h.Kind != tt.kind {
			t.Errorf("holidayOn(%s) = %q %s %v; want %q %s", tt.day, h.Name, h.Kind, ok, tt.name, tt.kind)
		}
	}
}

func TestHolidaysOutsideTheKnownYears(t *testing.T) {
	for _, day := range []string{"1969-12-31", "2051-01-01", "2051-01-05", "2199-05-03"} {
		_, ok, err := holidayOn(d(day))
		if ok || !errors.Is(err, ErrHolidaysUnknown) {
			t.Errorf("holidayOn(%s) = %v, %v; want ErrHolidaysUnknown", day, ok, err)
		}
		if err != nil && !strings.Contains(err.Error(), day) {
			t.Errorf("error %q does not name %s", err, day)
		}
	}
	for _, y := range []int{1969, 2051} {
		if _, err := holidaysIn(y); !errors.Is(err, ErrHolidaysUnknown) {
			t.Errorf("holidaysIn(%d) error = %v", y, err)
		}
	}
	hs, _ := holidaysIn(2027)
	hs[0].Name = "changed"
	if again, _ := holidaysIn(2027); again[0].Name != "元日" {
		t.Error("holidaysIn returned the table itself: a caller changed it")
	}
}

func TestNthMonday(t *testing.T) {
	for y := 1970; y <= 2060; y++ {
		for m := time.January; m <= time.December; m++ {
			for n := 1; n <= 4; n++ {
				day := nthMonday(y, m, n)
				date := MustDate(y, m, day)
				if date.Weekday() != time.Monday || (day-1)/7 != n-1 {
					t.Fatalf("nthMonday(%d, %s, %d) = %d (%s)", y, m, n, day, date.Weekday())
				}
			}
		}
	}
}

func BenchmarkHolidayOn(b *testing.B) {
	day := d("2027-01-11")
	holidayOn(day)
	b.ReportAllocs()
	for b.Loop() {
		holidayOn(day)
	}
}
