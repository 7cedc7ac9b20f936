package bench

import (
	"fmt"
	"slices"
	"time"
)

// Summary is the median and the spread of repeated timings. The spread is
// the whole range, min–max: with 20 runs a percentile would hide the one
// slow run a resident may meet.
type Summary struct {
	N                int
	Median, Min, Max time.Duration
}

// Summarize sorts a copy of ds and takes its median (the mean of the two
// middle values for an even count), minimum and maximum.
func Summarize(ds []time.Duration) Summary {
	if len(ds) == 0 {
		return Summary{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return Summary{N: n, Median: med, Min: s[0], Max: s[n-1]}
}

// String is "41.2 ms (38.0–52.3)".
func (s Summary) String() string {
	if s.N == 0 {
		return "–"
	}
	return fmt.Sprintf("%s (%s–%s)", Millis(s.Median), bare(s.Min), bare(s.Max))
}

// Millis formats d in milliseconds with three significant digits or more:
// 0.84 ms, 41.2 ms, 1873 ms.
func Millis(d time.Duration) string { return bare(d) + " ms" }

func bare(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case ms < 10:
		return fmt.Sprintf("%.2f", ms)
	case ms < 100:
		return fmt.Sprintf("%.1f", ms)
	}
	return fmt.Sprintf("%.0f", ms)
}

// Ratio is a/b as "0.42×", or "–" when b is zero.
func Ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}
