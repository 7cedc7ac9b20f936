package jpki

import (
	"errors"
	"fmt"
)

// SW is a status word: SW1 in the high byte, SW2 in the low byte.
type SW uint16

// Status words this package acts on (ISO/IEC 7816-4 §5.6, and the JPKI
// facts in docs/protocol.md).
const (
	swSuccess         SW = 0x9000
	swEndOfFile       SW = 0x6282 // warning: end of file before Ne bytes
	swWrongLength     SW = 0x6700
	swSecurityStatus  SW = 0x6982
	swBlocked         SW = 0x6983
	swRefDataBlocked  SW = 0x6984 // "reference data not usable": a locked PIN, or one never set (EF 0008 tells)
	swCardMute        SW = 0x6F00 // "no precise diagnosis"; seen once as the first answer after a power-on
	swNoCurrentEF     SW = 0x6986
	swNotFound        SW = 0x6A82
	swWrongP1P2       SW = 0x6A86
	swOffset          SW = 0x6B00
	swINSNotSupported SW = 0x6D00
	swCLANotSupported SW = 0x6E00
	swTriesLeftPrefix SW = 0x63C0 // 63 Cx: x tries left; 63 C0 = blocked
)

// SW1 values handled inside Card.exchange (ISO/IEC 7816-3 §10.3.1).
const (
	swMoreData byte = 0x61 // 61 xx: xx more bytes wait for GET RESPONSE
	swWrongLe  byte = 0x6C // 6C xx: re-send with Le = xx
)

// sw1 returns the high byte.
func (sw SW) sw1() byte { return byte(sw >> 8) }

// sw2 returns the low byte.
func (sw SW) sw2() byte { return byte(sw) }

// String returns the status word as four hex digits, e.g. "6A82".
func (sw SW) String() string { return fmt.Sprintf("%04X", uint16(sw)) }

// Err returns nil for 90 00 and a *StatusError otherwise.
func (sw SW) Err() error {
	if sw == swSuccess {
		return nil
	}
	return &StatusError{SW: sw}
}

// triesLeft reports x for 63 Cx.
func (sw SW) triesLeft() (int, bool) {
	if sw&0xFFF0 != swTriesLeftPrefix {
		return 0, false
	}
	return int(sw & 0x0F), true
}

// Sentinels for status words, matched with errors.Is against a
// *StatusError.
var (
	ErrNotFound       = errors.New("file or application not found") // 6A82
	ErrSecurityStatus = errors.New("security status not satisfied") // 6982
	// ErrLocked: a PIN whose tries are used up (6983, 6984, 63 C0). Only
	// the city office can reset it.
	ErrLocked          = errors.New("PIN blocked")
	errWrongLength     = errors.New("wrong length")               // 6700
	errOffset          = errors.New("offset outside the file")    // 6B00
	errNoCurrentEF     = errors.New("no current elementary file") // 6986
	errWrongP1P2       = errors.New("incorrect parameters P1-P2") // 6A86
	errINSNotSupported = errors.New("instruction not supported")  // 6D00
	errCLANotSupported = errors.New("class not supported")        // 6E00
)

// StatusError is a status word other than 90 00. It unwraps to the
// matching sentinel, if there is one, so callers can write
// errors.Is(err, jpki.ErrNotFound).
type StatusError struct {
	SW SW
}

func (e *StatusError) Error() string {
	if s := e.Unwrap(); s != nil {
		return "card status " + e.SW.String() + ": " + s.Error()
	}
	if n, ok := e.SW.triesLeft(); ok {
		return fmt.Sprintf("card status %s: verification failed, %d tries left", e.SW, n)
	}
	return "card status " + e.SW.String()
}

// Unwrap returns the sentinel for the status word, or nil.
func (e *StatusError) Unwrap() error {
	switch e.SW {
	case swNotFound:
		return ErrNotFound
	case swSecurityStatus:
		return ErrSecurityStatus
	case swBlocked, swRefDataBlocked, swTriesLeftPrefix:
		return ErrLocked
	case swWrongLength:
		return errWrongLength
	case swOffset:
		return errOffset
	case swNoCurrentEF:
		return errNoCurrentEF
	case swWrongP1P2:
		return errWrongP1P2
	case swINSNotSupported:
		return errINSNotSupported
	case swCLANotSupported:
		return errCLANotSupported
	}
	return nil
}

// Errors of this package beyond single status words.
var (
	// ErrNotJPKI: the card has no JPKI applet (SELECT of its AID failed).
	ErrNotJPKI = errors.New("no JPKI applet")
	// ErrNotMyNumberCard: the JPKI applet belongs to something other than a
	// My Number Card; the error is a *CardTypeError naming what it is.
	ErrNotMyNumberCard = errors.New("not a My Number Card")
	// ErrNoCertificate: a My Number Card without the certificate asked for
	// (never issued, or revoked and removed).
	ErrNoCertificate = errors.New("no certificate stored")
	// ErrMalformed: certificate bytes that are not a well-formed
	// certificate, or a DER length that runs past its file. No partial
	// certificate is ever returned with it.
	ErrMalformed = errors.New("malformed certificate data")
	// errNotEnoughData: the bytes read so far do not reach the field
	// asked for.
	errNotEnoughData = errors.New("not enough data")
	// ErrValidityMismatch: the validity answered from the first chunk is
	// not the validity of the full, parsed certificate.
	ErrValidityMismatch = errors.New("early validity differs from the parsed certificate")
	// ErrProtocol: the card broke the APDU protocol (no status word,
	// endless 61 xx, a second 6C xx, more data than asked for).
	ErrProtocol = errors.New("card protocol error")
	// ErrRefused: this package's guard refused to send a command, such
	// as a VERIFY with data not built by Verify, or any command that
	// changes the card.
	ErrRefused = errors.New("command refused by jpki's guard")
	// ErrPINFormat: the PIN or password cannot be right, so nothing was
	// sent to the card. The error is a *PINFormatError naming the rule.
	ErrPINFormat = errors.New("PIN format")
	// ErrPINNotSet: the card has no such PIN to verify: the empty VERIFY
	// gave no counter and EF 0008 (or a missing EF 0001) says the card
	// holds no certificate for it, as on the cards of holders under 15 and
	// face-authentication cards. Distinct from ErrLocked.
	ErrPINNotSet = errors.New("PIN not set")
	// ErrTriesUnknown: the PIN still reads as verified after Logout, so
	// its tries left are unknown and Verify sends nothing. Unpowering the
	// card ends the verified state.
	ErrTriesUnknown = errors.New("PIN tries unknown: the card still reports it verified")
	// ErrLogout: Logout could not select another application, so a PIN
	// verified in this power session may still be verified until the
	// card is unpowered.
	ErrLogout = errors.New("logout failed: a PIN may still be verified until the card is unpowered")
	// ErrLastTry: one try is left and the consent did not say to use it.
	ErrLastTry = errors.New("only one try left")
	// ErrDeclined: the consent callback declined (or was nil).
	ErrDeclined = errors.New("PIN verification declined")
	// ErrWrongPIN: the card rejected the PIN; see *WrongPINError.
	ErrWrongPIN = errors.New("wrong PIN")
)

// CardTypeError says which kind of JPKI card this is when it is not a My
// Number Card. It matches ErrNotMyNumberCard.
type CardTypeError struct {
	Type  CardType
	Token string // the token as read, trimmed; empty if it could not be read
}

func (e *CardTypeError) Error() string {
	if e.Type == CardUnknown {
		return fmt.Sprintf("not a My Number Card: unknown JPKI token %q", e.Token)
	}
	return "not a My Number Card: " + e.Type.String()
}

// Is reports a match with ErrNotMyNumberCard.
func (e *CardTypeError) Is(target error) bool { return target == ErrNotMyNumberCard }

// WrongPINError is a PIN the card rejected. TriesLeft is what the card
// says remains; at 0 the PIN is now locked and the error also matches
// ErrLocked.
type WrongPINError struct {
	PIN       PIN
	TriesLeft int
}

func (e *WrongPINError) Error() string {
	if e.TriesLeft == 0 {
		return fmt.Sprintf("wrong %s: now locked", e.PIN)
	}
	return fmt.Sprintf("wrong %s: %d tries left", e.PIN, e.TriesLeft)
}

// Is matches ErrWrongPIN, and ErrLocked once no tries are left.
func (e *WrongPINError) Is(target error) bool {
	return target == ErrWrongPIN || (target == ErrLocked && e.TriesLeft == 0)
}
