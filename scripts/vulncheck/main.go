// Command vulncheck runs govulncheck against an offline copy of the Go
// vulnerability database and decides what fails the build.
//
//	go run ./scripts/vulncheck [-stdlib warn|fail] [packages]
//
// The database host (vuln.go.dev) cannot be reached from this project's
// machines, but the database's source, the golang.org/x/vulndb module, is
// on the Go module proxy and carries every published report as OSV JSON in
// data/osv; govulncheck reads such a directory with -db file://DIR. So the
// scan is as current as the newest vulndb commit on the proxy (printed with
// every run; VULNDB_VERSION pins another), never a copy frozen in this
// repository. The module's zip is ~20 MB and cached after the first run.
//
// A vulnerable function that the code can reach (govulncheck's symbol
// level) fails the run when it lives in a module go.mod requires: those we
// can upgrade. In the standard library it fails only with -stdlib fail:
// the toolchain is the machine's (GOTOOLCHAIN=local), so CI reports it as
// a warning naming the Go release that fixes it, which release binaries
// must be built with. Findings in imported packages or required modules
// that the code does not reach are counted, not listed.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

const vulndbModule = "golang.org/x/vulndb"

func main() {
	stdlib := flag.String("stdlib", "fail", "warn or fail on reachable standard-library vulnerabilities")
	govulncheck := flag.String("govulncheck", "govulncheck", "the govulncheck binary (pinned by the Makefile)")
	flag.Parse()
	if *stdlib != "warn" && *stdlib != "fail" {
		fmt.Fprintln(os.Stderr, "vulncheck: -stdlib must be warn or fail")
		os.Exit(2)
	}
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	version := os.Getenv("VULNDB_VERSION")
	if version == "" {
		version = "latest"
	}
	if err := run(os.Stdout, *govulncheck, version, patterns, *stdlib == "fail"); err != nil {
		fmt.Fprintln(os.Stderr, "vulncheck:", err)
		os.Exit(1)
	}
}

// module is what "go mod download -json" says about one module.
type module struct {
	Version, Dir, Error string
}

// download fetches the vulndb module through the module proxy, from a
// directory outside this module so go.mod is never touched.
func download(version string) (module, error) {
	tmp, err := os.MkdirTemp("", "vulncheck-")
	if err != nil {
		return module{}, err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("go", "mod", "download", "-json", vulndbModule+"@"+version)
	cmd.Dir = tmp
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	var m module
	if jerr := json.Unmarshal(out, &m); jerr != nil && err == nil {
		err = jerr
	}
	if m.Error != "" {
		err = errors.New(m.Error)
	}
	if err != nil {
		return module{}, fmt.Errorf("downloading %s@%s: %w", vulndbModule, version, err)
	}
	return m, nil
}

// The parts of govulncheck's JSON stream (protocol v1.0.0) used here.
type message struct {
	Config *struct {
		ScannerVersion string `json:"scanner_version"`
		GoVersion      string `json:"go_version"`
	} `json:"config"`
	OSV *struct {
		ID      string `json:"id"`
		Summary string `json:"summary"`
	} `json:"osv"`
	Finding *finding `json:"finding"`
}

type finding struct {
	OSV          string  `json:"osv"`
	FixedVersion string  `json:"fixed_version"`
	Trace        []frame `json:"trace"`
}

type frame struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Package  string `json:"package"`
	Function string `json:"function"`
	Receiver string `json:"receiver"`
	Position *struct {
		Filename string `json:"filename"`
		Line     int    `json:"line"`
	} `json:"position"`
}

func (f frame) name() string {
	if f.Receiver != "" {
		return f.Package + "." + strings.TrimPrefix(f.Receiver, "*") + "." + f.Function
	}
	return f.Package + "." + f.Function
}

// level is how close a finding comes: the vulnerable symbol is called
// (symbol), its package imported (package), or only its module required.
func (f finding) level() string {
	switch {
	case len(f.Trace) == 0:
		return "module"
	case f.Trace[0].Function != "":
		return "symbol"
	case f.Trace[0].Package != "":
		return "package"
	}
	return "module"
}

func run(w io.Writer, govulncheck, version string, patterns []string, failStdlib bool) error {
	db, err := download(version)
	if err != nil {
		return err
	}
	osvDir := filepath.Join(db.Dir, "data", "osv")
	entries, _ := filepath.Glob(filepath.Join(osvDir, "GO-*.json"))
	if len(entries) < 1000 {
		return fmt.Errorf("%s holds %d reports: not the vulnerability database", osvDir, len(entries))
	}
	fmt.Fprintf(w, "vulncheck: database %s@%s (commit of %s, %d reports), read offline from the module proxy\n",
		vulndbModule, db.Version, commitDate(db.Version), len(entries))

	cmd := exec.Command(govulncheck, append([]string{"-format", "json", "-db", "file://" + osvDir}, patterns...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", govulncheck, err, stderr.String())
	}
	return judge(w, out, patterns, failStdlib)
}

// judge reads govulncheck's JSON stream, lists what the code reaches and
// returns an error for what must fail the build.
func judge(w io.Writer, out []byte, patterns []string, failStdlib bool) error {
	summaries := map[string]string{}
	var symbol []finding
	seen := map[string]map[string]bool{} // level -> OSV IDs
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var m message
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("reading govulncheck's output: %w", err)
		}
		switch {
		case m.Config != nil:
			fmt.Fprintf(w, "vulncheck: govulncheck %s, %s, packages %s\n", m.Config.ScannerVersion, m.Config.GoVersion, strings.Join(patterns, " "))
		case m.OSV != nil:
			summaries[m.OSV.ID] = m.OSV.Summary
		case m.Finding != nil:
			lv := m.Finding.level()
			if seen[lv] == nil {
				seen[lv] = map[string]bool{}
			}
			if lv == "symbol" && !seen[lv][m.Finding.OSV] {
				symbol = append(symbol, *m.Finding)
			}
			seen[lv][m.Finding.OSV] = true
		}
	}

	failed := 0
	slices.SortFunc(symbol, func(a, b finding) int { return strings.Compare(a.OSV, b.OSV) })
	for _, f := range symbol {
		mod := f.Trace[0].Module
		verdict := "FAIL"
		if mod == "stdlib" && !failStdlib {
			verdict = "warning"
		} else {
			failed++
		}
		fixed := f.FixedVersion
		if fixed == "" {
			fixed = "no fixed version"
		}
		// The outermost frame is our code calling into the path.
		via := f.Trace[len(f.Trace)-1]
		fmt.Fprintf(w, "  %s %s: %s\n      %s@%s, fixed in %s; reached from %s\n",
			verdict, f.OSV, summaries[f.OSV], mod, f.Trace[0].Version, fixed, via.name())
	}
	fmt.Fprintf(w, "vulncheck: %d reachable (symbol level), %d more in imported packages, %d more in required modules only\n",
		len(seen["symbol"]), len(minus(seen["package"], seen["symbol"])), len(minus(seen["module"], seen["package"], seen["symbol"])))
	if n := len(symbol) - failed; n > 0 {
		fmt.Fprintf(w, "vulncheck: WARNING: %d standard-library vulnerabilities reachable with %s: build releases with the Go release named above (this machine's toolchain is fixed, GOTOOLCHAIN=local)\n", n, goVersion())
	}
	if failed > 0 {
		return fmt.Errorf("%d reachable vulnerabilities to fix by upgrading a module", failed)
	}
	return nil
}

// minus is the IDs in a that none of the others hold.
func minus(a map[string]bool, others ...map[string]bool) []string {
	var out []string
	for id := range a {
		if !slices.ContainsFunc(others, func(o map[string]bool) bool { return o[id] }) {
			out = append(out, id)
		}
	}
	return out
}

func goVersion() string {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return "this Go"
	}
	return strings.TrimSpace(string(out))
}

// commitDate reads the date out of a pseudo-version
// (v0.0.0-20261105234957-e22db6528018 is a commit of 2026-11-05).
func commitDate(v string) string {
	parts := strings.Split(v, "-")
	if len(parts) < 3 || len(parts[len(parts)-2]) != 14 {
		return "unknown date"
	}
	ts := parts[len(parts)-2]
	return ts[:4] + "-" + ts[4:6] + "-" + ts[6:8]
}
