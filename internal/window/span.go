package window

// Span is a calendar distance in whole years, months and days, as people
// say long durations ("2 years and 9 months") rather than counting days.
type Span struct {
	Years, Months, Days int
}

// SpanBetween returns the calendar distance from a to b: the most whole
// months m with a.AddMonths(m) on or before b, split into years and
// months, and the days left over. It is zero when b is not after a.
func SpanBetween(a, b Date) Span {
	if !b.After(a) {
		return Span{}
	}
	m := (b.Year-a.Year)*12 + int(b.Month) - int(a.Month)
	for m > 0 && a.AddMonths(m).After(b) {
		m--
	}
	return Span{Years: m / 12, Months: m % 12, Days: b.DaysSince(a.AddMonths(m))}
}

// WholeMonths is the span in months, ignoring the days.
func (s Span) WholeMonths() int { return s.Years*12 + s.Months }
