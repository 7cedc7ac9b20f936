package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
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
	addr, prefix := f.listen, "/"
	if home {
		// A random free port, and a secret path only this run's URL
		// knows: other local users and web pages cannot guess the page.
		addr, prefix = "127.0.0.1:0", "/"+rand.Text()+"/"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return 0, errors.New(c.msg.Kiosk.BadListen(addr, err.Error()))
	}
	bound, url := boundAddr(addr, ln.Addr())
	url += prefix
	if !kiosk.IsLoopback(bound) {
		fmt.Fprintf(c.stderr, "%s%s\n", c.msg.ErrorPrefix, c.msg.Kiosk.ListenWarning(bound))
	}
	// The address alone on stdout, for scripts (one line, JSON with --json).
	line := []byte(url)
	if f.common.json {
		line, _ = json.Marshal(struct {
			URL string `json:"url"`
		}{url})
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

	m := kiosk.New(cfg)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { m.Run(ctx) })
	err = kiosk.NewServer(m, kiosk.ServerOptions{Addr: bound, Prefix: prefix}).Serve(ctx, ln)
	cancel()
	wg.Wait()
	if err != nil {
		return 0, err
	}
	return report.ExitOK, nil
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
		Logf: func(format string, args ...any) {
			fmt.Fprintf(c.stderr, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
		},
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
		Known: strings.Join(office.Keys, ", ")}
	switch oe.Kind {
	case office.TooLong:
		p.Limit = office.MaxValueRune
	case office.TooBig:
		p.Limit = office.MaxFileSize >> 10
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
