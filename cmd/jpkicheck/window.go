package main

import (
	"context"
	"encoding/json"

	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// windowFlags are the flags of window: an expiry date typed by the user
// and the rule's inputs.
type windowFlags struct {
	common        *commonFlags
	expiry, today *dateFlag
	months        *intFlag
}

func newWindowFlags(c *cli, fs *flagSet) *windowFlags {
	f := &windowFlags{
		common: fs.common(),
		expiry: c.dateVar(fs.FlagSet, "expiry"),
		today:  c.dateVar(fs.FlagSet, "today"),
		months: &intFlag{c: c, value: window.DefaultMonths, min: 1, max: 24, bad: c.msg.BadMonths},
	}
	fs.Var(f.months, "months", "")
	return f
}

// runWindow computes the renewal window for an expiry date typed by the
// user: no card, no reader, just the rule.
func runWindow(ctx context.Context, c *cli, f *windowFlags, _ []string) (int, error) {
	common, expiry, today, months := f.common, f.expiry, f.today, f.months
	if !expiry.isSet {
		return 0, &usageError{msg: c.msg.MissingFlag("--expiry", "jpkicheck window --expiry 2027-03-15"), command: "window"}
	}
	day := c.today()
	if today.isSet {
		day = today.date
	}
	win := window.Rule{Months: months.value}.Compute(expiry.date, day)
	if common.json {
		enc := json.NewEncoder(c.stdout)
		if err := enc.Encode(win); err != nil {
			return 0, err
		}
	} else if err := report.WriteWindow(c.stdout, c.msg, c.style(), win); err != nil {
		return 0, err
	}
	return report.ExitForState(win.State), nil
}

// today is the civil date in Japan now; only the edge reads the clock.
func (c *cli) today() window.Date { return window.Today(c.now()) }
