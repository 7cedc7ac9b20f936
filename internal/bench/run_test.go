package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// TestBench is `make bench`: every operation, jpkicheck's and OpenSC's,
// run as a fresh process against the same simulated card on the real
// PC/SC stack, under three link models. It prints the tables to stdout as
// it goes and writes them to JPKICHECK_BENCH_OUT (default bin/bench.md).
// It runs only with JPKICHECK_BENCH=1: it takes minutes, and its figures
// mean something only on an otherwise idle machine.
func TestBench(t *testing.T) {
	if os.Getenv("JPKICHECK_BENCH") != "1" {
		t.Skip("set JPKICHECK_BENCH=1 (make bench) to measure")
	}
	if reason := rig.Available(); reason != "" {
		t.Fatalf("the bench needs the PC/SC rig: %s", reason)
	}
	runs := 20
	if v := os.Getenv("JPKICHECK_BENCH_RUNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("JPKICHECK_BENCH_RUNS=%q: want a positive number", v)
		}
		runs = n
	}
	root, err := rig.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	outPath := os.Getenv("JPKICHECK_BENCH_OUT")
	if outPath == "" {
		outPath = filepath.Join(root, "bin", "bench.md")
	}
	var report bytes.Buffer
	out := io.MultiWriter(os.Stdout, &report)
	started := time.Now()

	bin := rig.Build(t, "./cmd/jpkicheck")
	fmt.Fprintf(out, "# jpkicheck bench, %s\n\n", started.UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(out, "%s\n\n", machine())
	fmt.Fprintf(out, "Each figure is over %d runs, each a fresh process, interleaved; times are median (min–max).\n\n", runs)

	// JPKICHECK_BENCH_MODELS=plain,nfc runs only those models, for a
	// quicker look at one of them.
	only := os.Getenv("JPKICHECK_BENCH_MODELS")
	results := map[string]modelResult{}
	for _, m := range linkModels {
		if only != "" && !slices.Contains(strings.Split(only, ","), m.key) {
			continue
		}
		res := benchModel(t, bin, m, runs)
		results[m.key] = res
		res.write(out)
	}
	if len(results) == 0 {
		t.Fatalf("JPKICHECK_BENCH_MODELS=%q names none of plain, contact, nfc", only)
	}
	for _, m := range linkModels {
		if res, ok := results[m.key]; ok {
			writeMinimums(out, res)
			break
		}
	}
	win := benchWindow(t, bin, max(runs, 50))
	fmt.Fprintf(out, "## jpkicheck window (no card)\n\n`jpkicheck window --expiry 2027-03-15 --today 2026-11-25`, %d fresh processes: %s\n\n", win.N, win)
	writeKiosk(t, out, root)
	writeGoals(out, results, win)
	fmt.Fprintf(out, "Whole bench: %s.\n", time.Since(started).Round(time.Second))

	if err := os.MkdirAll(filepath.Dir(outPath), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outPath, report.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "bench: tables written to %s\n", outPath)
}

// linkModel is one set of jpkisim link flags.
type linkModel struct {
	key, name string
	args      []string
}

var linkModels = []linkModel{
	{"plain", "plain rig (local vpcd socket, no link delay)", nil},
	{"contact", "contact reader model (--baud 9600)", []string{"--baud", "9600"}},
	{"nfc", "NFC model (--apdu-delay 10ms --baud 106000)", []string{"--apdu-delay", "10ms", "--baud", "106000"}},
}

// job is one command line, run again and again as a fresh process.
type job struct {
	id, label string
	client    string // "jpkicheck", "OpenSC", "OpenSC jpki only"
	bin       string
	args      []string
	env       []string
	want      string // stdout must contain it, or the run failed
}

// sample is one run of a job.
type sample struct {
	first, total time.Duration
	traffic      Traffic
}

type jobResult struct {
	job
	samples []sample
	skipped string // why the job could not run (a command not in this build)
}

func (r jobResult) firsts() []time.Duration {
	return r.pick(func(s sample) time.Duration { return s.first })
}
func (r jobResult) totals() []time.Duration {
	return r.pick(func(s sample) time.Duration { return s.total })
}

func (r jobResult) pick(f func(sample) time.Duration) []time.Duration {
	var ds []time.Duration
	for _, s := range r.samples {
		ds = append(ds, f(s))
	}
	return ds
}

// traffic is the first run's; varying traffic fails the bench.
func (r jobResult) traffic() Traffic {
	if len(r.samples) == 0 {
		return Traffic{}
	}
	return r.samples[0].traffic
}

type modelResult struct {
	model   linkModel
	certLen int
	jobs    map[string]*jobResult
	order   []string
}

func jobs(bin, caPath, openscConf string) []job {
	jpki := []string{"OPENSC_CONF=" + openscConf}
	return []job{
		{id: "check", label: "check (no PIN)", client: "jpkicheck", bin: bin, args: []string{"check", "--lang", "en", "--trust-ca", caPath}, want: "Expires:"},
		{id: "quick", label: "check --quick", client: "jpkicheck", bin: bin, args: []string{"check", "--quick", "--lang", "en"}, want: "Expires:"},
		{id: "pins", label: "pin status", client: "jpkicheck", bin: bin, args: []string{"pin", "status", "--lang", "en"}, want: "tries left"},
		{id: "export", label: "export auth --format pem", client: "jpkicheck", bin: bin, args: []string{"export", "auth", "--format", "pem", "--trust-ca", caPath}, want: "BEGIN CERTIFICATE"},
		{id: "osc-read", label: "pkcs15-tool --read-certificate 01", client: "OpenSC", bin: "pkcs15-tool", args: []string{"-r", "0", "--read-certificate", "01"}, want: "BEGIN CERTIFICATE"},
		{id: "osc-pins", label: "pkcs15-tool --list-pins", client: "OpenSC", bin: "pkcs15-tool", args: []string{"-r", "0", "--list-pins"}, want: "Tries left"},
		{id: "osc-read-jpki", label: "pkcs15-tool --read-certificate 01", client: "OpenSC jpki only", bin: "pkcs15-tool", args: []string{"-r", "0", "--read-certificate", "01"}, env: jpki, want: "BEGIN CERTIFICATE"},
		{id: "osc-pins-jpki", label: "pkcs15-tool --list-pins", client: "OpenSC jpki only", bin: "pkcs15-tool", args: []string{"-r", "0", "--list-pins"}, env: jpki, want: "Tries left"},
	}
}

// benchModel starts a private pcscd and a simulated card with the model's
// link, then runs every job runs times, interleaved so that drift on the
// machine spreads over all of them alike.
func benchModel(t *testing.T, bin string, m linkModel, runs int) modelResult {
	var res modelResult
	t.Run(m.key, func(t *testing.T) {
		t0 := time.Now()
		r := rig.Start(t, rig.Options{Quiet: true})
		sim := r.StartCard(t, m.args...)
		conf := filepath.Join(t.TempDir(), "opensc-jpki.conf")
		// OpenSC with only its jpki driver: no probes by ~20 other drivers.
		if err := os.WriteFile(conf, []byte("app default {\n\tcard_drivers = jpki;\n}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		res = modelResult{model: m, jobs: map[string]*jobResult{}}
		for _, j := range jobs(bin, sim.CAPath, conf) {
			jr := &jobResult{job: j}
			res.jobs[j.id], res.order = jr, append(res.order, j.id)
			// One warm-up run (page cache, pcscd's first connection), not
			// counted; a command missing from this build is reported.
			if _, err := runOnce(r, sim, j); err != nil {
				jr.skipped = err.Error()
				fmt.Fprintf(os.Stderr, "bench: %s: %s: %v\n", m.name, j.label, err)
			}
		}
		fmt.Fprintf(os.Stderr, "bench: %s: %d runs of %d commands\n", m.name, runs, len(res.order))
		for i := 0; i < runs; i++ {
			for _, id := range res.order {
				jr := res.jobs[id]
				if jr.skipped != "" {
					continue
				}
				s, err := runOnce(r, sim, jr.job)
				if err != nil {
					t.Fatalf("%s, run %d: %v", jr.label, i+1, err)
				}
				if len(jr.samples) > 0 && s.traffic != jr.samples[0].traffic {
					t.Fatalf("%s: run %d exchanged %+v, run 1 %+v", jr.label, i+1, s.traffic, jr.samples[0].traffic)
				}
				jr.samples = append(jr.samples, s)
			}
		}
		fmt.Fprintf(os.Stderr, "bench: %s: done in %s\n", m.name, time.Since(t0).Round(time.Second))
		if c := res.jobs["export"]; c.skipped == "" {
			res.certLen = c.traffic().ReadData
		} else {
			res.certLen = res.jobs["check"].traffic().ReadData
		}
	})
	if t.Failed() {
		t.FailNow()
	}
	return res
}

// runOnce runs one job as a fresh process and times it from start to the
// first line on stdout (the first answer a user sees) and to exit.
func runOnce(r *rig.Rig, sim *rig.SimCard, j job) (sample, error) {
	var logFrom int64
	if fi, err := os.Stat(sim.LogPath); err == nil {
		logFrom = fi.Size()
	} else if !errors.Is(err, os.ErrNotExist) {
		return sample{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, j.bin, j.args...)
	cmd.Env = append(r.Env(), j.env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return sample{}, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	var first time.Duration
	var stdout bytes.Buffer
	br := bufio.NewReader(pipe)
	for {
		line, err := br.ReadString('\n')
		if first == 0 && strings.TrimSpace(line) != "" {
			first = time.Since(start)
		}
		stdout.WriteString(line)
		if err != nil {
			break
		}
	}
	werr := cmd.Wait()
	total := time.Since(start)
	if werr != nil || !strings.Contains(stdout.String(), j.want) {
		return sample{}, fmt.Errorf("%s %s: %v\nstdout:\n%s\nstderr:\n%s", j.bin, strings.Join(j.args, " "), werr, tail(stdout.String()), tail(stderr.String()))
	}
	// jpkisim writes each line before it answers, so the run's lines are
	// all in once the client has exited.
	logText, err := readFrom(sim.LogPath, logFrom)
	if err != nil {
		return sample{}, err
	}
	tr, err := ParseLog(logText)
	if err != nil {
		return sample{}, err
	}
	return sample{first: first, total: total, traffic: tr}, nil
}

func readFrom(path string, off int64) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return "", err
	}
	b, err := io.ReadAll(f)
	return string(b), err
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// write prints the model's tables: what each command cost, then jpkicheck
// against OpenSC for the same information.
func (m modelResult) write(w io.Writer) {
	fmt.Fprintf(w, "## %s\n\n", m.model.name)
	fmt.Fprintln(w, "| client | command | APDUs | bytes (sent + received) | cert bytes read (re-read) | first answer | completion |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|")
	for _, id := range m.order {
		j := m.jobs[id]
		if j.skipped != "" {
			fmt.Fprintf(w, "| %s | %s | not measured: %s | | | | |\n", j.client, j.label, firstLine(j.skipped))
			continue
		}
		tr := j.traffic()
		fmt.Fprintf(w, "| %s | %s | %d | %d (%d + %d) | %d (%d) | %s | %s |\n", j.client, j.label, tr.APDUs, tr.Bytes(), tr.Sent, tr.Received,
			tr.ReadData, tr.Reread, Summarize(j.firsts()), Summarize(j.totals()))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "jpkicheck / OpenSC for the same information (below 1 is better; OpenSC needs two commands for what check prints, their runs summed pairwise):")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| jpkicheck | OpenSC | APDUs | bytes | first answer (median) | completion (median) |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|")
	for _, c := range comparisons {
		for _, suffix := range []string{"", "-jpki"} {
			ours := m.jobs[c.ours]
			var theirs []*jobResult
			for _, id := range c.theirs {
				theirs = append(theirs, m.jobs[id+suffix])
			}
			label := joinLabels(theirs)
			if ours.skipped != "" || anySkipped(theirs) {
				fmt.Fprintf(w, "| %s | %s | not measured | | | |\n", ours.label, label)
				continue
			}
			sum := combine(theirs)
			a, b := ours.traffic(), sum.traffic()
			fmt.Fprintf(w, "| %s | %s | %d / %d = %s | %d / %d = %s | %s | %s |\n", ours.label, label,
				a.APDUs, b.APDUs, Ratio(float64(a.APDUs), float64(b.APDUs)),
				a.Bytes(), b.Bytes(), Ratio(float64(a.Bytes()), float64(b.Bytes())),
				durRatio(Summarize(ours.firsts()).Median, Summarize(sum.firsts()).Median),
				durRatio(Summarize(ours.totals()).Median, Summarize(sum.totals()).Median))
		}
	}
	fmt.Fprintln(w)
}

// comparisons pair each jpkicheck command with the OpenSC commands that
// print the same information: check and check --quick give the expiry
// and both PIN counters, which takes OpenSC a certificate read and a PIN
// listing.
var comparisons = []struct {
	ours   string
	theirs []string
}{
	{"check", []string{"osc-read", "osc-pins"}},
	{"quick", []string{"osc-read", "osc-pins"}},
	{"pins", []string{"osc-pins"}},
	{"export", []string{"osc-read"}},
}

// combine sums jobs run by run: one user running the commands one after
// the other. The first answer is the first command's.
func combine(js []*jobResult) *jobResult {
	out := &jobResult{job: js[0].job}
	out.samples = append([]sample(nil), js[0].samples...)
	for _, j := range js[1:] {
		for i := range out.samples {
			out.samples[i].total += j.samples[i].total
			out.samples[i].traffic = out.samples[i].traffic.Add(j.samples[i].traffic)
		}
	}
	return out
}

func joinLabels(js []*jobResult) string {
	var parts []string
	for _, j := range js {
		parts = append(parts, strings.TrimPrefix(j.label, "pkcs15-tool "))
	}
	s := strings.Join(parts, " + ")
	if strings.HasSuffix(js[0].id, "-jpki") {
		s += " (jpki driver only)"
	}
	return s
}

func anySkipped(js []*jobResult) bool {
	for _, j := range js {
		if j.skipped != "" {
			return true
		}
	}
	return false
}

func durRatio(a, b time.Duration) string {
	return fmt.Sprintf("%s / %s = %s", bare(a), bare(b), Ratio(float64(a), float64(b)))
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.ReplaceAll(s, "|", "/")
}

// writeMinimums compares each jpkicheck operation with its theoretical
// minimum for the card's certificate.
func writeMinimums(w io.Writer, m modelResult) {
	l := m.certLen
	fmt.Fprintf(w, "## Against the theoretical minimum (certificate of %d bytes, short APDUs)\n\n", l)
	fmt.Fprintln(w, "| jpkicheck | minimum APDUs | measured | minimum bytes | measured | cert bytes read |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|")
	for _, row := range []struct {
		id  string
		min Traffic
	}{{"check", MinCheck(l)}, {"quick", MinQuick(l)}, {"pins", MinPINs()}, {"export", MinRead(l)}} {
		j := m.jobs[row.id]
		if j.skipped != "" {
			fmt.Fprintf(w, "| %s | %d | not measured | %d | | |\n", j.label, row.min.APDUs, row.min.Bytes())
			continue
		}
		tr := j.traffic()
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d of %d |\n", j.label, row.min.APDUs, tr.APDUs, row.min.Bytes(), tr.Bytes(), tr.ReadData, row.min.ReadData)
	}
	fmt.Fprintln(w)
}

// benchWindow times `jpkicheck window` as a user runs it: no card, a fresh
// process each time.
func benchWindow(t *testing.T, bin string, runs int) Summary {
	args := []string{"window", "--expiry", "2027-03-15", "--today", "2026-11-25", "--lang", "en"}
	var ds []time.Duration
	for i := 0; i <= runs; i++ {
		start := time.Now()
		out, err := exec.Command(bin, args...).CombinedOutput()
		d := time.Since(start)
		if err != nil && !isExit(err) {
			t.Fatalf("jpkicheck window: %v\n%s", err, out)
		}
		if i > 0 { // the first run warms the page cache
			ds = append(ds, d)
		}
	}
	return Summarize(ds)
}

func isExit(err error) bool {
	var ee *exec.ExitError
	return errors.As(err, &ee)
}

// kioskLatency matches the line the kiosk's browser test prints.
var kioskLatency = regexp.MustCompile(`kiosk-latency: *[0-9.]+ *[mµu]?s`)

// kioskPackages finds the packages whose tests print the kiosk latency
// line, wherever the kiosk's browser test lives.
func kioskPackages(root string) []string {
	var pkgs []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "bin" || name == "testdata" || name == "node_modules" || path == filepath.Join(root, "internal", "bench")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err == nil && bytes.Contains(b, []byte("kiosk-latency")) {
			rel, _ := filepath.Rel(root, filepath.Dir(path))
			pkg := "./" + filepath.ToSlash(rel)
			if !slices.Contains(pkgs, pkg) {
				pkgs = append(pkgs, pkg)
			}
		}
		return nil
	})
	return pkgs
}

// writeKiosk runs the kiosk's browser tests, found by the kiosk-latency
// line they print, and reports their insert-to-answer latency; with none in
// the tree it says so instead of failing the run.
func writeKiosk(t *testing.T, w io.Writer, root string) {
	fmt.Fprintf(w, "## Kiosk: card inserted → answer on the page\n\n")
	pkgs := kioskPackages(root)
	if len(pkgs) == 0 {
		fmt.Fprintf(w, "Not measured yet: no test in this tree prints a `kiosk-latency:` line.\n\n")
		return
	}
	fmt.Fprintf(os.Stderr, "bench: kiosk browser test (%s)\n", strings.Join(pkgs, " "))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	// Only the browser tests: the kiosk package also holds a two-minute soak.
	cmd := exec.CommandContext(ctx, "go", append([]string{"test", "-count=1", "-v", "-run", "Browser"}, pkgs...)...)
	cmd.Dir = root
	// Those tests start their own rig; they must not inherit this one's
	// socket (each test binary sets its own).
	cmd.Env = withoutEnv(os.Environ(), rig.SocketEnv)
	out, err := cmd.CombinedOutput()
	lines := kioskLatency.FindAllString(string(out), -1)
	switch {
	case len(lines) > 0:
		for _, l := range lines {
			fmt.Fprintf(w, "- `%s` (%s)\n", l, strings.Join(pkgs, " "))
		}
		if err != nil {
			fmt.Fprintf(w, "- (the tests failed after printing it: %v)\n", err)
		}
		fmt.Fprintln(w)
	case err != nil:
		fmt.Fprintf(w, "Not measured: `go test %s` failed (%v).\n\n", strings.Join(pkgs, " "), err)
		t.Logf("kiosk tests:\n%s", tail(string(out)))
	default:
		fmt.Fprintf(w, "Not measured: `go test %s` passed without printing a `kiosk-latency:` line (skipped? chromium missing?).\n\n", strings.Join(pkgs, " "))
	}
}

func withoutEnv(env []string, name string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// machine describes where the figures come from.
func machine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	osName := runtime.GOOS
	if b, err := os.ReadFile("/etc/os-release"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "PRETTY_NAME="); ok {
				osName = strings.Trim(v, `"`)
			}
		}
	}
	versions := []string{runtime.Version()}
	for _, p := range []string{"pcscd", "vsmartcard-vpcd", "opensc"} {
		if v, err := exec.Command("dpkg-query", "-W", "-f=${Version}", p).Output(); err == nil {
			versions = append(versions, p+" "+string(v))
		}
	}
	return fmt.Sprintf("Machine: %s, %d CPUs (%s); %s.", osName, runtime.NumCPU(), cpu, strings.Join(versions, ", "))
}

// writeGoals checks the APDU, byte and time goals against the figures.
func writeGoals(w io.Writer, ms map[string]modelResult, win Summary) {
	fmt.Fprintf(w, "## Goals\n\n")
	if plain, ok := ms["plain"]; ok {
		writePlainGoals(w, plain)
	}
	if contact, ok := ms["contact"]; ok {
		if c := contact.jobs["check"]; c.skipped == "" {
			med := Summarize(c.firsts())
			fmt.Fprintf(w, "- first answer under the 9600-baud model < 600 ms: check %s (slowest %s): %s\n", Millis(med.Median), Millis(med.Max), goalMark(med.Max < 600*time.Millisecond))
		}
	}
	fmt.Fprintf(w, "- jpkicheck window < 20 ms: median %s, slowest %s: %s\n\n", Millis(win.Median), Millis(win.Max), goalMark(win.Max < 20*time.Millisecond))
}

// writePlainGoals checks the goals measured on the plain rig: APDUs and
// bytes (the same under every model) and the wall time against OpenSC.
func writePlainGoals(w io.Writer, plain modelResult) {
	mark := goalMark
	l := plain.certLen
	check, quick := plain.jobs["check"], plain.jobs["quick"]
	if check.skipped == "" {
		tr := check.traffic()
		min := MinCheck(l)
		fmt.Fprintf(w, "- check at the minimum (2 + ⌈L/256⌉ + 4 = %d APDUs, %d bytes, exactly the certificate's %d bytes read): %d APDUs, %d bytes, %d read, %d re-read: %s\n",
			min.APDUs, min.Bytes(), l, tr.APDUs, tr.Bytes(), tr.ReadData, tr.Reread, mark(tr.APDUs == min.APDUs && tr.Bytes() == min.Bytes() && tr.ReadData == l && tr.Reread == 0))
	}
	if quick.skipped == "" {
		tr := quick.traffic()
		fmt.Fprintf(w, "- check --quick at the minimum (2 + 1 + 4 = 7 APDUs): %d APDUs, %d bytes: %s\n", tr.APDUs, tr.Bytes(), mark(tr.APDUs == 7 && tr.Reread == 0))
	}
	for _, suffix := range []string{"", "-jpki"} {
		if check.skipped != "" || plain.jobs["osc-read"+suffix].skipped != "" || plain.jobs["osc-pins"+suffix].skipped != "" {
			continue
		}
		a := check.traffic()
		b := plain.jobs["osc-read"+suffix].traffic().Add(plain.jobs["osc-pins"+suffix].traffic())
		c := plain.jobs["osc-read"+suffix].traffic()
		who := "OpenSC"
		if suffix != "" {
			who = "OpenSC with only its jpki driver"
		}
		fmt.Fprintf(w, "- strictly fewer APDUs and bytes than %s for the same information: %d vs %d APDUs, %d vs %d bytes (vs its certificate read alone: %d APDUs, %d bytes): %s\n",
			who, a.APDUs, b.APDUs, a.Bytes(), b.Bytes(), c.APDUs, c.Bytes(), mark(a.APDUs < b.APDUs && a.Bytes() < b.Bytes() && a.APDUs < c.APDUs && a.Bytes() < c.Bytes()))
	}
	ours := plain.jobs["export"]
	if ours.skipped != "" {
		ours = plain.jobs["check"]
	}
	for _, id := range []string{"osc-read", "osc-read-jpki"} {
		theirs := plain.jobs[id]
		if ours.skipped != "" || theirs.skipped != "" {
			continue
		}
		a, b := Summarize(ours.totals()).Median, Summarize(theirs.totals()).Median
		fmt.Fprintf(w, "- reading the auth certificate on the plain rig ≤ half of OpenSC's time (%s vs %s): %s vs %s = %s: %s\n",
			ours.label, theirs.client, Millis(a), Millis(b), Ratio(float64(a), float64(b)), mark(a*2 <= b))
	}
}

func goalMark(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}
