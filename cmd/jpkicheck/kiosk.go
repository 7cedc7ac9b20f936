package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/kiosk"
	"github.com/jpkicheck/jpkicheck/internal/office"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
)

// kioskFlags are the flags of kiosk and ui.
type kioskFlags struct {
	common    *commonFlags
	card      *cardFlags
	listen    string
	office    string
	linger    durationFlag
	quick     bool
	noBrowser bool

	// The lobby's: other machines allowed (with the token), where the
	// token comes from, and the browser the kiosk starts itself.
	allowLAN    bool
	tokenFile   string
	browser     bool
	browserPath string
}

// kioskFlagsFor declares the flags of kiosk, or of ui (home): the lobby
// chooses its address and office block, home use only whether a browser
// opens.
func kioskFlagsFor(home bool) func(*cli, *flagSet) *kioskFlags {
	return func(c *cli, fs *flagSet) *kioskFlags {
		f := &kioskFlags{common: fs.common(), card: fs.card(),
			linger: durationFlag{c: c, value: kiosk.DefaultLinger, bad: c.msg.Kiosk.BadLinger}}
		fs.Var(&f.linger, "linger", "")
		fs.BoolVar(&f.quick, "quick", false, "")
		if home {
			fs.BoolVar(&f.noBrowser, "no-browser", false, "")
		} else {
			fs.StringVar(&f.listen, "listen", "127.0.0.1:8080", "")
			fs.StringVar(&f.office, "office", "", "")
			fs.BoolVar(&f.allowLAN, "allow-lan", false, "")
			fs.StringVar(&f.tokenFile, "token-file", "", "")
			fs.BoolVar(&f.browser, "browser", false, "")
			fs.StringVar(&f.browserPath, "browser-path", "", "")
		}
		return f
	}
}

// runKiosk serves the lobby page: loopback by default, the office block
// from --office, and the page in Japanese first whatever the machine's
// locale (--lang changes that).
func runKiosk(ctx context.Context, c *cli, f *kioskFlags, _ []string) (int, error) {
	return c.serveKiosk(ctx, f, false)
}

// runUI serves the same page for home use on a random loopback port under
// a per-run secret path, and opens the browser.
func runUI(ctx context.Context, c *cli, f *kioskFlags, _ []string) (int, error) {
	return c.serveKiosk(ctx, f, true)
}

func (c *cli) serveKiosk(ctx context.Context, f *kioskFlags, home bool) (int, error) {
	cfg, err := c.kioskConfig(f, home, f.common.langSet)
	if err != nil {
		return 0, err
	}
	if !home {
		// A misspelt --reader is an error now, listing the readers, not
		// a "no reader" screen while the reader sits there.
		if err := source.CheckReader(f.card.options(nil)); err != nil {
			return c.cardFailure(err)
		}
	}
	addr, prefix := f.listen, "/"
	if home {
		// A random free port, and a secret path only this run's URL
		// knows: other local users and web pages cannot guess the page.
		addr, prefix = "127.0.0.1:0", "/"+rand.Text()+"/"
	}
	// Another machine would see every resident's result: only on purpose,
	// and then only with the token.
	lan := !home && !kiosk.IsLoopback(addr)
	if lan && !f.allowLAN {
		return 0, &usageError{msg: c.msg.Kiosk.ListenRefused(addr)}
	}
	token := rand.Text()
	if f.tokenFile != "" {
		if token, err = readToken(f.tokenFile); err != nil {
			return 0, &usageError{msg: err.Error()}
		}
	}
	var browserPath string
	if f.browser {
		if browserPath = f.browserPath; browserPath == "" {
			if browserPath = findKioskBrowser(c.getenv); browserPath == "" {
				return 0, &usageError{msg: c.msg.Kiosk.NoBrowser}
			}
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return 0, errors.New(c.msg.Kiosk.BadListen(addr, err.Error()))
	}
	bound, url := boundAddr(addr, ln.Addr())
	url += prefix
	// The kiosk's own page carries the token: the server knows it from
	// other pages and keeps its event stream when they crowd in.
	ownURL := url + "?token=" + token
	if lan {
		fmt.Fprintf(c.stderr, "%s%s\n", c.msg.ErrorPrefix, c.msg.Kiosk.ListenWarning(bound))
		fmt.Fprintln(c.stderr, c.msg.Kiosk.LANToken(ownURL))
	}
	// The address alone on stdout, for scripts (one line, JSON with --json).
	printed := url
	if lan {
		printed = ownURL
	}
	line := []byte(printed)
	if f.common.json {
		line, _ = json.Marshal(struct {
			URL string `json:"url"`
		}{printed})
	}
	fmt.Fprintf(c.stdout, "%s\n", line)
	switch {
	case !home:
		fmt.Fprintln(c.stderr, c.msg.Kiosk.Listening(url))
	case f.noBrowser:
		fmt.Fprintln(c.stderr, c.msg.Kiosk.Listening(url))
	default:
		fmt.Fprintln(c.stderr, c.msg.Kiosk.OpenBrowser(url))
		if err := openBrowser(url); err != nil {
			fmt.Fprintln(c.stderr, c.msg.Kiosk.BrowserFailed(url))
		}
	}

	metrics := kiosk.NewMetrics(versionString())
	cfg.OnStatus = metrics.Observe
	opts := kiosk.ServerOptions{Addr: bound, Prefix: prefix, Metrics: metrics}
	if !home {
		opts.Token, opts.TokenRequired = token, lan
		if !f.card.today.isSet {
			opts.Hold = c.clockHold(cfg.Logf)
		}
	}
	m := kiosk.New(cfg)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { m.Run(ctx) })
	if browserPath != "" {
		// The listener is open: the browser's first request is answered.
		wg.Go(func() {
			superviseBrowser(ctx, browserPath, ownURL, cfg.Logf)
		})
	}
	err = kiosk.NewServer(m, opts).Serve(ctx, ln)
	cancel()
	wg.Wait()
	if err != nil {
		return 0, err
	}
	return report.ExitOK, nil
}

// readToken reads a fixed token (the first line of path): one the
// monitoring's configuration can hold across restarts.
func readToken(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("--token-file: %w", err)
	}
	token, _, _ := strings.Cut(string(data), "\n")
	token = strings.TrimSpace(token)
	if len(token) < 16 || strings.ContainsAny(token, " \t&#?%/") {
		return "", fmt.Errorf("--token-file %s: the token must be one line of at least 16 letters, digits, - or _", path)
	}
	return token, nil
}

// boundAddr is the address asked for with the port actually bound (for
// the Host check and the warning), and the URL a browser on this machine
// opens: 0.0.0.0 or [::] is no address to browse to.
func boundAddr(asked string, got net.Addr) (bound, url string) {
	host, _, _ := net.SplitHostPort(asked)
	_, port, _ := net.SplitHostPort(got.String())
	if host == "" {
		host = "0.0.0.0"
	}
	bound = net.JoinHostPort(host, port)
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return bound, "http://" + net.JoinHostPort(host, port)
}

// kioskConfig turns the flags into the machine's configuration: the card
// source (a reader, or the simulated card already inserted), the trust
// store, the office block and the page's first language.
func (c *cli) kioskConfig(f *kioskFlags, home, langSet bool) (kiosk.Config, error) {
	trust, err := f.card.trust()
	if err != nil {
		return kiosk.Config{}, err
	}
	var o *office.Office
	if f.office != "" {
		if o, err = office.Load(f.office); err != nil {
			return kiosk.Config{}, &usageError{msg: c.officeError(f.office, err)}
		}
	}
	rule := f.card.rule()
	if o != nil {
		// The office's own open days and closures decide its office days.
		rule.Calendar = o.Calendar()
	}
	cfg := kiosk.Config{
		Trust:  trust,
		Rule:   rule,
		Today:  f.card.day,
		Linger: f.linger.value,
		Quick:  f.quick,
		Office: o,
		Lang:   report.Ja,
		Home:   home,
		Logf:   c.kioskLogf(),
	}
	if home || langSet {
		cfg.Lang = c.msg.Lang
	}
	if err := f.card.checkProfile(); err != nil {
		return kiosk.Config{}, err
	}
	// The readers the flags name, or the simulated card already inserted.
	if cfg.Source, err = source.NewReaders(f.card.options(nil)); err != nil {
		return kiosk.Config{}, err
	}
	return cfg, nil
}

// officeError words a bad --office file in the user's language, with the
// file and line in front as compilers do.
func (c *cli) officeError(path string, err error) string {
	var oe *office.Error
	if !errors.As(err, &oe) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return path + ": " + c.msg.Kiosk.OfficeError(report.OfficeProblem{Kind: "unreadable", Field: err.Error()})
	}
	p := report.OfficeProblem{Kind: oe.Kind.String(), Field: oe.Field, Suggest: oe.Suggest, Other: oe.Other,
		Known: strings.Join(office.Keys, ", "), Value: oe.Value}
	switch oe.Kind {
	case office.TooLong:
		p.Limit = office.MaxValueRune
	case office.TooBig:
		p.Limit = office.MaxFileSize >> 10
	case office.BadRange:
		p.Limit = office.MaxRangeDays
	case office.TooManyDates:
		p.Limit = office.MaxDates
	case office.BadSetting:
		p.Limit = int(office.MaxReadingTime.Seconds())
	}
	where := oe.File
	if oe.Line > 0 {
		where = fmt.Sprintf("%s:%d", oe.File, oe.Line)
	}
	return where + ": " + c.msg.Kiosk.OfficeError(p)
}

// durationFlag is a non-negative duration with a localised error.
type durationFlag struct {
	c     *cli
	value time.Duration
	bad   func(string) string
}

func (f *durationFlag) String() string {
	if f == nil || f.c == nil {
		return ""
	}
	return f.value.String()
}

func (f *durationFlag) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return f.c.badValue(f.bad(s))
	}
	f.value = d
	return nil
}
