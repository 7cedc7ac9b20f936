package report

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// The page's words are in the right language: Japanese in ja and ja-easy;
// in any other language no kana outside brackets (an official Japanese
// term may follow its translation in brackets, for the counter). The
// language button words are the catalogue's own business.
func TestKioskPageLanguages(t *testing.T) {
	for _, c := range catalogs {
		japanese := c.Lang == Ja || c.Lang == Easy
		v := reflect.ValueOf(c.Kiosk.Page)
		for i := 0; i < v.NumField(); i++ {
			name, s := v.Type().Field(i).Name, v.Field(i).String()
			if strings.HasPrefix(name, "LangButton") {
				continue
			}
			if japanese && !hasJapanese(s) || !japanese && hasKana(unbracketed.ReplaceAllString(s, "")) {
				t.Errorf("%s %s = %q is in the wrong language", c.Lang, name, s)
			}
		}
	}
}

var unbracketed = regexp.MustCompile(`[(（][^)）]*[)）]`)

func hasKana(s string) bool {
	for _, r := range s {
		if r >= 0x3040 && r <= 0x30FF {
			return true
		}
	}
	return false
}

func TestOfficeErrorWording(t *testing.T) {
	p := OfficeProblem{Kind: "unknown_field", Field: "flor", Suggest: "floor"}
	if got := en.Kiosk.OfficeError(p); got != `unknown field "flor" (did you mean "floor"?)` {
		t.Errorf("en: %s", got)
	}
	if got := ja.Kiosk.OfficeError(p); !strings.Contains(got, "「floor」のことですか") {
		t.Errorf("ja: %s", got)
	}
	for _, kind := range []string{"unknown_language", "missing_equals", "missing_key", "duplicate", "empty_value",
		"too_long", "control_char", "unreadable", "bad_utf8", "utf16", "too_big", "no_fields", "only_english",
		"bad_date", "bad_range", "open_and_closed", "too_many_dates", "bad_setting"} {
		for _, c := range catalogs {
			if got := c.Kiosk.OfficeError(OfficeProblem{Kind: kind, Field: "name"}); got == c.Kiosk.OfficeError(OfficeProblem{}) {
				t.Errorf("%s: %s has no wording of its own", c.Lang, kind)
			}
		}
	}
}
