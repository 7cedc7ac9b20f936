package report

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// adviceEntry is one "### `id` — status" entry of docs/advice.md.
type adviceEntry struct {
	status string
	body   string
}

var (
	adviceHeading = regexp.MustCompile("^### `([a-z0-9-]+)` — (.*)$")
	sourceRow     = regexp.MustCompile(`^\| ([a-z0-9-]+) \|`)
	sourceRef     = regexp.MustCompile(`\[([a-z0-9-]+)\]`)
	entryRef      = regexp.MustCompile("`([a-z0-9-]+)`")
	adviceMarker  = regexp.MustCompile(`//\s*advice:\s*(.+)$`)
)

// readAdvice parses docs/advice.md into its entries and its source keys.
func readAdvice(t *testing.T) (map[string]adviceEntry, map[string]bool) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "advice.md"))
	if err != nil {
		t.Fatal(err)
	}
	entries, sources := map[string]adviceEntry{}, map[string]bool{}
	var id string
	for _, line := range strings.Split(string(b), "\n") {
		if m := adviceHeading.FindStringSubmatch(line); m != nil {
			id = m[1]
			entries[id] = adviceEntry{status: m[2]}
			continue
		}
		if strings.HasPrefix(line, "## ") || line == "---" {
			id = ""
		}
		if m := sourceRow.FindStringSubmatch(line); m != nil && m[1] != "key" {
			sources[m[1]] = true
		}
		if id != "" {
			e := entries[id]
			e.body += line + "\n"
			entries[id] = e
		}
	}
	return entries, sources
}

// sourced reports whether an entry cites a public source, itself or
// through the entries it refers to ("As `sign-under-15`").
func sourced(id string, entries map[string]adviceEntry, sources map[string]bool, seen map[string]bool) bool {
	e, ok := entries[id]
	if !ok || seen[id] || strings.HasPrefix(e.status, "not to be said") {
		return false
	}
	seen[id] = true
	for _, m := range sourceRef.FindAllStringSubmatch(e.body, -1) {
		if sources[m[1]] {
			return true
		}
	}
	for _, m := range entryRef.FindAllStringSubmatch(e.body, -1) {
		if m[1] != id && sourced(m[1], entries, sources, seen) {
			return true
		}
	}
	return false
}

// adviceIDs returns the advice ids named by "// advice:" comments in a
// catalogue file.
func adviceIDs(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, line := range strings.Split(string(b), "\n") {
		if m := adviceMarker.FindStringSubmatch(line); m != nil {
			for _, id := range strings.Split(m[1], ",") {
				ids = append(ids, strings.TrimSpace(id))
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Every sentence the catalogue says about a rule or procedure names its
// entry in docs/advice.md, and that entry has a public source and is not
// one the sources leave unsaid. Both languages say the same things.
func TestAdviceSourced(t *testing.T) {
	entries, sources := readAdvice(t)
	if len(entries) < 40 || len(sources) < 40 {
		t.Fatalf("docs/advice.md parsed to %d entries and %d sources; has its layout changed?", len(entries), len(sources))
	}
	files, err := filepath.Glob("catalog*.go")
	if err != nil {
		t.Fatal(err)
	}
	byLang := map[string][]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		for _, id := range adviceIDs(t, f) {
			e, ok := entries[id]
			switch {
			case !ok:
				t.Errorf("%s: advice %q is not an entry of docs/advice.md", f, id)
			case strings.HasPrefix(e.status, "not to be said"):
				t.Errorf("%s: advice %q is marked %q in docs/advice.md", f, id, e.status)
			case !sourced(id, entries, sources, map[string]bool{}):
				t.Errorf("%s: advice %q cites no source in docs/advice.md", f, id)
			}
		}
		lang := "ja"
		if strings.HasSuffix(f, "_en.go") {
			lang = "en"
		}
		if strings.HasSuffix(f, "_en.go") || strings.HasSuffix(f, "_ja.go") {
			byLang[lang] = append(byLang[lang], adviceIDs(t, f)...)
		}
	}
	for lang, ids := range byLang {
		slices.Sort(ids)
		byLang[lang] = slices.Compact(ids)
	}
	if len(byLang["ja"]) == 0 {
		t.Fatal("no advice markers found in the catalogues")
	}
	if !slices.Equal(byLang["ja"], byLang["en"]) {
		t.Errorf("the catalogues cite different advice:\nja %v\nen %v", byLang["ja"], byLang["en"])
	}
}
