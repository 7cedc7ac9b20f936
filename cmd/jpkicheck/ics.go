package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/ics"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// icsFlags are the flags of ics.
type icsFlags struct {
	common *commonFlags
	card   *cardFlags
	out    *outputFlags
}

func newICSFlags(c *cli, fs *flagSet) *icsFlags {
	return &icsFlags{common: fs.common(), card: fs.card(), out: fs.output()}
}

// runICS writes a calendar file with the renewal dates of the card's
// authentication certificate: the day the window opens and a week before
// expiry, each with a reminder at 09:00.
func runICS(ctx context.Context, c *cli, flags *icsFlags, _ []string) (int, error) {
	card, out := flags.card, flags.out
	src, trust, err := card.openTrusted(ctx, newProgress(c.stderr, false))
	if err != nil {
		return c.cardFailure(err)
	}
	defer src.Close()
	var cert *jpki.Certificate
	err = src.Do(func(jc *jpki.Card) error {
		var err error
		cert, err = jpki.ReadCertificate(jc, jpki.AuthCert, jpki.WithTrust(trust))
		return err
	})
	if err != nil {
		err = whyUnreadable(src, err)
		return c.explain(err), nil
	}
	rule := card.rule()
	win := rule.Compute(window.ExpiryDate(cert.NotAfter), card.day())
	cal := renewalCalendar(c.msg, cert.DER(), win, rule.Calendar, c.now())
	if len(cal.Events) == 0 {
		// Reminders in the past help nobody: say what to do instead.
		msg, hint := c.msg.StateSentence(win), c.msg.ICSNothingAhead(win)
		fmt.Fprintf(c.stderr, "%s%s\n%s%s\n", c.msg.ErrorPrefix, msg, c.msg.HintPrefix, hint)
		code := report.ExitForState(win.State)
		c.jsonError(report.RemindersPast, msg, hint, code)
		return code, nil
	}
	var b bytes.Buffer
	if _, err := cal.WriteTo(&b); err != nil {
		return 0, err
	}
	if win.State != window.NotYetOpen {
		fmt.Fprintln(c.stderr, c.msg.StateSentence(win), c.msg.ICSAlreadyOpen)
	}
	if err := out.write(b.Bytes(), c.msg.ICSWritten(out.path)); err != nil {
		return 0, err
	}
	return report.ExitForState(win.State), nil
}

// renewalCalendar builds the reminder events, on office days so that the
// reminder is a day the resident can act on: the first office day the
// window is open, and the office day a week before the last office day
// (or the last office day on or before that). A reminder whose day has
// passed is left out. Their UIDs derive from a hash of the certificate,
// so importing a newer file for the same certificate updates the events
// instead of adding copies, and a renewed certificate gets new ones. The
// hash, not the serial number, so the file carries no identifier a service
// would recognise.
func renewalCalendar(msg *report.Catalog, der []byte, win window.Window, cal *window.Calendar, now time.Time) *ics.Calendar {
	sum := sha256.Sum256(der)
	id := hex.EncodeToString(sum[:8])
	opens, week := win.Opens, win.Expiry.AddDays(-7)
	if !win.FirstOfficeDay.IsZero() {
		opens = win.FirstOfficeDay
		week = win.LastOfficeDay.AddDays(-7)
		if d, err := cal.LastOfficeDayOnOrBefore(week); err == nil && !d.Before(win.FirstOfficeDay) {
			week = d
		}
	}
	c := &ics.Calendar{
		ProdID: "-//jpkicheck//jpkicheck " + versionString() + "//" + strings.ToUpper(string(msg.Lang)),
		Name:   msg.ICSCalendarName,
		Stamp:  now,
	}
	// The alarm rings at 09:00, when offices open.
	for _, e := range []ics.Event{
		{
			UID:         id + "-renewal-opens@jpkicheck",
			Date:        opens,
			Summary:     msg.ICSOpensSummary(win),
			Description: msg.ICSOpensDescription(win),
			Alarm:       9 * time.Hour,
		},
		{
			UID:         id + "-expiry-week@jpkicheck",
			Date:        week,
			Summary:     msg.ICSWeekSummary(win),
			Description: msg.ICSWeekDescription(win),
			Alarm:       9 * time.Hour,
		},
	} {
		if !e.Date.Before(win.Today) {
			c.Events = append(c.Events, e)
		}
	}
	return c
}
