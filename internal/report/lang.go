// Package report turns what was read from a card into words a resident
// understands — sentences in each supported language, JSON for scripts —
// and into the documented exit codes. It is the only place below the CLI
// and the kiosk page that knows any human language; every sentence lives
// in one catalogue per language (catalog_<code>.go), and the languages
// there are catalogues for are registered once, below.
//
// The facts of a check (CardReport, language-neutral, the JSON contract)
// are laid out once (Catalog.Layout: sections, rows, warnings, the next
// step, what to bring); the terminal (text.go) and the kiosk page only
// render that layout.
package report

import (
	"fmt"
	"strings"
)

// Lang is an output language, named by its code (ja, en, ja-easy, zh …).
type Lang string

const (
	Ja   Lang = "ja"
	En   Lang = "en"
	Easy Lang = "ja-easy" // やさしい日本語: easy Japanese as cities write it for foreign residents
	Zh   Lang = "zh"      // 中文(简体)
	Ko   Lang = "ko"
	Pt   Lang = "pt" // Brazilian Portuguese
	Vi   Lang = "vi"
)

// catalogs are the languages jpkicheck speaks, in the order the kiosk page
// offers them. Only a language listed here can be chosen; its catalogue
// must be complete (TestCatalogsComplete walks every one).
var catalogs = []*Catalog{
	&ja, &en, &easy,
	&zh, &ko, &pt, &vi,
}

// names are each language's name in itself, as its button reads.
var names = map[Lang]string{
	Ja:   "日本語",
	En:   "English",
	Easy: "やさしい にほんご",
	Zh:   "中文",
	Ko:   "한국어",
	Pt:   "Português",
	Vi:   "Tiếng Việt",
}

// Langs returns the languages there is a catalogue for, Japanese first.
func Langs() []Lang {
	out := make([]Lang, len(catalogs))
	for i, c := range catalogs {
		out[i] = c.Lang
	}
	return out
}

// Name is the language's name written in that language (日本語, English,
// Tiếng Việt), for a button a speaker of it can find.
func (l Lang) Name() string {
	if n, ok := names[l]; ok {
		return n
	}
	return string(l)
}

// Tag is the language's BCP 47 tag, for a page's lang attribute and for
// choosing a voice: easy Japanese is Japanese to a browser.
func (l Lang) Tag() string {
	switch l {
	case Easy:
		return "ja"
	case Zh:
		return "zh-Hans"
	case Pt:
		return "pt-BR"
	}
	return string(l)
}

// Furigana returns the readings the page puts over the language's key
// words (<ruby>; where one word contains another the longer wins); nil for a
// language without them.
func Furigana(l Lang) map[string]string {
	if l == Easy {
		return easyFurigana
	}
	return nil
}

// Messages returns the catalogue for the language (English for anything
// without one).
func Messages(l Lang) *Catalog {
	for _, c := range catalogs {
		if c.Lang == l {
			return c
		}
	}
	return &en
}

// ParseLang accepts a registered language's code and locale-shaped
// spellings of it: ja_JP.UTF-8, en-US, zh_CN, zh-Hans, ko_KR, pt_BR, vi_VN.
// Easy Japanese has no locale; it is ja-easy (or easy).
func ParseLang(s string) (Lang, error) {
	if l, ok := localeLang(s); ok && registered(l) {
		return l, nil
	}
	codes := make([]string, 0, len(catalogs))
	for _, l := range Langs() {
		codes = append(codes, string(l))
	}
	return "", fmt.Errorf("unknown language %q: use %s", s, strings.Join(codes, ", "))
}

// localeLang reads the language part of a code or locale: the letters up
// to the first _, - or . (ja_JP.UTF-8 → ja), except the easy-Japanese
// spellings, whose "-easy" is the point.
func localeLang(s string) (Lang, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	switch l {
	case "ja-easy", "ja_easy", "easy":
		return Easy, true
	}
	if i := strings.IndexAny(l, "_-.@"); i >= 0 {
		l = l[:i]
	}
	// Traditional-script locales (zh_TW, zh-Hant) get the simplified
	// catalogue too: closer to their readers than English.
	switch Lang(l) {
	case Ja, En, Zh, Ko, Pt, Vi:
		return Lang(l), true
	}
	return "", false
}

func registered(l Lang) bool {
	for _, c := range catalogs {
		if c.Lang == l {
			return true
		}
	}
	return false
}

// LangFromEnv picks the language the way POSIX programs do: the first of
// LC_ALL, LC_MESSAGES and LANG that is set decides; a locale of a language
// with a catalogue (ja_JP, pt_BR …) gives that language and anything else
// English. fallback is used when none is set (the CLI passes the operating
// system's UI language where it has one).
func LangFromEnv(getenv func(string) string, fallback Lang) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if l, err := ParseLang(v); err == nil && l != Easy {
			return l
		}
		return En
	}
	if fallback == "" {
		return En
	}
	return fallback
}
