package kiosk

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/report"
)

var updateWords = flag.Bool("update-words", false, "rewrite the words block of web/index.html from the report catalogues")

// wordsBlock is the page's own copy of its static words: the page shows
// them before the first status arrives and whenever no status can, so a
// refused stream never leaves it blank or in one language only.
var wordsBlock = regexp.MustCompile(`(<script id="words" type="application/json">)(.*)(</script>)`)

// pageWords are the page's languages and the static words of each, as the
// block carries them: generated from the catalogues, never written by hand.
func pageWords(t *testing.T) []byte {
	t.Helper()
	block := struct {
		Langs []PageLang                        `json:"langs"`
		Words map[report.Lang]*report.KioskPage `json:"words"`
	}{PageLangs(), map[report.Lang]*report.KioskPage{}}
	for _, lang := range report.Langs() {
		block.Words[lang] = &report.Messages(lang).Kiosk.Page
	}
	data, err := json.Marshal(block) // escapes <, > and &: nothing can end the script element
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The words block is the catalogues' (go test ./internal/kiosk -run
// TestPageCarriesItsWords -update-words rewrites it after a catalogue
// change).
func TestPageCarriesItsWords(t *testing.T) {
	const path = "web/index.html"
	html, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := wordsBlock.FindSubmatch(html)
	if m == nil {
		t.Fatalf("%s has no words block", path)
	}
	want := pageWords(t)
	if bytes.Equal(m[2], want) {
		return
	}
	if !*updateWords {
		t.Fatalf("%s's words block differs from the catalogues; run go test ./internal/kiosk -run TestPageCarriesItsWords -update-words", path)
	}
	out := wordsBlock.ReplaceAllLiteral(html, append(append(append([]byte(nil), m[1]...), want...), m[3]...))
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}
