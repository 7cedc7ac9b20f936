package office

import (
	"fmt"
	"strings"
)

// ErrorKind says what is wrong with a line of the office file.
type ErrorKind int

// The kinds of Error.
const (
	UnknownField    ErrorKind = iota + 1 // the key is none of Keys (Suggest may name the intended one)
	UnknownLanguage                      // a suffix other than .ja or .en
	MissingEquals                        // a line that is neither a comment nor key = value
	MissingKey                           // "= value" with nothing before the "="
	Duplicate                            // the same key (and language) twice; Other is the first line
	EmptyValue                           // "key =" with nothing after it
	TooLong                              // a value longer than MaxValueRune characters
	ControlChar                          // a control character inside a value
	BadUTF8                              // not UTF-8 (Shift_JIS, say)
	UTF16                                // saved as UTF-16 ("Unicode" in old Notepad)
	TooBig                               // the file is larger than MaxFileSize
	NoFields                             // nothing set: empty, or only comments
	OnlyEnglish                          // key.en without the Japanese key
	BadDate                              // a date list item that is not YYYY-MM-DD (Value is the item)
	BadRange                             // a range that ends before it starts or is longer than MaxRangeDays (Value)
	OpenAndClosed                        // a day in both open_days and closed_days (Value; Other is the other line)
	TooManyDates                         // more than MaxDates days in the lists
	BadSetting                           // reading_time not a number of seconds (1–600), voice not on or off (Value)
)

var kindNames = map[ErrorKind]string{
	UnknownField:    "unknown_field",
	UnknownLanguage: "unknown_language",
	MissingEquals:   "missing_equals",
	MissingKey:      "missing_key",
	Duplicate:       "duplicate",
	EmptyValue:      "empty_value",
	TooLong:         "too_long",
	ControlChar:     "control_char",
	BadUTF8:         "bad_utf8",
	UTF16:           "utf16",
	TooBig:          "too_big",
	NoFields:        "no_fields",
	OnlyEnglish:     "only_english",
	BadDate:         "bad_date",
	BadRange:        "bad_range",
	OpenAndClosed:   "open_and_closed",
	TooManyDates:    "too_many_dates",
	BadSetting:      "bad_setting",
}

// String is the kind's stable name (unknown_field, duplicate, …), which the
// catalogues use to word the error in the administrator's language.
func (k ErrorKind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// Error is a mistake in the office file, with where it is.
type Error struct {
	File    string
	Line    int // 1-based; 0 when it concerns the whole file
	Kind    ErrorKind
	Field   string // the key as written (lower-cased), when there is one
	Suggest string // UnknownField: the key it probably meant, or ""
	Other   int    // Duplicate, OpenAndClosed: the line where the key or day was first set
	Value   string // BadDate, BadRange, BadSetting: the item as written; OpenAndClosed: the day
}

// Error gives "file:line: what is wrong", in English; Detail is the part
// after the location, for callers that word it themselves.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Detail())
	}
	return fmt.Sprintf("%s: %s", e.File, e.Detail())
}

// Detail says what is wrong, in English.
func (e *Error) Detail() string {
	switch e.Kind {
	case UnknownField:
		if e.Suggest != "" {
			return fmt.Sprintf("unknown field %q (did you mean %q?)", e.Field, e.Suggest)
		}
		return fmt.Sprintf("unknown field %q (known: %s)", e.Field, knownKeys())
	case UnknownLanguage:
		return fmt.Sprintf("unknown language in %q (use key, key.ja or key.en)", e.Field)
	case MissingEquals:
		return fmt.Sprintf("missing \"=\" after %q (write key = value)", e.Field)
	case MissingKey:
		return "missing field name before \"=\" (write key = value)"
	case Duplicate:
		return fmt.Sprintf("field %q is set twice (first on line %d)", e.Field, e.Other)
	case EmptyValue:
		return fmt.Sprintf("field %q has no value (delete the line or write a value after \"=\")", e.Field)
	case TooLong:
		return fmt.Sprintf("field %q is longer than %d characters", e.Field, MaxValueRune)
	case ControlChar:
		return fmt.Sprintf("field %q contains a control character", e.Field)
	case BadUTF8:
		return "not UTF-8 text (save the file as UTF-8)"
	case UTF16:
		return "saved as UTF-16 (save the file as UTF-8)"
	case TooBig:
		return fmt.Sprintf("larger than %d KiB; an office file is a few short lines", MaxFileSize>>10)
	case NoFields:
		return fmt.Sprintf("no field is set (known: %s)", knownKeys())
	case BadDate:
		return fmt.Sprintf("%q in %q is not a date (write YYYY-MM-DD, e.g. 2027-03-27; several separated by commas)", e.Value, e.Field)
	case BadRange:
		return fmt.Sprintf("%q in %q is not a range of days (write FROM..TO, FROM first, at most %d days)", e.Value, e.Field, MaxRangeDays)
	case OpenAndClosed:
		return fmt.Sprintf("%s is in %q here and in the other list on line %d (a day is either open or closed)", e.Value, e.Field, e.Other)
	case TooManyDates:
		return fmt.Sprintf("more than %d days in open_days and closed_days", MaxDates)
	case BadSetting:
		if e.Field == VoiceKey {
			return fmt.Sprintf("%q in %q is neither on nor off", e.Value, e.Field)
		}
		return fmt.Sprintf("%q in %q is not a number of seconds from 1 to %d (e.g. %s = 60)", e.Value, e.Field, int(MaxReadingTime.Seconds()), e.Field)
	case OnlyEnglish:
		return fmt.Sprintf("%q is set without the Japanese text (add %q)", e.Field, e.Field[:len(e.Field)-len(".en")])
	}
	return "invalid line"
}

func knownKeys() string { return strings.Join(Keys, ", ") }
