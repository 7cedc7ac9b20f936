// Package jpki reads the JPKI applet of a Japanese My Number Card: its
// certificates, when they expire, whether they are genuine, and how many
// PIN tries remain, without ever spending a try unasked.
//
// Everything goes through a Card, a session over a one-method Transmitter
// (a PC/SC card handle or the simulated card):
//
//	card := jpki.NewCard(tx, jpki.WithTrace(logAPDU))
//	res, err := jpki.Check(card, jpki.CheckOptions{
//		Trust:      trust, // nil: the built-in J-LIS CAs
//		OnValidity: showProvisionalExpiry,
//	})
//
// Check costs, on a normal card: SELECT AP, SELECT 000A, ⌈L/256⌉ READ
// BINARY for an L-byte certificate, then SELECT 0018 and SELECT 001B each
// followed by an empty VERIFY, which reads a counter and spends nothing.
//
// # Reading certificates
//
// ReadCertificate reads AuthCert, AuthCA, SignCA (and SignCert once the
// signing password is verified; ReadSignCertificate does both). It reads a
// full chunk first, takes the DER length from it, and then only the rest:
// never the file's padding, never a byte twice. The validity sits in the
// first chunk, so WithEarlyValidity can answer before the rest arrives, and
// ValidityOnly stops there. Cards that serve smaller chunks (6C xx or
// 67 00), T=0 style 61 xx responses and, with WithExtendedRead, one
// extended READ BINARY are handled inside the Card.
//
// # Trust
//
// A certificate's signature is checked against the recognised CAs: the
// J-LIS CAs built in (the two generations share one name, so each is
// tried) and any the user adds to a TrustStore. When none verifies, the
// card's own CA file decides, reported as TrustCardCA: J-LIS has CA
// generations no public list names, so this is information, never a
// verdict of "fake".
//
// # PINs
//
// PINTries reads a counter without spending a try. Verify is the only way
// to send a PIN: it checks the format before any APDU, shows the tries to
// a consent callback, refuses the last try without ProceedOnLastTry, and
// never retries; Logout clears a verified PIN again. The Card refuses any
// VERIFY with data that Verify did not build, and every command that
// writes to the card.
//
// # Card types
//
// The applet's token says what the card is. Check reads it only when the
// answer depends on it (no certificate, a refused one, an unknown CA);
// Identify reads it always (SELECT AP, SELECT 0006, READ BINARY).
//
// # Personal data
//
// The signing certificate carries the holder's name, address, birth date
// and sex. No exported field holds them: only Certificate.Personal parses
// them, fmt and JSON never show them, and traces withhold the bytes read
// from its file. The raw DER (Certificate.DER, Certificate.X509) still
// contains them; the accessors say so.
//
// # Errors
//
// Status words are *StatusError values that match sentinels (ErrNotFound,
// ErrSecurityStatus, ErrBlocked, ...) with errors.Is. Package-level
// outcomes have their own: ErrNotJPKI, *CardTypeError (ErrNotMyNumberCard),
// ErrNoCertificate, ErrMalformed, ErrPINFormat, ErrLastTry, ErrDeclined,
// *WrongPINError (ErrWrongPIN), ErrLocked. Transmitter errors pass through
// wrapped. Nothing here prints, localises or exits.
package jpki
