package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/certfile"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/report"
)

// exportTargets maps the command's words to the card's files.
var exportTargets = map[string]jpki.CertFile{
	"auth":    jpki.AuthCert,
	"sign":    jpki.SignCert,
	"auth-ca": jpki.AuthCA,
	"sign-ca": jpki.SignCA,
}

// runExport writes a certificate from the card to a file or stdout.
func runExport(ctx context.Context, c *cli, args []string) (int, error) {
	fs := c.flagSet("export")
	var common commonFlags
	c.addCommon(fs, &common)
	card := c.addCardFlags(fs)
	format := fs.String("format", "pem", "")
	out := c.addOutput(fs)
	rest, err := c.parseCard(fs, c.msg.HelpExport, args, card)
	if err == errHelp {
		return report.ExitOK, nil
	}
	if err != nil {
		return 0, err
	}
	if len(rest) != 1 {
		return 0, &usageError{msg: c.msg.ExportUsage(strings.Join(rest, " ")), command: "export"}
	}
	file, ok := exportTargets[rest[0]]
	if !ok {
		return 0, &usageError{msg: c.msg.ExportUsage(rest[0]), command: "export"}
	}
	f, err := certfile.ParseFormat(*format)
	if err != nil {
		return 0, &usageError{msg: c.msg.BadFormat(*format), command: "export"}
	}
	if out.path == "" && f.Binary() && c.stdoutTTY {
		return 0, &usageError{msg: c.msg.BinaryToTerminal(string(f)), command: "export"}
	}
	src, trust, err := card.openTrusted(ctx, newProgress(c.stderr, false))
	if err != nil {
		return c.cardFailure(err)
	}
	defer c.release(src)

	var cert *jpki.Certificate
	read := func(jc *jpki.Card, password []byte, consent jpki.ConsentFunc) error {
		var err error
		if file == jpki.SignCert {
			cert, err = jpki.ReadSignCertificate(jc, password, consent, jpki.WithTrust(trust))
		} else {
			cert, err = jpki.ReadCertificate(jc, file, jpki.WithTrust(trust))
		}
		return err
	}
	if file == jpki.SignCert {
		// --force here means "overwrite the file"; it never spends the last
		// password try. With one try left, pin verify sign --force is the
		// deliberate way, and a correct password resets the counter.
		_, err = c.verifyWithConsent(ctx, src, jpki.SignPIN, false, read)
		err = report.ForPIN(jpki.SignPIN, err)
	} else {
		err = src.Do(func(jc *jpki.Card) error { return read(jc, nil, nil) })
		err = whyUnreadable(src, err)
	}
	if err != nil {
		return c.explain(err), nil
	}

	// The issuing CA goes into PEM and PKCS#7 output so that certificate
	// viewers can show the chain: the CA that verified the signature, when
	// one did.
	var chain [][]byte
	if cert.Trust.CA != nil && file != jpki.AuthCA && file != jpki.SignCA {
		chain = append(chain, cert.Trust.CA.Certificate().Raw)
	}
	data, err := certfile.Encode(f, cert.DER(), chain...)
	if err != nil {
		return 0, err
	}
	if file == jpki.SignCert {
		fmt.Fprintln(c.stderr, c.msg.SignExportWarning)
	}
	if err := out.write(data, c.msg.Exported(rest[0], out.path)); err != nil {
		return 0, err
	}
	return report.ExitOK, nil
}
