package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
)

// checkFlags are check's own flags on top of the card flags.
type checkFlags struct {
	common       commonFlags
	card         *cardFlags
	quick        bool
	sign         bool
	force        bool
	showPersonal bool
}

func (c *cli) checkFlagSet(name string) (*flag.FlagSet, *checkFlags) {
	fs := c.flagSet(name)
	f := &checkFlags{}
	c.addCommon(fs, &f.common)
	f.card = c.addCardFlags(fs)
	fs.BoolVar(&f.quick, "quick", false, "")
	fs.BoolVar(&f.sign, "sign", false, "")
	fs.BoolVar(&f.force, "force", false, "")
	fs.BoolVar(&f.showPersonal, "show-personal", false, "")
	return fs, f
}

// runCheck reads the card and reports: the default command.
func runCheck(ctx context.Context, c *cli, args []string) (int, error) {
	fs, f := c.checkFlagSet("check")
	rest, err := c.parseCard(fs, c.msg.HelpCheck, args, f.card)
	if err == errHelp {
		return report.ExitOK, nil
	}
	if err == nil {
		err = c.noArgs("check", rest)
	}
	if err != nil {
		return 0, err
	}
	return c.check(ctx, f)
}

// check is the no-PIN check shared by check and demo. On a terminal the
// expiry and renewal state appear as soon as the first chunk of the
// certificate arrives; the issuer check follows when the rest is read.
func (c *cli) check(ctx context.Context, f *checkFlags) (int, error) {
	prog := newProgress(c.stderr, c.stderrTTY && !f.card.trace)
	defer prog.clear()
	card, trust, err := f.card.openTrusted(ctx, prog)
	if err != nil {
		prog.clear()
		return c.cardFailure(err)
	}
	defer c.release(card)

	today, rule, style := f.card.day(), f.card.rule(), c.style()
	text := !f.common.json
	headDone := false
	printHead := func(r *report.CertReport) {
		prog.clear()
		c.simNote(card)
		report.WriteCertHead(c.stdout, c.msg, style, r)
		headDone = true
	}

	prog.say(c.msg.Reading)
	var res *jpki.Result
	err = card.Do(func(jc *jpki.Card) error {
		var err error
		opts := []jpki.ReadOption{jpki.WithTrust(trust), jpki.WithEarlyValidity(func(v jpki.Validity) {
			if text && !headDone {
				printHead(report.EarlyCertReport("auth", v, today, rule))
				prog.say(c.msg.Reading)
			}
		})}
		if f.quick {
			opts = append(opts, jpki.ValidityOnly())
		}
		res, err = jpki.Check(jc, opts...)
		return err
	})
	prog.clear()
	if err != nil {
		if headDone {
			fmt.Fprintln(c.stdout)
		}
		return c.explain(err), nil
	}

	rep := report.FromCheck(res, cardInfo(card), today, rule)
	if text {
		if !headDone {
			printHead(rep.Certificates.Auth)
		}
		report.WriteCertTail(c.stdout, c.msg, style, rep.Certificates.Auth)
	}

	var signErr error
	var personal *jpki.PersonalData
	// A card without a signing certificate has nothing to ask a password
	// for: the PIN section says so.
	if f.sign && !rep.PINs.Sign.NotSet() {
		personal, signErr = c.readSign(ctx, card, f, trust, rep)
		if signErr == nil && text && rep.Certificates.Sign != nil {
			fmt.Fprintln(c.stdout)
			report.WriteCertHead(c.stdout, c.msg, style, rep.Certificates.Sign)
			report.WriteCertTail(c.stdout, c.msg, style, rep.Certificates.Sign)
			if personal != nil {
				fmt.Fprintln(c.stdout)
				report.WritePersonal(c.stdout, c.msg, *personal)
			}
		}
	}

	if !text {
		out := struct {
			*report.CardReport
			Personal  *jpki.PersonalData `json:"personal,omitempty"`
			SignError report.Problem     `json:"sign_error,omitempty"`
		}{CardReport: rep, Personal: personal}
		if signErr != nil {
			p := report.Classify(signErr).Problem
			out.SignError, out.ExitCode = p, max(out.ExitCode, p.ExitCode())
		}
		if err := c.writeJSON(out); err != nil {
			return 0, err
		}
		return out.ExitCode, nil
	}
	fmt.Fprintln(c.stdout)
	report.WritePINs(c.stdout, c.msg, style, rep.PINs)
	if rep.NeedsOffice() {
		fmt.Fprintln(c.stdout)
		report.WriteBring(c.stdout, c.msg, c.msg.DefaultBring())
	}
	if signErr != nil {
		return c.explain(signErr), nil
	}
	return rep.ExitCode, nil
}

// readSign reads the signing certificate for --sign: the tries left are
// shown, the password asked for (never on the last try without --force),
// the certificate read and added to rep. The holder's personal data is
// parsed only for --show-personal.
func (c *cli) readSign(ctx context.Context, card *source.Card, f *checkFlags, trust *jpki.TrustStore, rep *report.CardReport) (*jpki.PersonalData, error) {
	var cert *jpki.Certificate
	_, err := c.verifyWithConsent(ctx, card, jpki.SignPIN, f.force, func(jc *jpki.Card, secret []byte, consent jpki.ConsentFunc) error {
		var err error
		cert, err = jpki.ReadSignCertificate(jc, secret, consent, jpki.WithTrust(trust))
		return err
	})
	if errors.Is(err, jpki.ErrPINNotSet) || errors.Is(err, jpki.ErrNoCertificate) {
		// A card without a signing certificate (a holder under 15, a
		// face-authentication card): an answer, not a failure. The check
		// stands on the authentication certificate alone.
		rep.PINs.Sign = report.NewPINReport(jpki.PINStatus{PIN: jpki.SignPIN, State: jpki.PINStateNotSet})
		rep.Finish()
		return nil, nil
	}
	if err != nil {
		err = report.ForPIN(jpki.SignPIN, err)
		// The counter shown below must be the card's, not the one read
		// before a wrong password spent a try.
		if d := report.Classify(err); d.Problem == report.PINWrong || d.Problem == report.PINLocked {
			rep.PINs.Sign = report.NewPINReport(jpki.PINStatus{PIN: jpki.SignPIN, TriesLeft: d.TriesLeft, Locked: d.TriesLeft == 0})
			rep.Finish()
		}
		return nil, err
	}
	rep.SetSign(cert, f.card.rule())
	// A correct password resets the card's counter.
	rep.PINs.Sign = report.NewPINReport(jpki.PINStatus{PIN: jpki.SignPIN, TriesLeft: report.MaxTries(jpki.SignPIN)})
	rep.Finish()
	if !f.showPersonal {
		return nil, nil
	}
	p, err := cert.Personal()
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// runDemo runs the whole check on the built-in simulated card, in a
// renewal window so that every part of the report shows, and ends by
// listing the other profiles to try. It exits 0: the demo worked.
func runDemo(ctx context.Context, c *cli, args []string) (int, error) {
	fs, f := c.checkFlagSet("demo")
	rest, err := c.parseCard(fs, c.msg.HelpDemo, args, f.card)
	if err == errHelp {
		return report.ExitOK, nil
	}
	if err == nil {
		err = c.noArgs("demo", rest)
	}
	if err != nil {
		return 0, err
	}
	if f.card.sim.profile == "" {
		f.card.sim.profile = "window-open"
	}
	code, err := c.check(ctx, f)
	if err != nil || f.common.json {
		return code, err
	}
	fmt.Fprintln(c.stdout)
	fmt.Fprintln(c.stdout, c.msg.DemoMore(profileNames()))
	return report.ExitOK, nil
}
