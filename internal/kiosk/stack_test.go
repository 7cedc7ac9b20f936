package kiosk

// Real-stack tests of the kiosk: pcscd with vpcd (internal/rig), the
// simulated card as cmd/jpkisim or served in-process, the real jpkicheck
// binary, and Chromium through chromedp.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/kiosk/headless"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/rig"
	"github.com/jpkicheck/jpkicheck/internal/syncbuf"
)

// kioskProcess is the real jpkicheck kiosk running against the rig.
type kioskProcess struct {
	url    string
	stderr *syncbuf.Buffer
	stop   func() int // SIGINT, as Ctrl+C; returns the exit code
}

func startKiosk(t *testing.T, r *rig.Rig, args ...string) *kioskProcess {
	t.Helper()
	p := r.StartPage(t, rig.Build(t, "./cmd/jpkicheck"), nil, append([]string{"kiosk", "--listen", "127.0.0.1:0"}, args...)...)
	return &kioskProcess{url: p.URL, stderr: p.Stderr, stop: p.Stop}
}

// status fetches /api/status.
func status(t *testing.T, base string) (Status, string) {
	t.Helper()
	resp, err := http.Get(base + "api/status")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	var s Status
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

	// Every console message the page causes: the CSP must refuse nothing
	// the page itself does, and the script must never throw.
	var console struct {
		sync.Mutex
		msgs []chromedp.ConsoleMessage
	}
	cctx, stopConsole := context.WithCancel(tab)
	messages := chromedp.Console(cctx)
	consoleDone := make(chan struct{})
	go func() {
		defer close(consoleDone)
		for m, err := range messages {
			if err != nil {
				return
			}
			console.Lock()
			console.msgs = append(console.msgs, m)
			console.Unlock()
		}
	}()
	defer func() {
		stopConsole()
		<-consoleDone
		for _, m := range console.msgs {
			if m.IsException() || strings.Contains(m.Text, "Content Security Policy") || strings.Contains(m.Text, "Refused to") {
				t.Errorf("browser console: %s", m)
			}
		}
	}()

	do(t, tab, "opening the page", chromedp.Navigate(k.url), headless.WaitScreen("waiting", 0, 10*time.Second))
	if got := text(t, tab, headless.Text()); !strings.Contains(got, ja.Kiosk.Page.Insert) {
		t.Errorf("the waiting page does not ask for the card:\n%s", got)
	}

	var firstAnswer, wholeAnswer []time.Duration
	cycle := func(profile string, screen string, check func(st Status, page string)) {
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
		// The body: the head carries the page's static words (badges among
		// them) from the start, which are no trace of a card.
		html = text(t, tab, chromedp.Evaluate[string](`document.body.outerHTML`))
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
		cycle("window-open", "result", func(st Status, page string) {
			w := st.Report.Certificates.Auth.Window
			if !strings.Contains(page, ja.StateSentence(w)) || !strings.Contains(page, ja.Kiosk.Page.BadgeOpen) {
				t.Errorf("window-open page:\n%s", page)
			}
			if st.Report.Certificates.Auth.Trust.String() != "user_supplied" || !strings.Contains(page, ja.Kiosk.Page.TimelineToday) {
				t.Errorf("window-open: trust %q", st.Report.Certificates.Auth.Trust)
			}
			if i == 0 {
				// The English button, by keyboard: the same answer in
				// English without asking the server.
				do(t, tab, "English", chromedp.Focus(`#langs button[data-lang="en"]`), chromedp.KeyEvent(kb.Enter),
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
	cycle("expired", "result", func(st Status, page string) {
		w := st.Report.Certificates.Auth.Window
		if st.Tone != "expired" || !strings.Contains(page, ja.StateSentence(w)) || !strings.Contains(page, ja.Kiosk.Page.BadgeExpired) {
			t.Errorf("expired page (tone %s):\n%s", st.Tone, page)
		}
	})
	cycle("auth-locked", "result", func(st Status, page string) {
		if !strings.Contains(page, ja.PINWarning(jpki.AuthPIN, st.Report.PINs.Auth)) {
			t.Errorf("locked PIN page:\n%s", page)
		}
	})
	cycle("not-jpki", "error", func(st Status, page string) {
		if st.Problem != report.NotJPKI || !strings.Contains(page, ja.ProblemMessage(report.Details{Problem: report.NotJPKI})) {
			t.Errorf("not-jpki page (%s):\n%s", st.Problem, page)
		}
	})

	// On a contact reader at its default 9600 bit/s (jpkisim's link model)
	// the whole certificate takes over a second to read: the dates from
	// its first chunk show first, the issuer check and PIN tries after.
	before, _ := status(t, k.url)
	t0 := time.Now()
	slow := r.StartCardWith(t, rig.CardOptions{Async: true}, "--profile", "window-open", "--baud", "9600")
	do(t, tab, "contact reader: the dates first", chromedp.Poll[chromedp.Void](
		fmt.Sprintf(`document.body.dataset.screen === 'result' && Number(document.body.dataset.seq) > %d && document.querySelector('.pending') !== null`, before.Seq),
		chromedp.WithPollingInterval(5*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	first := time.Since(t0)
	if page := text(t, tab, headless.Text()); !strings.Contains(page, ja.TrustText(&report.CertReport{Trust: report.TrustPending})) {
		t.Errorf("while the issuer is checked the page says:\n%s", page)
	}
	do(t, tab, "contact reader: the whole answer", chromedp.Poll[chromedp.Void](`document.querySelector('.pending') === null`,
		chromedp.WithPollingInterval(5*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
	t.Logf("kiosk-latency-contact: %dms to the dates, %dms to the whole answer (jpkisim --baud 9600)", first.Milliseconds(), time.Since(t0).Milliseconds())
	slow.Stop(t)
	do(t, tab, "contact reader: back to waiting", headless.WaitScreen("waiting", 0, 10*time.Second))

	slices.Sort(firstAnswer)
	slices.Sort(wholeAnswer)
	median := firstAnswer[len(firstAnswer)/2]
	// The line make bench picks up.
	t.Logf("kiosk-latency: %dms (insertion to first answer on screen, median of %d; max %dms; whole answer median %dms)",
		median.Milliseconds(), len(firstAnswer), firstAnswer[len(firstAnswer)-1].Milliseconds(), wholeAnswer[len(wholeAnswer)/2].Milliseconds())
	if median > time.Second {
		t.Errorf("median insertion-to-answer latency %v, want under 1 s", median)
	}

	// The server going away while an answer shows: the page cannot know
	// whether the card is still there, so it clears the answer too.
	r.StartCard(t, "--profile", "valid")
	do(t, tab, "the last answer", headless.WaitScreen("result", 0, 10*time.Second))
	st, _ := status(t, k.url)
	if code := k.stop(); code != 0 {
		t.Errorf("kiosk exit code %d after SIGINT", code)
	}
	do(t, tab, "the page without its server", headless.WaitScreen("reconnecting", 0, 10*time.Second))
	if html := text(t, tab, headless.HTML()); strings.Contains(html, st.Text[report.Ja].Sentence) {
		t.Error("the answer stayed on the page after the kiosk stopped")
	}
	if got := text(t, tab, headless.Text()); !strings.Contains(got, ja.Kiosk.Page.Reconnecting) {
		t.Errorf("the page without its server says:\n%s", got)
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
	h := start(t, func(c *Config) { c.Source, c.Today = pcscReaders(t), nil })
	h.waitScreen(ScreenWaiting)

	card := insertIn(t, r, 0, cardsim.WindowOpen)
	h.waitScreen(ScreenResult)

	r.StopPCSCD()
	assertNoCard(t, h.waitScreen(ScreenNoService))
	r.SetReaders(false)
	r.StartPCSCD()
	h.waitScreen(ScreenNoReader)
	r.SetReaders(true)
	r.RestartPCSCD()
	// The card stayed in the reader all along: it is read again.
	h.wait("the answer after the reader came back", func(s Status) bool {
		return s.Screen == ScreenResult && !s.Pending && s.Report.State.String() == "open"
	})
	card.Remove()
	assertNoCard(t, h.waitScreen(ScreenWaiting))
	insertIn(t, r, 0, cardsim.Expired)
	h.wait("the next card", func(s Status) bool {
		return s.Screen == ScreenResult && !s.Pending && s.Report.State.String() == "expired"
	})
}
