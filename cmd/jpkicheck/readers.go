package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/report"
)

// readerJSON is one line of "readers --json".
type readerJSON struct {
	Name        string         `json:"name"`
	CardPresent bool           `json:"card_present"`
	ATR         string         `json:"atr,omitempty"`
	Card        string         `json:"card,omitempty"`    // my_number_card, juki_card, … when identified
	Problem     report.Problem `json:"problem,omitempty"` // why the card could not be identified
}

// readersFlags are the flags of readers: the common and card flags.
type readersFlags struct {
	common *commonFlags
	card   *cardFlags
}

func newReadersFlags(c *cli, fs *flagSet) *readersFlags {
	f := &readersFlags{common: fs.common(), card: fs.card()}
	// Listing is instant; wait only when asked to (for a card to arrive).
	fs.Lookup("wait").Value.Set("0s")
	return f
}

// runReaders lists the readers, whether each has a card, and what kind of
// card it is. Identifying a card reads its JPKI token (SELECT and one READ
// BINARY); no PIN is involved.
func runReaders(ctx context.Context, c *cli, f *readersFlags, _ []string) (int, error) {
	common, card := f.common, f.card
	var opts []jpki.CardOption
	if card.trace {
		opts = append(opts, jpki.WithTrace(func(e jpki.TraceEvent) { fmt.Fprintf(c.stderr, "trace: %s\n", e) }))
	}

	var list []readerJSON
	if card.sim.profile != "" {
		src, err := card.open(ctx, nil)
		if err != nil {
			return c.cardFailure(err)
		}
		rj := readerJSON{Name: src.Reader + " (" + src.Profile + ")", CardPresent: true, ATR: strings.ToUpper(hex.EncodeToString(src.Sim().ATR()))}
		var t jpki.CardType
		if err := src.Do(func(jc *jpki.Card) error { t, err = jpki.Identify(jc); return err }); err != nil {
			rj.Problem = report.Classify(err).Problem
		} else {
			rj.Card = t.String()
		}
		list = append(list, rj)
	} else {
		readers, err := c.listReaders(ctx, card)
		if err != nil {
			return c.cardFailure(err)
		}
		for _, r := range readers {
			rj := readerJSON{Name: r.Name, CardPresent: r.CardPresent}
			if r.CardPresent {
				rj.ATR = strings.ToUpper(hex.EncodeToString(r.ATR))
				rj.Card, rj.Problem = identify(ctx, r.Name, opts)
			}
			list = append(list, rj)
		}
	}
	code := report.ExitOK
	if len(list) == 0 {
		code = report.ExitNoCard
	}
	if common.json {
		if list == nil {
			list = []readerJSON{}
		}
		return code, c.writeJSON(struct {
			Readers  []readerJSON `json:"readers"`
			ExitCode int          `json:"exit_code"`
		}{list, code})
	}
	if len(list) == 0 {
		d := report.Details{Problem: report.NoReader}
		fmt.Fprintln(c.stdout, c.msg.ProblemMessage(d))
		fmt.Fprintf(c.stdout, "%s%s\n", c.msg.HintPrefix, c.msg.ProblemHint(d, c.goos()))
		return code, nil
	}
	for _, r := range list {
		fmt.Fprintln(c.stdout, r.Name)
		fmt.Fprintf(c.stdout, "  %s\n", c.msg.ReaderCard(r.CardPresent, r.Card, string(r.Problem)))
		if r.ATR != "" {
			fmt.Fprintf(c.stdout, "  ATR: %s\n", r.ATR)
		}
	}
	return code, nil
}

// listReaders lists the readers matching --reader. With --wait it first
// waits, up to that long, for a card in one of them (a resident told to
// "insert the card, then run readers" may be a little late); pcsc bounds
// that wait even when the daemon stalls.
func (c *cli) listReaders(ctx context.Context, f *cardFlags) ([]pcsc.Reader, error) {
	if f.wait > 0 {
		wctx, cancel := context.WithTimeout(ctx, f.wait)
		_, err := pcsc.WaitForCard(wctx, f.reader)
		cancel()
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
	}
	all, err := pcsc.Readers()
	if err != nil {
		return nil, err
	}
	var out []pcsc.Reader
	for _, r := range all {
		if r.Matches(f.reader) {
			out = append(out, r)
		}
	}
	return out, nil
}

// identify connects to the card briefly and reads its JPKI token.
func identify(ctx context.Context, reader string, opts []jpki.CardOption) (string, report.Problem) {
	card, err := pcsc.Connect(ctx, reader, 3*time.Second)
	if err != nil {
		return "", report.Classify(err).Problem
	}
	defer card.Close()
	var t jpki.CardType
	err = card.Do(func(tx pcsc.Transmitter) error {
		var err error
		t, err = jpki.Identify(jpki.NewCard(tx, opts...))
		return err
	})
	if err != nil {
		return "", report.Classify(err).Problem
	}
	return t.String(), ""
}
