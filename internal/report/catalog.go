package report

import (
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Catalog holds every sentence jpkicheck shows, for one language. It is a
// struct rather than a map of keys so that a language missing a message is
// a test failure (see TestCatalogsComplete) instead of a blank line on a
// resident's screen.
type Catalog struct {
	Lang Lang
	// Kiosk holds the words only the kiosk page and its commands use
	// (catalog_kiosk.go).
	Kiosk kioskMessages

	// Dates as residents read them, in one style per language:
	// 2027年(令和9年)3月15日(月) / 15 March 2027 (Mon). DateEra is the same
	// without the weekday, for a date of birth: 1990年(平成2年)5月1日 /
	// 1 May 1990 (Heisei 2).
	Date    func(window.Date) string
	DateEra func(window.Date) string

	// The renewal state in one sentence, answer first.
	StateNotYetOpen func(w window.Window) string
	StateOpen       func(w window.Window) string
	StateExpired    func(w window.Window) string
	// Advice is what the state means and what to do next, one paragraph
	// per element. Every sentence is an entry of docs/advice.md, named by
	// an "advice:" comment above it (checked by TestAdviceSourced).
	Advice func(s Situation) []string

	LabelExpiry string // 有効期限 / Expires
	LabelWindow string // 更新できる期間 / Renewal window
	LabelToday  string // 今日 / Today
	// WindowRange renders the renewal window: 2026年12月16日(水)〜2027年3月15日(月).
	WindowRange func(opens, closes window.Date) string
	// MonthsNote says the window was computed with a length the user chose.
	MonthsNote func(months int) string

	// Usage errors: what was wrong and an example of the right form.
	BadDate        func(flag string, err *window.ParseError) string
	MissingFlag    func(flag, example string) string
	BadMonths      func(value string) string
	BadLang        func(value string) string
	UnknownFlag    func(flag string) string
	FlagNeedsValue func(flag, example string) string
	BadFlag        func(detail string) string
	UnexpectedArgs func(args string) string
	UnknownCommand func(name string) string
	BadTrustCA     func(path, detail string) string
	UnknownProfile func(name, profiles string) string
	HintHelp       func(command string) string
	ErrorPrefix    string // "jpkicheck: "
	HintPrefix     string // "hint: "

	// The card check.
	CertTitle     func(kind jpki.CertFile) string // 利用者証明用電子証明書(ログインなどに使う証明書)
	LabelIssuer   string
	TrustText     func(r *CertReport) string
	LabelPINs     string
	PINName       func(pin jpki.PIN) string
	PINTries      func(p *PINReport) string
	PINWarning    func(pin jpki.PIN, p *PINReport) string // "" when nothing to warn about
	LabelBring    string
	LabelInPerson string
	LabelByProxy  string
	BringInPerson string
	// BringByProxy is for a renewal before expiry, with the form enclosed
	// with the expiry notice; after expiry that form can no longer be used
	// (BringByProxyNoForm), and it was never meant for a PIN reset
	// (BringByProxyPINReset).
	BringByProxy         string
	BringByProxyNoForm   string
	BringByProxyPINReset string
	Simulated            func(profile string) string
	Reading              string
	InsertCard           func(readers []string) string

	// The holder's data in the signing certificate (--show-personal only).
	PersonalTitle   string
	LabelName       string
	LabelAltName    string
	LabelBirthDate  string
	LabelSex        string
	LabelAddress    string
	LabelAltAddress string
	SexName         func(code string) string

	// PIN verification.
	PINPrompt          func(pin jpki.PIN) string
	PINCorrect         func(pin jpki.PIN) string
	PINUsage           func(got string) string
	ForceOnlyForVerify string
	// RemoveCardNow: a PIN was sent and its verified state could not be
	// cleared (neither another application selected nor the card unpowered).
	RemoveCardNow string

	// Export and calendar files.
	ExportUsage       func(got string) string
	BadFormat         func(got string) string
	BinaryToTerminal  func(format string) string
	FileExists        func(path string) string
	Exported          func(what, path string) string
	SignExportWarning string

	ICSCalendarName     string
	ICSOpensSummary     func(w window.Window) string
	ICSOpensDescription func(w window.Window) string
	ICSWeekSummary      func(w window.Window) string
	ICSWeekDescription  func(w window.Window) string
	ICSAlreadyOpen      string
	ICSWritten          func(path string) string

	// Problems: what happened, and the next thing to do. goos tailors the
	// hint to the resident's system (linux, windows, darwin).
	ProblemMessage func(d Details) string
	ProblemHint    func(d Details, goos string) string

	// Help texts, one per command plus the tool's overview. Each names
	// every flag its command takes and shows examples.
	HelpMain    string
	HelpWindow  string
	HelpCheck   string
	HelpDemo    string
	HelpPIN     string
	HelpExport  string
	HelpICS     string
	HelpReaders string
	HelpVersion string
	// DidYouMean offers the command a misspelt command word was probably
	// meant to be.
	DidYouMean func(command string) string
	// ReaderCard describes what is in a reader: no card, the kind of card
	// (card: my_number_card, juki_card, …) or why it could not be told.
	ReaderCard func(present bool, card, problem string) string
	DemoMore   func(profiles string) string

	// Behaviour (office days, card expiry, clock, errors).
	//
	// LabelOfficeDays and OfficeDays render the first and last office days
	// of the renewal window (window.Window.FirstOfficeDay, LastOfficeDay).
	LabelOfficeDays string
	OfficeDays      func(first, last window.Date) string
	// ExpiryOfficeClosed: the expiry falls on a day the office is closed
	// (docs/advice.md, window-last-office-day).
	ExpiryOfficeClosed func(w window.Window) string
	// CardExpiryCheck is said once when the card's own expiry was not
	// given and may matter (card-expiry-check).
	CardExpiryCheck string
	// LabelCardExpiry and CardExpiry answer --card-expiry: whether the
	// card itself must be renewed, and from when (card-cert-same-date).
	LabelCardExpiry string
	CardExpiry      func(card CardExpiryReport) string
	// ClockWrong: a certificate starts after today, so the computer's
	// clock (or --today) is wrong; nothing else is answered.
	ClockWrong     func(notBefore, today window.Date) string
	ClockWrongHint string
	// ICSNothingAhead: every reminder date has passed, so no file is
	// written; the sentence says what to do instead.
	ICSNothingAhead func(w window.Window) string
	// HelpMore documents flags a command gained after its help text was
	// written; "" when it has none.
	HelpMore func(command string) string
	// DemoSecrets tells a newcomer the simulated card's PIN and password.
	DemoSecrets func(pin, password string) string
	// DidYouMeanProfile offers the --sim profile a misspelt one was
	// probably meant to be.
	DidYouMeanProfile func(profile string) string
	// BadWait: --wait is not a length of time.
	BadWait func(value string) string
	// CannotWrite: -o names a file that cannot be written; missingFolder
	// when its folder does not exist.
	CannotWrite func(path string, missingFolder bool) string
	// TrustCAReason says why a --trust-ca file was refused: missing,
	// unreadable or not_pem.
	TrustCAReason func(kind string) string
	// ErrorHint is the hint under an error that has no better one.
	ErrorHint string
}

// StateSentence returns the one-sentence answer for the window's state.
func (c *Catalog) StateSentence(w window.Window) string {
	switch w.State {
	case window.Open:
		return c.StateOpen(w)
	case window.Expired:
		return c.StateExpired(w)
	}
	return c.StateNotYetOpen(w)
}

// advice returns what a window means and what to do, for a date that
// belongs to no particular certificate (the window command).
func (c *Catalog) advice(w window.Window) []string {
	return c.Advice(Situation{Window: w})
}
