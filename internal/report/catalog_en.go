package report

import (
	"fmt"

	"github.com/jpkicheck/jpkicheck/internal/window"
)

func enDays(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

func enDate(d window.Date) string {
	return fmt.Sprintf("%s (%s)", d.English(), d.Weekday().String()[:3])
}

func enDateEra(d window.Date) string {
	e, y, ok := d.Era()
	if !ok {
		return d.English()
	}
	return fmt.Sprintf("%s (%s %d)", d.English(), e.Roman, y)
}

var en = Catalog{
	Lang:    En,
	Date:    enDate,
	DateEra: enDateEra,

	StateNotYetOpen: func(w window.Window) string {
		if w.DaysUntilOpen == 1 {
			return fmt.Sprintf("Renewal is not open yet. It opens tomorrow, %s.", enDate(w.Opens))
		}
		return fmt.Sprintf("Renewal is not open yet. It opens on %s, in %s.", enDate(w.Opens), enDays(w.DaysUntilOpen))
	},
	StateOpen: func(w window.Window) string {
		if w.DaysLeft == 0 {
			return fmt.Sprintf("Renewal is open, and today, %s, is the last day.", enDate(w.Expiry))
		}
		return fmt.Sprintf("Renewal is open until %s: %s left.", enDate(w.Expiry), enDays(w.DaysLeft))
	},
	StateExpired: func(w window.Window) string {
		if w.DaysSinceExpiry == 1 {
			return fmt.Sprintf("The certificate expired yesterday, %s.", enDate(w.Expiry))
		}
		return fmt.Sprintf("The certificate expired on %s, %s ago.", enDate(w.Expiry), enDays(w.DaysSinceExpiry))
	},
	AdviceNotYetOpen: func(w window.Window) string {
		return "Nothing to do yet. Renewing before the window opens counts as a re-issue and gives a certificate about a year shorter."
	},
	AdviceOpen: func(w window.Window) string {
		return "You can renew now at your city office, free of charge. Renewing inside the window loses nothing."
	},
	AdviceExpired: func(w window.Window) string {
		return "Your city office can issue a new certificate free of charge; it works from the next office day. " +
			"Until then convenience-store certificate printing, e-Tax and the health-insurance use of the card do not work."
	},

	LabelExpiry: "Expires",
	LabelWindow: "Renewal window",
	LabelToday:  "Today",
	WindowRange: func(opens, closes window.Date) string {
		return fmt.Sprintf("%s – %s", enDate(opens), enDate(closes))
	},
	MonthsNote: func(months int) string {
		return fmt.Sprintf("Computed with a %d-month window (as for people registered as living abroad).", months)
	},

	BadDate: func(flag string, err *window.ParseError) string {
		switch err.Kind {
		case window.Empty:
			return fmt.Sprintf("%s needs a date. Example: %s 2027-03-15", flag, flag)
		case window.NoSuchDay:
			return fmt.Sprintf("%s %q is not a day on the calendar (%s). Example: %s 2027-03-15", flag, err.Input, err.Reason, flag)
		case window.YearRange:
			return fmt.Sprintf("%s %q is out of range (%s). Example: %s 2027-03-15", flag, err.Input, err.Reason, flag)
		}
		return fmt.Sprintf("%s %q is not in the form YYYY-MM-DD. Example: %s 2027-03-15", flag, err.Input, flag)
	},
	MissingFlag: func(flag, example string) string {
		return fmt.Sprintf("%s is required. Example: %s", flag, example)
	},
	BadMonths: func(value string) string {
		return fmt.Sprintf("--months %q must be a whole number from 1 to 24. Example: --months 12", value)
	},
	BadLang: func(value string) string {
		return fmt.Sprintf("--lang %q is not a language jpkicheck speaks. Example: --lang ja or --lang en", value)
	},
	UnknownFlag: func(flag string) string {
		return fmt.Sprintf("unknown flag %s", flag)
	},
	FlagNeedsValue: func(flag, example string) string {
		if example == "" {
			return fmt.Sprintf("%s needs a value", flag)
		}
		return fmt.Sprintf("%s needs a value. Example: %s", flag, example)
	},
	BadFlag: func(detail string) string {
		return detail
	},
	UnexpectedArgs: func(args string) string {
		return fmt.Sprintf("unexpected argument %s", args)
	},
	UnknownCommand: func(name string) string {
		return fmt.Sprintf("unknown command %q", name)
	},
	HintHelp: func(command string) string {
		return fmt.Sprintf("run 'jpkicheck %s--help' to see the commands and flags", command)
	},
	ErrorPrefix: "jpkicheck: ",
	HintPrefix:  "hint: ",

	HelpMain: `jpkicheck tells you when the certificates on your My Number Card expire,
whether you can renew them yet, and what to bring to the city office.

Usage:
  jpkicheck [command] [flags]

Commands:
  window     the renewal window for an expiry date (no card needed)
  version    print the version

Examples:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json

Exit codes:
  0  fine, renewal not yet open       4  expired
  1  other error                      5  no PC/SC service, no reader or no card
  2  usage error or bad input         6  not a My Number Card
  3  renewal window open              7  PIN locked or refused

Language: --lang ja|en, else from LC_ALL, LC_MESSAGES or LANG (ja_* gives Japanese).
Run 'jpkicheck COMMAND --help' for a command's flags.
`,
	HelpWindow: `Usage:
  jpkicheck window --expiry YYYY-MM-DD [--today YYYY-MM-DD] [--months N] [--json] [--lang ja|en]

Computes the renewal window for a certificate that expires on the given day,
without a card. Renewal is accepted from the day after the date three months
before expiry until the expiry date; where that month is shorter, its last
day counts (31 May → from 1 March).

Flags:
  --expiry YYYY-MM-DD   the certificate's expiry date (required)
  --today YYYY-MM-DD    evaluate as of that day (default: today in Japan)
  --months N            window length in months (default 3; 12 for people
                        registered as living abroad)
  --json                print one JSON object instead of sentences
  --lang ja|en          language of the sentences

Examples:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json
  $ jpkicheck window --expiry 2027-03-15 --months 12

Exit codes: 0 not yet open, 3 renewal window open, 4 expired, 2 bad input.
`,
}
