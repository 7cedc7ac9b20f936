package window

import "fmt"

// DefaultMonths is the length of the renewal window for residents of Japan.
// Holders living abroad who keep their card may renew from twelve months
// before expiry (docs/renewal-rule.md), and other card generations may
// differ, so the figure is a parameter of Rule rather than a constant spread
// through the code.
const DefaultMonths = 3

// Rule is the renewal-window rule: renewal is accepted from the day after
// the date Months calendar months before expiry, until the expiry date.
type Rule struct {
	Months int
	// Calendar, when set, makes Compute also give the window's first and
	// last office days (Window.FirstOfficeDay, LastOfficeDay); nil leaves
	// them zero and the answer as it was.
	Calendar *Calendar
}

// DefaultRule is the rule for residents of Japan (three months).
var DefaultRule = Rule{Months: DefaultMonths}

// State is where today stands relative to the renewal window.
type State int

const (
	// NotYetOpen: renewal is not accepted yet (an earlier visit would be a
	// re-issue giving a shorter certificate).
	NotYetOpen State = iota
	// Open: renewal is accepted today.
	Open
	// Expired: the certificate has lapsed; a new one can still be issued.
	Expired
)

var stateNames = [...]string{"not_yet_open", "open", "expired"}

// String returns the state's stable name as used in JSON: not_yet_open,
// open or expired.
func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return fmt.Sprintf("State(%d)", int(s))
	}
	return stateNames[s]
}

// MarshalText writes the stable name.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads the stable name.
func (s *State) UnmarshalText(b []byte) error {
	for i, n := range stateNames {
		if n == string(b) {
			*s = State(i)
			return nil
		}
	}
	return fmt.Errorf("unknown renewal state %q", b)
}

// Window is the rule applied to one expiry date on one day. Its JSON form is
// part of the command-line contract (docs/design.md, "The command-line
// contract"), which scripts rely on, so its field names must not change.
type Window struct {
	Expiry          Date  `json:"expiry"`
	Today           Date  `json:"today"`
	Opens           Date  `json:"opens"`
	State           State `json:"state"`
	DaysUntilOpen   int   `json:"days_until_open"`
	DaysLeft        int   `json:"days_left"`
	DaysSinceExpiry int   `json:"days_since_expiry"`
	Months          int   `json:"months"`

	// LastOfficeDay is the last day on or before the expiry that the office
	// is open, and FirstOfficeDay the first office day on or after Opens:
	// the days a resident can really go. Both are set only by a Rule with a
	// Calendar, and only when the window holds an office day whose holidays
	// are known (see holidayOn); otherwise both are zero and left out of
	// the JSON, so a caller says nothing rather than something wrong. They
	// do not depend on today: after expiry LastOfficeDay is in the past.
	LastOfficeDay  Date `json:"last_office_day,omitzero"`
	FirstOfficeDay Date `json:"first_office_day,omitzero"`
}

// Opens returns the first day renewal is accepted for a certificate that
// expires on expiry.
func (r Rule) Opens(expiry Date) Date {
	return expiry.AddMonths(-r.months()).AddDays(1)
}

func (r Rule) months() int {
	if r.Months <= 0 {
		return DefaultMonths
	}
	return r.Months
}

// Compute applies the rule to a certificate expiring on expiry, as seen on
// the day today.
func (r Rule) Compute(expiry, today Date) Window {
	w := Window{
		Expiry: expiry,
		Today:  today,
		Opens:  r.Opens(expiry),
		Months: r.months(),
	}
	if r.Calendar != nil {
		w.FirstOfficeDay, w.LastOfficeDay = r.Calendar.windowOfficeDays(w.Opens, expiry)
	}
	switch {
	case today.After(expiry):
		w.State = Expired
		w.DaysSinceExpiry = today.DaysSince(expiry)
	case today.Before(w.Opens):
		w.State = NotYetOpen
		w.DaysUntilOpen = w.Opens.DaysSince(today)
		w.DaysLeft = expiry.DaysSince(today)
	default:
		w.State = Open
		w.DaysLeft = expiry.DaysSince(today)
	}
	return w
}

// Compute applies the default three-month rule.
func Compute(expiry, today Date) Window { return DefaultRule.Compute(expiry, today) }

// Urgency orders states for "the most urgent wins" when a card carries two
// certificates: expired before open before not yet open.
func (s State) Urgency() int {
	switch s {
	case Expired:
		return 2
	case Open:
		return 1
	}
	return 0
}
