package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
)

// checkFlags are check's own flags on top of the card flags.
type checkFlags struct {
	common commonFlags
	card   *cardFlags
	quick  bool
}

func (c *cli) checkFlagSet(name string) (*flag.FlagSet, *checkFlags) {
	fs := c.flagSet(name)
	f := &checkFlags{}
	c.addCommon(fs, &f.common)
	f.card = c.addCardFlags(fs)
	fs.BoolVar(&f.quick, "quick", false, "")
	return fs, f
}

// runCheck reads the card and reports: the default command.
func runCheck(ctx context.Context, c *cli, args []string) (int, error) {
	fs, f := c.checkFlagSet("check")
	rest, err := c.parse(fs, c.msg.HelpCheck, args)
	if err == errHelp {
		return report.ExitOK, nil
	}
	if err != nil {
		return 0, err
	}
	rest = f.card.takeProfile(rest)
	if len(rest) > 0 {
		return 0, &usageError{msg: c.msg.UnexpectedArgs(strings.Join(rest, " ")), command: "check", hint: true}
	}
	return c.check(ctx, f)
}

// check is the no-PIN check shared by check and demo. On a terminal the
// expiry and renewal state appear as soon as the first chunk of the
// certificate arrives; the issuer check follows when the rest is read.
func (c *cli) check(ctx context.Context, f *checkFlags) (int, error) {
	trust, err := f.card.trust()
	if err != nil {
		return 0, err
	}
	prog := newProgress(c.stderr, c.stderrTTY && !f.card.trace)
	defer prog.clear()

	card, err := f.card.open(ctx, prog)
	if err != nil {
		prog.clear()
		return c.explain(err), nil
	}
	defer card.Close()
	if pem := card.SimCAPEM(); pem != nil {
		if _, err := trust.AddPEM(pem); err != nil {
			return 0, fmt.Errorf("trusting the simulated card's test CA: %w", err)
		}
	}

	today, rule, style := f.card.day(), f.card.rule(), c.style()
	text := !f.common.json
	headDone := false
	printHead := func(r *report.CertReport) {
		prog.clear()
		if card.Simulated {
			fmt.Fprintln(c.stdout, c.msg.Simulated(card.Profile))
			fmt.Fprintln(c.stdout)
		}
		report.WriteCertHead(c.stdout, c.msg, style, r)
		headDone = true
	}

	prog.say(c.msg.Reading)
	var res *jpki.Result
	err = card.Do(func(jc *jpki.Card) error {
		var err error
		res, err = jpki.Check(jc, jpki.CheckOptions{
			Trust: trust,
			Quick: f.quick,
			OnValidity: func(v jpki.Validity) {
				if text && !headDone {
					printHead(report.EarlyCertReport("auth", v, today, rule))
					prog.say(c.msg.Reading)
				}
			},
		})
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
	if !text {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return 0, err
		}
		return rep.ExitCode, nil
	}
	if !headDone {
		printHead(rep.Certificates.Auth)
	}
	report.WriteCertTail(c.stdout, c.msg, style, rep.Certificates.Auth)
	fmt.Fprintln(c.stdout)
	report.WritePINs(c.stdout, c.msg, style, rep.PINs)
	if rep.NeedsOffice() {
		fmt.Fprintln(c.stdout)
		report.WriteBring(c.stdout, c.msg, c.msg.DefaultBring())
	}
	return rep.ExitCode, nil
}

// runDemo runs the whole check on the built-in simulated card, in a
// renewal window so that every part of the report shows, and ends by
// listing the other profiles to try. It exits 0: the demo worked.
func runDemo(ctx context.Context, c *cli, args []string) (int, error) {
	fs, f := c.checkFlagSet("demo")
	rest, err := c.parse(fs, c.msg.HelpDemo, args)
	if err == errHelp {
		return report.ExitOK, nil
	}
	if err != nil {
		return 0, err
	}
	rest = f.card.takeProfile(rest)
	if len(rest) > 0 {
		return 0, &usageError{msg: c.msg.UnexpectedArgs(strings.Join(rest, " ")), command: "demo", hint: true}
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
