package report

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
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

// The contradiction table at the end of docs/advice.md, as rules on what
// is said when.
func TestAdviceBySituation(t *testing.T) {
	e := window.MustDate(2027, 1, 10)
	expired := window.Compute(e, window.MustDate(2027, 2, 1))
	open := window.Compute(e, window.MustDate(2026, 12, 1))
	for _, c := range []*Catalog{&ja, &en} {
		auth := strings.Join(c.Advice(Situation{Window: expired, Cert: jpki.AuthCert}), " ")
		sign := strings.Join(c.Advice(Situation{Window: expired, Cert: jpki.SignCert}), " ")
		if grace := c.Date(window.MustDate(2027, 4, 30)); !strings.Contains(auth, grace) || strings.Contains(sign, grace) {
			t.Errorf("%s: the insurance grace period (until %s) belongs under the authentication certificate only:\nauth: %s\nsign: %s", c.Lang, grace, auth, sign)
		}
		for _, w := range []window.Window{expired, open, window.Compute(e, window.MustDate(2025, 1, 1))} {
			if s := strings.Join(c.Advice(Situation{Window: w, Cert: jpki.SignCert}), " "); !strings.Contains(s, map[Lang]string{Ja: "自動的に失効", En: "revoked automatically"}[c.Lang]) {
				t.Errorf("%s, %s: no word of revocation with the signing certificate: %s", c.Lang, w.State, s)
			}
		}
		abroad := window.Rule{Months: 12}.Compute(e, window.MustDate(2026, 6, 1))
		for _, w := range []window.Window{abroad, window.Rule{Months: 12}.Compute(e, window.MustDate(2027, 2, 1))} {
			if s := strings.Join(c.Advice(Situation{Window: w, Cert: jpki.AuthCert}), " ") + c.MonthsNote(12); strings.Contains(s, map[Lang]string{Ja: "市区町村の窓口", En: "city office"}[c.Lang]) {
				t.Errorf("%s: a window of %d months sends people abroad to the city office: %s", c.Lang, w.Months, s)
			}
		}
	}
	r := &CardReport{State: window.Expired, Certificates: Certs{Auth: &CertReport{Kind: jpki.AuthCert, Window: expired}}}
	if got := ja.byProxy(r); got != ja.BringByProxyNoForm {
		t.Errorf("after expiry the proxy cannot use the notice's form; got %s", got)
	}
	r.State = window.Open
	r.PINs.Auth = &PINReport{Locked: true}
	if got := ja.byProxy(r); got != ja.BringByProxyPINReset {
		t.Errorf("a PIN reset by proxy does not use the notice's form; got %s", got)
	}
}

// Words a city letter would not use: the resident does not issue
// certificates, and nothing is 損 or casual.
func TestJapaneseRegister(t *testing.T) {
	b, err := os.ReadFile("catalog_ja.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"発行できます", "損はありません", "たちました", "JPKI利用者ソフト", "国外転出者", "暗証番号(数字4桁)」", "約1年"} {
		if strings.Contains(string(b), bad) {
			t.Errorf("catalog_ja.go says %q", bad)
		}
	}
}
