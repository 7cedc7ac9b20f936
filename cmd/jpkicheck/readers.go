package main

import (
	"context"
	"encoding/hex"
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

// runReaders lists the readers, whether each has a card, and what kind of
// card it is. Identifying a card reads its JPKI token (SELECT and one READ
// BINARY); no PIN is involved.
func runReaders(ctx context.Context, c *cli, args []string) (int, error) {
	fs := c.flagSet("readers")
	var common commonFlags
	c.addCommon(fs, &common)
	var filter string
	fs.StringVar(&filter, "reader", "", "")
	rest, err := c.parse(fs, c.msg.HelpReaders, args)
	if err == errHelp {
		return report.ExitOK, nil
	}
	if err != nil {
		return 0, err
	}
	if len(rest) > 0 {
		return 0, &usageError{msg: c.msg.UnexpectedArgs(strings.Join(rest, " ")), command: "readers", hint: true}
	}
	readers, err := pcsc.Readers()
	if err != nil {
		return c.explain(err), nil
	}
	var list []readerJSON
	for _, r := range readers {
		if filter != "" && !strings.Contains(strings.ToLower(r.Name), strings.ToLower(filter)) {
			continue
		}
		rj := readerJSON{Name: r.Name, CardPresent: r.CardPresent}
		if r.CardPresent {
			rj.ATR = strings.ToUpper(hex.EncodeToString(r.ATR))
			rj.Card, rj.Problem = identify(ctx, r.Name)
		}
		list = append(list, rj)
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

// identify connects to the card briefly and reads its JPKI token.
func identify(ctx context.Context, reader string) (string, report.Problem) {
	card, err := pcsc.Connect(ctx, reader, 3*time.Second)
	if err != nil {
		return "", report.Classify(err).Problem
	}
	defer card.Close()
	var t jpki.CardType
	err = card.Do(func(tx pcsc.Transmitter) error {
		var err error
		t, err = jpki.Identify(jpki.NewCard(tx))
		return err
	})
	if err != nil {
		return "", report.Classify(err).Problem
	}
	return t.String(), ""
}
