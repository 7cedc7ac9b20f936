package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
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
	var list []readerJSON
	if card.sim.profile != "" {
		src, err := card.open(ctx, nil)
		if err != nil {
			return c.cardFailure(err)
		}
		defer src.Close()
		rj := readerJSON{Name: src.Reader + " (" + src.Profile + ")", CardPresent: true, ATR: strings.ToUpper(hex.EncodeToString(src.ATR()))}
		rj.Card, rj.Problem = identify(src)
		list = append(list, rj)
	} else {
		o := card.options(nil)
		slots, err := source.List(ctx, o)
		if err != nil {
			return c.cardFailure(err)
		}
		// Identifying is brief: a card that does not answer within 3 s
		// is reported as such, and the next reader gets its turn.
		o.Timeout = 3 * time.Second
		for _, r := range slots {
			rj := readerJSON{Name: r.Name, CardPresent: r.CardPresent}
			if r.CardPresent {
				rj.ATR = strings.ToUpper(hex.EncodeToString(r.ATR))
				rj.Card, rj.Problem = connectAndIdentify(ctx, r.Name, o)
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

// connectAndIdentify connects to the card in the reader briefly and
// reads its JPKI token.
func connectAndIdentify(ctx context.Context, reader string, o source.Options) (string, report.Problem) {
	card, err := source.Connect(ctx, reader, o)
	if err != nil {
		return "", report.Classify(err).Problem
	}
	defer card.Close()
	return identify(card)
}

// identify reads the card's JPKI token: what kind of card it is, or the
// problem that kept it from saying.
func identify(card *source.Card) (string, report.Problem) {
	var t jpki.CardType
	err := card.Do(func(jc *jpki.Card) error {
		var err error
		t, err = jpki.Identify(jc)
		return err
	})
	if err != nil {
		return "", report.Classify(err).Problem
	}
	return t.String(), ""
}
