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
	win := card.rule().Compute(window.ExpiryDate(cert.NotAfter), card.day())
	cal := renewalCalendar(c.msg, cert.DER(), win, c.now())
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

// renewalCalendar builds the two reminder events. Their UIDs derive from a
// hash of the certificate, so importing a newer file for the same
// certificate updates the events instead of adding copies, and a renewed
// certificate gets new ones. The hash, not the serial number, so the file
// carries no identifier a service would recognise.
func renewalCalendar(msg *report.Catalog, der []byte, win window.Window, now time.Time) *ics.Calendar {
	sum := sha256.Sum256(der)
	id := hex.EncodeToString(sum[:8])
	return &ics.Calendar{
		ProdID: "-//jpkicheck//jpkicheck " + versionString() + "//" + strings.ToUpper(string(msg.Lang)),
		Name:   msg.ICSCalendarName,
		Stamp:  now,
		Events: []ics.Event{
			{
				UID:         id + "-renewal-opens@jpkicheck",
				Date:        win.Opens,
				Summary:     msg.ICSOpensSummary(win),
				Description: msg.ICSOpensDescription(win),
				Alarm:       9 * time.Hour,
			},
			{
				UID:         id + "-expiry-week@jpkicheck",
				Date:        win.Expiry.AddDays(-7),
				Summary:     msg.ICSWeekSummary(win),
				Description: msg.ICSWeekDescription(win),
				Alarm:       9 * time.Hour,
			},
		},
	}
}
