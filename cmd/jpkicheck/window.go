package main

import (
	"context"
	"encoding/json"

	"github.com/jpkicheck/jpkicheck/internal/office"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// windowFlags are the flags of window: an expiry date typed by the user
// and the rule's inputs.
type windowFlags struct {
	common        *commonFlags
	expiry, today *dateFlag
	cardExpiry    *dateFlag
	months        *intFlag
	office        string
}

func newWindowFlags(c *cli, fs *flagSet) *windowFlags {
	f := &windowFlags{
		common:     fs.common(),
		expiry:     c.dateVar(fs.FlagSet, "expiry"),
		today:      c.dateVar(fs.FlagSet, "today"),
		cardExpiry: c.dateVar(fs.FlagSet, "card-expiry"),
		months:     &intFlag{c: c, value: window.DefaultMonths, min: 1, max: 24, bad: c.msg.BadMonths},
	}
	fs.Var(f.months, "months", "")
	fs.StringVar(&f.office, "office", "", "")
	return f
}

// windowJSON is window --json: the window's fields, and the card's own
// expiry when --card-expiry was given.
type windowJSON struct {
	window.Window
	CardExpiry *report.CardExpiryReport `json:"card_expiry,omitempty"`
}

// runWindow computes the renewal window for an expiry date typed by the
// user: no card, no reader, just the rule and the office calendar.
func runWindow(ctx context.Context, c *cli, f *windowFlags, _ []string) (int, error) {
	common, expiry, today, months := f.common, f.expiry, f.today, f.months
	if !expiry.isSet {
		return 0, &usageError{msg: c.msg.MissingFlag("--expiry", "jpkicheck window --expiry 2027-03-15"), command: "window"}
	}
	day := c.today()
	if today.isSet {
		day = today.date
	}
	cal := window.NewCalendar(nil, nil)
	if f.office != "" {
		o, err := office.Load(f.office)
		if err != nil {
			return 0, &usageError{msg: c.officeError(f.office, err)}
		}
		cal = o.Calendar()
	}
	win := window.Rule{Months: months.value, Calendar: cal}.Compute(expiry.date, day)
	out := windowJSON{Window: win}
	code := report.ExitForState(win.State)
	if f.cardExpiry.isSet {
		out.CardExpiry = report.NewCardExpiry(f.cardExpiry.date, win.Expiry, day, cal)
		if ce := out.CardExpiry; ce.NewCardNeeded && ce.State.Urgency() > win.State.Urgency() {
			code = report.ExitForState(ce.State)
		}
	}
	if common.json {
		return code, json.NewEncoder(c.stdout).Encode(out)
	}
	if err := report.WriteWindow(c.stdout, c.msg, c.style(), win); err != nil {
		return 0, err
	}
	if out.CardExpiry != nil {
		if err := report.WriteWindowCard(c.stdout, c.msg, out.CardExpiry); err != nil {
			return 0, err
		}
	}
	return code, nil
}

// today is the civil date in Japan now; only the edge reads the clock.
func (c *cli) today() window.Date { return window.Today(c.now()) }
