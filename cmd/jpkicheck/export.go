package main

import (
	"context"
	"fmt"

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

// exportFlags are the flags of export.
type exportFlags struct {
	common *commonFlags
	card   *cardFlags
	out    *outputFlags
	format string
}

func newExportFlags(c *cli, fs *flagSet) *exportFlags {
	f := &exportFlags{common: fs.common(), card: fs.card(), out: fs.output()}
	fs.StringVar(&f.format, "format", "pem", "")
	return f
}

// runExport writes a certificate from the card to a file or stdout; args
// is one of exportTargets' words (the command table checked).
func runExport(ctx context.Context, c *cli, flags *exportFlags, args []string) (int, error) {
	card, out := flags.card, flags.out
	target := args[0]
	file := exportTargets[target]
	f, err := certfile.ParseFormat(flags.format)
	if err != nil {
		return 0, &usageError{msg: c.msg.BadFormat(flags.format), command: "export"}
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
	if err := out.write(data, c.msg.Exported(target, out.path)); err != nil {
		return 0, err
	}
	return report.ExitOK, nil
}
