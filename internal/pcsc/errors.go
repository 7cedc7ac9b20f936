package pcsc

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ebfe/scard"
)

// Sentinel errors. Every error from this package wraps one of them (or
// context.Canceled / context.DeadlineExceeded); test with errors.Is.
var (
	// ErrNoService: the PC/SC service (pcscd, Windows' Smart Card service)
	// is not running or stopped while in use.
	ErrNoService = errors.New("pc/sc service not available")
	// ErrNoReader: no card reader is connected.
	ErrNoReader = errors.New("no card reader")
	// ErrNoCard: the readers are there, but no card is in them.
	ErrNoCard = errors.New("no card in the reader")
	// ErrCardRemoved: the card left the reader while it was in use; the
	// command in flight has no answer (never a partial one).
	ErrCardRemoved = errors.New("card was removed")
	// ErrTransmission: a command did not get through to the card, or its
	// answer did not get back, while the card stayed in the reader (a bad
	// contact, a card moved on an NFC reader, a driver fault). The command
	// may or may not have reached the card; the reader may have reset it.
	ErrTransmission = errors.New("transmission to the card failed")
	// ErrCardReset: another program reset the card; whatever had been
	// selected or verified is gone and the sequence must start again.
	ErrCardReset = errors.New("card was reset by another program")
	// ErrSharingViolation: another program holds the card exclusively, or
	// (from Card.Exclusive) is connected to it at all.
	ErrSharingViolation = errors.New("card is in use by another program")
	// ErrTimeout: the card (or reader) did not answer within the bound. The
	// handle is abandoned and every later call on it fails the same way.
	ErrTimeout = errors.New("card did not answer in time")
	// ErrUnknownReader: no reader has the requested name.
	ErrUnknownReader = errors.New("no such reader")
	// ErrUnresponsiveCard: a card is in the reader but does not talk (mute,
	// inserted the wrong way round, unsupported).
	ErrUnresponsiveCard = errors.New("card does not respond")
	// ErrClosed: the card handle was used after Close.
	ErrClosed = errors.New("card handle closed")
	// ErrPCSC: any other PC/SC failure; the error text names the raw code.
	ErrPCSC = errors.New("pc/sc failure")
)

// opError is a failure at the PC/SC boundary: what was being done, the
// sentinel it means for callers, and the raw PC/SC code for --trace output.
type opError struct {
	Op   string // what was being done, e.g. `transmitting to "Reader 0"`
	Err  error  // one of the sentinels above
	Code uint32 // raw PC/SC return code; 0 when the failure was found here
}

func (e *opError) Error() string {
	s := e.Op + ": " + e.Err.Error()
	if e.Code != 0 {
		s += fmt.Sprintf(" (%s)", codeName(e.Code))
	}
	return s
}

func (e *opError) Unwrap() error { return e.Err }

// rawCode returns the raw PC/SC return code behind err, if there is one.
func rawCode(err error) (uint32, bool) {
	var e *opError
	if errors.As(err, &e) && e.Code != 0 {
		return e.Code, true
	}
	return 0, false
}

// UnknownReaderError says which reader was asked for and which exist, so
// the edge can list them for the user.
type UnknownReaderError struct {
	Want    string   // the requested name or substring
	Readers []string // the readers that exist
}

func (e *UnknownReaderError) Error() string {
	return fmt.Sprintf("no reader matches %q (readers: %q)", e.Want, e.Readers)
}

func (e *UnknownReaderError) Unwrap() error { return ErrUnknownReader }

// codes maps PC/SC return codes to the sentinels. Codes not listed become
// ErrPCSC.
var codes = map[scard.Error]error{
	scard.ErrNoService:      ErrNoService,
	scard.ErrServiceStopped: ErrNoService,
	// pcsc-lite returns "RPC transport error" from the one call that was
	// waiting on the daemon's socket when it went away; every later call
	// says ErrNoService (measured on pcscd 1.9.9).
	scard.ErrCommError: ErrNoService,

	scard.ErrNoReadersAvailable: ErrNoReader,
	scard.ErrReaderUnavailable:  ErrNoReader,
	scard.ErrUnknownReader:      ErrUnknownReader,

	scard.ErrNoSmartcard: ErrNoCard,
	scard.ErrRemovedCard: ErrCardRemoved,
	// A failed exchange. PC/SC gives these codes both for a card that left
	// (pcsc-lite answers the command after a removal with "not
	// transacted", and only a later one with "removed") and for a card
	// still in the reader (Windows and macOS say "not transacted" for any
	// transmission error). Card.Transmit asks the reader which it was; see
	// transmissionFailure.
	scard.ErrNotTransacted: ErrTransmission,
	scard.ErrCommDataLost:  ErrTransmission,
	scard.ErrResetCard:     ErrCardReset,

	scard.ErrSharingViolation: ErrSharingViolation,
	scard.ErrTimeout:          ErrTimeout,

	scard.ErrUnresponsiveCard: ErrUnresponsiveCard,
	scard.ErrUnpoweredCard:    ErrUnresponsiveCard,
	scard.ErrUnsupportedCard:  ErrUnresponsiveCard,
	scard.ErrProtoMismatch:    ErrUnresponsiveCard,
	scard.ErrInvalidAtr:       ErrUnresponsiveCard,
	scard.ErrCardUnsupported:  ErrUnresponsiveCard,

	scard.ErrCancelled: context.Canceled,
}

// wrap turns an error from scard into this package's *Error, with op as
// context. Errors that did not come from scard are wrapped as they are.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var se scard.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("%s: %w", op, err)
	}
	sentinel, ok := codes[se]
	if !ok {
		sentinel = ErrPCSC
	}
	if se == scard.ErrSecurityViolation && serviceGone() {
		// pcsc-lite answers the call in flight with this code while the
		// daemon is going down (measured: 1.9.9 on SIGTERM). It also means
		// "denied by polkit" on builds that use it, so it counts as a lost
		// service only when the service is indeed gone.
		sentinel = ErrNoService
	}
	return &opError{Op: op, Err: sentinel, Code: uint32(se)}
}

// transmissionFailure settles what a failed exchange means once the reader
// has been asked whether the card is still there: ErrTransmission while it
// is, ErrCardRemoved once it has left. err is a failed exchange
// (ErrTransmission); its operation and raw code are kept.
func transmissionFailure(err error, present bool) error {
	var e *opError
	if present || !errors.As(err, &e) || e.Err != ErrTransmission {
		return err
	}
	return &opError{Op: e.Op, Err: ErrCardRemoved, Code: e.Code}
}

// notReadyYet reports whether a failed connection found the card in the
// reader but not (yet) talking: pcsc-lite reports a card that did not
// answer its power-up as unpowered, Windows as unresponsive. A card still
// sliding into a contact reader, or held at the edge of an NFC field,
// answers a later power-up, so Open tries again while it may wait. The
// other codes that mean ErrUnresponsiveCard (an unsupported card, an ATR
// that cannot be used) do not change by waiting.
func notReadyYet(err error) bool {
	c, ok := rawCode(err)
	return ok && (scard.Error(c) == scard.ErrUnresponsiveCard || scard.Error(c) == scard.ErrUnpoweredCard)
}

// serviceGone probes whether the PC/SC service still accepts contexts;
// tests replace it.
var serviceGone = func() bool {
	// Let a daemon that is exiting finish doing so.
	time.Sleep(20 * time.Millisecond)
	sc, err := scard.EstablishContext()
	if err != nil {
		return true
	}
	sc.Release()
	return false
}

// contextLost reports whether err means the PC/SC context is dead and a new
// one must be established. Besides the service-loss codes: an invalid
// handle is how a context outlived by its service can look on other
// stacks, and a security violation is what pcsc-lite says while its daemon
// goes down (even if a new one is already up by the time we probe).
func contextLost(err error) bool {
	c, _ := rawCode(err)
	return errors.Is(err, ErrNoService) || scard.Error(c) == scard.ErrInvalidHandle || scard.Error(c) == scard.ErrSecurityViolation
}

// codeName names a PC/SC return code the way the headers do, with its
// value, e.g. "SCARD_E_NO_SERVICE 0x8010001D".
func codeName(code uint32) string {
	if n, ok := codeNames[scard.Error(code)]; ok {
		return fmt.Sprintf("%s 0x%08X", n, code)
	}
	return fmt.Sprintf("0x%08X", code)
}

var codeNames = map[scard.Error]string{
	scard.ErrInternalError:      "SCARD_F_INTERNAL_ERROR",
	scard.ErrCancelled:          "SCARD_E_CANCELLED",
	scard.ErrInvalidHandle:      "SCARD_E_INVALID_HANDLE",
	scard.ErrInvalidParameter:   "SCARD_E_INVALID_PARAMETER",
	scard.ErrNoMemory:           "SCARD_E_NO_MEMORY",
	scard.ErrInsufficientBuffer: "SCARD_E_INSUFFICIENT_BUFFER",
	scard.ErrUnknownReader:      "SCARD_E_UNKNOWN_READER",
	scard.ErrTimeout:            "SCARD_E_TIMEOUT",
	scard.ErrSharingViolation:   "SCARD_E_SHARING_VIOLATION",
	scard.ErrNoSmartcard:        "SCARD_E_NO_SMARTCARD",
	scard.ErrUnknownCard:        "SCARD_E_UNKNOWN_CARD",
	scard.ErrProtoMismatch:      "SCARD_E_PROTO_MISMATCH",
	scard.ErrNotReady:           "SCARD_E_NOT_READY",
	scard.ErrInvalidValue:       "SCARD_E_INVALID_VALUE",
	scard.ErrSystemCancelled:    "SCARD_E_SYSTEM_CANCELLED",
	scard.ErrCommError:          "SCARD_F_COMM_ERROR",
	scard.ErrUnknownError:       "SCARD_F_UNKNOWN_ERROR",
	scard.ErrInvalidAtr:         "SCARD_E_INVALID_ATR",
	scard.ErrNotTransacted:      "SCARD_E_NOT_TRANSACTED",
	scard.ErrCommDataLost:       "SCARD_E_COMM_DATA_LOST",
	scard.ErrReaderUnavailable:  "SCARD_E_READER_UNAVAILABLE",
	scard.ErrCardUnsupported:    "SCARD_E_CARD_UNSUPPORTED",
	scard.ErrNoService:          "SCARD_E_NO_SERVICE",
	scard.ErrServiceStopped:     "SCARD_E_SERVICE_STOPPED",
	scard.ErrNoReadersAvailable: "SCARD_E_NO_READERS_AVAILABLE",
	scard.ErrUnsupportedCard:    "SCARD_W_UNSUPPORTED_CARD",
	scard.ErrUnresponsiveCard:   "SCARD_W_UNRESPONSIVE_CARD",
	scard.ErrUnpoweredCard:      "SCARD_W_UNPOWERED_CARD",
	scard.ErrResetCard:          "SCARD_W_RESET_CARD",
	scard.ErrRemovedCard:        "SCARD_W_REMOVED_CARD",
	scard.ErrSecurityViolation:  "SCARD_W_SECURITY_VIOLATION",
}
