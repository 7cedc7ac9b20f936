// Command screenshots takes a picture of each kiosk screen for the README:
// the real page, served by the real kiosk server and state machine, on the
// built-in simulated card, in headless Chromium (scripts/screenshots.sh
// runs it). Each picture is the viewport, what a visitor sees without
// scrolling, on a 1920×1080 screen and a few on a portrait one. The day
// is fixed, so the pictures only change when the page does.
//
//	go run ./internal/kiosk/cmd/screenshots -out docs/screens
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/jpkicheck/jpkicheck/internal/kiosk"
	"github.com/jpkicheck/jpkicheck/internal/kiosk/headless"
	"github.com/jpkicheck/jpkicheck/internal/source"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

func main() {
	out := flag.String("out", "docs/screens", "directory for the PNG files")
	width := flag.Int("width", 1920, "window width in CSS pixels")
	height := flag.Int("height", 1080, "window height in CSS pixels")
	flag.Parse()
	if err := run(*out, *width, *height); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

// today is the day every picture is taken on (the CLI's golden files use
// the same day).
var today = window.MustDate(2026, 12, 20)

// shot is one picture: what to do to the card, the screen to wait for,
// the language to switch the page to first ("" keeps the first one), and
// whether it is taken on the portrait screen.
type shot struct {
	name     string
	act      func(*source.Sim) error
	screen   kiosk.Screen
	lang     string
	portrait bool
}

func insert(p string) func(*source.Sim) error {
	return func(s *source.Sim) error { return s.Insert(p) }
}

var shots = []shot{
	{"waiting", func(s *source.Sim) error { s.Remove(); return nil }, kiosk.ScreenWaiting, "", false},
	{"open", insert("window-open"), kiosk.ScreenResult, "", false},
	{"open-en", nil, kiosk.ScreenResult, "en", false},
	{"open-easy", nil, kiosk.ScreenResult, "ja-easy", false},
	{"open-portrait", insert("window-open"), kiosk.ScreenResult, "", true},
	{"expired", insert("expired"), kiosk.ScreenResult, "", false},
	{"valid", insert("valid"), kiosk.ScreenResult, "", false},
	{"locked-pin", insert("auth-locked"), kiosk.ScreenResult, "", false},
	{"locked-pin-portrait", insert("auth-locked"), kiosk.ScreenResult, "", true},
	{"last-try", insert("sign-one-try"), kiosk.ScreenResult, "", false},
	{"error", insert("not-jpki"), kiosk.ScreenError, "", false},
	{"take-card", insert("window-open"), kiosk.ScreenTakeCard, "", false},
	{"no-reader", func(s *source.Sim) error { s.Unplug(true); return nil }, kiosk.ScreenNoReader, "", false},
}

func run(out string, width, height int) error {
	path, err := headless.Path()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	sim := source.NewSim(source.Options{Today: today.Time().Add(12 * time.Hour)})
	// Linger is the reading time before "please take your card" shows
	// over the answer; long enough for each result's picture to be taken
	// first. The default office calendar gives the last office day.
	rule := window.Rule{Months: window.DefaultMonths, Calendar: window.NewCalendar(nil, nil)}
	m := kiosk.New(kiosk.Config{Source: sim, Today: func() window.Date { return today }, Rule: rule, Linger: 3 * time.Second})
	go m.Run(ctx)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := kiosk.NewServer(m, kiosk.ServerOptions{Addr: ln.Addr().String()})
	go srv.Serve(ctx, ln)

	dir, err := os.MkdirTemp("", "jpkicheck-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tab, stop := headless.Start(ctx, path, dir, width, height)
	defer stop()
	if err := chromedp.Do(tab, chromedp.Navigate("http://"+ln.Addr().String()+"/")); err != nil {
		return fmt.Errorf("opening the page: %w", err)
	}
	for _, s := range shots {
		w, h := width, height
		if s.portrait {
			w, h = height, width
		}
		if err := chromedp.Do(tab, chromedp.EmulateViewport(int64(w), int64(h))); err != nil {
			return err
		}
		if s.act != nil {
			if err := s.act(sim); err != nil {
				return fmt.Errorf("%s: %w", s.name, err)
			}
		}
		// Wait for the final status of the screen (not a pending one).
		if err := chromedp.Do(tab, headless.WaitScreen(string(s.screen), 0, 10*time.Second),
			chromedp.Poll[chromedp.Void](`!document.querySelector('.pending')`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			return fmt.Errorf("%s: waiting for the %s screen: %w", s.name, s.screen, err)
		}
		if s.screen == kiosk.ScreenTakeCard {
			if err := chromedp.Do(tab, chromedp.Poll[chromedp.Void](`!document.getElementById('banner').hidden`,
				chromedp.WithPollingTimeout(10*time.Second))); err != nil {
				return fmt.Errorf("%s: waiting for the banner: %w", s.name, err)
			}
		}
		if s.lang != "" {
			if err := chromedp.Do(tab, chromedp.Click(fmt.Sprintf(`#langs button[data-lang=%q]`, s.lang)),
				chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.documentElement.dataset.lang === %q`, s.lang))); err != nil {
				return fmt.Errorf("%s: switching to %s: %w", s.name, s.lang, err)
			}
		}
		png, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		if got := m.Status().Screen; got != s.screen {
			return fmt.Errorf("%s: the screen moved on to %s while the picture was taken; try again on a less busy machine", s.name, got)
		}
		file := filepath.Join(out, s.name+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			return err
		}
		fmt.Println(file)
	}
	return nil
}
