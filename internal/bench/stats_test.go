package bench

import (
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		in   []time.Duration
		want Summary
		str  string
	}{
		{nil, Summary{}, "–"},
		{[]time.Duration{5 * ms}, Summary{1, 5 * ms, 5 * ms, 5 * ms}, "5.00 ms (5.00–5.00)"},
		{[]time.Duration{30 * ms, 10 * ms, 20 * ms}, Summary{3, 20 * ms, 10 * ms, 30 * ms}, "20.0 ms (10.0–30.0)"},
		{[]time.Duration{4 * ms, 1 * ms, 3 * ms, 2 * ms}, Summary{4, 2500 * time.Microsecond, ms, 4 * ms}, "2.50 ms (1.00–4.00)"},
		{[]time.Duration{1873 * ms, 1901 * ms}, Summary{2, 1887 * ms, 1873 * ms, 1901 * ms}, "1887 ms (1873–1901)"},
	}
	for _, tt := range tests {
		in := append([]time.Duration(nil), tt.in...)
		got := Summarize(tt.in)
		if got != tt.want || got.String() != tt.str {
			t.Errorf("Summarize(%v) = %+v %q, want %+v %q", tt.in, got, got, tt.want, tt.str)
		}
		for i := range in {
			if in[i] != tt.in[i] {
				t.Fatal("Summarize sorted its argument")
			}
		}
	}
}

func TestRatio(t *testing.T) {
	if got := Ratio(1, 4); got != "0.25×" {
		t.Errorf("Ratio(1, 4) = %q", got)
	}
	if got := Ratio(1, 0); got != "–" {
		t.Errorf("Ratio(1, 0) = %q", got)
	}
}
