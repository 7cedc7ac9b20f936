package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

func sample() *Calendar {
	return &Calendar{
		ProdID: "-//jpkicheck//jpkicheck test//EN",
		Name:   "マイナンバーカード 電子証明書",
		Stamp:  time.Date(2026, 11, 25, 3, 4, 5, 0, time.UTC),
		Events: []Event{
			{
				UID:         "0123abcd-opens@jpkicheck",
				Date:        window.MustDate(2026, 12, 16),
				Summary:     "電子証明書の更新受付開始 (利用者証明用)",
				Description: "今日から市区町村の窓口で無料で更新できます。受付は2027年3月15日(令和9年)まで。持ち物: マイナンバーカード; 暗証番号, 4桁と英数字6〜16桁。\nback\\slash",
				Alarm:       9 * time.Hour,
			},
			{
				UID:     "0123abcd-week@jpkicheck",
				Date:    window.MustDate(2027, 3, 8),
				Summary: "Certificate expires in a week, on 15 March 2027",
				Alarm:   -15 * time.Hour,
			},
		},
	}
}

// Importers are strict about the physical format: every line ends in CRLF,
// is at most 75 octets and is valid UTF-8 on its own.
func TestPhysicalLines(t *testing.T) {
	var b bytes.Buffer
	if _, err := sample().WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Fatalf("does not end with END:VCALENDAR CRLF: %q", out[len(out)-20:])
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	folded := 0
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d contains a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets (> 75): %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("the long Japanese description was not folded")
	}
}

// The file parsed back by an independent iCalendar library gives the same
// events, dates, texts and reminders.
func TestRoundTrip(t *testing.T) {
	cal := sample()
	var b bytes.Buffer
	if _, err := cal.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	parsed, err := ical.NewDecoder(&b).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot parse our file: %v", err)
	}
	events := parsed.Events()
	if len(events) != len(cal.Events) {
		t.Fatalf("parsed %d events, want %d", len(events), len(cal.Events))
	}
	for i, ev := range events {
		want := cal.Events[i]
		uid, _ := ev.Props.Text(ical.PropUID)
		if uid != want.UID {
			t.Errorf("event %d UID %q, want %q", i, uid, want.UID)
		}
		start := ev.Props.Get(ical.PropDateTimeStart)
		if start == nil || start.ValueType() != ical.ValueDate {
			t.Fatalf("event %d: DTSTART is not a DATE value: %+v", i, start)
		}
		st, err := start.DateTime(time.UTC)
		if err != nil || st.Format(time.DateOnly) != want.Date.String() {
			t.Errorf("event %d starts %v (%v), want %s", i, st, err, want.Date)
		}
		end, err := ev.Props.Get(ical.PropDateTimeEnd).DateTime(time.UTC)
		if err != nil || end.Sub(st) != 24*time.Hour {
			t.Errorf("event %d is not one whole day: %v → %v", i, st, end)
		}
		summary, _ := ev.Props.Text(ical.PropSummary)
		if summary != want.Summary {
			t.Errorf("event %d summary %q, want %q", i, summary, want.Summary)
		}
		desc, _ := ev.Props.Text(ical.PropDescription)
		if desc != want.Description {
			t.Errorf("event %d description\n %q, want\n %q", i, desc, want.Description)
		}
		var alarms []*ical.Component
		for _, c := range ev.Children {
			if c.Name == ical.CompAlarm {
				alarms = append(alarms, c)
			}
		}
		if len(alarms) != 1 {
			t.Fatalf("event %d has %d alarms, want 1", i, len(alarms))
		}
		trig, err := alarms[0].Props.Get(ical.PropTrigger).Duration()
		if err != nil || trig != want.Alarm {
			t.Errorf("event %d alarm %v (%v), want %v", i, trig, err, want.Alarm)
		}
	}
	if name := parsed.Props.Get("X-WR-CALNAME"); name == nil || name.Value != cal.Name {
		t.Errorf("calendar name lost: %+v", name)
	}
}

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		9 * time.Hour:                  "PT9H",
		-15 * time.Hour:                "-PT15H",
		-24 * time.Hour:                "-P1D",
		-(24*time.Hour + 15*time.Hour): "-P1DT15H",
		90 * time.Minute:               "PT1H30M",
		30 * time.Minute:               "PT30M",
		7*24*time.Hour + 9*time.Hour:   "P7DT9H",
	} {
		if got := duration(d); got != want {
			t.Errorf("duration(%v) = %s, want %s", d, got, want)
		}
	}
}

func TestEventNeedsUIDAndDate(t *testing.T) {
	cal := &Calendar{Events: []Event{{Summary: "x", Date: window.MustDate(2027, 1, 1)}}}
	if _, err := cal.WriteTo(&bytes.Buffer{}); err == nil {
		t.Error("an event without UID was written")
	}
}

func FuzzFold(f *testing.F) {
	f.Add("DESCRIPTION:" + strings.Repeat("更新", 40))
	f.Add("SUMMARY:abc")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if strings.ContainsAny(s, "\r\n") {
			// Not a content line, so fold never gets one: every value
			// WriteTo writes is escaped first, and escaping leaves no line
			// break (a raw one would start a property of the text's
			// choosing). Found by make fuzz: fold("\r\n").
			if e := escape(s); strings.ContainsAny(e, "\r\n") {
				t.Fatalf("escape(%q) = %q keeps a line break", s, e)
			}
			return
		}
		var b bytes.Buffer
		fold(&b, s)
		var back strings.Builder
		for i, l := range strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n") {
			if len(l) > 75 || !utf8.ValidString(l) {
				t.Fatalf("bad physical line %q", l)
			}
			if i > 0 {
				l = strings.TrimPrefix(l, " ")
			}
			back.WriteString(l)
		}
		if back.String() != s {
			t.Fatalf("unfolding gave %q, want %q", back.String(), s)
		}
	})
}
