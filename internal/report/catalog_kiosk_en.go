package report

import "fmt"

var enKiosk = kioskMessages{
	Page: KioskPage{
		Title:           "My Number Card: certificate expiry check",
		LangButton:      "日本語",
		LangButtonLabel: "日本語で表示する",

		Insert:     "Please place your My Number Card on the card reader",
		InsertNote: "No PIN is needed.",
		Privacy:    "Nothing from your card is stored. The screen clears when you take your card.",

		Reading:     "Reading your card…",
		ReadingNote: "Please do not move the card until it is done.",
		ReadingRest: "Reading the rest…",

		TakeCard:     "Please take your card",
		TakeCardNote: "Don't forget your card.",

		NoReader:      "The card reader is not connected",
		NoReaderNote:  "Please tell a member of staff. The check starts by itself once it is connected.",
		NoService:     "Card reading is not working at the moment",
		NoServiceNote: "Please tell a member of staff. The check starts by itself once it is back.",
		Reconnecting:  "Reconnecting the screen…",

		RetryHint: "Take the card out, check which way round it goes, and place it again.",
		StaffHint: "If this keeps happening, please tell a member of staff.",

		BadgeNotYetOpen: "Valid",
		BadgeOpen:       "Renew now",
		BadgeExpired:    "Expired",
		BadgeError:      "Could not check",
		WarningLabel:    "Important",

		TimelineTitle:  "The renewal window and today",
		TimelineOpens:  "Opens",
		TimelineExpiry: "Expires",
		TimelineToday:  "Today",

		OfficeTitle:   "Where to go",
		OfficeExample: "Example only (this kiosk's office details have not been set)",
		OfficeCounter: "Counter",
		OfficeFloor:   "Where",
		OfficeHours:   "Hours",
		OfficePhone:   "Phone",

		BadgeLocked:     "PIN locked",
		BadgeLastTry:    "PIN: 1 try left",
		DecisionBy:      "By",
		DecisionWhere:   "Where",
		ByLastOfficeDay: " (the office's last open day)",
		ByExpiry:        " (the expiry date)",
		ExampleShort:    " (example)",
		MoreBelow:       "More details below",
		BiggerText:      "Larger text",
		NormalText:      "Normal text",
		TimelineBefore:  "Not yet",
		TimelineAfter:   "Expired",
		TouchToKeep:     "To keep reading, touch the screen.",
		Details:         "Details",
	},

	HelpKiosk: `Usage:
  jpkicheck kiosk [--listen 127.0.0.1:8080] [--office FILE] [--reader NAME] [--linger 60s] [--quick] [--browser]

Serves a full-screen page for a PC in a city-office lobby. Placing a card shows
the answer at once; taking it clears the screen. No PIN is entered, no personal
data is read, and nothing is kept. Open the address it prints in a browser in
full-screen (kiosk) mode, or let --browser start one. Ctrl+C stops it.
Log lines start with the date and time; they never carry a resident's dates.

Flags:
  --listen ADDR         address to listen on (default 127.0.0.1:8080; an address
                        other machines can reach needs --allow-lan)
  --allow-lan           allow an address other machines can reach: the page, its
                        API and /metrics then need the token printed at start
  --token-file FILE     read that token from FILE (the same across restarts, for
                        monitoring); without it each start makes a new one
  --browser             start Chromium, Chrome or Edge full-screen on the page
                        once it is served, restart it if it exits, and stop it
                        on exit
  --browser-path FILE   the browser --browser starts
  --office FILE         the office details (counter, floor, hours, phone); without
                        it the page shows an example, labelled as one
  --reader NAME         only use readers whose name contains NAME
  --linger DURATION     how long a result shows before "please take your card"
                        (default 60s; the office file's reading_time when not given)
  --quick               read only the expiry; skip the issuer check
  --lang LANG           the page's first language (default ja)
  --sim [PROFILE]       start with the built-in simulated card in (demos, checks)
  --trust-ca FILE       also recognise these CA certificates (PEM)
  --today YYYY-MM-DD    evaluate as of that day
  --months N            length of the renewal window in months (default 3)
  --trace               log every command sent to the card (no PIN is ever sent)
  --json                print the address as a JSON object (for scripts)

Examples:
  $ jpkicheck kiosk --office office.conf --browser
  $ jpkicheck kiosk --office office.conf --listen 0.0.0.0:8080 --allow-lan
`,
	HelpUI: `Usage:
  jpkicheck ui [--no-browser] [--reader NAME] [--quick] [--sim [PROFILE]]

Shows the kiosk's page on your own computer: starts a server only this computer
can reach, at an address that changes every run, and opens it in your default
browser. Ctrl+C stops it.

Flags:
  --no-browser          print the address instead of opening a browser
  --reader NAME         only use readers whose name contains NAME
  --linger DURATION     how long a result shows before "please take your card"
                        (default 60s; the office file's reading_time when not given)
  --quick               read only the expiry; skip the issuer check
  --lang LANG           the page's first language
  --sim [PROFILE]       use the built-in simulated card instead of a reader
  --trust-ca FILE       also recognise these CA certificates (PEM)
  --today YYYY-MM-DD    evaluate as of that day
  --months N            length of the renewal window in months (default 3)
  --trace               log every command sent to the card (no PIN is ever sent)
  --json                print the address as a JSON object (for scripts)

Examples:
  $ jpkicheck ui
  $ jpkicheck ui --sim expired
`,
	Listening: func(url string) string {
		return fmt.Sprintf("serving the kiosk page at %s (Ctrl+C to stop)", url)
	},
	ListenWarning: func(addr string) string {
		return fmt.Sprintf("WARNING: listening on %s: other machines on the network can open this page. "+
			"For the lobby PC alone, use --listen 127.0.0.1:8080.", addr)
	},
	OpenBrowser: func(url string) string {
		return fmt.Sprintf("opening %s in your browser (Ctrl+C to stop)", url)
	},
	BrowserFailed: func(url string) string {
		return fmt.Sprintf("could not open a browser; open this address: %s", url)
	},
	BadListen: func(addr, detail string) string {
		return fmt.Sprintf("cannot listen on --listen %s (%s). Example: --listen 127.0.0.1:8080", addr, detail)
	},
	BadLinger: func(value string) string {
		return fmt.Sprintf("--linger %q must be a duration of 0 or more. Example: --linger 20s", value)
	},
	OfficeError: func(p OfficeProblem) string {
		switch p.Kind {
		case "unknown_field":
			if p.Suggest != "" {
				return fmt.Sprintf("unknown field %q (did you mean %q?)", p.Field, p.Suggest)
			}
			return fmt.Sprintf("unknown field %q (known: %s)", p.Field, p.Known)
		case "unknown_language":
			return fmt.Sprintf("unknown language in %q (use key, key.ja or key.en)", p.Field)
		case "missing_equals":
			return fmt.Sprintf("missing \"=\" after %q (write key = value)", p.Field)
		case "missing_key":
			return "missing field name before \"=\" (write key = value)"
		case "duplicate":
			return fmt.Sprintf("field %q is set twice (first on line %d)", p.Field, p.Other)
		case "empty_value":
			return fmt.Sprintf("field %q has no value (write one after \"=\", or delete the line)", p.Field)
		case "too_long":
			return fmt.Sprintf("field %q is longer than %d characters", p.Field, p.Limit)
		case "control_char":
			return fmt.Sprintf("field %q contains a control character", p.Field)
		case "bad_utf8":
			return "not UTF-8 text (in Notepad: Save as, Encoding: UTF-8)"
		case "utf16":
			return "saved as UTF-16 (in Notepad: Save as, Encoding: UTF-8)"
		case "too_big":
			return fmt.Sprintf("larger than %d KiB; an office file is a few short lines", p.Limit)
		case "no_fields":
			return fmt.Sprintf("no field is set (known: %s)", p.Known)
		case "unreadable":
			return fmt.Sprintf("cannot read it (%s)", p.Field)
		case "only_english":
			return fmt.Sprintf("%q is set without the Japanese text (the Japanese screen would be blank)", p.Field)
		case "bad_date":
			return fmt.Sprintf("%q in %q is not a date (write YYYY-MM-DD, e.g. 2027-03-27; several separated by commas)", p.Value, p.Field)
		case "bad_range":
			return fmt.Sprintf("%q in %q is not a range of days (write FROM..TO, the earlier day first, at most %d days)", p.Value, p.Field, p.Limit)
		case "open_and_closed":
			return fmt.Sprintf("%s is in %q here and in the other list on line %d (a day is either open or closed)", p.Value, p.Field, p.Other)
		case "too_many_dates":
			return fmt.Sprintf("more than %d days in open_days and closed_days", p.Limit)
		case "bad_setting":
			if p.Field == "voice" {
				return fmt.Sprintf("%q in %q is neither on nor off", p.Value, p.Field)
			}
			return fmt.Sprintf("%q in %q is not a number of seconds from 1 to %d (e.g. %s = 60)", p.Value, p.Field, p.Limit, p.Field)
		}
		return "unreadable line"
	},
	ListenRefused: func(addr string) string {
		return fmt.Sprintf("refusing to listen on %s: other machines on the network could read each resident's result. "+
			"For the lobby PC alone use --listen 127.0.0.1:8080; to serve other machines on purpose add --allow-lan "+
			"(the page then needs the token printed at start).", addr)
	},
	LANToken: func(url string) string {
		return fmt.Sprintf("other machines on the network can reach this page; it needs its token: open %s", url)
	},
	ClockWrong: func(now string) string {
		return fmt.Sprintf("This computer's clock says %s, which cannot be right. Answers are not shown until the date "+
			"and time are set correctly (staff: check the clock and its time synchronisation).", now)
	},
	NoBrowser: "--browser found no Chromium, Google Chrome or Microsoft Edge; install one, or name it with --browser-path",
}
