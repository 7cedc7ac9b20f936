package kiosk_test

// Real-stack tests of the kiosk: pcscd with vpcd (internal/rig), the
// simulated card as cmd/jpkisim or served in-process, the real jpkicheck
// binary, and Chromium through chromedp.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/kiosk"
	"github.com/jpkicheck/jpkicheck/internal/kiosk/headless"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// holder is the simulated card's fictitious holder (its signing
// certificate); none of it may ever reach a page, a response or a log.
var holder = []string{"見本", "花子", "霞が関", "千代田区", "19850401"}

func assertNoHolder(t *testing.T, where, text string) {
	t.Helper()
	for _, p := range holder {
		if strings.Contains(text, p) {
			t.Errorf("%s shows the holder's %q", where, p)
		}
	}
}

// lockedBuffer collects a child's output while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// kioskProcess is the real jpkicheck kiosk running against the rig.
type kioskProcess struct {
	url    string
	stderr *lockedBuffer
	stop   func() int // SIGINT, as Ctrl+C; returns the exit code
}

func startKiosk(t *testing.T, r *rig.Rig, args ...string) *kioskProcess {
	t.Helper()
	bin := rig.Build(t, "./cmd/jpkicheck")
	cmd := r.Command(bin, append([]string{"kiosk", "--listen", "127.0.0.1:0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	k := &kioskProcess{stderr: &lockedBuffer{}}
	cmd.Stderr = k.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	var once sync.Once
	k.stop = func() int {
		once.Do(func() {
			cmd.Process.Signal(syscall.SIGINT)
			select {
			case <-exited:
			case <-time.After(10 * time.Second):
				t.Errorf("jpkicheck kiosk still running 10 s after SIGINT")
				cmd.Process.Kill()
				<-exited
			}
		})
		return cmd.ProcessState.ExitCode()
	}
	t.Cleanup(func() {
		k.stop()
		if t.Failed() {
			t.Logf("jpkicheck kiosk stderr:\n%s", k.stderr)
		}
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("jpkicheck kiosk printed no URL: %v\nstderr:\n%s", err, k.stderr)
	}
	k.url = strings.TrimSpace(line)
	return k
}

// status fetches /api/status.
func status(t *testing.T, base string) (kiosk.Status, string) {
	t.Helper()
	resp, err := http.Get(base + "api/status")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	var s kiosk.Status
	if err := json.Unmarshal(buf.Bytes(), &s); err != nil {
		t.Fatalf("status: %v", err)
	}
	return s, buf.String()
}

// browser starts headless Chromium, or skips (fails under CI=true) when
// there is none.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := headless.Path()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v (CI=true: failing instead of skipping)", err)
		}
		t.Skip(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	tab, stop := headless.Start(ctx, path, t.TempDir(), 1280, 900)
	t.Cleanup(func() {
		stop()
		cancel()
	})
	return tab
}

// trustFile writes the simulated cards' test CA (every simulated card is
// signed with the same test keys) for --trust-ca.
func trustFile(t *testing.T) string {
	t.Helper()
	sim, err := cardsim.New(cardsim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sim-ca.pem")
	if err := os.WriteFile(path, sim.CAPEM(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func do(t *testing.T, tab context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tab, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func text(t *testing.T, tab context.Context, action chromedp.Action[string]) string {
	t.Helper()
	s, err := chromedp.Run(tab, action)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The "done when": through pcscd, vpcd, jpkisim and the real
// binary, a card updates the page within a second and its removal clears
// it, leaving nothing of the result in the DOM.
func TestBrowserRealStack(t *testing.T) {
	tab := browser(t)
	r := rig.Start(t, rig.Options{Quiet: true})
	k := startKiosk(t, r, "--trust-ca", trustFile(t))
	rig.Build(t, "./cmd/jpkisim") // not inside the first measurement
	ja, en := report.Messages(report.Ja), report.Messages(report.En)

	do(t, tab, "opening the page", chromedp.Navigate(k.url), headless.WaitScreen("waiting", 0, 10*time.Second))
	if got := text(t, tab, headless.Text()); !strings.Contains(got, ja.Kiosk.Page.Insert) {
		t.Errorf("the waiting page does not ask for the card:\n%s", got)
	}

	var firstAnswer, wholeAnswer []time.Duration
	cycle := func(profile string, screen string, check func(st kiosk.Status, page string)) {
		t.Helper()
		before, _ := status(t, k.url)
		t0 := time.Now()
		sim := r.StartCardWith(t, rig.CardOptions{Async: true}, "--profile", profile)
		do(t, tab, profile+": first answer", headless.WaitScreen(screen, before.Seq+1, 10*time.Second))
		first := time.Since(t0)
		do(t, tab, profile+": whole answer", chromedp.Poll[chromedp.Void](`!document.querySelector('.pending')`,
			chromedp.WithPollingInterval(5*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
		whole := time.Since(t0)
		if screen == "result" {
			firstAnswer, wholeAnswer = append(firstAnswer, first), append(wholeAnswer, whole)
		}
		t.Logf("%s: %s on screen %v after the card was inserted (whole answer %v)", profile, screen, first.Round(time.Millisecond), whole.Round(time.Millisecond))
		st, raw := status(t, k.url)
		page := text(t, tab, headless.Text())
		check(st, page)
		html := text(t, tab, headless.HTML())
		assertNoHolder(t, profile+" page", html)
		assertNoHolder(t, profile+" status", raw)

		// What the page showed must be gone once the card leaves.
		var traces []string
		for _, w := range st.Text {
			traces = append(traces, w.Sentence, w.Badge)
			if w.Cert != nil {
				for _, row := range w.Cert.Rows {
					traces = append(traces, row.Value)
				}
			}
			if w.Timeline != nil {
				traces = append(traces, w.Timeline.Opens, w.Timeline.Expiry)
			}
		}
		sim.Stop(t)
		t1 := time.Now()
		do(t, tab, profile+": back to waiting", headless.WaitScreen("waiting", st.Seq+1, 10*time.Second))
		t.Logf("%s: waiting again %v after the card left", profile, time.Since(t1).Round(time.Millisecond))
		html = text(t, tab, headless.HTML())
		for _, tr := range traces {
			if tr != "" && strings.Contains(html, tr) {
				t.Errorf("%s: after removal the DOM still holds %q", profile, tr)
			}
		}
		for _, tr := range []string{"data-where", "class=\"badge\"", "class=\"box", "<svg", "<dl"} {
			if strings.Contains(html, tr) {
				t.Errorf("%s: after removal the DOM still holds %s", profile, tr)
			}
		}
	}

	for i := 0; i < 3; i++ {
		cycle("window-open", "result", func(st kiosk.Status, page string) {
			w := st.Report.Certificates.Auth.Window
			if !strings.Contains(page, ja.StateSentence(w)) || !strings.Contains(page, ja.Kiosk.Page.BadgeOpen) {
				t.Errorf("window-open page:\n%s", page)
			}
			if st.Report.Certificates.Auth.Trust != "user_supplied" || !strings.Contains(page, ja.Kiosk.Page.TimelineToday) {
				t.Errorf("window-open: trust %q", st.Report.Certificates.Auth.Trust)
			}
			if i == 0 {
				// The English button, by keyboard: the same answer in
				// English without asking the server.
				do(t, tab, "English", chromedp.Focus("#lang"), chromedp.KeyEvent(kb.Enter),
					chromedp.Poll[chromedp.Void](`document.documentElement.lang === 'en'`))
				if got := text(t, tab, headless.Text()); !strings.Contains(got, en.StateSentence(w)) {
					t.Errorf("English page:\n%s", got)
				}
			}
		})
		// The next person starts in Japanese.
		if lang := text(t, tab, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "ja" {
			t.Errorf("after the card left the page stayed in %q", lang)
		}
	}
	cycle("expired", "result", func(st kiosk.Status, page string) {
		w := st.Report.Certificates.Auth.Window
		if st.Tone != "expired" || !strings.Contains(page, ja.StateSentence(w)) || !strings.Contains(page, ja.Kiosk.Page.BadgeExpired) {
			t.Errorf("expired page (tone %s):\n%s", st.Tone, page)
		}
	})
	cycle("auth-locked", "result", func(st kiosk.Status, page string) {
		if !strings.Contains(page, ja.PINWarning("auth", st.Report.PINs.Auth)) {
			t.Errorf("locked PIN page:\n%s", page)
		}
	})
	cycle("not-jpki", "error", func(st kiosk.Status, page string) {
		if st.Problem != report.NotJPKI || !strings.Contains(page, ja.ProblemMessage(report.Details{Problem: report.NotJPKI})) {
			t.Errorf("not-jpki page (%s):\n%s", st.Problem, page)
		}
	})

	slices.Sort(firstAnswer)
	slices.Sort(wholeAnswer)
	median := firstAnswer[len(firstAnswer)/2]
	// The line make bench picks up.
	t.Logf("kiosk-latency: %dms (insertion to first answer on screen, median of %d; max %dms; whole answer median %dms)",
		median.Milliseconds(), len(firstAnswer), firstAnswer[len(firstAnswer)-1].Milliseconds(), wholeAnswer[len(wholeAnswer)/2].Milliseconds())
	if median > time.Second {
		t.Errorf("median insertion-to-answer latency %v, want under 1 s", median)
	}

	if code := k.stop(); code != 0 {
		t.Errorf("kiosk exit code %d after SIGINT", code)
	}
	log := k.stderr.String()
	assertNoHolder(t, "kiosk log", log)
	if strings.Contains(log, "panic") || strings.Contains(log, "DATA RACE") {
		t.Errorf("kiosk log:\n%s", log)
	}
}

// The kiosk never needs a restart: pcscd stopping, coming back, and the
// readers disappearing and reappearing all show as screens and end by
// themselves. In-process, on the real stack.
func TestRealStackRecovers(t *testing.T) {
	r := rig.Start(t, rig.Options{Quiet: true})
	w := watch(t, kiosk.Config{Source: kiosk.PCSC{}})
	w.wait(t, "waiting", func(s kiosk.Status) bool { return s.Screen == kiosk.ScreenWaiting })

	card := insert(t, r, cardsim.WindowOpen)
	w.wait(t, "the answer", final(kiosk.ScreenResult))

	r.StopPCSCD()
	w.wait(t, "no service", func(s kiosk.Status) bool { return s.Screen == kiosk.ScreenNoService && s.Report == nil })
	r.SetReaders(false)
	r.StartPCSCD()
	w.wait(t, "no reader", func(s kiosk.Status) bool { return s.Screen == kiosk.ScreenNoReader })
	r.SetReaders(true)
	r.RestartPCSCD()
	// The card stayed in the reader all along: it is read again.
	w.wait(t, "the answer after the reader came back", func(s kiosk.Status) bool {
		return s.Screen == kiosk.ScreenResult && !s.Pending && s.Report.State.String() == "open"
	})
	card.Remove()
	w.wait(t, "waiting", func(s kiosk.Status) bool { return s.Screen == kiosk.ScreenWaiting })
	insert(t, r, cardsim.Expired)
	w.wait(t, "the next card", func(s kiosk.Status) bool {
		return s.Screen == kiosk.ScreenResult && !s.Pending && s.Report.State.String() == "expired"
	})
}

// watcher runs a Machine in-process and keeps what it published.
type watcher struct {
	m       *kiosk.Machine
	mu      sync.Mutex
	history []kiosk.Status
}

func watch(t *testing.T, cfg kiosk.Config) *watcher {
	t.Helper()
	w := &watcher{}
	cfg.OnStatus = func(s kiosk.Status) {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.history = append(w.history, s)
	}
	w.m = kiosk.New(cfg)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.m.Run(ctx); close(done) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the machine did not stop within 10 s")
		}
	})
	return w
}

func (w *watcher) last() (kiosk.Status, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.history) == 0 {
		return kiosk.Status{}, 0
	}
	return w.history[len(w.history)-1], len(w.history)
}

func (w *watcher) wait(t *testing.T, what string, ok func(kiosk.Status) bool) kiosk.Status {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if s, n := w.last(); n > 0 && ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			s, _ := w.last()
			t.Fatalf("no %s within 15 s; the screen is %s (%s)", what, s.Screen, s.Problem)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func final(screen kiosk.Screen) func(kiosk.Status) bool {
	return func(s kiosk.Status) bool { return s.Screen == screen && !s.Pending }
}

// insert puts an in-process simulated card into reader 0 of the rig,
// without waiting for pcscd to see it.
func insert(t *testing.T, r *rig.Rig, p cardsim.Profile) *rig.InsertedCard {
	t.Helper()
	sim, err := cardsim.New(cardsim.Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	return r.InsertCard(t, 0, rig.VirtualCard{ATR: sim.ATR(), Async: true, Handle: func(apdu []byte) []byte {
		rsp, err := sim.Transmit(apdu)
		if err != nil {
			return nil
		}
		return rsp
	}})
}
