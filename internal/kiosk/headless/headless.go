// Package headless drives Chromium for the kiosk page's browser tests and
// screenshots. It is the one place that knows which flags work on the
// project's machines (Debian 12 as root, no display, no D-Bus): no sandbox
// (root), no GPU, no QUIC, and nothing that phones home, so the page is the
// only thing the browser talks to.
package headless

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
)

// PathEnv names an environment variable that points at the browser to use.
const PathEnv = "JPKICHECK_CHROMIUM"

// ErrNoBrowser: no Chromium was found.
var ErrNoBrowser = errors.New("chromium not found (apt-get install chromium fonts-noto-cjk, or set " + PathEnv + ")")

// Path finds Chromium: $JPKICHECK_CHROMIUM, else chromium,
// chromium-browser or google-chrome on PATH.
func Path() (string, error) {
	if p := os.Getenv(PathEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s=%s: %w", PathEnv, p, err)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Start starts a headless browser with a fresh profile in dir (which the
// caller removes) and a window of width × height, and returns a tab.
// Cancelling the returned func ends the browser.
func Start(ctx context.Context, path, dir string, width, height int) (context.Context, context.CancelFunc) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(width, height),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tab, cancelTab := chromedp.NewContext(actx)
	return tab, func() {
		cancelTab()
		cancelAlloc()
	}
}

// WaitScreen waits until the page shows screen (its body's data-screen)
// with a status at least as new as seq (0: any), polling every 5 ms, for
// up to timeout.
func WaitScreen(screen string, seq uint64, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](
		fmt.Sprintf(`document.body.dataset.screen === %q && Number(document.body.dataset.seq || 0) >= %d`, screen, seq),
		chromedp.WithPollingInterval(5*time.Millisecond), chromedp.WithPollingTimeout(timeout))
}

// Text is the page's visible text.
func Text() chromedp.Action[string] {
	return chromedp.Evaluate[string](`document.body.innerText`)
}

// HTML is the whole document as it is now, nodes built by script included.
func HTML() chromedp.Action[string] {
	return chromedp.Evaluate[string](`document.documentElement.outerHTML`)
}
