package window

import (
	"errors"
	"fmt"
	"time"
)

// Calendar says on which days a city office's counter is open. By default
// it is the calendar every municipality sets in its holiday ordinance (地方
// 自治法 art. 4-2, mirroring 行政機関の休日に関する法律 art. 1): closed on
// Saturdays, Sundays, national holidays (holidayOn) and from 29 December to
// 3 January. An office adds its own exceptions: extra open days (Saturday
// or holiday openings for My Number Card business) and extra closures.
//
// The zero Calendar is the default calendar. A Calendar is read-only once
// made, so one value can serve every request of a kiosk.
type Calendar struct {
	open   map[Date]bool
	closed map[Date]bool
}

// NewCalendar returns the default calendar with the office's extra open
// days and closures. A day in both lists is closed: sending a resident to a
// locked door is worse than sending them a day early.
func NewCalendar(open, closed []Date) *Calendar {
	c := &Calendar{}
	if len(open) > 0 {
		c.open = make(map[Date]bool, len(open))
		for _, d := range open {
			c.open[d] = true
		}
	}
	if len(closed) > 0 {
		c.closed = make(map[Date]bool, len(closed))
		for _, d := range closed {
			c.closed[d] = true
		}
	}
	return c
}

// maxOfficeDaySearch bounds the walk of LastOfficeDayOnOrBefore and
// FirstOfficeDayOnOrAfter. The longest run of days off in the default
// calendar is nine (a New Year closure between two weekends); an office
// closed for longer than this has no answer worth printing.
const maxOfficeDaySearch = 366

// ErrNoOfficeDay: the office's closures leave no office day within
// maxOfficeDaySearch days.
var ErrNoOfficeDay = errors.New("no office day within a year")

// IsOfficeDay reports whether the office is open on d. The error matches
// ErrHolidaysUnknown when the answer depends on national holidays the
// package does not know (a weekday outside FirstHolidayYear..LastHolidayYear
// that the office lists neither as open nor as closed).
func (c *Calendar) IsOfficeDay(d Date) (bool, error) {
	if c != nil {
		if c.closed[d] {
			return false, nil
		}
		if c.open[d] {
			return true, nil
		}
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || isNewYearClosure(d) {
		return false, nil
	}
	_, holiday, err := holidayOn(d)
	if err != nil {
		return false, err
	}
	return !holiday, nil
}

// isNewYearClosure: 29 December to 3 January.
func isNewYearClosure(d Date) bool {
	return (d.Month == time.December && d.Day >= 29) || (d.Month == time.January && d.Day <= 3)
}

// LastOfficeDayOnOrBefore returns the last day on or before d the office is
// open: for an expiry date, the last day a resident can still renew in
// person. It looks back at most maxOfficeDaySearch days; the error is
// ErrNoOfficeDay, or matches ErrHolidaysUnknown when a day it had to judge
// is outside the known holiday years.
func (c *Calendar) LastOfficeDayOnOrBefore(d Date) (Date, error) {
	return c.walk(d, -1)
}

// FirstOfficeDayOnOrAfter returns the first day on or after d the office is
// open: for the day a renewal window opens, the first day a resident can
// renew in person. Bounds and errors as LastOfficeDayOnOrBefore.
func (c *Calendar) FirstOfficeDayOnOrAfter(d Date) (Date, error) {
	return c.walk(d, +1)
}

func (c *Calendar) walk(d Date, step int) (Date, error) {
	for range maxOfficeDaySearch {
		open, err := c.IsOfficeDay(d)
		if err != nil {
			return Date{}, err
		}
		if open {
			return d, nil
		}
		d = d.AddDays(step)
	}
	return Date{}, fmt.Errorf("%w (searched %d days from %s)", ErrNoOfficeDay, maxOfficeDaySearch, d.AddDays(-step*maxOfficeDaySearch))
}

// windowOfficeDays returns the first and last office days inside the
// window opens..expiry, or zero dates when the calendar cannot say (the
// holidays are unknown) or the window holds no office day at all.
func (c *Calendar) windowOfficeDays(opens, expiry Date) (first, last Date) {
	last, err := c.LastOfficeDayOnOrBefore(expiry)
	if err != nil || last.Before(opens) {
		return Date{}, Date{}
	}
	first, err = c.FirstOfficeDayOnOrAfter(opens)
	if err != nil || first.After(last) {
		return Date{}, Date{}
	}
	return first, last
}
