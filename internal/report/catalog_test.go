package report

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Every language must define every message: a nil func or empty string
// would reach a resident as a crash or a blank line.
func TestCatalogsComplete(t *testing.T) {
	for _, c := range catalogs {
		missing(reflect.ValueOf(c).Elem(), "", func(name string) {
			t.Errorf("%s catalogue: %s is missing", c.Lang, name)
		})
	}
}

// missing reports every zero field of v, walking into nested structs (such
// as Kiosk) so that each of their messages is checked too.
func missing(v reflect.Value, prefix string, report func(name string)) {
	for i := 0; i < v.NumField(); i++ {
		f, name := v.Field(i), prefix+v.Type().Field(i).Name
		switch {
		case f.Kind() == reflect.Struct:
			missing(f, name+".", report)
		case f.IsZero():
			report(name)
		}
	}
}

// The Japanese catalogue must read as Japanese and the English one must not
// leak Japanese (apart from proper nouns such as 照会書兼回答書, which the
// English catalogue may quote on purpose — none in the window messages).
func TestCatalogLanguages(t *testing.T) {
	for _, w := range []window.Window{
		window.Compute(window.MustDate(2027, 3, 15), window.MustDate(2026, 11, 1)),
		window.Compute(window.MustDate(2027, 3, 15), window.MustDate(2026, 12, 20)),
		window.Compute(window.MustDate(2027, 3, 15), window.MustDate(2027, 4, 1)),
	} {
		if s := en.StateSentence(w) + strings.Join(en.Advice(Situation{Window: w, Cert: jpki.AuthCert}), " ") + strings.Join(en.Advice(Situation{Window: w, Cert: jpki.SignCert}), " "); hasJapanese(s) {
			t.Errorf("English text contains Japanese: %s", s)
		}
		for _, c := range []*Catalog{&ja, &easy} {
			if s := c.StateSentence(w); !hasJapanese(s) || !strings.HasSuffix(s, "。") {
				t.Errorf("%s sentence looks wrong: %s", c.Lang, s)
			}
		}
	}
}

func hasJapanese(s string) bool {
	for _, r := range s {
		if r >= 0x3040 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

func TestLangFromEnv(t *testing.T) {
	tests := []struct {
		vars     map[string]string
		fallback Lang
		want     Lang
	}{
		{nil, "", En},
		{nil, Ja, Ja},
		{map[string]string{"LANG": "ja_JP.UTF-8"}, En, Ja},
		{map[string]string{"LANG": "C.UTF-8"}, Ja, En},
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "ja_JP.UTF-8"}, "", En},
		{map[string]string{"LC_MESSAGES": "ja_JP", "LANG": "en_US"}, "", Ja},
		{map[string]string{"LANG": "ja"}, "", Ja},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, Ja, En},
		{map[string]string{"LANG": "ja-easy"}, "", En}, // no locale is easy Japanese
	}
	for _, tt := range tests {
		got := LangFromEnv(func(k string) string { return tt.vars[k] }, tt.fallback)
		if got != tt.want {
			t.Errorf("LangFromEnv(%v, %q) = %s, want %s", tt.vars, tt.fallback, got, tt.want)
		}
	}
}

// Every registered language is reached by its code and by the locale
// spellings a system uses for it; other codes are refused.
func TestParseLang(t *testing.T) {
	spellings := map[Lang][]string{
		Ja: {"ja", "JA", "ja_JP.UTF-8", "ja-JP"}, En: {"en", "en_US.UTF-8", "en-GB"},
		Easy: {"ja-easy", "ja_easy", "easy", "JA-EASY"},
		Zh:   {"zh", "zh_CN", "zh-Hans", "zh_CN.UTF-8"}, Ko: {"ko", "ko_KR"},
		Pt: {"pt", "pt_BR", "pt-BR.UTF-8"}, Vi: {"vi", "vi_VN"},
	}
	for _, l := range Langs() {
		if Messages(l).Lang != l {
			t.Errorf("Messages(%s) is the %s catalogue", l, Messages(l).Lang)
		}
		if l.Name() == string(l) {
			t.Errorf("%s has no name of its own", l)
		}
		for _, s := range spellings[l] {
			if got, err := ParseLang(s); err != nil || got != l {
				t.Errorf("ParseLang(%q) = %s, %v; want %s", s, got, err, l)
			}
		}
	}
	for _, s := range []string{"", "fr", "japanese", "C.UTF-8", "easy-ja"} {
		if l, err := ParseLang(s); err == nil {
			t.Errorf("ParseLang(%q) = %s, want an error", s, l)
		}
	}
	if Messages("xx") != &en {
		t.Error("an unknown language should get English")
	}
}

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"Expires": 7, "有効期限": 8, "更新できる期間": 14, "ＡＢ": 4} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestExitForState(t *testing.T) {
	if ExitForState(window.NotYetOpen) != 0 || ExitForState(window.Open) != 3 || ExitForState(window.Expired) != 4 {
		t.Error("exit codes do not match docs/design.md: 0 not yet open, 3 open, 4 expired")
	}
}

// Easy Japanese says everything the Japanese catalogue advises, each
// sentence marked with the same docs/advice.md entries.
func TestEasyCitesTheSameAdvice(t *testing.T) {
	ids := func(files ...string) []string {
		var out []string
		for _, f := range files {
			out = append(out, adviceIDs(t, f)...)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	if ja, easy := ids("catalog_ja.go", "catalog_kiosk_ja.go"), ids("catalog_easy.go", "catalog_kiosk_easy.go"); !slices.Equal(ja, easy) {
		t.Errorf("the catalogues cite different advice:\nja   %v\neasy %v", ja, easy)
	}
}
