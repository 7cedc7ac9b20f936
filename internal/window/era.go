package window

import (
	"fmt"
	"time"
)

// Era is a Japanese imperial era (元号), as used on J-LIS letters and city
// forms.
type Era struct {
	Name  string // 令和
	Roman string // Reiwa
	Start Date   // first day of year 1 of the era
}

// eras lists the modern eras newest first. Dates before Meiji 6 used the
// lunisolar calendar, so Gregorian dates before 1873 are not given an era.
var eras = []Era{
	{"令和", "Reiwa", Date{2019, time.May, 1}},
	{"平成", "Heisei", Date{1989, time.January, 8}},
	{"昭和", "Showa", Date{1926, time.December, 25}},
	{"大正", "Taisho", Date{1912, time.July, 30}},
	{"明治", "Meiji", Date{1873, time.January, 1}},
}

// Era returns the era d falls in and the year within it (1 for the first
// year). ok is false for dates before the Gregorian calendar came to Japan.
func (d Date) Era() (era Era, year int, ok bool) {
	for _, e := range eras {
		if !d.Before(e.Start) {
			offset := 1
			if e.Name == "明治" {
				offset = 6 // Meiji 6 was 1873, when Japan adopted the Gregorian calendar
			}
			return e, d.Year - e.Start.Year + offset, true
		}
	}
	return Era{}, 0, false
}

// EraYear formats the era and year alone: 令和9年, or 令和元年 for the first
// year as Japanese documents write it.
func (d Date) EraYear() string {
	e, y, ok := d.Era()
	if !ok {
		return ""
	}
	if y == 1 {
		return e.Name + "元年"
	}
	return fmt.Sprintf("%s%d年", e.Name, y)
}

var jaWeekdays = [...]string{"日", "月", "火", "水", "木", "金", "土"}

// JaWeekday returns the one-character Japanese weekday: 月 for Monday.
func (d Date) JaWeekday() string { return jaWeekdays[d.Weekday()] }

// Japanese formats the Western date the Japanese way: 2027年3月15日.
func (d Date) Japanese() string {
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// JapaneseEra formats the date in the Japanese era: 令和9年3月15日.
func (d Date) JapaneseEra() string {
	ey := d.EraYear()
	if ey == "" {
		return d.Japanese()
	}
	return fmt.Sprintf("%s%d月%d日", ey, int(d.Month), d.Day)
}

// JapaneseWithEra formats the date the way city letters write it, the
// Western year first and the era year after it in parentheses:
// 2027年(令和9年)3月15日. Dates before Japan's Gregorian calendar have no
// era and read 1870年1月1日.
func (d Date) JapaneseWithEra() string {
	ey := d.EraYear()
	if ey == "" {
		return d.Japanese()
	}
	return fmt.Sprintf("%d年(%s)%d月%d日", d.Year, ey, int(d.Month), d.Day)
}

// English formats the date as residents reading English expect it:
// 15 March 2027.
func (d Date) English() string {
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}
