package report

import (
	"fmt"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
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

// enSpan says a duration in days while it is short and in years and months
// once it is long: "2 years and 9 months" reads better than 1006 days.
func enSpan(from, to window.Date) string {
	sp := window.SpanBetween(from, to)
	if sp.WholeMonths() < 3 {
		return enDays(to.DaysSince(from))
	}
	return enYearsMonths(sp)
}

// enYearsMonths renders whole years and months: 1 year, 2 years and 9 months.
func enYearsMonths(sp window.Span) string {
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case sp.Years == 0:
		return plural(sp.Months, "month")
	case sp.Months == 0:
		return plural(sp.Years, "year")
	}
	return plural(sp.Years, "year") + " and " + plural(sp.Months, "month")
}

var en = Catalog{
	Lang:    En,
	Date:    enDate,
	DateEra: enDateEra,
	Kiosk:   enKiosk,

	StateNotYetOpen: func(w window.Window) string {
		if w.DaysUntilOpen == 1 {
			return fmt.Sprintf("Renewal is not open yet. It opens tomorrow, %s.", enDate(w.Opens))
		}
		return fmt.Sprintf("Renewal is not open yet. It opens on %s, in %s.", enDate(w.Opens), enSpan(w.Today, w.Opens))
	},
	StateOpen: func(w window.Window) string {
		if w.DaysLeft == 0 {
			return fmt.Sprintf("Renewal is open, and today, %s, is the last day.", enDate(w.Expiry))
		}
		return fmt.Sprintf("Renewal is open until %s: %s left.", enDate(w.Expiry), enSpan(w.Today, w.Expiry))
	},
	StateExpired: func(w window.Window) string {
		if w.DaysSinceExpiry == 1 {
			return fmt.Sprintf("The certificate expired yesterday, %s.", enDate(w.Expiry))
		}
		return fmt.Sprintf("The certificate expired on %s, %s ago.", enDate(w.Expiry), enSpan(w.Expiry, w.Today))
	},
	Advice: enAdvice,

	LabelExpiry: "Expires",
	LabelWindow: "Renewal window",
	LabelToday:  "Today",
	WindowRange: func(opens, closes window.Date) string {
		return fmt.Sprintf("%s – %s", enDate(opens), enDate(closes))
	},
	MonthsNote: func(months int) string {
		note := fmt.Sprintf("Computed with a %d-month window.", months)
		if months == 12 {
			// advice: abroad-window-one-year
			note += " Some municipalities state that people living abroad can renew from one year before expiry."
		}
		return note
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
	BadTrustCA: func(path, detail string) string {
		return fmt.Sprintf("--trust-ca %s: %s. Example: --trust-ca test-ca.pem (a PEM file of CA certificates)", path, detail)
	},
	UnknownProfile: func(name, profiles string) string {
		return fmt.Sprintf("--sim %q is not a simulated-card profile. Profiles: %s. Example: --sim expired", name, profiles)
	},
	HintHelp: func(command string) string {
		return fmt.Sprintf("run 'jpkicheck %s--help' to see the commands and flags", command)
	},
	ErrorPrefix: "jpkicheck: ",
	HintPrefix:  "hint: ",

	CertTitle: func(kind jpki.CertFile) string {
		if kind == jpki.SignCert {
			return "Signing certificate (for e-Tax and online applications)"
		}
		return "Authentication certificate (for logging in)"
	},
	LabelIssuer: "Issuer",
	TrustText: func(r *CertReport) string {
		if r.Trust.Pending {
			return "checking…"
		}
		switch r.Trust.Status {
		case jpki.TrustBuiltIn:
			return fmt.Sprintf("J-LIS; signature verified with the built-in J-LIS CA (%d)", r.caYear())
		case jpki.TrustUserSupplied:
			if r.simulated {
				return "the simulated card's own test CA (not J-LIS); signature verified"
			}
			return "a CA you supplied; signature verified (" + r.caName() + ")"
		case jpki.TrustCardCA:
			return "a JPKI CA that is not in jpkicheck's built-in list; signature checked against the CA certificate stored on the card"
		case jpki.TrustInvalid:
			return "the signature does not match the issuer's CA certificate. The card may be damaged: please ask your city office"
		case jpki.TrustUnknownIssuer:
			return "a CA jpkicheck does not know, and the card holds no CA certificate to check it against"
		}
		return "not checked (--quick)"
	},
	LabelPINs: "PIN tries left",
	PINName:   enPINName,
	PINTries: func(p *PINReport) string {
		switch {
		case p.Unknown:
			return "unknown (the card did not say)"
		case p.NotSet():
			return "none on this card"
		case p.verified():
			return "verified right now (the card shows no count)"
		case p.Locked:
			return "locked"
		}
		return fmt.Sprintf("%d of %d tries left", p.TriesLeft, p.MaxTries)
	},
	PINWarning: func(pin jpki.PIN, p *PINReport) string {
		name := enPINName(pin)
		switch {
		case p.NotSet() && pin == jpki.SignPIN:
			return enNoSignCert +
				// advice: proxy-legal-rep
				" For children under 15 the legal representative (parent or guardian) acts; ask your office what to bring."
		case p.NotSet():
			// advice: faceauth-what
			return fmt.Sprintf("This card has no %s set. A face-authentication card has no PINs.", name)
		case p.verified():
			return fmt.Sprintf("The card says your %s is verified right now: another program on this computer entered it. Close that program, or take the card out, when you are done.", name)
		case p.Locked && p.maybeNoPIN:
			return fmt.Sprintf("The card reports your %s as locked. ", name) + enFaceAuth + " Otherwise the PIN really is locked. " + enPINReset
		case p.Locked:
			return fmt.Sprintf("Your %s is locked. ", name) + enPINReset
		case !p.Unknown && p.TriesLeft == 1:
			// advice: pin-lock-counts, pin-reset-office
			return fmt.Sprintf("Only 1 try left for your %s: one more mistake locks it. If you are not sure of it, don't try it; have it reset instead.", name)
		}
		return ""
	},
	LabelBring:           "At the city office",
	LabelInPerson:        "In person",
	LabelByProxy:         "By proxy",
	BringInPerson:        enBringInPerson,
	BringByProxy:         enBringByProxy,
	BringByProxyNoForm:   enBringByProxyNoForm,
	BringByProxyPINReset: enBringByProxyPINReset,
	Simulated: func(profile string) string {
		return fmt.Sprintf("Note: this is jpkicheck's built-in simulated card (profile %s), not a real card.", profile)
	},
	Reading: "Reading the card…",
	InsertCard: func(readers []string) string {
		if len(readers) == 0 {
			return "Connect a card reader and insert your My Number Card…"
		}
		return fmt.Sprintf("Insert your My Number Card into the reader (%s)…", strings.Join(readers, ", "))
	},
	PersonalTitle:   "Holder recorded in the signing certificate (shown because you asked with --show-personal)",
	LabelName:       "Name",
	LabelAltName:    "Name (substitute characters)",
	LabelBirthDate:  "Date of birth",
	LabelSex:        "Sex",
	LabelAddress:    "Address",
	LabelAltAddress: "Address (substitute characters)",
	SexName: func(code string) string {
		switch code {
		case "1":
			return "male"
		case "2":
			return "female"
		}
		return code
	},
	PINPrompt: func(pin jpki.PIN) string {
		return fmt.Sprintf("Type your %s (it is not shown): ", enPINName(pin))
	},
	PINCorrect: func(pin jpki.PIN) string {
		return fmt.Sprintf("Correct: the card accepted your %s. Its counter is back to %d tries.", enPINName(pin), pin.MaxTries())
	},
	PINUsage: func(got string) string {
		return fmt.Sprintf("pin takes status, or verify auth|sign, not %q. Example: jpkicheck pin verify auth", got)
	},
	RemoveCardNow:      "Take the card out of the reader now: jpkicheck could not clear the PIN you entered, and until the card is removed another program could use it.",
	ForceOnlyForVerify: "--force is only for pin verify, which may spend a try. Example: jpkicheck pin verify sign --force",
	ExportUsage: func(got string) string {
		return fmt.Sprintf("export takes one of auth, sign, auth-ca, sign-ca (got %q). Example: jpkicheck export auth -o auth.pem", got)
	},
	BadFormat: func(got string) string {
		return fmt.Sprintf("--format %q is not a format jpkicheck writes. Example: --format pem (or der, p7b)", got)
	},
	BinaryToTerminal: func(format string) string {
		return fmt.Sprintf("%s is binary and would garble the terminal. Example: jpkicheck export auth --format %s -o auth.%s", format, format, format)
	},
	FileExists: func(path string) string {
		return fmt.Sprintf("%s already exists; jpkicheck does not overwrite files unless you add --force. Example: -o %s --force", path, path)
	},
	Exported: func(what, path string) string {
		return fmt.Sprintf("Wrote the %s certificate to %s.", what, path)
	},
	SignExportWarning: "This signing certificate contains your name, address, birth date and sex. Keep the file private; delete it when you no longer need it.",
	ICSCalendarName:   "My Number Card certificates",
	ICSOpensSummary: func(w window.Window) string {
		return "My Number Card certificate: renewal opens today"
	},
	ICSOpensDescription: func(w window.Window) string {
		// advice: renew-at-office-only, renew-free
		return fmt.Sprintf("From today until %s you can renew the electronic certificates of your My Number Card at your city office. Renewing is free.\n\n"+
			"In person: %s\nBy proxy: %s", enDate(w.Expiry), enBringInPerson, enBringByProxy)
	},
	ICSWeekSummary: func(w window.Window) string {
		return fmt.Sprintf("My Number Card certificate expires in a week (%s)", enDate(w.Expiry))
	},
	ICSWeekDescription: func(w window.Window) string {
		// advice: auth-lapse-stops
		return fmt.Sprintf("The certificate expires on %s. If you have not renewed it yet, go to your city office before then. "+
			"After expiry, the card cannot be used for convenience-store printing, e-Tax and other online procedures until a new certificate is issued.", enDate(w.Expiry))
	},
	ICSAlreadyOpen: "Some of the reminders are already in the past.",
	ICSWritten: func(path string) string {
		return fmt.Sprintf("Wrote the reminders to %s. Open it with your calendar program to import them.", path)
	},
	ReaderCard: func(present bool, card, problem string) string {
		switch {
		case !present:
			return "no card"
		case problem != "":
			return "a card that could not be identified: " + strings.TrimSuffix(enProblem(Details{Problem: Problem(problem)}), ".")
		}
		return map[string]string{
			"my_number_card":     "a My Number Card",
			"juki_card":          "a Basic Resident Registration card (住基カード)",
			"smartphone_android": "smartphone JPKI (Android)",
			"smartphone_ios":     "smartphone JPKI (iPhone)",
		}[card] + enUnknownCard(card)
	},
	HelpReaders: `Usage:
  jpkicheck readers [flags]

Lists the card readers, whether each holds a card, and what kind of card
it is (My Number Card, 住基カード, …). Telling the kind reads the card's JPKI
identifier only; no PIN is involved.

Flags:
  --reader NAME         list only the readers whose name contains NAME
  --wait DURATION       first wait up to that long for a card (default: list at once)
  --json                print one JSON object for scripts
  --lang LANG           language (default from LC_ALL, LC_MESSAGES, LANG)
` + enCardFlags + `
Examples:
  $ jpkicheck readers
  $ jpkicheck readers --wait 10s --json
`,
	ProblemMessage: enProblem,
	ProblemHint:    enHint,

	HelpMain: `jpkicheck tells you when the certificates on your My Number Card expire,
whether you can renew them yet, and what to bring to the city office.

Usage:
  jpkicheck [command] [flags]

Commands:
  check      read the card and report (the default; no PIN needed)
  pin        PIN tries left, spending none; pin verify auth|sign
  export     write a certificate to a file (pem, der, p7b)
  ics        calendar file with reminders of the renewal dates
  readers    list card readers and the cards in them
  kiosk      full-screen page for a city-hall lobby
  ui         the same page for home use, in your browser
  window     the renewal window for an expiry date (no card needed)
  demo       the whole check on the built-in simulated card
  version    print the version (-v: with module versions)

Examples:
  $ jpkicheck
  $ jpkicheck demo
  $ jpkicheck pin verify auth
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck window --expiry 2027-03-15

Exit codes:
  0  fine, renewal not yet open       4  expired
  1  other error                      5  no PC/SC service, no reader or no card
  2  usage error or bad input         6  not a My Number Card
  3  renewal window open              7  PIN locked or refused

Language: --lang ja|en|ja-easy|zh|ko|pt|vi, else from LC_ALL, LC_MESSAGES or LANG (ja_* gives Japanese).
Run 'jpkicheck COMMAND --help' for a command's flags.
`,
	HelpCheck: `Usage:
  jpkicheck [check] [flags]

Reads your My Number Card in a card reader — no PIN needed — and tells you
when its authentication certificate expires, whether you can renew it yet,
and how many tries your two PINs have left. Nothing on the card changes and
no PIN try is spent.

Flags:
` + enCheckFlags + enReaderFlags + `  --json                print one JSON object for scripts
  --lang LANG           language (default from LC_ALL, LC_MESSAGES, LANG)
` + enCardFlags + `
Examples:
  $ jpkicheck
  $ jpkicheck check --lang en --json
  $ jpkicheck check --sim expired
  $ jpkicheck check --sign

Exit codes: 0 renewal not yet open, 3 renewal window open, 4 expired,
7 a PIN is locked, 5 no service/reader/card, 6 not a My Number Card,
2 bad input, 1 other error.

The signing certificate is revoked automatically when your name, address,
date of birth or sex changes (for example when you move or marry); the
authentication certificate keeps working. jpkicheck reads only the card, so
it cannot tell whether the signing certificate has been revoked.
`,
	HelpDemo: `Usage:
  jpkicheck demo [flags]

Runs the whole check on jpkicheck's built-in simulated card, so you can see
what jpkicheck tells a resident without a card reader. The default card is
in its renewal window; --sim picks another profile (see the list printed at
the end). It takes check's flags; there is no reader to choose.

Flags:
` + enCheckFlags + `  --json                print one JSON object for scripts
  --lang LANG           language (default from LC_ALL, LC_MESSAGES, LANG)
` + enCardFlags + `
Examples:
  $ jpkicheck demo
  $ jpkicheck demo --sim expired --lang en
  $ jpkicheck demo --sign
`,
	DemoMore: func(profiles string) string {
		return "This was a simulated card. Try another: jpkicheck check --sim PROFILE, with PROFILE one of\n  " + profiles
	},
	HelpPIN: `Usage:
  jpkicheck pin [status] [flags]
  jpkicheck pin verify auth|sign [--force] [flags]

pin status shows how many tries your two PINs have left. It spends none:
the card is asked with an empty VERIFY, which only reports the counter.

pin verify checks that you still remember a PIN before you go to the
office. It shows the tries left first, then asks for the PIN (hidden on a
terminal; from the first line of standard input otherwise). It sends the
PIN once and never retries. With only one try left it refuses unless you
add --force, because a wrong PIN then locks it until it is reset.

  auth   the authentication PIN, 4 digits (3 tries)
  sign   the signing password, 6–16 letters and digits (5 tries)

Flags:
  --force               pin verify: send the PIN even on its last try
` + enReaderFlags + `  --json                print one JSON object for scripts
  --lang LANG           language (default from LC_ALL, LC_MESSAGES, LANG)
` + enCardFlags + `
Examples:
  $ jpkicheck pin
  $ jpkicheck pin verify auth
  $ jpkicheck pin verify sign --sim sign-one-try --force

Exit codes: 0 fine / PIN correct, 7 locked, wrong or refused, 5 no card,
6 not a My Number Card, 2 bad input.
`,
	HelpExport: `Usage:
  jpkicheck export auth|sign|auth-ca|sign-ca [--format pem|der|p7b] [-o FILE] [--force] [flags]

Writes a certificate from the card, for use in other programs:
  auth      the authentication certificate (no PIN needed)
  sign      the signing certificate: asks for the signing password. It
            contains your name, address, birth date and sex; keep it private.
  auth-ca   the CA certificate for auth, as stored on the card
  sign-ca   the CA certificate for sign, as stored on the card

Formats: pem (text, default; the certificate then its CA), der (one binary
certificate), p7b (a PKCS#7 bundle of the certificate and its CA, which the
Windows and macOS certificate viewers open). Binary formats are not written
to a terminal.

Flags:
  --format pem|der|p7b  the file format (default pem)
  -o, --output FILE     write to FILE instead of standard output
  --force               overwrite FILE if it exists (for export, --force never
                        spends a last password try: use
                        'jpkicheck pin verify sign --force' for that)
` + enReaderFlags + `  --json                report a problem as one JSON object for scripts
  --lang LANG           language (default from LC_ALL, LC_MESSAGES, LANG)
` + enCardFlags + `
Examples:
  $ jpkicheck export auth > auth.pem
  $ jpkicheck export auth --format p7b -o auth.p7b
  $ jpkicheck export sign --format der -o sign.der
`,
	HelpICS: `Usage:
  jpkicheck ics [-o FILE] [--force] [flags]

Reads the card (no PIN) and writes a calendar file (iCalendar, .ics) with
two all-day reminders for the authentication certificate: the day renewal
opens, and one week before expiry, each with an alert at 09:00. Import it
into Google Calendar, Outlook, Apple Calendar or Thunderbird. Importing a
newer file for the same certificate updates the reminders instead of
adding copies.

Flags:
  -o, --output FILE     write to FILE instead of standard output
  --force               overwrite FILE if it exists
` + enReaderFlags + `  --json                report a problem as one JSON object for scripts
  --lang LANG           language of the reminders and messages
` + enCardFlags + `
Examples:
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck ics --lang en > reminders.ics
`,
	HelpWindow: `Usage:
  jpkicheck window --expiry YYYY-MM-DD [--today YYYY-MM-DD] [--months N] [--json] [--lang LANG]

Computes the renewal window for a certificate that expires on the given day,
without a card. Renewal is accepted from the day after the date three months
before expiry until the expiry date; where that month is shorter, its last
day counts (31 May → from 1 March). A certificate is valid until your fifth
birthday after the day it is issued; one renewed inside the renewal window
runs to the sixth birthday instead. Neither runs past the card's own expiry.

Flags:
  --expiry YYYY-MM-DD   the certificate's expiry date (required)
  --today YYYY-MM-DD    evaluate as of that day (default: today in Japan)
  --months N            window length in months (default 3)
  --json                print one JSON object instead of sentences
  --lang LANG           language of the sentences

Examples:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json
  $ jpkicheck window --expiry 2027-03-15 --months 12

Exit codes: 0 not yet open, 3 renewal window open, 4 expired, 2 bad input.
`,
	HelpVersion: `Usage:
  jpkicheck version [-v]

Prints jpkicheck's version, the Go version it was built with, and the
system it runs on.

Flags:
  -v                    also list the modules it was built from and the
                        build settings

Examples:
  $ jpkicheck version
  $ jpkicheck version -v
`,
	DidYouMean: func(command string) string {
		return fmt.Sprintf("did you mean 'jpkicheck %s'?", command)
	},
	// Behaviour (office days, card expiry, clock, errors).
	LabelOfficeDays: "Office days",
	OfficeDays: func(first, last window.Date) string {
		return fmt.Sprintf("%s – %s", enDate(first), enDate(last))
	},
	ExpiryOfficeClosed: func(w window.Window) string {
		return fmt.Sprintf("%s is a day the office is closed. The last day you can renew at the office is %s.", enDate(w.Expiry), enDate(w.LastOfficeDay))
	},
	CardExpiryCheck: "Your card's own expiry date is printed on its front. If it is the same as, or close to, the certificate's expiry, you need a new card rather than a certificate renewal (jpkicheck check --card-expiry DATE tells you which).",
	LabelCardExpiry: "Card expires",
	CardExpiry: func(r CardExpiryReport) string {
		switch {
		case r.State == window.Expired:
			return fmt.Sprintf("The card itself expired on %s. Certificates never outlast the card: the certificates on it no longer work either. Ask your city office about a new card.", enDate(r.Expiry))
		case !r.NewCardNeeded:
			return fmt.Sprintf("The card itself runs until %s, after the certificate, so renewing the certificate is enough. The card's own renewal opens on %s.", enDate(r.Expiry), enDate(r.Opens))
		case r.State == window.Open:
			return fmt.Sprintf("The certificate ends with the card (%s), so what you need is a new card, not a certificate renewal. You can apply now, until %s; the new card takes about a month. The application form comes with the expiry notice. It is free.", enDate(r.Expiry), enDate(r.Expiry))
		}
		return fmt.Sprintf("The certificate ends with the card (%s), so what you need is a new card, not a certificate renewal. You can apply from %s, the day after the date three months before the card's expiry; the new card takes about a month. The application form comes with the expiry notice. It is free.", enDate(r.Expiry), enDate(r.Opens))
	},
	ClockWrong: func(notBefore, today window.Date) string {
		return fmt.Sprintf("The certificate was issued on %s, which is after today as this computer counts it (%s). The computer's date is wrong, so jpkicheck gives no renewal answer.", enDate(notBefore), enDate(today))
	},
	ClockWrongHint: "set the computer's date and time correctly (or fix --today) and run jpkicheck again",
	ICSNothingAhead: func(w window.Window) string {
		if w.State == window.Expired {
			return fmt.Sprintf("The certificate expired on %s, so every reminder would be in the past: no calendar file was written. Your city office can issue a new certificate free of charge.", enDate(w.Expiry))
		}
		last := w.LastOfficeDay
		if last.IsZero() {
			last = w.Expiry
		}
		return fmt.Sprintf("The reminder days have passed: no calendar file was written. Renewal is open; the last day you can renew at the office is %s.", enDate(last))
	},
	HelpMore: func(command string) string {
		switch command {
		case "window":
			return `More flags:
  --office FILE         count the office file's extra open days and closures
                        (see jpkicheck kiosk --help)
  --card-expiry DATE    the card's own expiry, printed on its front: says
                        whether the card itself must be renewed

--expiry and --card-expiry also take 2027/3/15, 2027年3月15日 and 令和9年3月15日.
`
		case "check", "demo":
			return `More flags:
  --card-expiry DATE    the card's own expiry, printed on its front: says
                        whether the card itself must be renewed (2027-03-15,
                        2027/3/15 or 令和9年3月15日)
`
		case "":
			return "Version: jpkicheck --version\n"
		}
		return ""
	},
	DemoSecrets: func(pin, password string) string {
		return fmt.Sprintf("The simulated card's 4-digit PIN is %s and its signing password %s. Try: jpkicheck demo --sign", pin, password)
	},
	DidYouMeanProfile: func(profile string) string {
		return fmt.Sprintf("did you mean --sim %s?", profile)
	},
	BadWait: func(value string) string {
		return fmt.Sprintf("--wait %q is not a length of time. Example: --wait 30s (or 2m; 0 = do not wait)", value)
	},
	CannotWrite: func(path string, missingFolder bool) string {
		if missingFolder {
			return fmt.Sprintf("cannot write %s: its folder does not exist. Create the folder first, or name a file in an existing one. Example: -o jpki-renewal.ics", path)
		}
		return fmt.Sprintf("cannot write %s: check that you may write in that folder. Example: -o jpki-renewal.ics", path)
	},
	TrustCAReason: func(kind string) string {
		switch kind {
		case "missing":
			return "no such file"
		case "not_pem":
			return "no CA certificate in PEM form (-----BEGIN CERTIFICATE-----) in it"
		}
		return "the file cannot be read"
	},
	ErrorHint: "if this happens again, run the same command with --trace and share what it prints (PINs, the serial number and personal data are masked)",
}

func enProblem(d Details) string {
	switch d.Problem {
	case NoService:
		return "The smart card service (PC/SC) is not running."
	case NoReader:
		return "No card reader is connected."
	case NoCard:
		return "No card was found in the reader."
	case UnknownReader:
		return fmt.Sprintf("No reader matches %q. Readers connected: %s.", d.Reader, strings.Join(d.Readers, ", "))
	case CardRemoved:
		return "The card was removed while it was being read."
	case CardInUse:
		return "Another program is using the card."
	case CardMute:
		return "The card in the reader does not respond."
	case CardTimeout:
		return "The card stopped answering."
	case NotJPKI:
		return "This card does not look like a My Number Card: it has no JPKI (electronic certificate) application."
	case JukiCard:
		return "This is a Basic Resident Registration card (住基カード), not a My Number Card."
	case Smartphone:
		return "This is the smartphone version of the electronic certificates, not a My Number Card."
	case UnknownToken:
		return fmt.Sprintf("This card has a JPKI application of a kind jpkicheck does not know (%q).", d.Token)
	case NoCertificate:
		if d.PIN == jpki.SignPIN {
			return "This My Number Card holds no signing certificate."
		}
		return "This My Number Card holds no authentication certificate."
	case Malformed:
		return "The certificate on the card could not be read correctly."
	case PINLocked:
		if d.MaybeNoPIN {
			// advice: faceauth-what
			return fmt.Sprintf("The card reports your %s as locked. If this is a face-authentication card (a card with no PINs), this is expected.", enPINName(d.PIN))
		}
		return fmt.Sprintf("Your %s is locked.", enPINName(d.PIN))
	case PINWrong:
		return fmt.Sprintf("Wrong %s. %s left.", enPINName(d.PIN), enTries(d.TriesLeft))
	case PINLastTry:
		return fmt.Sprintf("Only 1 try is left for your %s, so jpkicheck did not send it.", enPINName(d.PIN))
	case PINDeclined:
		return "Nothing was sent to the card."
	case PINMissing:
		return "No PIN was given on standard input. Nothing was sent to the card."
	case Cancelled:
		return "Cancelled."
	case PINFormat:
		if d.PIN == jpki.SignPIN {
			if d.FormatReason == jpki.PINFormatNeedsLetterAndDigit {
				return "A signing password mixes letters and digits: it has at least one letter (A–Z) and at least one digit. Nothing was sent to the card."
			}
			return "A signing password is 6 to 16 letters (A–Z) and digits, with at least one of each. Nothing was sent to the card."
		}
		return "The authentication PIN is exactly 4 digits. Nothing was sent to the card."
	case PINNotSet:
		if d.PIN == jpki.SignPIN {
			return enNoSignCert
		}
		// advice: faceauth-what
		return fmt.Sprintf("This card has no %s set. A face-authentication card has no PINs.", enPINName(d.PIN))
	case PINBusy:
		return "The card says the PIN is verified right now by another program, so it shows no count of tries. Nothing was sent to the card."
	case CardLink:
		return "Transmission to the card failed."
	}
	if d.Err != nil {
		return d.Err.Error()
	}
	return "Something went wrong."
}

func enTries(n int) string {
	if n == 1 {
		return "1 try"
	}
	return fmt.Sprintf("%d tries", n)
}

func enHint(d Details, goos string) string {
	switch d.Problem {
	case Cancelled:
		return "run the command again when you are ready"
	case NoService:
		switch goos {
		case "windows":
			return "start the \"Smart Card\" service (services.msc), or unplug the reader and plug it in again"
		case "darwin":
			return "unplug the reader and plug it in again; macOS starts its smart card service by itself"
		}
		return "start it: sudo systemctl start pcscd.socket (Debian/Ubuntu: sudo apt install pcscd)"
	case NoReader:
		return "plug in a USB card reader (contact or NFC, e.g. PaSoRi); an NFC reader may need its driver installed"
	case NoCard:
		return "insert your card (IC chip first, face up) or place it flat on the NFC reader, then run jpkicheck again; --wait 60s waits longer"
	case UnknownReader:
		return "run 'jpkicheck readers' to see the names, and pass part of one with --reader"
	case CardRemoved:
		return "put the card back and run jpkicheck again; on an NFC reader keep it still until the result appears"
	case CardInUse:
		return "close other programs that use the card (the JPKI client software (利用者クライアントソフト), e-Tax, browser sign-in) and try again"
	case CardMute:
		return "take the card out and insert it again, chip first and face up; try cleaning the chip gently"
	case CardTimeout:
		return "take the card out, insert it again and run jpkicheck again; if it keeps happening, try another reader"
	case NotJPKI:
		return "insert your My Number Card (個人番号カード); other IC cards such as bank or transport cards do not hold these certificates"
	case JukiCard:
		// advice: juki-card
		return "certificates are no longer issued on this card; apply for a My Number Card if you need one"
	case Smartphone:
		// advice: smartphone-not-card
		return "check the smartphone certificate's expiry in the Myna Portal app; jpkicheck reads the card itself"
	case UnknownToken, Malformed:
		return "take the card out, insert it again and retry; if it keeps happening, please ask your city office"
	case NoCertificate:
		// advice: sign-revoked-change
		return "it was never issued or has been revoked; if you need one, have a new one issued at your city office"
	case PINLocked:
		hint := strings.TrimSuffix(enPINReset, ".")
		if d.MaybeNoPIN {
			return "if it is not a face-authentication card, the PIN really is locked. " + hint
		}
		return hint
	case PINWrong:
		// advice: pin-reset-office
		return "jpkicheck never retries by itself; if you are unsure of the PIN, have it reset instead of guessing"
	case PINLastTry:
		// advice: pin-reset-office
		return "if you are sure of it, run the command again with --force; otherwise have it reset"
	case PINFormat:
		return "check what you typed; lower case and full-width letters and digits are accepted and converted; nothing was spent"
	case PINNotSet:
		return "nothing was sent to the card, so no try was spent"
	case PINBusy:
		return "close other programs that use the card, take the card out and insert it again, then try once more"
	case CardLink:
		return "put the card back and keep it still on the reader until the answer appears, then run jpkicheck again"
	case PINMissing:
		return "give it as one line on standard input: printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth"
	case PINDeclined:
		return "type the PIN when asked; a script can give it on standard input (printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth)"
	}
	return "run again with --trace to see every step, and report the problem if it persists"
}

// enPINName names a PIN so that it is clear which one: the card has two
// more 4-digit PINs.
func enPINName(pin jpki.PIN) string {
	if pin == jpki.SignPIN {
		return "signing password (6–16 letters and digits)"
	}
	return "authentication PIN (4 digits)"
}

// advice: child-no-sign
const enNoSignCert = "This card has no signing certificate, so it has no signing password. " +
	"Cards of holders under 15 and face-authentication cards have none."

// enFaceAuth is said where a card may be a face-authentication card.
const enFaceAuth = "" +
	// advice: faceauth-what
	"If this is a face-authentication card (a card with no PINs), this is expected. " +
	// advice: faceauth-cannot
	"Services that need a PIN (convenience-store printing, Myna Portal, e-Tax) are not available with such a card; " +
	// advice: faceauth-switch-back
	"the city office can switch it back to a normal card with PINs."

// enPINReset is where a locked PIN is reset.
const enPINReset = "" +
	// advice: pin-reset-office
	"A locked PIN can be reset at your city office: bring your My Number Card and an identity document. " +
	// advice: pin-reset-convenience
	"If you still know the other PIN and the certificates are valid and not revoked, you can also reserve a reset in J-LIS's smartphone app " +
	"「JPKI暗証番号リセット」 (JPKI PIN Reset) and finish it within 24 hours at a convenience-store kiosk terminal " +
	"(you need a smartphone that can read the card's chip)."

const enBringInPerson = "" +
	// advice: bring-in-person
	"Bring your My Number Card. At the counter you type the authentication PIN (4 digits) and the signing password (6–16 letters and digits); " +
	"some offices also ask for the Basic Resident Register PIN (4 digits). " +
	// advice: bring-pin-unknown
	"If you do not know a PIN or it is locked, the office resets it first and then renews. Bring an identity document too (for example a driving licence)."

const enBringByProxy = "" +
	// advice: proxy-before-expiry
	"A proxy brings your My Number Card, the 照会書兼回答書 form enclosed with the expiry notice (filled in by you, with the PINs written on it, " +
	"sealed in its envelope), and the proxy's own photo ID (My Number Card, driving licence, passport or similar). " +
	// advice: proxy-form-valid-until-expiry
	"The form can be used until the certificate's expiry date, not after."

// advice: proxy-no-form
const enBringByProxyNoForm = "Without the form (for example after expiry), the office accepts the proxy's application and then mails an enquiry form to you; " +
	"the proxy brings it back filled in by you, so it takes two visits."

// advice: proxy-pin-reset
const enBringByProxyPINReset = "A PIN reset by a proxy is not finished the same day: after the proxy applies, the office mails a form to you, " +
	"and the proxy brings it back filled in by you."

// enAdvice is what the situation means and what to do, a paragraph each.
func enAdvice(s Situation) []string {
	var out []string
	atOffice, office := " at your city office", true
	if !s.usualWindow() {
		atOffice, office = "", false // abroad-where: no source says where people abroad renew
	}
	switch s.State {
	case window.NotYetOpen:
		if early, lost, ok := s.EarlyExpiry(); ok {
			renewed, _ := s.RenewedExpiry()
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("Nothing to do yet. If you go now (%s) it counts as a new issue, not a renewal, and the certificate would end on %s: "+
				"%s earlier than the %s you get by renewing from %s.", enDate(s.Today), enDate(early), enYearsMonths(lost), enDate(renewed), enDate(s.Opens)))
		} else {
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("Nothing to do yet. Going before %s counts as a new issue and gives a shorter certificate. Renewing from %s is better.",
				enDate(s.Opens), enDate(s.Opens)))
		}
		if s.usualWindow() {
			// advice: validity-rule
			out = append(out, "A certificate is valid until your fifth birthday after the day it is issued. One renewed inside the renewal window "+
				"(less than three months before expiry) runs to the sixth birthday instead. Neither runs past the card's own expiry.")
		}
	case window.Open:
		// A certificate that ends with the card is not renewed: the card
		// is (card-cert-same-date, said with the card's own expiry).
		if !s.endsWithCard() {
			// advice: renew-at-office-only, renew-free
			p := "You can renew now" + atOffice + ". Renewing a certificate is free."
			if renewed, ok := s.RenewedExpiry(); ok {
				// advice: renew-open-no-loss
				p += fmt.Sprintf(" If you renew inside the window, the new certificate runs to %s. Renewing early within the window does not shorten it.", enDate(renewed))
			} else if s.usualWindow() && !s.endsWithCard() {
				// advice: renew-open-no-loss
				p += " The office will tell you the new expiry."
			}
			out = append(out, p)
		}
	case window.Expired:
		switch s.Cert {
		case jpki.AuthCert:
			// advice: auth-lapse-stops
			p := "Until a new certificate is issued, the card cannot be used to log in to Myna Portal, to print certificates at convenience stores, " +
				"or for online procedures such as e-Tax."
			if grace := s.InsuranceGraceEnd(); !s.Today.After(grace) {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf(" The card keeps working as your health-insurance card until the end of the third month after the month it expired, "+
					"that is until %s. During that time clinics can still check your insurance, but your medical and prescription records are not shared.", enDate(grace))
			} else {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf(" Its use as a health-insurance card ended too, at the end of the third month after the month it expired (%s).", enDate(grace))
			}
			out = append(out, p)
		case jpki.SignCert:
			// advice: sign-expiry-affects
			out = append(out, "Now that it has expired, you cannot sign online applications such as e-Tax. "+
				"Convenience-store printing and the health-insurance use do not use the signing certificate.")
		}
		// advice: auth-lapse-reissue-free, cert-usable-after-24h
		out = append(out, "Even after expiry, a new certificate can be issued"+atOffice+" free of charge. "+
			"It starts working about 24 hours after it is issued.")
	}
	if s.Cert == jpki.SignCert {
		// advice: sign-revoked-change
		p := "If your name, address, date of birth or sex changes (for example when you move or marry), the signing certificate is revoked automatically; " +
			"the authentication certificate keeps working. A revoked signing certificate stays on the card but no longer works."
		if office {
			p += " If you need one, have a new one issued at your city office."
		}
		p += fmt.Sprintf(" jpkicheck reads only the card, so it cannot tell whether the signing certificate has been revoked. "+
			"The date %s applies only if it has not been.", enDate(s.Expiry))
		out = append(out, p)
	}
	if _, ok := s.RenewedExpiry(); ok && s.Cert != jpki.SignCert {
		// advice: foreign-period-of-stay, foreign-extension
		out = append(out, "For foreign residents with a fixed period of stay, the card and its certificates end on the last day of the period of stay, "+
			"so these figures do not apply. A renewed period of stay does not extend them by itself: once you have your new residence card, "+
			"go to the city office before the card's expiry to have the validity changed.")
	}
	return out
}

func enUnknownCard(card string) string {
	if card == "unknown" {
		return "a JPKI card of an unknown kind"
	}
	return ""
}

// enCheckFlags are check's own flags, which demo takes too.
const enCheckFlags = `  --quick               stop after the expiry date; skip the issuer check
  --sign                also read the signing certificate (asks for the
                        signing password)
  --force               with --sign: send the password even on its last try
  --show-personal       with --sign: also show the name, address, birth date
                        and sex the certificate holds
`

// enReaderFlags choose the reader and how long to wait for a card.
const enReaderFlags = `  --reader NAME         use the reader whose name contains NAME (default: the
                        first reader with a card, else wait for one)
  --wait DURATION       how long to wait for a card (default 30s; 0 = don't wait)
`

// enCardFlags are the rest of the card flags every command that reads a
// card takes.
const enCardFlags = `  --sim [PROFILE]       use the built-in simulated card instead of a reader
  --trace               show every command sent to the card (PINs masked)
  --trust-ca FILE       also recognise these CA certificates (PEM)
  --today YYYY-MM-DD    evaluate as of that day (default: today in Japan)
  --months N            renewal window in months (default 3)
`
