// Package ics writes iCalendar files (RFC 5545) with all-day reminder
// events, the format every calendar program imports: Google Calendar,
// Outlook, Apple Calendar, Thunderbird.
//
// It writes only what jpkicheck needs — VEVENTs on whole days, each with a
// display alarm — and takes care of the parts that importers are strict
// about: CRLF line ends, folding at 75 octets without splitting a UTF-8
// character, and TEXT escaping.
package ics

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Calendar is one .ics file.
type Calendar struct {
	ProdID string // -//jpkicheck//jpkicheck 1.0//EN
	Name   string // shown by calendar programs as the calendar's name
	// Stamp is the DTSTAMP of every event: when the file was made. A
	// calendar that sees the same UID again with a newer stamp updates the
	// event instead of adding a second one.
	Stamp  time.Time
	Events []Event
}

// Event is an all-day event with an optional reminder.
type Event struct {
	// UID must stay the same for the same certificate and purpose, so
	// that importing a newer file updates rather than duplicates.
	UID         string
	Date        window.Date
	Summary     string
	Description string
	// Alarm, when non-zero, is how long after the start of the day (00:00
	// local time) the reminder fires: 9*time.Hour for 09:00. Negative
	// values fire on earlier days.
	Alarm     time.Duration
	AlarmText string
}

// WriteTo writes the calendar.
func (c *Calendar) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	line := func(name, value string) { fold(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", escape(c.ProdID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", escape(c.Name))
	}
	stamp := c.Stamp.UTC().Format("20060102T150405Z")
	for _, e := range c.Events {
		if e.UID == "" || e.Date.IsZero() {
			return 0, fmt.Errorf("ics: event %q needs a UID and a date", e.Summary)
		}
		line("BEGIN", "VEVENT")
		line("UID", escape(e.UID))
		line("DTSTAMP", stamp)
		fold(&b, "DTSTART;VALUE=DATE:"+icsDate(e.Date))
		fold(&b, "DTEND;VALUE=DATE:"+icsDate(e.Date.AddDays(1)))
		line("SUMMARY", escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", escape(e.Description))
		}
		// An all-day reminder should not block the day as busy.
		line("TRANSP", "TRANSPARENT")
		if e.Alarm != 0 {
			line("BEGIN", "VALARM")
			line("ACTION", "DISPLAY")
			text := e.AlarmText
			if text == "" {
				text = e.Summary
			}
			line("DESCRIPTION", escape(text))
			fold(&b, "TRIGGER;RELATED=START:"+duration(e.Alarm))
			line("END", "VALARM")
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

func icsDate(d window.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

// duration formats an RFC 5545 DURATION in whole minutes: PT9H, -P1DT15H.
func duration(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	mins := int(d / time.Minute)
	days, mins := mins/(24*60), mins%(24*60)
	hours, mins := mins/60, mins%60
	var b strings.Builder
	b.WriteString(sign + "P")
	if days > 0 {
		fmt.Fprintf(&b, "%dD", days)
	}
	if hours > 0 || mins > 0 || days == 0 {
		b.WriteString("T")
		if hours > 0 || mins == 0 {
			fmt.Fprintf(&b, "%dH", hours)
		}
		if mins > 0 {
			fmt.Fprintf(&b, "%dM", mins)
		}
	}
	return b.String()
}

// escape applies RFC 5545 §3.3.11 TEXT escaping.
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return r.Replace(s)
}

// fold writes one content line, folded so no physical line exceeds 75
// octets (RFC 5545 §3.1), never inside a UTF-8 sequence: Japanese text is
// three octets a character and importers reject broken characters.
func fold(b *bytes.Buffer, s string) {
	const limit = 75
	first := true
	for len(s) > 0 {
		room := limit
		if !first {
			room-- // the leading space of a continuation line counts
			b.WriteByte(' ')
		}
		n := 0
		for n < len(s) {
			_, size := utf8.DecodeRuneInString(s[n:])
			if n+size > room {
				break
			}
			n += size
		}
		b.WriteString(s[:n])
		b.WriteString("\r\n")
		s = s[n:]
		first = false
	}
}
