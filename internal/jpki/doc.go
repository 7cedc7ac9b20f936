// Package jpki reads the JPKI applet of a Japanese My Number Card: its
// certificates, when they expire, whether they are genuine, and how many
// PIN tries remain, without ever spending a try unasked.
//
// Everything goes through a Card, a session over a one-method Transmitter
// (a PC/SC card handle or the simulated card):
//
//	card := jpki.NewCard(tx, jpki.WithTrace(logAPDU))
//	res, err := jpki.Check(card,
//		jpki.WithTrust(trust), // absent or nil: the built-in J-LIS CAs
//		jpki.WithEarlyValidity(showProvisionalExpiry))
//
// Check costs, on a normal card: SELECT AP, SELECT 000A, ⌈L/256⌉ READ
// BINARY for an L-byte certificate, then SELECT 0018 and SELECT 001B each
// followed by an empty VERIFY, which reads a counter and spends nothing.
// Only when a counter is missing does it read EF 0008, the card's list of
// the certificates it holds (two APDUs, once).
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
// extended READ BINARY are handled inside the Card, and so are readers
// that fail long answers: after a transport error the file is selected
// again, and a failed read is retried at Le 236, then 128. The first
// APDU of a session answered 6F 00 is sent once more.
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
// PINTries reads a counter without spending a try, and says in a
// PINState whether the PIN is ok, on its last try, locked, not set (the
// card holds no certificate for it: holders under 15, face-authentication
// cards) or verified earlier in this power session. NormalizePIN checks a
// PIN as typed. Verify is the only way to send a PIN: it checks the format
// before any APDU, shows the tries to a consent callback, refuses the last
// try without ProceedOnLastTry, and never retries.
//
// A verified PIN stays verified until the card is unpowered: selecting
// the JPKI applet again does not end it. Logout selects another
// application, which does; callers still unpower the card afterwards.
// The Card refuses any VERIFY with data that Verify did not build, and
// every command that writes to the card.
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
// and sex, and every certificate a serial number that identifies the
// holder to services. No exported field holds them: only
// Certificate.Personal parses the personal data, the serial number is
// never kept, fmt and JSON never show either, and traces withhold the bytes read
// from its file. The raw DER (Certificate.DER, Certificate.X509) still
// contains them; the accessors say so.
//
// # Errors
//
// Status words are *StatusError values; the ones callers act on match
// sentinels (ErrNotFound, ErrSecurityStatus, ErrLocked) with errors.Is. Package-level
// outcomes have their own: ErrNotJPKI, *CardTypeError (ErrNotMyNumberCard),
// ErrNoCertificate, ErrMalformed, *PINFormatError (ErrPINFormat),
// ErrLastTry, ErrDeclined, *WrongPINError (ErrWrongPIN), ErrLocked,
// ErrPINNotSet, ErrTriesUnknown, ErrLogout. Transmitter errors pass through
// wrapped. Nothing here prints, localises or exits.
package jpki
