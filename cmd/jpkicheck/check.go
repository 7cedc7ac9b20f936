package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/jpkicheck/jpkicheck/internal/cardcheck"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
)

// checkFlags are the flags of check and demo.
type checkFlags struct {
	common       *commonFlags
	card         *cardFlags
	quick        bool
	sign         bool
	force        bool
	showPersonal bool
	cardExpiry   *dateFlag
}

func newCheckFlags(c *cli, fs *flagSet) *checkFlags {
	f := &checkFlags{common: fs.common(), card: fs.card()}
	fs.BoolVar(&f.quick, "quick", false, "")
	fs.BoolVar(&f.sign, "sign", false, "")
	fs.BoolVar(&f.force, "force", false, "")
	fs.BoolVar(&f.showPersonal, "show-personal", false, "")
	f.cardExpiry = c.dateVar(fs.FlagSet, "card-expiry")
	return f
}

// runCheck reads the card and reports: the default command.
func runCheck(ctx context.Context, c *cli, f *checkFlags, _ []string) (int, error) {
	return c.check(ctx, f)
}

// check is the no-PIN check shared by check and demo. On a terminal the
// expiry and renewal state appear as soon as the first chunk of the
// certificate arrives; the issuer check follows when the rest is read.
func (c *cli) check(ctx context.Context, f *checkFlags) (int, error) {
	prog := newProgress(c.stderr, c.stderrTTY && !f.card.trace)
	defer prog.clear()
	base, err := f.card.trust()
	if err != nil {
		return c.cardFailure(err)
	}

	today, rule, style := f.card.day(), f.card.rule(), c.style()
	text := !f.common.json
	headDone := false
	// complete adds what the resident typed about the card itself.
	complete := func(rep *report.CardReport) {
		if f.cardExpiry.isSet {
			rep.SetCardExpiry(f.cardExpiry.date, rule.Calendar)
		}
	}
	printHead := func(rep *report.CardReport) {
		prog.clear()
		complete(rep)
		lay := c.msg.Layout(rep, report.LayoutOptions{})
		if lay.Simulated != "" {
			fmt.Fprintln(c.stdout, lay.Simulated)
			fmt.Fprintln(c.stdout)
		}
		report.WriteCertHead(c.stdout, style, lay.Certs[0])
		headDone = true
	}

	var card *source.Card
	opened := false
	reading, err := cardcheck.Read(func() (*source.Card, error) {
		var err error
		if card, err = f.card.open(ctx, prog); err != nil {
			return nil, err
		}
		opened = true
		prog.say(c.msg.Reading)
		return card, nil
	}, cardcheck.Options{
		Trust: base,
		Today: today,
		Rule:  rule,
		Quick: f.quick,
		Early: func(rep *report.CardReport) {
			// A wrong clock is said once the read is done, instead of
			// an answer.
			if text && !headDone && rep.ClockWrong() == nil {
				printHead(rep)
				prog.say(c.msg.Reading)
			}
		},
	})
	prog.clear()
	if err != nil {
		if !opened {
			return c.cardFailure(err)
		}
		if headDone {
			fmt.Fprintln(c.stdout)
		}
		return c.explain(err), nil
	}
	defer c.release(card)
	rep, trust := reading.Report, reading.Trust
	complete(rep)
	if wrong := rep.ClockWrong(); wrong != nil {
		return c.clockWrong(wrong, rep.Today), nil
	}
	if text {
		if !headDone {
			printHead(rep)
		}
		report.WriteCertTail(c.stdout, style, c.msg.Layout(rep, report.LayoutOptions{}).Certs[0])
	}

	var signErr error
	var personal *jpki.PersonalData
	// A card without a signing certificate has nothing to ask a password
	// for: the PIN section says so.
	if f.sign && !rep.PINs.Sign.NotSet() {
		personal, signErr = c.readSign(ctx, card, f, trust, rep)
		if signErr == nil && text && rep.Certificates.Sign != nil {
			lay := c.msg.Layout(rep, report.LayoutOptions{})
			sign := lay.Certs[len(lay.Certs)-1]
			fmt.Fprintln(c.stdout)
			report.WriteCertHead(c.stdout, style, sign)
			report.WriteCertTail(c.stdout, style, sign)
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
			d := report.Classify(signErr)
			out.SignError, out.ExitCode = d.Problem, report.CombineExit(out.ExitCode, c.exitCode(d))
		}
		if err := c.writeJSON(out); err != nil {
			return 0, err
		}
		return out.ExitCode, nil
	}
	fmt.Fprintln(c.stdout)
	report.WriteClosing(c.stdout, style, c.msg.Layout(rep, report.LayoutOptions{}))
	if signErr != nil {
		code := c.explain(signErr)
		if code == exitInterrupted {
			return code, nil
		}
		return report.CombineExit(rep.ExitCode, code), nil
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
		rep.SetPIN(jpki.PINStatus{PIN: jpki.SignPIN, State: jpki.PINStateNotSet})
		return nil, nil
	}
	if err != nil {
		err = report.ForPIN(jpki.SignPIN, err)
		// The counter shown below must be the card's, not the one read
		// before a wrong password spent a try.
		if d := report.Classify(err); d.Problem == report.PINWrong || d.Problem == report.PINLocked {
			rep.SetPIN(jpki.PINStatus{PIN: jpki.SignPIN, TriesLeft: d.TriesLeft, Locked: d.TriesLeft == 0})
		}
		return nil, err
	}
	rep.SetSign(cert, f.card.rule())
	// A correct password resets the card's counter.
	rep.SetPIN(jpki.PINStatus{PIN: jpki.SignPIN, TriesLeft: jpki.SignPIN.MaxTries()})
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
// listing the other profiles to try and the simulated card's PIN and
// password. It exits 0 in both formats whatever the profile shows: the
// demo worked (the JSON's exit_code still says what check would exit).
// Usage errors still exit 2, and Ctrl-C 130.
func runDemo(ctx context.Context, c *cli, f *checkFlags, _ []string) (int, error) {
	if f.card.sim.profile == "" {
		f.card.sim.profile = "window-open"
	}
	code, err := c.check(ctx, f)
	if err != nil || code == report.ExitUsage || code == exitInterrupted {
		return code, err
	}
	if !f.common.json {
		fmt.Fprintln(c.stdout)
		fmt.Fprintln(c.stdout, c.msg.DemoMore(profileNames()))
		fmt.Fprintln(c.stdout, c.msg.DemoSecrets(simAuthPIN, simSignPassword))
	}
	return report.ExitOK, nil
}

// The simulated card's PIN and password, as the simulator sets them by
// default (a test checks that they are accepted).
const (
	simAuthPIN      = "1234"
	simSignPassword = "ABC123"
)
