// Package window answers the one question residents ask about a JPKI
// certificate: can I renew it yet, and until when?
//
// It works on civil dates in Japan (year, month, day — no clock, no zone) so
// that a kiosk whose clock is set to UTC, or a laptop in Los Angeles, gives
// the same answer as a PC in a city hall. Only two functions touch instants:
// ExpiryDate and Today, and both convert to Japan time themselves rather than
// trusting the machine's zone database.
package window

import (
	"errors"
	"fmt"
	"time"
)

// japan is Japan Standard Time. Japan has had no daylight saving time since
// 1951, so a fixed offset is exact for every certificate ever issued and does
// not depend on the machine having tzdata installed.
var japan = time.FixedZone("JST", 9*60*60)

// Japan returns the fixed UTC+9 zone the package uses for civil dates.
func Japan() *time.Location { return japan }

// Date is a civil date: a day on the calendar, with no time of day and no
// zone. The zero Date is not a valid date; use IsZero to test for it.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ErrInvalidDate is matched (with errors.Is) by every parse failure.
var ErrInvalidDate = errors.New("invalid date")

// ParseError says which input was rejected and why. Kind lets the edge say
// the same thing in the user's language; Reason is the English wording.
type ParseError struct {
	Input  string
	Kind   ParseErrorKind
	Reason string
}

// ParseErrorKind classifies parse failures.
type ParseErrorKind int

const (
	BadFormat ParseErrorKind = iota // not YYYY-MM-DD
	Empty                           // nothing given
	NoSuchDay                       // 2027-02-30, 2027-13-01
	YearRange                       // outside MinYear..MaxYear
)

func (e *ParseError) Error() string {
	if e.Input == "" {
		return fmt.Sprintf("invalid date: %s", e.Reason)
	}
	return fmt.Sprintf("invalid date %q: %s", e.Input, e.Reason)
}

// Is makes errors.Is(err, ErrInvalidDate) true for every ParseError.
func (e *ParseError) Is(target error) bool { return target == ErrInvalidDate }

// MinYear and MaxYear bound the dates the package accepts from users. They
// are generous (no certificate predates 2004 or runs past this century) but
// keep day arithmetic far from integer overflow.
const (
	MinYear = 1900
	MaxYear = 2199
)

// NewDate returns the date, or an error when the day does not exist
// (2027-02-30) or the year is outside MinYear..MaxYear.
func NewDate(year int, month time.Month, day int) (Date, error) {
	d := Date{year, month, day}
	if year < MinYear || year > MaxYear {
		return Date{}, &ParseError{Input: d.String(), Kind: YearRange, Reason: fmt.Sprintf("year must be between %d and %d", MinYear, MaxYear)}
	}
	if month < time.January || month > time.December {
		return Date{}, &ParseError{Input: d.String(), Kind: NoSuchDay, Reason: "month must be 01 to 12"}
	}
	if day < 1 || day > daysIn(year, month) {
		return Date{}, &ParseError{Input: d.String(), Kind: NoSuchDay, Reason: fmt.Sprintf("%s %d has %d days", month, year, daysIn(year, month))}
	}
	return d, nil
}

// MustDate is NewDate for constants in tests and tables; it panics on an
// impossible date.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// Parse reads a date written exactly as YYYY-MM-DD. It is strict on purpose:
// "2027-2-3" or "2027/02/03" are rejected rather than guessed at, because a
// wrong guess here becomes a wrong renewal date.
func Parse(s string) (Date, error) {
	if s == "" {
		return Date{}, &ParseError{Kind: Empty, Reason: "empty; write it as YYYY-MM-DD, e.g. 2027-03-15"}
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &ParseError{Input: s, Reason: "write it as YYYY-MM-DD, e.g. 2027-03-15"}
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &ParseError{Input: s, Reason: "write it as YYYY-MM-DD with digits only, e.g. 2027-03-15"}
	}
	date, err := NewDate(y, time.Month(m), d)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.Input = s
		}
		return Date{}, err
	}
	return date, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// ExpiryDate is the last day a certificate is valid, as printed on J-LIS
// letters: its NotAfter instant seen in Japan time. JPKI certificates end at
// 23:59:59 JST, which is 14:59:59 UTC, so the UTC date would be the same day
// here — but a NotAfter of, say, 15:00:00Z already belongs to the next day
// in Japan, and only the Japan date is right.
func ExpiryDate(notAfter time.Time) Date {
	return dateOf(notAfter.In(japan))
}

// Today is the civil date in Japan at the instant now, whatever the machine's
// time zone.
func Today(now time.Time) Date {
	return dateOf(now.In(japan))
}

func dateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as ISO 8601, YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText writes the ISO form, so dates appear as "2027-03-15" in JSON.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads the ISO form strictly (see Parse).
func (d *Date) UnmarshalText(b []byte) error {
	p, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Time returns midnight at the start of d in Japan time.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, japan)
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns the date n days after d (before, for negative n).
func (d Date) AddDays(n int) Date {
	return fromDayNumber(d.dayNumber() + n)
}

// DaysSince returns d − e in days: positive when d is after e.
func (d Date) DaysSince(e Date) int {
	return d.dayNumber() - e.dayNumber()
}

// AddMonths moves by n calendar months keeping the day number, and where the
// target month is shorter uses its last day (31 May − 3 months = 28 or
// 29 February). This is how the Civil Code (民法 art. 143) counts months and
// deliberately unlike time.AddDate, which would roll 31 February over into
// March.
func (d Date) AddMonths(n int) Date {
	months := d.Year*12 + int(d.Month-1) + n
	y := floorDiv(months, 12)
	m := time.Month(months - y*12 + 1)
	day := d.Day
	if last := daysIn(y, m); day > last {
		day = last
	}
	return Date{y, m, day}
}

// daysIn returns the number of days in the month.
func daysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if isLeap(year) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// isLeap reports whether year is a Gregorian leap year.
func isLeap(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

// dayNumber counts days from 1970-01-01 (day 0) with the proleptic
// Gregorian calendar; see Howard Hinnant's "chrono-compatible low-level date
// algorithms" for the derivation.
func (d Date) dayNumber() int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func fromDayNumber(z int) Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	month := mp + 3
	if month > 12 {
		month -= 12
	}
	year := yoe + era*400
	if month <= 2 {
		year++
	}
	return Date{year, time.Month(month), day}
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
