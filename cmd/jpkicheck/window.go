package main

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// runWindow computes the renewal window for an expiry date typed by the
// user: no card, no reader, just the rule.
func runWindow(ctx context.Context, c *cli, args []string) (int, error) {
	fs := c.flagSet("window")
	var common commonFlags
	c.addCommon(fs, &common)
	expiry := c.dateVar(fs, "expiry")
	today := c.dateVar(fs, "today")
	months := &intFlag{c: c, value: window.DefaultMonths, min: 1, max: 24, bad: c.msg.BadMonths}
	fs.Var(months, "months", "")
	rest, err := c.parse(fs, c.msg.HelpWindow, args)
	if err == errHelp {
		return report.ExitOK, nil
	}
	if err != nil {
		return 0, err
	}
	if len(rest) > 0 {
		return 0, &usageError{msg: c.msg.UnexpectedArgs(strings.Join(rest, " ")), command: "window", hint: true}
	}
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
