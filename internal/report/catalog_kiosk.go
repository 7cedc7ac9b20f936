package report

// kioskMessages are the words of the kiosk page and of the kiosk and ui
// commands. The sentences about a card (state, advice, PINs, problems) are
// the catalogue's own; these are what only the page and its commands say.
type kioskMessages struct {
	// Page is the page's static words. The page receives them as JSON with
	// every status, so it holds no words of its own.
	Page KioskPage

	HelpKiosk string
	HelpUI    string
	// Listening tells where the kiosk page is served.
	Listening func(url string) string
	// ListenWarning is the loud warning for an address other machines can
	// reach.
	ListenWarning func(addr string) string
	// OpenBrowser and BrowserFailed are for jpkicheck ui.
	OpenBrowser   func(url string) string
	BrowserFailed func(url string) string
	BadListen     func(addr, detail string) string
	BadLinger     func(value string) string
	// OfficeError words a mistake in the --office file (after "file:line: ").
	OfficeError func(p OfficeProblem) string
	// ListenRefused refuses an address other machines can reach without
	// --allow-lan.
	ListenRefused func(addr string) string
	// LANToken gives the address with its token, for --allow-lan.
	LANToken func(url string) string
	// ClockWrong is the administrator's message while the PC's date (now,
	// YYYY-MM-DD) cannot be right; the page shows it instead of answers.
	ClockWrong func(now string) string
	// NoBrowser: --browser found no Chromium, Chrome or Edge.
	NoBrowser string
}

// OfficeProblem is a mistake in an office file as the catalogue needs it;
// Kind is the office package's ErrorKind name (unknown_field, duplicate …).
type OfficeProblem struct {
	Kind    string
	Field   string // the key as written; unreadable: why the file could not be read
	Suggest string // unknown_field: the key it probably meant
	Other   int    // duplicate: the line where it was first set
	Known   string // the keys there are, for unknown_field and no_fields
	Limit   int    // too_long: characters; too_big: KiB; bad_range, too_many_dates, bad_setting: the bound
	Value   string // bad_date, bad_range, bad_setting: the item as written; open_and_closed: the day
}

// KioskPage holds the page's static words (JSON keys are what the page's
// script reads).
type KioskPage struct {
	Title string `json:"title"`
	// LangButton names the other language, in that language; LangButtonLabel
	// says what the button does, for screen readers.
	LangButton      string `json:"lang_button"`
	LangButtonLabel string `json:"lang_button_label"`

	Insert     string `json:"insert"`
	InsertNote string `json:"insert_note"`
	Privacy    string `json:"privacy"`

	Reading     string `json:"reading"`
	ReadingNote string `json:"reading_note"`
	// ReadingRest shows while the result is on screen and the rest of the
	// card (issuer check, PIN counters) is still being read.
	ReadingRest string `json:"reading_rest"`

	TakeCard     string `json:"take_card"`
	TakeCardNote string `json:"take_card_note"`

	NoReader      string `json:"no_reader"`
	NoReaderNote  string `json:"no_reader_note"`
	NoService     string `json:"no_service"`
	NoServiceNote string `json:"no_service_note"`
	// Reconnecting shows when the page lost its server; the result, if
	// any, is cleared meanwhile.
	Reconnecting string `json:"reconnecting"`

	// RetryHint replaces the command-line hints ("run it again") for
	// problems a resident solves by putting the card back; StaffHint
	// follows when that does not help.
	RetryHint string `json:"retry_hint"`
	StaffHint string `json:"staff_hint"`

	// Badges name the state in a few words next to its colour, so that
	// colour is never the only sign.
	BadgeNotYetOpen string `json:"badge_not_yet_open"`
	BadgeOpen       string `json:"badge_open"`
	BadgeExpired    string `json:"badge_expired"`
	BadgeError      string `json:"badge_error"`
	WarningLabel    string `json:"warning_label"`

	TimelineTitle  string `json:"timeline_title"`
	TimelineOpens  string `json:"timeline_opens"`
	TimelineExpiry string `json:"timeline_expiry"`
	TimelineToday  string `json:"timeline_today"`

	OfficeTitle   string `json:"office_title"`
	OfficeExample string `json:"office_example"`
	OfficeCounter string `json:"office_counter"`
	OfficeFloor   string `json:"office_floor"`
	OfficeHours   string `json:"office_hours"`
	OfficePhone   string `json:"office_phone"`

	// The page's decision and reading aids: the badge for the most urgent
	// finding, the lines under the answer (by when, where), the cue that
	// details follow below the fold, the text-size button, the words on
	// every timeline segment, and the note under "please take your card".
	BadgeLocked     string `json:"badge_locked"`
	BadgeLastTry    string `json:"badge_last_try"`
	DecisionBy      string `json:"decision_by"`
	DecisionWhere   string `json:"decision_where"`
	ByLastOfficeDay string `json:"by_last_office_day"` // after the date: why that day
	ByExpiry        string `json:"by_expiry"`
	ExampleShort    string `json:"example_short"` // after an example office's name
	MoreBelow       string `json:"more_below"`
	BiggerText      string `json:"bigger_text"`
	NormalText      string `json:"normal_text"`
	TimelineBefore  string `json:"timeline_before"`
	TimelineAfter   string `json:"timeline_after"`
	TouchToKeep     string `json:"touch_to_keep"`
	Details         string `json:"details"` // heading of what follows the decision
}
