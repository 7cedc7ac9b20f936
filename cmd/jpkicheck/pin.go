package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/jpkicheck/jpkicheck/internal/cardcheck"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
)

// pinFlags are the flags of pin.
type pinFlags struct {
	common *commonFlags
	card   *cardFlags
	force  bool
}

func newPINFlags(c *cli, fs *flagSet) *pinFlags {
	f := &pinFlags{common: fs.common(), card: fs.card()}
	fs.BoolVar(&f.force, "force", false, "")
	return f
}

// runPIN is "jpkicheck pin [status]" (tries left, spends none) and
// "jpkicheck pin verify auth|sign" (do I still remember it?); the command
// table has checked that args is one of these forms.
func runPIN(ctx context.Context, c *cli, f *pinFlags, args []string) (int, error) {
	if len(args) < 2 {
		if f.force {
			return 0, &usageError{msg: c.msg.ForceOnlyForVerify, command: "pin"}
		}
		return c.pinStatus(ctx, f.card, f.common.json)
	}
	pin := jpki.AuthPIN
	if args[1] == "sign" {
		pin = jpki.SignPIN
	}
	return c.pinVerify(ctx, f.card, pin, f.force, f.common.json)
}

// pinStatus reads both counters with the empty VERIFY, which spends no try.
func (c *cli) pinStatus(ctx context.Context, f *cardFlags, asJSON bool) (int, error) {
	prog := newProgress(c.stderr, c.stderrTTY && !f.trace)
	defer prog.clear()
	card, err := f.open(ctx, prog)
	if err != nil {
		prog.clear()
		return c.cardFailure(err)
	}
	defer card.Close()
	prog.say(c.msg.Reading)
	var pins report.PINs
	err = card.Do(func(jc *jpki.Card) error {
		if err := requireMyNumber(jc); err != nil {
			return err
		}
		auth, err := jpki.PINTries(jc, jpki.AuthPIN)
		if err != nil {
			return err
		}
		sign, err := jpki.PINTries(jc, jpki.SignPIN)
		if err != nil {
			return err
		}
		pins = report.NewPINs(auth, sign)
		return nil
	})
	prog.clear()
	if err != nil {
		return c.explain(err), nil
	}
	code := report.ExitOK
	if pins.Auth.Locked || pins.Sign.Locked {
		code = report.ExitPIN
	}
	if asJSON {
		return code, c.writeJSON(struct {
			Card     report.CardInfo `json:"card"`
			PINs     report.PINs     `json:"pins"`
			ExitCode int             `json:"exit_code"`
		}{cardcheck.Info(card), pins, code})
	}
	c.simNote(card)
	return code, report.WritePINs(c.stdout, c.msg, c.style(), pins)
}

// pinVerify checks one PIN on the card, spending a try only with the
// resident's say-so: the tries left are shown first, the last try needs
// --force, the PIN is sent once and never retried.
func (c *cli) pinVerify(ctx context.Context, f *cardFlags, pin jpki.PIN, force, asJSON bool) (int, error) {
	card, err := f.open(ctx, newProgress(c.stderr, false))
	if err != nil {
		return c.cardFailure(err)
	}
	defer card.Close()
	if err := card.Do(requireMyNumber); err != nil {
		return c.explain(err), nil
	}
	// Closing the card clears the verified PIN (source.Card.Close).
	st, err := c.verifyWithConsent(ctx, card, pin, force, func(jc *jpki.Card, secret []byte, consent jpki.ConsentFunc) error {
		return jpki.Verify(jc, pin, secret, consent)
	})
	err = report.ForPIN(pin, err)
	if err != nil {
		if asJSON {
			d := report.Classify(err)
			c.writeJSON(verifyJSON{PIN: report.PINKey(pin), OK: false, Problem: d.Problem, TriesLeft: triesAfter(d, st), ExitCode: c.exitCode(d)})
		}
		return c.explainText(err), nil
	}
	if asJSON {
		return report.ExitOK, c.writeJSON(verifyJSON{PIN: report.PINKey(pin), OK: true, TriesLeft: pin.MaxTries(), ExitCode: report.ExitOK})
	}
	fmt.Fprintln(c.stdout, c.msg.PINCorrect(pin))
	return report.ExitOK, nil
}

// requireMyNumber makes sure the card is a My Number Card before its PINs are
// looked at (two APDUs after the applet is selected): a 住基 card or a
// smartphone answers the same PIN commands, but its counters are not the
// ones the resident asks about, so pin exits 6 as check does.
func requireMyNumber(jc *jpki.Card) error {
	t, err := jpki.Identify(jc)
	if err != nil {
		return err
	}
	if t != jpki.CardMyNumber {
		return &jpki.CardTypeError{Type: t}
	}
	return nil
}

type verifyJSON struct {
	PIN       string         `json:"pin"`
	OK        bool           `json:"ok"`
	Problem   report.Problem `json:"problem,omitempty"`
	TriesLeft int            `json:"tries_left"`
	ExitCode  int            `json:"exit_code"`
}

func triesAfter(d report.Details, before jpki.PINStatus) int {
	switch d.Problem {
	case report.PINWrong, report.PINLocked:
		return d.TriesLeft
	}
	return before.TriesLeft
}

// verifyWithConsent is the one path by which the CLI sends a PIN. It reads
// the tries left without spending one and shows them; refuses a locked PIN
// and, without force, the last try, before asking for anything; reads the
// PIN (masked on a terminal); then runs use, which sends it through
// jpki.Verify with a consent that repeats the last-try rule on the fresh
// count. It returns the counter as read before the attempt.
func (c *cli) verifyWithConsent(ctx context.Context, card *source.Card, pin jpki.PIN, force bool, use func(*jpki.Card, []byte, jpki.ConsentFunc) error) (jpki.PINStatus, error) {
	var st jpki.PINStatus
	err := card.Do(func(jc *jpki.Card) error {
		var err error
		st, err = jpki.PINTries(jc, pin)
		return err
	})
	if err != nil {
		return st, err
	}
	fmt.Fprintf(c.stderr, "%s: %s\n", c.msg.PINName(pin), c.msg.PINTries(report.NewPINReport(st)))
	switch st.State {
	case jpki.PINStateLocked:
		err := fmt.Errorf("verifying %s: %w", pin, jpki.ErrLocked)
		if pin == jpki.AuthPIN && signNotSet(card) {
			err = report.MaybeNoPIN(err)
		}
		return st, err
	case jpki.PINStateNotSet:
		return st, fmt.Errorf("verifying %s: %w", pin, jpki.ErrPINNotSet)
	case jpki.PINStateLastTry:
		if !force {
			return st, fmt.Errorf("verifying %s: %w", pin, jpki.ErrLastTry)
		}
	}
	// From here to Close, no other program may use the card: a verified
	// PIN must not be usable by anything but this command.
	if err := card.Exclusive(ctx); err != nil {
		return st, err
	}
	typed, err := c.readSecret(ctx, c.msg.PINPrompt(pin))
	if err != nil {
		return st, err
	}
	// The rules first: a PIN that cannot be right costs nothing.
	secret, err := jpki.NormalizePIN(pin, typed)
	clear(typed)
	if err != nil {
		return st, err
	}
	defer clear(secret)
	consent := func(now jpki.PINStatus) jpki.Consent {
		if force {
			return jpki.ProceedOnLastTry
		}
		return jpki.Proceed
	}
	return st, card.Do(func(jc *jpki.Card) error { return use(jc, secret, consent) })
}

// signNotSet reports a card without a signing password, which is what
// tells a locked authentication PIN from a face-authentication card's
// missing one. Two more APDUs, read only when the PIN reads locked.
func signNotSet(card *source.Card) bool {
	var st jpki.PINStatus
	err := card.Do(func(jc *jpki.Card) error {
		var err error
		st, err = jpki.PINTries(jc, jpki.SignPIN)
		return err
	})
	return err == nil && st.State == jpki.PINStateNotSet
}

// release closes the card. After a PIN was sent, closing clears its
// verified state; if even that failed, the resident must take the card
// out, and is told so in any case.
func (c *cli) release(card *source.Card) {
	if err := card.Close(); errors.Is(err, source.ErrMayStillBeVerified) {
		fmt.Fprintf(c.stderr, "%s%s\n", c.msg.ErrorPrefix, c.msg.RemoveCardNow)
	}
}

// writeJSON prints v indented, as every --json output is.
func (c *cli) writeJSON(v any) error {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// simNote labels output from the simulated card.
func (c *cli) simNote(card *source.Card) {
	if card.Simulated {
		fmt.Fprintln(c.stdout, c.msg.Simulated(card.Profile))
		fmt.Fprintln(c.stdout)
	}
}
