package report

import (
	"reflect"
	"strings"
	"testing"
)

// The page's words are in the right language: Japanese in ja, none in en,
// except the language button, which names the other language in itself.
func TestKioskPageLanguages(t *testing.T) {
	for _, c := range []*Catalog{&ja, &en} {
		v := reflect.ValueOf(c.Kiosk.Page)
		for i := 0; i < v.NumField(); i++ {
			name, s := v.Type().Field(i).Name, v.Field(i).String()
			if strings.HasPrefix(name, "LangButton") {
				if hasJapanese(s) == (c.Lang == Ja) {
					t.Errorf("%s %s = %q should be in the other language", c.Lang, name, s)
				}
				continue
			}
			if hasJapanese(s) != (c.Lang == Ja) {
				t.Errorf("%s %s = %q is in the wrong language", c.Lang, name, s)
			}
		}
	}
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
		for _, c := range []*Catalog{&ja, &en} {
			if got := c.Kiosk.OfficeError(OfficeProblem{Kind: kind, Field: "name"}); got == c.Kiosk.OfficeError(OfficeProblem{}) {
				t.Errorf("%s: %s has no wording of its own", c.Lang, kind)
			}
		}
	}
}
