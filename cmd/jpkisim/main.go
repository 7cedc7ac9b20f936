// Command jpkisim serves the simulated My Number Card (internal/cardsim) to
// a vpcd virtual reader, so the real PC/SC stack (pcscd, OpenSC, jpkicheck
// itself) can read it without hardware.
//
//	$ pcscd --foreground &
//	$ jpkisim --vpcd 127.0.0.1:35963 --profile window-open --ca-out /tmp/sim-ca.pem
//	jpkisim: card inserted into vpcd 127.0.0.1:35963 (profile window-open)
//
// It connects to the vpcd port as the card, reconnects every 150 ms while the
// port is closed (pcscd not running or restarting), and on SIGINT/SIGTERM
// closes the socket, so the reader sees the card removed, and exits 0. With
// --remove-after N it closes the socket right after answering the Nth APDU
// and exits 0 (it does not reinsert the card).
//
// --apdu-delay and --baud slow the answers down to what a real reader's link
// would take (cardsim.Link), so the rig can stand in for a contact reader
// at the default rate (--baud 9600) or for NFC (--apdu-delay 10ms --baud
// 106000) when measuring what a resident waits for; --baud atr derives the
// rate from the card's ATR (--atr 2024 is four times faster than classic).
//
// The card follows pcscd's power changes as vpcd passes them on: power off
// (SCardDisconnect/SCardReconnect with SCARD_UNPOWER_CARD, or pcscd resting
// an idle card) forgets verified PINs, a warm reset (SCARD_RESET_CARD) keeps
// them. --state is rewritten on every change, and --log notes power, reset
// and applet selection as "# ..." lines between the APDUs.
//
// The card's socket sets TCP_QUICKACK before every read. Round trip of one
// APDU from ebfe/scard's Transmit through libpcsclite, pcscd and vpcd to
// this card, measured on the project's machine (Debian 12, vpcd 3.3, 200
// APDUs): SELECT 0.16 ms, READ BINARY of 256 bytes 0.12–0.14 ms; without
// quick ACK 50 ms and 63 ms (delayed ACK against vpcd's two-part writes).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/syncbuf"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `usage: jpkisim --vpcd HOST:PORT [options]

Serves a simulated My Number Card to a vpcd virtual reader (test use only).

  --vpcd HOST:PORT         vpcd reader to connect to (35963 = Virtual PCD 00 00,
                           35964 = Virtual PCD 00 01)
  --profile NAME           card profile (default valid; see --list-profiles)
  --today YYYY-MM-DD       the card's "today" (default: today in Japan)
  --auth-expiry YYYY-MM-DD authentication certificate expiry (moves both)
  --sign-expiry YYYY-MM-DD signing certificate expiry
  --auth-pin PIN           authentication PIN (default 1234)
  --sign-password PW       signing password (default ABC123)
  --auth-tries N           tries left on the authentication PIN (0–3)
  --sign-tries N           tries left on the signing password (0–5)
  --max-le N               largest Le served (1–256)
  --extended               accept extended-length READ BINARY
  --name NAME              fictitious holder name in the signing certificate
  --address ADDR           fictitious holder address in the signing certificate
  --atr NAME               answer to reset: classic (default), 2024 or contactless
  --auth-der FILE          serve this DER as the authentication certificate (EF 000A)
  --auth-ca-der FILE       serve this DER as its CA certificate (EF 000B)
  --quirk A,B              switch on named quirks (see --list-quirks)
  --truncate-above N       reader fault: answers with more than N data bytes arrive
                           cut to N bytes, without a status word (e.g. 236)
  --log FILE               one line per APDU: command and response in hex (PINs
                           masked); power, reset and applet selection as "# ..." lines
  --state FILE             PIN counters and verified flags as JSON, rewritten on
                           every change
  --remove-after N         remove the card after answering N APDUs, then exit
  --apdu-delay DURATION    link model: fixed time added to every APDU (e.g. 10ms)
  --baud N|atr             link model: 11 etu per byte of command and response at
                           N etu/s (9600 = contact reader at the default rate,
                           ~1.15 ms/byte; NFC: --apdu-delay 10ms --baud 106000);
                           atr: the rate the card's ATR offers (NFC for contactless)
  --ca-out FILE            write the card's test CA certificates (PEM)
  --list-profiles          list the profiles (fault-injection ones last) and exit
  --list-quirks            list the quirks and exit

Example:
  $ jpkisim --vpcd 127.0.0.1:35964 --profile expired --ca-out /tmp/ca.pem
`

// retryEvery is how often to try the vpcd port again while it is closed.
const retryEvery = 150 * time.Millisecond

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("jpkisim", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var (
		addr       = fs.String("vpcd", "", "")
		profile    = fs.String("profile", string(cardsim.Valid), "")
		today      = fs.String("today", "", "")
		authExpiry = fs.String("auth-expiry", "", "")
		signExpiry = fs.String("sign-expiry", "", "")
		authPIN    = fs.String("auth-pin", "", "")
		signPW     = fs.String("sign-password", "", "")
		authTries  = fs.Int("auth-tries", -1, "")
		signTries  = fs.Int("sign-tries", -1, "")
		maxLe      = fs.Int("max-le", 0, "")
		extended   = fs.Bool("extended", false, "")
		name       = fs.String("name", "", "")
		address    = fs.String("address", "", "")
		logPath    = fs.String("log", "", "")
		statePath  = fs.String("state", "", "")
		removeN    = fs.Int("remove-after", 0, "")
		apduDelay  = fs.Duration("apdu-delay", 0, "")
		baud       = fs.String("baud", "0", "")
		caOut      = fs.String("ca-out", "", "")
		list       = fs.Bool("list-profiles", false, "")
		listQuirks = fs.Bool("list-quirks", false, "")
		atrName    = fs.String("atr", "", "")
		authDER    = fs.String("auth-der", "", "")
		authCADER  = fs.String("auth-ca-der", "", "")
		quirkList  = fs.String("quirk", "", "")
		truncate   = fs.Int("truncate-above", 0, "")
	)
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "jpkisim: "+format+"\n", a...)
		return code
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprint(stderr, usage)
		return fail(2, "%v", err)
	}
	if fs.NArg() > 0 {
		return fail(2, "unexpected argument %q", fs.Arg(0))
	}
	if *list {
		for _, p := range append(cardsim.Profiles(), cardsim.FaultProfiles()...) {
			fmt.Fprintf(stdout, "%-17s %s\n", p.Name, p.Description)
		}
		return 0
	}
	if *listQuirks {
		for _, q := range cardsim.Quirks() {
			fmt.Fprintf(stdout, "%-20s %s\n", q.Name, q.Description)
		}
		return 0
	}
	if *addr == "" {
		fmt.Fprint(stderr, usage)
		return fail(2, "--vpcd HOST:PORT is required")
	}

	baudFromATR := *baud == "atr"
	var baudN int
	if !baudFromATR {
		n, err := strconv.Atoi(*baud)
		if err != nil {
			return fail(2, "--baud: want a number or atr, got %q", *baud)
		}
		baudN = n
	}
	link := cardsim.Link{APDUDelay: *apduDelay, Baud: baudN}
	if err := link.Validate(); err != nil {
		return fail(2, "link model: %v", err)
	}
	quirks, err := cardsim.ParseQuirks(*quirkList)
	if err != nil {
		return fail(2, "--quirk: %v", err)
	}

	opts := cardsim.Options{
		Profile:       cardsim.Profile(*profile),
		AuthPIN:       *authPIN,
		SignPassword:  strings.ToUpper(*signPW),
		MaxLe:         *maxLe,
		Extended:      *extended,
		RemoveAfter:   *removeN,
		Name:          *name,
		Address:       *address,
		Quirks:        quirks,
		TruncateAbove: *truncate,
	}
	if *atrName != "" {
		atr, err := cardsim.ATRByName(*atrName)
		if err != nil {
			return fail(2, "--atr: %v", err)
		}
		opts.ATR = atr
	}
	for _, f := range []struct {
		flag, path string
		dst        *[]byte
	}{
		{"auth-der", *authDER, &opts.AuthDER},
		{"auth-ca-der", *authCADER, &opts.AuthCADER},
	} {
		if f.path == "" {
			continue
		}
		der, err := os.ReadFile(f.path)
		if err != nil {
			return fail(2, "--%s: %v", f.flag, err)
		}
		*f.dst = der
	}
	for _, d := range []struct {
		flag, value string
		dst         *time.Time
	}{
		{"today", *today, &opts.Today},
		{"auth-expiry", *authExpiry, &opts.AuthExpiry},
		{"sign-expiry", *signExpiry, &opts.SignExpiry},
	} {
		if d.value == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.value)
		if err != nil {
			return fail(2, "--%s: want YYYY-MM-DD, got %q", d.flag, d.value)
		}
		*d.dst = t
	}
	if *authTries >= 0 {
		opts.AuthTries = cardsim.Tries(*authTries)
	}
	if *signTries >= 0 {
		opts.SignTries = cardsim.Tries(*signTries)
	}

	if *logPath != "" {
		f, err := os.Create(*logPath)
		if err != nil {
			return fail(1, "opening log: %v", err)
		}
		defer f.Close()
		opts.Log = &syncbuf.Writer{W: f} // one APDU at a time today; whole lines if that changes
	}
	var stateErr error
	if *statePath != "" {
		opts.OnStateChange = func(s cardsim.State) {
			if err := writeState(*statePath, s); err != nil && stateErr == nil {
				stateErr = err
				fmt.Fprintf(stderr, "jpkisim: writing state: %v\n", err)
			}
		}
	}

	card, err := cardsim.New(opts)
	if err != nil {
		return fail(2, "%v", err)
	}
	if baudFromATR {
		derived := cardsim.LinkForATR(card.ATR())
		link.Baud = derived.Baud
		if !flagSet(fs, "apdu-delay") {
			link.APDUDelay = derived.APDUDelay
		}
	}
	if *statePath != "" {
		if err := writeState(*statePath, card.State()); err != nil {
			return fail(1, "writing state: %v", err)
		}
	}
	if *caOut != "" {
		if err := os.WriteFile(*caOut, card.CAPEM(), 0o644); err != nil {
			return fail(1, "writing CA certificates: %v", err)
		}
	}
	// SIGINT/SIGTERM pulls the card out, which also ends a command that a
	// fault profile (hang) holds: otherwise the card would never let go.
	removed := make(chan struct{})
	stopRemove := context.AfterFunc(ctx, func() {
		card.Remove()
		close(removed)
	})
	defer func() {
		// Remove runs on its own goroutine and writes --state: let it
		// finish before run returns, or the caller finds a half-written
		// temporary state file (TestServeStateLogCA did, 3 runs in 5).
		if !stopRemove() {
			<-removed
		}
	}()
	if err := serve(ctx, *addr, card, link, stderr); err != nil {
		return fail(1, "%v", err)
	}
	return 0
}

// flagSet reports whether the command line gave the flag.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// serve keeps the card inserted into the reader at addr until ctx ends or
// the card is removed; a reader that goes away is waited for.
func serve(ctx context.Context, addr string, card *cardsim.Card, link cardsim.Link, stderr io.Writer) error {
	var d net.Dialer
	for {
		dctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		conn, err := d.DialContext(dctx, "tcp", addr)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			// pcscd not running or restarting: its vpcd port refuses.
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(retryEvery):
			}
			continue
		}
		var note string
		if !link.Zero() {
			note = ", link " + link.String()
		}
		fmt.Fprintf(stderr, "jpkisim: card inserted into vpcd %s (profile %s%s)\n", addr, card.Profile(), note)
		err = cardsim.ServeVPCD(ctx, conn, card, link)
		switch {
		case ctx.Err() != nil, errors.Is(err, cardsim.ErrRemoved):
			return nil
		}
		// The reader went away (pcscd stopped) and with it the card's
		// power; when it comes back the card is inserted afresh.
		card.PowerOff()
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(retryEvery):
		}
	}
}

// writeState replaces path atomically, so a reader never sees half a file.
func writeState(path string, s cardsim.State) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(append(b, '\n'))
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return errors.Join(werr, cerr)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
