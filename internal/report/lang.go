// Package report turns what was read from a card into words a resident
// understands — Japanese or English sentences, JSON for scripts — and into
// the documented exit codes. It is the only place below the CLI and the
// kiosk page that knows any human language; every sentence lives in one
// catalogue per language (catalog_ja.go, catalog_en.go).
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

// Lang is an output language.
type Lang string

const (
	Ja Lang = "ja"
	En Lang = "en"
)

// ParseLang accepts "ja" or "en" (and locale-shaped spellings such as
// "ja_JP.UTF-8" or "en-US").
func ParseLang(s string) (Lang, error) {
	switch l := strings.ToLower(s); {
	case l == "ja" || strings.HasPrefix(l, "ja_") || strings.HasPrefix(l, "ja-") || strings.HasPrefix(l, "ja."):
		return Ja, nil
	case l == "en" || strings.HasPrefix(l, "en_") || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en."):
		return En, nil
	}
	return "", fmt.Errorf("unknown language %q: use ja or en", s)
}

// LangFromEnv picks the language the way POSIX programs do: the first of
// LC_ALL, LC_MESSAGES and LANG that is set decides; a Japanese locale (ja_*)
// gives Japanese and anything else English. fallback is used when none is
// set (the CLI passes the operating system's UI language where it has one).
func LangFromEnv(getenv func(string) string, fallback Lang) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if l, err := ParseLang(v); err == nil && l == Ja {
			return Ja
		}
		return En
	}
	if fallback == "" {
		return En
	}
	return fallback
}

// Messages returns the catalogue for the language (English for anything
// unknown).
func Messages(l Lang) *Catalog {
	if l == Ja {
		return &ja
	}
	return &en
}
