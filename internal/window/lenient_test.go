package window

import (
	"errors"
	"testing"
)

func TestParseWritten(t *testing.T) {
	want := MustDate(2027, 4, 1)
	for _, s := range []string{
		"2027-04-01", "2027/4/1", "2027/04/01", "2027.4.1", "2027年4月1日",
		"２０２７／４／１", "２０２７年４月１日", "2027-4-1",
		"令和9年4月1日", "令和９年４月１日", "R9.4.1", "R9/4/1", "r9.4.1", "Ｒ９．４．１",
		"令和9年4月1日(木)", "2027年4月1日（木）", " 2027/4/1 ",
	} {
		got, err := ParseWritten(s)
		if err != nil || got != want {
			t.Errorf("ParseWritten(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for s, w := range map[string]Date{
		"令和元年5月1日":   MustDate(2019, 5, 1),
		"平成31年4月30日": MustDate(2019, 4, 30),
		"H31.4.30":   MustDate(2019, 4, 30),
		"平成32年3月1日":  MustDate(2020, 3, 1),
		"昭和64年1月7日":  MustDate(1989, 1, 7),
	} {
		if got, err := ParseWritten(s); err != nil || got != w {
			t.Errorf("ParseWritten(%q) = %v, %v; want %v", s, got, err, w)
		}
	}
	for _, s := range []string{"", "2027", "2027/4", "27/4/1", "令和9年4月", "2027/2/30", "tomorrow", "R9.4.1.2", "X9.4.1", "令和年4月1日"} {
		if _, err := ParseWritten(s); !errors.Is(err, ErrInvalidDate) {
			t.Errorf("ParseWritten(%q) accepted", s)
		}
	}
}
