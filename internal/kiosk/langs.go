package kiosk

import "github.com/jpkicheck/jpkicheck/internal/report"

// PageLang is a language the page offers, as its words block lists them:
// the code its words are keyed by, the button's label (the language's name
// in itself), the tag for the page's lang attribute and voice, and the
// readings put over key words (easy Japanese only).
type PageLang struct {
	Lang report.Lang       `json:"lang"`
	Name string            `json:"name"`
	Tag  string            `json:"tag"`
	Ruby map[string]string `json:"ruby,omitempty"`
}

// PageLangs are the page's languages in the order of its buttons: every
// language there is a catalogue for.
func PageLangs() []PageLang {
	var out []PageLang
	for _, l := range report.Langs() {
		out = append(out, PageLang{Lang: l, Name: l.Name(), Tag: l.Tag(), Ruby: report.Furigana(l)})
	}
	return out
}
