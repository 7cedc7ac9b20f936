package window

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

// The national holidays come from the rules of the Act on National Holidays
// (国民の祝日に関する法律, Act No. 178 of 1948, as amended) and the special acts
// that made single days holidays, not from a list: a list would silently end,
// while a rule that is wrong shows up in TestHolidaysMatchTheSharedList, which
// checks every year from FirstHolidayYear to LastHolidayYear against the
// Cabinet Office's list (testdata/README.md says where that copy comes from).
//
// Outside those years the package says it does not know (ErrHolidaysUnknown)
// rather than guess: before 1970 no certificate existed, and after 2050 the
// equinox days are not published and the law may well have changed. Even
// inside the range, days more than a year or two ahead are the law as it
// stands today: the equinox days are fixed each February for the following
// year, and the 2019–2021 moves show that a holiday can be moved by a law
// passed a year before.

// FirstHolidayYear and LastHolidayYear bound the years whose national holidays
// the package knows.
const (
	FirstHolidayYear = 1970
	LastHolidayYear  = 2050
)

// ErrHolidaysUnknown is matched (errors.Is) by every error about a date whose
// national holidays the package does not know.
var ErrHolidaysUnknown = errors.New("national holidays unknown")

// HolidaysUnknownError names the date whose year is outside
// FirstHolidayYear..LastHolidayYear.
type HolidaysUnknownError struct{ Date Date }

func (e *HolidaysUnknownError) Error() string {
	return fmt.Sprintf("national holidays are known for %d–%d only, not for %s", FirstHolidayYear, LastHolidayYear, e.Date)
}

// Is makes errors.Is(err, ErrHolidaysUnknown) true.
func (e *HolidaysUnknownError) Is(target error) bool { return target == ErrHolidaysUnknown }

// holidayKind says why a day is a holiday.
type holidayKind int

// The kinds of Holiday.
const (
	// nationalHoliday is a 国民の祝日 named in the Act (元日, 春分の日, …).
	nationalHoliday holidayKind = iota + 1
	// specialHoliday is a single day made a holiday by its own act (the
	// 1989 funeral of the Shōwa Emperor, the 1990 and 2019 enthronements, the
	// 1993 royal wedding). The 2019 act has its days count as national
	// holidays for the two rules below; the test list shows the earlier ones
	// never needed them.
	specialHoliday
	// substituteHoliday (振替休日): a national holiday fell on a Sunday.
	substituteHoliday
	// citizensHoliday (国民の休日): a day between two national holidays.
	citizensHoliday
)

var holidayKindNames = [...]string{"", "national", "special", "substitute", "citizens"}

// String is the kind's stable name: national, special, substitute, citizens.
func (k holidayKind) String() string {
	if k <= 0 || int(k) >= len(holidayKindNames) {
		return fmt.Sprintf("holidayKind(%d)", int(k))
	}
	return holidayKindNames[k]
}

// holiday is one day off under the holiday laws.
type holiday struct {
	Date   Date
	Name   string // Japanese, as the Cabinet Office lists it: 成人の日, 振替休日
	NameEn string // English: Coming of Age Day, Substitute holiday
	Kind   holidayKind
}

// holidaysIn returns the year's holidays in date order, or an error matching
// ErrHolidaysUnknown for a year outside FirstHolidayYear..LastHolidayYear.
func holidaysIn(year int) ([]holiday, error) {
	if year < FirstHolidayYear || year > LastHolidayYear {
		return nil, &HolidaysUnknownError{Date{year, time.January, 1}}
	}
	t := holidayTable()
	return append([]holiday(nil), t.byYear[year-FirstHolidayYear]...), nil
}

// holidayOn returns the holiday on d, if d is one; the error matches
// ErrHolidaysUnknown when d's year is outside the known range.
func holidayOn(d Date) (h holiday, ok bool, err error) {
	if d.Year < FirstHolidayYear || d.Year > LastHolidayYear {
		return holiday{}, false, &HolidaysUnknownError{d}
	}
	h, ok = holidayTable().byDay[d]
	return h, ok, nil
}

type holidays struct {
	byYear [LastHolidayYear - FirstHolidayYear + 1][]holiday
	byDay  map[Date]holiday
}

// holidayTable computes every known year once: about 1,300 days, looked up
// on every office-day question.
var holidayTable = sync.OnceValue(func() *holidays {
	t := &holidays{byDay: make(map[Date]holiday, 1400)}
	for y := FirstHolidayYear; y <= LastHolidayYear; y++ {
		hs := computeHolidays(y)
		t.byYear[y-FirstHolidayYear] = hs
		for _, h := range hs {
			t.byDay[h.Date] = h
		}
	}
	return t
})

// Dates on which the amendments to the Act took effect.
var (
	// Substitute holidays began with the amendment of 12 April 1973.
	substituteFrom = Date{1973, time.April, 12}
	// Citizens' holidays began with the amendment of 27 December 1985.
	citizensFrom = Date{1985, time.December, 27}
	// The 2005 amendment, in force from 1 January 2007, moved a substitute
	// holiday to the next day that is not a national holiday, dropped the
	// Sunday exception for citizens' holidays, and made 29 April 昭和の日
	// and 4 May みどりの日.
	rules2007 = 2007
)

// computeHolidays applies the Act to one year.
func computeHolidays(y int) []holiday {
	named := map[Date]holiday{} // national and special holidays
	add := func(m time.Month, day int, kind holidayKind, ja, en string) {
		d := Date{y, m, day}
		named[d] = holiday{Date: d, Name: ja, NameEn: en, Kind: kind}
	}
	nat := func(m time.Month, day int, ja, en string) { add(m, day, nationalHoliday, ja, en) }

	nat(time.January, 1, "元日", "New Year's Day")
	if y < 2000 {
		nat(time.January, 15, "成人の日", "Coming of Age Day")
	} else {
		nat(time.January, nthMonday(y, time.January, 2), "成人の日", "Coming of Age Day")
	}
	nat(time.February, 11, "建国記念の日", "National Foundation Day")
	if y >= 2020 {
		nat(time.February, 23, "天皇誕生日", "The Emperor's Birthday")
	}
	nat(time.March, vernalEquinox(y), "春分の日", "Vernal Equinox Day")
	switch {
	case y <= 1988:
		nat(time.April, 29, "天皇誕生日", "The Emperor's Birthday")
	case y < rules2007:
		nat(time.April, 29, "みどりの日", "Greenery Day")
	default:
		nat(time.April, 29, "昭和の日", "Shōwa Day")
	}
	nat(time.May, 3, "憲法記念日", "Constitution Memorial Day")
	if y >= rules2007 {
		nat(time.May, 4, "みどりの日", "Greenery Day")
	}
	nat(time.May, 5, "こどもの日", "Children's Day")
	// The 2020 and 2021 Olympic acts moved 海の日, スポーツの日 and 山の日 for
	// those years only.
	switch {
	case y == 2020:
		nat(time.July, 23, "海の日", "Marine Day")
	case y == 2021:
		nat(time.July, 22, "海の日", "Marine Day")
	case y >= 2003:
		nat(time.July, nthMonday(y, time.July, 3), "海の日", "Marine Day")
	case y >= 1996:
		nat(time.July, 20, "海の日", "Marine Day")
	}
	switch {
	case y == 2020:
		nat(time.August, 10, "山の日", "Mountain Day")
	case y == 2021:
		nat(time.August, 8, "山の日", "Mountain Day")
	case y >= 2016:
		nat(time.August, 11, "山の日", "Mountain Day")
	}
	if y < 2003 {
		nat(time.September, 15, "敬老の日", "Respect for the Aged Day")
	} else {
		nat(time.September, nthMonday(y, time.September, 3), "敬老の日", "Respect for the Aged Day")
	}
	nat(time.September, autumnalEquinox(y), "秋分の日", "Autumnal Equinox Day")
	switch {
	case y < 2000:
		nat(time.October, 10, "体育の日", "Health and Sports Day")
	case y < 2020:
		nat(time.October, nthMonday(y, time.October, 2), "体育の日", "Health and Sports Day")
	case y == 2020:
		nat(time.July, 24, "スポーツの日", "Sports Day")
	case y == 2021:
		nat(time.July, 23, "スポーツの日", "Sports Day")
	default:
		nat(time.October, nthMonday(y, time.October, 2), "スポーツの日", "Sports Day")
	}
	nat(time.November, 3, "文化の日", "Culture Day")
	nat(time.November, 23, "勤労感謝の日", "Labour Thanksgiving Day")
	if y >= 1989 && y <= 2018 {
		nat(time.December, 23, "天皇誕生日", "The Emperor's Birthday")
	}
	for _, s := range specialDays {
		if s.Date.Year == y {
			named[s.Date] = s
		}
	}

	all := make(map[Date]holiday, len(named)+4)
	for d, h := range named {
		all[d] = h
	}
	// 振替休日: a national holiday on a Sunday gives the next day off; from
	// 2007 the next day that is not itself a national holiday, before that
	// only the Monday, and only if the Monday was not a holiday already.
	for d := range named {
		if d.Weekday() != time.Sunday || d.Before(substituteFrom) {
			continue
		}
		s := d.AddDays(1)
		if y >= rules2007 {
			for _, taken := named[s]; taken; _, taken = named[s] {
				s = s.AddDays(1)
			}
		} else if _, taken := named[s]; taken {
			continue
		}
		all[s] = holiday{Date: s, Name: "振替休日", NameEn: "Substitute holiday", Kind: substituteHoliday}
	}
	// 国民の休日: a day whose day before and day after are both national
	// holidays. Before 2007 a Sunday or a substitute holiday did not count.
	for d := range named {
		c := d.AddDays(1)
		if _, next := named[c.AddDays(1)]; !next || c.Before(citizensFrom) {
			continue
		}
		if _, taken := all[c]; taken {
			continue
		}
		if y < rules2007 && c.Weekday() == time.Sunday {
			continue
		}
		all[c] = holiday{Date: c, Name: "国民の休日", NameEn: "Citizens' holiday", Kind: citizensHoliday}
	}

	out := make([]holiday, 0, len(all))
	for _, h := range all {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// specialDays were made holidays by acts of their own.
var specialDays = []holiday{
	{Date{1989, time.February, 24}, "昭和天皇の大喪の礼", "Funeral of the Shōwa Emperor", specialHoliday},
	{Date{1990, time.November, 12}, "即位礼正殿の儀", "Enthronement Ceremony", specialHoliday},
	{Date{1993, time.June, 9}, "皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito", specialHoliday},
	{Date{2019, time.May, 1}, "天皇の即位の日", "Accession of the Emperor", specialHoliday},
	{Date{2019, time.October, 22}, "即位礼正殿の儀", "Enthronement Ceremony", specialHoliday},
}

// nthMonday is the day of the month of its n-th Monday (the "Happy Monday"
// holidays).
func nthMonday(y int, m time.Month, n int) int {
	first := Date{y, m, 1}.Weekday()
	return 1 + (int(time.Monday-first)+7)%7 + 7*(n-1)
}

// The equinox days are the days of the astronomical equinoxes in Japan time,
// which the National Astronomical Observatory of Japan announces each
// February for the following year. The usual closed form below fits those
// announcements for 1980–2099 (and, with the older constants, for
// 1900–1979); it is checked against the published list for 1970–2050. The
// constants are in millionths of a day so that the arithmetic is exact
// integers: floating point would put a year with a fraction near .0 on the
// wrong side.
func vernalEquinox(y int) int {
	if y < 1980 {
		return equinox(y, 20_835_700, 1983)
	}
	return equinox(y, 20_843_100, 1980)
}

func autumnalEquinox(y int) int {
	if y < 1980 {
		return equinox(y, 23_258_800, 1983)
	}
	return equinox(y, 23_248_800, 1980)
}

// equinox is floor(base + 0.242194·(y−1980) − trunc((y−leapBase)/4)): the
// mean tropical year's drift against the calendar, reset by each leap day.
// Go's integer division truncates toward zero, as the published form does.
func equinox(y, baseMicro, leapBase int) int {
	return floorDiv(baseMicro+242_194*(y-1980), 1_000_000) - (y-leapBase)/4
}
