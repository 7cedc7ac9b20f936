package kiosk

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/office"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// testToday is the day the state-machine tests run on.
var testToday = window.MustDate(2026, 12, 20)

// harness runs a Machine on the simulated card and records every status
// it publishes.
type harness struct {
	t   *testing.T
	sim *source.Sim
	m   *Machine

	mu      sync.Mutex
	history []Status
	logs    []string
}

func start(t *testing.T, tweak func(*Config)) *harness {
	t.Helper()
	return startOn(t, source.Options{}, tweak)
}

// startOn is start with the simulated reader's options (its Today is the
// test's).
func startOn(t *testing.T, o source.Options, tweak func(*Config)) *harness {
	t.Helper()
	o.Today = testToday.Time().Add(12 * time.Hour)
	h := &harness{t: t, sim: source.NewSim(o)}
	cfg := Config{
		Source: h.sim,
		Today:  func() window.Date { return testToday },
		Logf: func(format string, args ...any) {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.logs = append(h.logs, fmt.Sprintf(format, args...))
		},
		OnStatus: func(s Status) {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.history = append(h.history, s)
		},
	}
	if tweak != nil {
		tweak(&cfg)
	}
	h.m = New(cfg)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.m.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("Run did not return within 5 s of its context ending")
		}
	})
	return h
}

// wait waits until the last status published satisfies ok. It looks at
// what OnStatus recorded, so the history never lags behind what it saw.
func (h *harness) wait(what string, ok func(Status) bool) Status {
	h.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		h.mu.Lock()
		n := len(h.history)
		var last Status
		if n > 0 {
			last = h.history[n-1]
		}
		h.mu.Unlock()
		if n > 0 && ok(last) {
			return last
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("no %s within 15 s; now %s\nscreens so far: %v", what, last.Screen, h.screens())
		}
		time.Sleep(time.Millisecond)
	}
}

func (h *harness) waitScreen(screen Screen) Status {
	h.t.Helper()
	return h.wait(string(screen), func(s Status) bool { return s.Screen == screen && !s.Pending })
}

func (h *harness) insert(p cardsim.Profile) {
	h.t.Helper()
	if err := h.sim.Insert(string(p)); err != nil {
		h.t.Fatal(err)
	}
}

// screens lists the screens published so far, "result…" for a pending one.
func (h *harness) screens() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, s := range h.history {
		name := string(s.Screen)
		if s.Pending {
			name += "…"
		}
		out = append(out, name)
	}
	return out
}

// resetHistory forgets all but the current status.
func (h *harness) resetHistory() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.history = h.history[len(h.history)-1:]
}

func TestInsertReadResultRemove(t *testing.T) {
	h := start(t, nil)
	h.waitScreen(ScreenWaiting)
	h.resetHistory()
	h.insert(cardsim.WindowOpen)
	s := h.waitScreen(ScreenResult)
	if got, want := strings.Join(h.screens(), " "), "waiting reading result… result"; got != want {
		t.Errorf("screens %q, want %q", got, want)
	}
	if s.Report == nil || s.Report.State != window.Open || s.Tone != "open" || s.Visit != 1 {
		t.Fatalf("result status: %+v", s)
	}
	if s.Report.Certificates.Auth.Trust.String() != "user_supplied" || s.Report.PINs.Auth == nil {
		t.Errorf("the final report lacks the issuer check or the PINs: %+v", s.Report)
	}
	ja, en := s.Text[report.Ja], s.Text[report.En]
	w := s.Report.Certificates.Auth.Window
	if ja.Sentence != report.Messages(report.Ja).StateSentence(w) || en.Sentence != report.Messages(report.En).StateSentence(w) {
		t.Errorf("sentences %q / %q are not the catalogues'", ja.Sentence, en.Sentence)
	}
	if ja.Badge != report.Messages(report.Ja).Kiosk.Page.BadgeOpen || ja.Bring == nil || ja.Office == nil || ja.PINs == nil || ja.Timeline == nil {
		t.Errorf("the Japanese result lacks a part: %+v", ja)
	}
	if ja.Office.Tag == "" {
		t.Error("the example office block is not labelled as an example")
	}
	if s.Timeline == nil || s.Timeline.Where != "inside" {
		t.Errorf("timeline %+v, want inside the window", s.Timeline)
	}

	h.resetHistory()
	h.sim.Remove()
	s = h.waitScreen(ScreenWaiting)
	if got := h.screens(); len(got) != 2 {
		t.Errorf("removal went through %v, want straight to waiting", got)
	}
	assertNoCard(t, s)
}

// After removal nothing about the card is left in the status: no report,
// no timeline, and no words but the page's own.
func assertNoCard(t *testing.T, s Status) {
	t.Helper()
	if s.Report != nil || s.Timeline != nil || s.Visit != 0 || s.Problem != "" {
		t.Errorf("the %s screen carries card data: report %v, timeline %v, visit %d, problem %q",
			s.Screen, s.Report != nil, s.Timeline != nil, s.Visit, s.Problem)
	}
	for lang, w := range s.Text {
		if rest := (Words{UI: w.UI}); !reflect.DeepEqual(*w, rest) {
			data, _ := json.Marshal(w)
			t.Errorf("the %s screen's %s words say more than the page's own: %.300s", s.Screen, lang, data)
		}
	}
}

func TestEarlyAnswerThenIssuer(t *testing.T) {
	h := start(t, nil)
	h.insert(cardsim.Valid)
	h.waitScreen(ScreenResult)
	var early *Status
	h.mu.Lock()
	for i := range h.history {
		if h.history[i].Pending {
			early = &h.history[i]
			break
		}
	}
	h.mu.Unlock()
	if early == nil {
		t.Fatalf("no early (pending) result among %v", h.screens())
	}
	cert := early.Report.Certificates.Auth
	if cert.Trust != report.TrustPending || early.Report.PINs.Auth != nil {
		t.Errorf("early report: trust %q, PINs %+v", cert.Trust, early.Report.PINs)
	}
	rows := early.Text[report.Ja].Cert.Rows
	if last := rows[len(rows)-1]; last.Value != report.Messages(report.Ja).TrustText(cert) {
		t.Errorf("the issuer row while checking is %q", last.Value)
	}
	if early.Text[report.Ja].PINs != nil {
		t.Error("PIN tries shown before they were read")
	}
}

func TestQuickSkipsTheIssuer(t *testing.T) {
	h := start(t, func(c *Config) { c.Quick = true })
	h.insert(cardsim.Valid)
	s := h.waitScreen(ScreenResult)
	if s.Report.Certificates.Auth.Trust.String() != "not_checked" {
		t.Errorf("trust %q, want not_checked", s.Report.Certificates.Auth.Trust)
	}
	for _, r := range s.Text[report.Ja].Cert.Rows {
		if r.Label == report.Messages(report.Ja).LabelIssuer {
			t.Errorf("quick mode shows an issuer row: %+v", r)
		}
	}
}

// The tone, badge and next step follow the most urgent finding: expired,
// then a locked PIN, then a last try, then an open window.
func TestStates(t *testing.T) {
	ja := &report.Messages(report.Ja).Kiosk.Page
	tests := []struct {
		profile cardsim.Profile
		state   window.State
		tone    string
		badge   string
		where   string
		bring   bool
		warn    bool
		goThere bool // by when or where is shown
	}{
		{cardsim.Valid, window.NotYetOpen, "ok", ja.BadgeNotYetOpen, "before", false, false, false},
		{cardsim.WindowOpen, window.Open, "open", ja.BadgeOpen, "inside", true, false, true},
		{cardsim.Expired, window.Expired, "expired", ja.BadgeExpired, "after", true, false, true},
		{cardsim.AuthLocked, window.NotYetOpen, "locked", ja.BadgeLocked, "before", true, true, true},
		{cardsim.SignOneTry, window.NotYetOpen, "last_try", ja.BadgeLastTry, "before", false, true, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			h := start(t, nil)
			h.insert(tt.profile)
			s := h.waitScreen(ScreenResult)
			w := s.Text[report.Ja]
			if s.Report.State != tt.state || s.Tone != tt.tone || s.Timeline.Where != tt.where || w.Badge != tt.badge {
				t.Errorf("state %s tone %s badge %s where %s", s.Report.State, s.Tone, w.Badge, s.Timeline.Where)
			}
			if (w.Bring != nil) != tt.bring || (len(w.Warnings) > 0) != tt.warn {
				t.Errorf("bring %v, warnings %q", w.Bring != nil, w.Warnings)
			}
			if (w.Where != nil) != tt.goThere || w.Next == "" || !strings.HasPrefix(w.Announce, w.Badge) {
				t.Errorf("decision: next %q, where %+v, announce %q", w.Next, w.Where, w.Announce)
			}
			if tt.warn && w.Next != w.Warnings[0] {
				t.Errorf("a PIN finding's next step is %q, want its warning %q", w.Next, w.Warnings[0])
			}
			if tt.warn && w.Advice != "" {
				t.Errorf("beside a PIN warning the page still advises %q", w.Advice)
			}
			if s.Text[report.En].Simulated == "" {
				t.Error("the simulated card is not labelled")
			}
		})
	}
}

func TestFriendlyErrors(t *testing.T) {
	tests := []struct {
		profile cardsim.Profile
		problem report.Problem
		retry   bool // the kiosk's own "put it back" hint instead of the CLI's
	}{
		{cardsim.NotJPKI, report.NotJPKI, false},
		{cardsim.Juki, report.JukiCard, false},
		{cardsim.Smartphone, report.Smartphone, false},
		{cardsim.NoCert, report.NoCertificate, false},
		{cardsim.GarbageCert, report.Malformed, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			h := start(t, nil)
			h.insert(tt.profile)
			s := h.waitScreen(ScreenError)
			if s.Problem != tt.problem || s.Report != nil || s.Tone != "error" {
				t.Fatalf("problem %q (report %v), want %q", s.Problem, s.Report != nil, tt.problem)
			}
			c := report.Messages(report.Ja)
			ja := s.Text[report.Ja]
			if ja.Sentence != c.ProblemMessage(report.Details{Problem: tt.problem}) || ja.Office == nil {
				t.Errorf("error words: %+v", ja)
			}
			if got := ja.Hints[0] == c.Kiosk.Page.RetryHint; got != tt.retry {
				t.Errorf("hints %q", ja.Hints)
			}
			h.sim.Remove()
			assertNoCard(t, h.waitScreen(ScreenWaiting))
		})
	}
}

// A result is read for Linger, then the page asks for the card over the
// answer, which stays (the resident may still be reading); taking it
// starts over. The same holds for an error.
func TestLingerAsksForTheCard(t *testing.T) {
	h := start(t, func(c *Config) { c.Linger = 50 * time.Millisecond })
	for _, p := range []cardsim.Profile{cardsim.Expired, cardsim.NotJPKI} {
		h.resetHistory()
		h.insert(p)
		s := h.waitScreen(ScreenTakeCard)
		if (s.Report == nil && s.Problem == "") || s.Text[report.Ja].Sentence == "" || s.ReadingMS != 50 {
			t.Errorf("the take-card screen lost the answer: %+v", s)
		}
		if want := map[cardsim.Profile]string{cardsim.Expired: "expired", cardsim.NotJPKI: "error"}[p]; s.Tone != want {
			t.Errorf("take-card tone %s, want the answer's %s", s.Tone, want)
		}
		if got := h.screens(); got[len(got)-2] != "result" && got[len(got)-2] != "error" {
			t.Errorf("screens %v", got)
		}
		h.sim.Remove()
		h.waitScreen(ScreenWaiting)
	}
}

// A card that stops answering gets an error screen within ReadTimeout;
// taking it out and putting in a good card works as before.
func TestHangingCard(t *testing.T) {
	h := start(t, func(c *Config) { c.ReadTimeout = 200 * time.Millisecond })
	t0 := time.Now()
	h.insert(cardsim.Hang)
	s := h.waitScreen(ScreenError)
	if took := time.Since(t0); s.Problem != report.CardTimeout || took > 2*time.Second {
		t.Errorf("problem %q after %v, want card_timeout after about 200 ms", s.Problem, took)
	}
	if hints := s.Text[report.Ja].Hints; hints[0] != report.Messages(report.Ja).Kiosk.Page.RetryHint {
		t.Errorf("hints %q", hints)
	}
	h.sim.Remove()
	h.waitScreen(ScreenWaiting)
	h.insert(cardsim.Valid)
	if s := h.waitScreen(ScreenResult); s.Report.State != window.NotYetOpen {
		t.Errorf("after a hanging card: %+v", s.Report)
	}
}

// Taking the card out while it is being read goes straight back to
// waiting; what the read still sends is ignored.
func TestRemovedWhileReading(t *testing.T) {
	h := start(t, nil)
	h.insert(cardsim.Hang)
	h.waitScreen(ScreenReading)
	h.resetHistory()
	h.sim.Remove()
	h.waitScreen(ScreenWaiting)
	time.Sleep(50 * time.Millisecond)
	if got := h.screens(); len(got) != 2 {
		t.Errorf("after removal mid-read: %v", got)
	}
}

func TestReaderAndServiceComeAndGo(t *testing.T) {
	h := start(t, nil)
	h.insert(cardsim.Valid)
	h.waitScreen(ScreenResult)

	h.sim.Unplug(true)
	assertNoCard(t, h.waitScreen(ScreenNoReader))
	h.sim.Unplug(false)
	h.waitScreen(ScreenWaiting)

	h.insert(cardsim.Expired)
	h.waitScreen(ScreenResult)
	h.sim.StopService(true)
	s := h.waitScreen(ScreenNoService)
	assertNoCard(t, s)
	if s.Tone != "alert" {
		t.Errorf("tone %q", s.Tone)
	}
	h.sim.StopService(false)
	h.waitScreen(ScreenWaiting)
	h.insert(cardsim.WindowOpen)
	if s := h.waitScreen(ScreenResult); s.Report.State != window.Open {
		t.Errorf("after the service came back: %s", s.Report.State)
	}
}

func TestReaderFilter(t *testing.T) {
	h := startOn(t, source.Options{Reader: "SIMULATED"}, nil)
	h.insert(cardsim.Valid)
	h.waitScreen(ScreenResult)

	h = startOn(t, source.Options{Reader: "PaSoRi"}, nil)
	h.insert(cardsim.Valid)
	time.Sleep(50 * time.Millisecond)
	if s := h.m.Status(); s.Screen != ScreenNoReader {
		t.Errorf("a reader the filter excludes gave %s", s.Screen)
	}
}

// Each card is a new visit: the lobby page goes back to Japanese for the
// next person even when it never sees the waiting screen in between.
func TestVisits(t *testing.T) {
	h := start(t, nil)
	h.insert(cardsim.Valid)
	first := h.waitScreen(ScreenResult).Visit
	h.insert(cardsim.Expired) // a swap: removed and inserted at once
	second := h.wait("the second card", func(s Status) bool {
		return s.Screen == ScreenResult && !s.Pending && s.Report.State == window.Expired
	}).Visit
	if first == 0 || second != first+1 {
		t.Errorf("visits %d then %d", first, second)
	}
	if s := h.m.Status(); s.Lang != report.Ja || s.Home {
		t.Errorf("lobby status: lang %q home %v", s.Lang, s.Home)
	}
}

func TestOfficeFile(t *testing.T) {
	o, err := office.Parse("office.conf", []byte("name = 見本市役所\ncounter = 2番窓口\nbring_in_person = カードだけ\nnote = 番号札をお取りください\nnote.en = Take a ticket\n"))
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, func(c *Config) { c.Office = o })
	h.insert(cardsim.WindowOpen)
	s := h.waitScreen(ScreenResult)
	ja, en := s.Text[report.Ja], s.Text[report.En]
	if ja.Office.Tag != "" || ja.Office.Lead != "見本市役所" || ja.Office.Note != "番号札をお取りください" || en.Office.Note != "Take a ticket" {
		t.Errorf("office block: %+v / %+v", ja.Office, en.Office)
	}
	if len(ja.Office.Rows) != 1 || ja.Office.Rows[0].Value != "2番窓口" || en.Office.Rows[0].Value != "2番窓口" {
		t.Errorf("office rows: %+v", ja.Office.Rows)
	}
	if ja.Bring.Rows[0].Value != "カードだけ" || ja.Bring.Rows[1].Value != report.Messages(report.Ja).BringByProxy {
		t.Errorf("bring: %+v", ja.Bring.Rows)
	}
	// Without a calendar the window gives no office day: "by" is the expiry.
	c := report.Messages(report.Ja)
	if ja.Where == nil || ja.Where.Value != "見本市役所 2番窓口" || ja.By == nil ||
		ja.By.Value != c.Date(s.Report.Certificates.Auth.Expiry)+c.Kiosk.Page.ByExpiry {
		t.Errorf("decision: where %+v, by %+v", ja.Where, ja.By)
	}
	if s.ReadingMS != 0 || s.Voice {
		t.Errorf("reading %d ms, voice %v; want none (Linger 0) and off", s.ReadingMS, s.Voice)
	}
}

// The office file's reading time and voice reach the page, and with the
// office's calendar "by" is the last day the counter is open.
func TestOfficeSettings(t *testing.T) {
	o, err := office.Parse("office.conf", []byte("counter = 市民課\nfloor = 1階\nreading_time = 90\nvoice = on\n"))
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, func(c *Config) {
		c.Office, c.Linger = o, DefaultLinger
		c.Rule = window.Rule{Months: window.DefaultMonths, Calendar: o.Calendar()}
	})
	h.insert(cardsim.WindowOpen)
	s := h.waitScreen(ScreenResult)
	if s.ReadingMS != 90_000 || !s.Voice {
		t.Errorf("reading %d ms, voice %v; want 90000, on", s.ReadingMS, s.Voice)
	}
	cert := s.Report.Certificates.Auth
	c := report.Messages(report.Ja)
	ja := s.Text[report.Ja]
	if cert.LastOfficeDay == (window.Date{}) || ja.By == nil || ja.By.Value != c.Date(cert.LastOfficeDay)+c.Kiosk.Page.ByLastOfficeDay {
		t.Errorf("by %+v; last office day %s", ja.By, cert.LastOfficeDay)
	}
	if ja.Where == nil || ja.Where.Value != "市民課(1階)" || s.Text[report.En].Where.Value != "市民課 (1階)" {
		t.Errorf("where %+v / %+v", ja.Where, s.Text[report.En].Where)
	}
}

// Nothing about the holder is ever read, so nothing can show: the
// signing certificate's fictitious name and address appear in no status
// and no log line.
func TestNoPersonalData(t *testing.T) {
	h := start(t, nil)
	for _, p := range []cardsim.Profile{cardsim.Valid, cardsim.WindowOpen, cardsim.Expired, cardsim.AuthLocked, cardsim.NotJPKI, cardsim.Juki} {
		h.insert(p)
		h.wait("an answer", func(s Status) bool { return (s.Screen == ScreenResult && !s.Pending) || s.Screen == ScreenError })
	}
	h.sim.Remove()
	h.waitScreen(ScreenWaiting)
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, s := range h.history {
		data, _ := json.Marshal(s)
		assertNoHolder(t, "status", string(data))
	}
	assertNoHolder(t, "log", strings.Join(h.logs, "\n"))
}

// holder is what the simulated card's signing certificate says about its
// (fictitious) holder.
var holder = []string{"見本", "花子", "霞が関", "千代田区", "19850401"}

func assertNoHolder(t *testing.T, where, text string) {
	t.Helper()
	for _, p := range holder {
		if strings.Contains(text, p) {
			t.Errorf("%s shows the holder's %q:\n%s", where, p, text)
		}
	}
}

func TestTimeline(t *testing.T) {
	expiry := window.MustDate(2027, 3, 15) // window opens 2026-12-16
	tests := []struct {
		today window.Date
		where string
		x     int
	}{
		{window.MustDate(2026, 12, 16), "inside", tlOpens},
		{window.MustDate(2027, 3, 15), "inside", tlExpiry},
		{window.MustDate(2027, 1, 30), "inside", tlOpens + (tlExpiry-tlOpens)*45/89},
		{window.MustDate(2026, 12, 15), "before", tlOpens - tlMargin},
		{window.MustDate(2020, 1, 1), "before", tlLeft + tlMargin},
		{window.MustDate(2027, 3, 16), "after", tlExpiry + tlMargin},
		{window.MustDate(2035, 1, 1), "after", tlRight - tlMargin},
	}
	for _, tt := range tests {
		got := NewTimeline(window.Compute(expiry, tt.today))
		if got.Where != tt.where || got.Today != tt.x || got.Opens != tlOpens || got.Expiry != tlExpiry {
			t.Errorf("%s: %+v, want %s at %d", tt.today, got, tt.where, tt.x)
		}
	}
	// Before and after stay off the window's ends, and move monotonically.
	prev := 0
	for d := 400; d >= 1; d-- {
		x := NewTimeline(window.Compute(expiry, expiry.AddDays(-89-d))).Today
		if x < tlLeft || x >= tlOpens || x < prev {
			t.Fatalf("%d days before opening: x = %d (previous %d)", d, x, prev)
		}
		prev = x
	}
}

// A read that fails because the card "left" while the reader still
// reports it (another program reset it, an NFC card slid away and back)
// shows the error once the removal has had time to arrive and did not.
func TestCardLostWithoutRemoval(t *testing.T) {
	h := start(t, nil)
	h.insert(cardsim.Hang)
	h.waitScreen(ScreenReading)
	t0 := time.Now()
	h.sim.LoseContact() // the card's own end, without the reader's event
	s := h.waitScreen(ScreenError)
	if took := time.Since(t0); s.Problem != report.CardRemoved || took < removalGrace/2 {
		t.Errorf("problem %q after %v", s.Problem, took)
	}
}

// pcscReaders are the real PC/SC readers, as a kiosk without --sim has.
func pcscReaders(t testing.TB) source.Readers {
	t.Helper()
	r, err := source.NewReaders(source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
