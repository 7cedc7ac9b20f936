package archtest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/jpkicheck/jpkicheck/"

// allowed lists, for every package of the module, the module's packages its
// production code (not its tests) may import. docs/architecture.md explains
// each line; data flows one way: pcsc → jpki → window → report → the edge.
var allowed = map[string][]string{
	// Leaves: they know nothing of each other. jpki talks to a one-method
	// transmitter and cardsim is an independent card, so the two can never
	// agree on a misunderstanding written once.
	"internal/window":   nil,
	"internal/jpki":     nil,
	"internal/pcsc":     nil,
	"internal/cardsim":  nil,
	"internal/certfile": nil,
	"internal/syncbuf":  nil,
	"internal/ics":      {"internal/window"},
	"internal/office":   {"internal/window"},

	// The one door to a card: a reader or the simulated one.
	"internal/source": {"internal/cardsim", "internal/jpki", "internal/pcsc"},

	// The one read step the CLI and the kiosk share: connect, trust, check.
	"internal/cardcheck": {"internal/source", "internal/jpki", "internal/report", "internal/window"},

	// Facts into words. It names PC/SC failures (pcsc's error values) but
	// never opens a card, and never knows which card produced a fact.
	"internal/report": {"internal/jpki", "internal/pcsc", "internal/window", "internal/office"},

	// The lobby page: cards come only through source.
	"internal/kiosk":          {"internal/source", "internal/cardcheck", "internal/jpki", "internal/report", "internal/window", "internal/office"},
	"internal/kiosk/headless": nil,

	// The edges.
	"cmd/jpkicheck": {"internal/source", "internal/cardcheck", "internal/jpki", "internal/report", "internal/window", "internal/office",
		"internal/kiosk", "internal/certfile", "internal/ics"},
	"cmd/jpkisim": {"internal/cardsim", "internal/syncbuf"},

	// Test-only packages and tools: what they exercise.
	"internal/rig":                   {"internal/cardsim", "internal/pcsc", "internal/syncbuf"},
	"internal/pcsc/pcsctest":         {"internal/pcsc"},
	"internal/kiosk/cmd/screenshots": {"internal/cardsim", "internal/kiosk", "internal/kiosk/headless", "internal/window", "internal/source"},
	"internal/bench":                 nil,
	"internal/archtest":              nil,
	"test/e2e":                       nil,
	"scripts/vulncheck":              nil,
	"scripts/dist/icon":              nil,
}

// testOnly may be imported only from _test.go files.
var testOnly = []string{"internal/rig", "internal/syncbuf", "internal/pcsc/pcsctest"}

// TestImportRules reads every Go file of the module and fails on an import
// the table does not allow, on a package missing from the table, and on a
// test-only package imported by production code.
func TestImportRules(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	prod, tests := imports(t, root)
	if len(prod) < 10 {
		t.Fatalf("found only %d packages under %s: wrong root?", len(prod), root)
	}
	for pkg, deps := range prod {
		rule, ok := allowed[pkg]
		if !ok {
			t.Errorf("%s is not in the import table: give it its place in docs/architecture.md and here", pkg)
			continue
		}
		for _, d := range deps {
			if !slices.Contains(rule, d) {
				t.Errorf("%s imports %s, which docs/architecture.md does not allow", pkg, d)
			}
		}
	}
	for pkg, deps := range prod {
		for _, d := range deps {
			if slices.Contains(testOnly, d) && pkg != "cmd/jpkisim" && !slices.Contains(testOnly, pkg) {
				t.Errorf("%s (production code) imports the test-only %s", pkg, d)
			}
		}
	}
	for pkg := range allowed {
		if _, ok := prod[pkg]; !ok {
			if _, ok := tests[pkg]; !ok {
				t.Errorf("the import table names %s, which does not exist", pkg)
			}
		}
	}
}

// imports returns, per package directory relative to root, the module's
// packages imported by its non-test files and by its test files.
func imports(t *testing.T, root string) (prod, tests map[string][]string) {
	prod, tests = map[string][]string{}, map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "bin") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		dst := prod
		if strings.HasSuffix(path, "_test.go") {
			dst = tests
		}
		if _, ok := dst[rel]; !ok {
			dst[rel] = nil
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if dep, ok := strings.CutPrefix(p, module); ok && !slices.Contains(dst[rel], dep) {
				dst[rel] = append(dst[rel], dep)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []map[string][]string{prod, tests} {
		for k := range m {
			sort.Strings(m[k])
		}
	}
	return prod, tests
}
