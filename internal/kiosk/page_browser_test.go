package kiosk

// The page in a real browser (Chromium via chromedp), on the in-process
// machine and the simulated card: what a visitor sees at each lobby
// screen size, the reading time, the language going back to Japanese,
// easy Japanese with its readings, and the page standing on its own when its event stream is refused.

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/kiosk/headless"
	"github.com/jpkicheck/jpkicheck/internal/office"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// lobbyScreens are the screens a lobby PC is likely to have, in CSS pixels.
var lobbyScreens = [][2]int64{{1920, 1080}, {1366, 768}, {1280, 1024}, {1080, 1920}}

// pageServer serves h's machine on a fresh loopback port; the returned
// func stops it.
func pageServer(t *testing.T, h *harness, o ServerOptions) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	o.Addr = ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { NewServer(h.m, o).Serve(ctx, ln); close(done) }()
	stop := func() { cancel(); <-done }
	t.Cleanup(stop)
	return "http://" + ln.Addr().String() + "/", stop
}

// pageState is what the tests measure on the page.
type pageState struct {
	Screen, Tone, Lang, Badge string
	Top, Bottom, Left, Right  float64 // the decision block
	VW, VH, ScrollWidth       float64
	More, Banner              bool // the "more below" cue and the take-card banner are shown
	Live                      string
}

const measure = `JSON.stringify((() => {
  const plain = (e) => { const c = e.cloneNode(true); c.querySelectorAll('rt').forEach((r) => r.remove()); return c.textContent; };
  const d = document.querySelector('.decision');
  const r = d ? d.getBoundingClientRect() : {top: -1, bottom: -1, left: -1, right: -1};
  const b = document.querySelector('.badge');
  return {Screen: document.body.dataset.screen, Tone: document.body.dataset.tone, Lang: document.documentElement.dataset.lang,
    Badge: b ? plain(b) : '', Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right,
    VW: window.innerWidth, VH: window.innerHeight, ScrollWidth: document.documentElement.scrollWidth,
    More: !document.getElementById('more').hidden, Banner: !document.getElementById('banner').hidden,
    Live: document.getElementById('announce').textContent};
})())`

func page(t *testing.T, tab context.Context) pageState {
	t.Helper()
	var p pageState
	if err := json.Unmarshal([]byte(text(t, tab, chromedp.Evaluate[string](measure))), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// answered waits for the final answer to a card put in after seq.
func answered(seq uint64) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(`['result', 'error'].includes(document.body.dataset.screen) && `+
		`Number(document.body.dataset.seq) > %d && !document.querySelector('.pending')`, seq),
		chromedp.WithPollingInterval(5*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))
}

func inLang(lang report.Lang) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.documentElement.dataset.lang === %q`, lang),
		chromedp.WithPollingTimeout(5*time.Second))
}

// pick presses the language's button and waits for the page to be in it.
func pick(lang report.Lang) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		if _, err := chromedp.Click(fmt.Sprintf(`#langs button[data-lang=%q]`, lang))(ctx, tg); err != nil {
			return chromedp.Void{}, err
		}
		return inLang(lang)(ctx, tg)
	}
}

// wantTone is the most urgent finding of each profile, worked out here
// from the profiles' descriptions rather than from the code under test.
var wantTone = map[cardsim.Profile]string{
	cardsim.Valid: "ok", cardsim.WindowOpen: "open", cardsim.Expired: "expired",
	cardsim.AuthLocked: "locked", cardsim.SignOneTry: "last_try",
	cardsim.T0: "ok", cardsim.ShortLe: "ok", cardsim.Child: "ok", cardsim.FaceAuth: "ok",
	cardsim.Juki: "error", cardsim.Smartphone: "error", cardsim.NotJPKI: "error",
	cardsim.NoCert: "error", cardsim.GarbageCert: "error",
}

// At every lobby screen size, for every profile and both languages, the
// decision lies inside the viewport, nothing scrolls sideways, and the
// badge's colour is the most urgent finding's.
func TestPageFitsEveryScreen(t *testing.T) {
	tab := browser(t)
	h := start(t, func(c *Config) {
		c.Rule = window.Rule{Months: window.DefaultMonths, Calendar: office.Example().Calendar()}
	})
	url, _ := pageServer(t, h, ServerOptions{})
	do(t, tab, "opening the page", chromedp.Navigate(url), headless.WaitScreen("waiting", 0, 10*time.Second))
	for _, info := range cardsim.Profiles() {
		if _, ok := wantTone[info.Name]; !ok && info.Name != cardsim.Hang {
			t.Errorf("profile %s has no expected tone here", info.Name)
		}
	}
	for _, size := range lobbyScreens {
		do(t, tab, "resizing", chromedp.EmulateViewport(size[0], size[1]))
		for _, info := range cardsim.Profiles() {
			p := info.Name
			tone, ok := wantTone[p]
			if !ok {
				continue
			}
			before := h.m.Status().Seq
			h.insert(p)
			do(t, tab, string(p)+": the answer", answered(before))
			st := h.m.Status()
			for _, lang := range []report.Lang{report.Ja, report.En} {
				if got := page(t, tab).Lang; got != string(lang) {
					do(t, tab, "switching language", pick(lang))
				}
				where := fmt.Sprintf("%dx%d %s %s", size[0], size[1], p, lang)
				ps := page(t, tab)
				if ps.Top < 0 || ps.Left < 0 || ps.Bottom > ps.VH || ps.Right > ps.VW {
					t.Errorf("%s: the decision (%.0f,%.0f)-(%.0f,%.0f) is not inside the %.0f×%.0f viewport",
						where, ps.Left, ps.Top, ps.Right, ps.Bottom, ps.VW, ps.VH)
				}
				if ps.ScrollWidth > ps.VW {
					t.Errorf("%s: the page is %.0f px wide in a %.0f px viewport", where, ps.ScrollWidth, ps.VW)
				}
				if ps.Tone != tone || st.Tone != tone || ps.Badge != st.Text[lang].Badge {
					t.Errorf("%s: tone %s (status %s), badge %q; want tone %s, badge %q", where, ps.Tone, st.Tone, ps.Badge, tone, st.Text[lang].Badge)
				}
				if ps.Live != st.Text[lang].Announce || ps.Live == "" {
					t.Errorf("%s: the live region says %q, want %q", where, ps.Live, st.Text[lang].Announce)
				}
			}
			h.sim.Remove()
			do(t, tab, "back to waiting", headless.WaitScreen("waiting", 0, 10*time.Second), inLang(report.Ja))
		}
	}
}

// "Please take your card" comes over the answer after the reading time,
// the answer staying; a touch puts it away for another reading time.
func TestPageTakeCardBanner(t *testing.T) {
	tab := browser(t)
	h := start(t, func(c *Config) { c.Linger = 1500 * time.Millisecond })
	url, _ := pageServer(t, h, ServerOptions{})
	do(t, tab, "opening the page", chromedp.Navigate(url), headless.WaitScreen("waiting", 0, 10*time.Second))
	h.insert(cardsim.WindowOpen)
	do(t, tab, "the banner", chromedp.Poll[chromedp.Void](`!document.getElementById('banner').hidden`,
		chromedp.WithPollingTimeout(10*time.Second)))
	ps := page(t, tab)
	if ps.Screen != "take_card" || ps.Tone != "open" || ps.Badge == "" || !ps.Banner {
		t.Errorf("with the banner: %+v", ps)
	}
	if got := text(t, tab, headless.Text()); !strings.Contains(got, report.Messages(report.Ja).Kiosk.Page.TakeCard) {
		t.Errorf("the banner does not ask for the card:\n%s", got)
	}
	do(t, tab, "touching the screen", chromedp.Evaluate[chromedp.Void](
		`document.body.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}))`))
	if ps := page(t, tab); ps.Banner {
		t.Error("the banner stayed after the screen was touched")
	}
	t0 := time.Now()
	do(t, tab, "the banner again", chromedp.Poll[chromedp.Void](`!document.getElementById('banner').hidden`,
		chromedp.WithPollingTimeout(10*time.Second)))
	if took := time.Since(t0); took < time.Second {
		t.Errorf("the banner came back %v after the touch, want the reading time (1.5 s)", took)
	}
	h.sim.Remove()
	do(t, tab, "back to waiting", headless.WaitScreen("waiting", 0, 10*time.Second))
	if ps := page(t, tab); ps.Banner {
		t.Error("the banner stayed after the card left")
	}
}

// Every card, restart and reconnect starts in the first language; a
// choice made on the waiting screen is the next card's.
func TestPageLanguageResets(t *testing.T) {
	tab := browser(t)
	h := start(t, nil)
	url, stop := pageServer(t, h, ServerOptions{})
	do(t, tab, "opening the page", chromedp.Navigate(url), headless.WaitScreen("waiting", 0, 10*time.Second))

	do(t, tab, "English on the waiting screen", pick(report.En))
	before := h.m.Status().Seq
	h.insert(cardsim.Valid)
	do(t, tab, "the answer", answered(before), inLang(report.En))
	h.sim.Remove()
	do(t, tab, "the next person", headless.WaitScreen("waiting", 0, 10*time.Second), inLang(report.Ja))

	before = h.m.Status().Seq
	h.insert(cardsim.Expired)
	do(t, tab, "the answer", answered(before), inLang(report.Ja), pick(report.En),
		chromedp.Click("#bigger"))
	before = h.m.Status().Seq
	h.insert(cardsim.WindowOpen) // another card straight away: another person
	do(t, tab, "the next card", answered(before), inLang(report.Ja))
	if big := text(t, tab, chromedp.Evaluate[string](`String(document.documentElement.classList.contains('big'))`)); big != "false" {
		t.Error("the larger text carried over to the next card")
	}

	// The server goes away and comes back on the same address.
	do(t, tab, "English", pick(report.En))
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	stop()
	do(t, tab, "the page without its server", headless.WaitScreen("reconnecting", 0, 10*time.Second))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("the address cannot be bound again: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go NewServer(h.m, ServerOptions{Addr: addr}).Serve(ctx, ln)
	do(t, tab, "reconnected", headless.WaitScreen("result", 0, 15*time.Second), inLang(report.Ja))
}

// When other clients hold every event stream, the page (re)loads, shows
// its words and follows the next card by polling /api/status.
func TestPageWithoutItsStream(t *testing.T) {
	tab := browser(t)
	h := start(t, nil)
	url, _ := pageServer(t, h, ServerOptions{MaxClients: 2})
	for i := 0; i < 2; i++ {
		resp, err := http.Get(url + "api/events")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
	}
	if resp, err := http.Get(url + "api/events"); err != nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("a third stream: %v %v, want 503", resp, err)
	}
	do(t, tab, "opening the page", chromedp.Navigate(url), headless.WaitScreen("waiting", 0, 10*time.Second))
	ja := report.Messages(report.Ja)
	if got := text(t, tab, headless.Text()); !strings.Contains(got, ja.Kiosk.Page.Insert) || !strings.Contains(got, ja.Kiosk.Page.Title) {
		t.Errorf("the page without a stream says:\n%s", got)
	}
	before := h.m.Status().Seq
	h.insert(cardsim.Expired)
	do(t, tab, "the answer by polling", answered(before))
	if ps := page(t, tab); ps.Tone != "expired" || ps.Lang != "ja" {
		t.Errorf("the answer by polling: %+v", ps)
	}
}

// Before any status, and with no server at all, the page has its words.
func TestPageWordsBeforeAnyStatus(t *testing.T) {
	tab := browser(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// Only the page's files; the API is refused.
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		f, ok := files[name]
		if !ok {
			http.Error(w, "no", http.StatusServiceUnavailable)
			return
		}
		data, _ := web.ReadFile(f.name)
		w.Header().Set("Content-Type", f.ctype)
		w.Write(data)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	do(t, tab, "opening the page", chromedp.Navigate("http://"+ln.Addr().String()+"/"),
		headless.WaitScreen("reconnecting", 0, 10*time.Second))
	ja := report.Messages(report.Ja).Kiosk.Page
	if got := text(t, tab, headless.Text()); !strings.Contains(got, ja.Reconnecting) || !strings.Contains(got, ja.Title) {
		t.Errorf("the page without its API says:\n%s", got)
	}
}

// Easy Japanese, on one profile at one size: every language has its own
// button, named in itself and at least 48 px each way; the page is
// Japanese to the browser; the key words carry their readings, which are
// not part of the words themselves; the next card is back in Japanese.
func TestPageEasyJapanese(t *testing.T) {
	tab := browser(t)
	h := start(t, nil)
	url, _ := pageServer(t, h, ServerOptions{})
	do(t, tab, "opening the page", chromedp.EmulateViewport(1366, 768), chromedp.Navigate(url),
		headless.WaitScreen("waiting", 0, 10*time.Second))
	var buttons []struct {
		Lang, Tag, Name string
		W, H            float64
	}
	if err := json.Unmarshal([]byte(text(t, tab, chromedp.Evaluate[string](`JSON.stringify([...document.querySelectorAll('#langs button')].map((b) => {
  const r = b.getBoundingClientRect();
  return {Lang: b.dataset.lang, Tag: b.lang, Name: b.textContent, W: r.width, H: r.height};
}))`))), &buttons); err != nil {
		t.Fatal(err)
	}
	if len(buttons) != len(report.Langs()) {
		t.Errorf("%d language buttons for %d languages", len(buttons), len(report.Langs()))
	}
	for i, b := range buttons {
		l := report.Langs()[i]
		if b.Lang != string(l) || b.Name != l.Name() || b.Tag != l.Tag() || b.W < 48 || b.H < 48 {
			t.Errorf("button %d: %+v; want %s named %q, lang %s, at least 48x48", i, b, l, l.Name(), l.Tag())
		}
	}

	do(t, tab, "easy Japanese", pick(report.Easy))
	before := h.m.Status().Seq
	h.insert(cardsim.Expired)
	do(t, tab, "the answer", answered(before), inLang(report.Easy))
	st, ps := h.m.Status(), page(t, tab)
	if ps.Badge != st.Text[report.Easy].Badge || ps.Live != st.Text[report.Easy].Announce {
		t.Errorf("badge %q, live %q; want %q, %q", ps.Badge, ps.Live, st.Text[report.Easy].Badge, st.Text[report.Easy].Announce)
	}
	if tag := text(t, tab, chromedp.Evaluate[string](`document.documentElement.lang`)); tag != "ja" {
		t.Errorf("the page's lang is %q in easy Japanese, want ja", tag)
	}
	ruby := text(t, tab, chromedp.Evaluate[string](`[...document.querySelectorAll('main ruby')].map((r) => r.firstChild.textContent + '=' + r.querySelector('rt').textContent).join(' ')`))
	for _, want := range []string{"有効期限=ゆうこうきげん", "電子証明書=でんししょうめいしょ", "窓口=まどぐち"} {
		if !strings.Contains(ruby, want) {
			t.Errorf("no reading %s on the page; readings: %s", want, ruby)
		}
	}
	h.sim.Remove()
	do(t, tab, "the next person", headless.WaitScreen("waiting", 0, 10*time.Second), inLang(report.Ja))
	if n := text(t, tab, chromedp.Evaluate[string](`String(document.querySelectorAll('ruby').length)`)); n != "0" {
		t.Errorf("%s readings left in Japanese", n)
	}
}
