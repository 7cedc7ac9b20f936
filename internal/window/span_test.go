package window

import "testing"

func TestSpanBetween(t *testing.T) {
	for _, tt := range []struct {
		a, b Date
		want Span
	}{
		{MustDate(2026, 11, 25), MustDate(2026, 11, 25), Span{}},
		{MustDate(2026, 11, 25), MustDate(2026, 11, 1), Span{}},
		{MustDate(2026, 11, 25), MustDate(2026, 12, 16), Span{Days: 21}},
		{MustDate(2026, 12, 20), MustDate(2029, 9, 21), Span{Years: 2, Months: 9, Days: 1}},
		{MustDate(2029, 3, 15), MustDate(2032, 3, 15), Span{Years: 3}},
		{MustDate(2027, 1, 31), MustDate(2027, 2, 28), Span{Months: 1}}, // month end clamps
		{MustDate(2027, 1, 31), MustDate(2027, 3, 1), Span{Months: 1, Days: 1}},
		{MustDate(2024, 2, 29), MustDate(2025, 2, 28), Span{Years: 1}},
	} {
		if got := SpanBetween(tt.a, tt.b); got != tt.want {
			t.Errorf("SpanBetween(%s, %s) = %+v, want %+v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestJapaneseWithEra(t *testing.T) {
	for d, want := range map[Date]string{
		MustDate(2027, 1, 10):          "2027年(令和9年)1月10日",
		MustDate(2019, 5, 1):           "2019年(令和元年)5月1日",
		MustDate(2019, 4, 30):          "2019年(平成31年)4月30日",
		{Year: 1870, Month: 1, Day: 1}: "1870年1月1日",
	} {
		if got := d.JapaneseWithEra(); got != want {
			t.Errorf("%s.JapaneseWithEra() = %q, want %q", d, got, want)
		}
	}
}
