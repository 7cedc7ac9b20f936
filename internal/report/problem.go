package report

import (
	"context"
	"errors"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

// Problem names a failure the way a resident needs to hear about it: not
// which layer failed but what happened and what to do. The names are
// stable: the JSON error object and the kiosk page use them.
type Problem string

const (
	NoService     Problem = "no_service"     // pcscd / Smart Card service not running
	NoReader      Problem = "no_reader"      // no reader connected
	NoCard        Problem = "no_card"        // no card came within --wait
	UnknownReader Problem = "unknown_reader" // --reader matched nothing
	CardRemoved   Problem = "card_removed"   // card left while reading
	CardInUse     Problem = "card_in_use"    // another program holds it exclusively
	CardMute      Problem = "card_mute"      // inserted but does not talk (wrong way round?)
	CardTimeout   Problem = "card_timeout"   // stopped answering
	CardLink      Problem = "card_link"      // transmission failed, card still there
	NotJPKI       Problem = "not_jpki"       // no JPKI applet: not a My Number Card
	JukiCard      Problem = "juki_card"      // old 住基 card
	Smartphone    Problem = "smartphone"     // smartphone JPKI
	UnknownToken  Problem = "unknown_token"  // a JPKI token we don't know
	NoCertificate Problem = "no_certificate" // My Number Card without the certificate
	Malformed     Problem = "malformed"      // unreadable certificate data / protocol breach
	PINLocked     Problem = "pin_locked"     // tries used up
	PINWrong      Problem = "pin_wrong"      // the card refused the PIN
	PINLastTry    Problem = "pin_last_try"   // refused to spend the last try without --force
	PINDeclined   Problem = "pin_declined"   // the user said no
	PINFormat     Problem = "pin_format"     // cannot be a valid PIN; nothing sent
	PINMissing    Problem = "pin_missing"    // standard input ended before a PIN
	PINNotSet     Problem = "pin_not_set"    // the card has no such PIN (no certificate for it)
	PINBusy       Problem = "pin_verified"   // verified by another program; tries unknown, nothing sent
	Cancelled     Problem = "cancelled"      // Ctrl-C, Ctrl-D or SIGTERM
	ClockWrong    Problem = "clock_wrong"    // a certificate starts after today: the computer's date is wrong
	Usage         Problem = "usage"          // bad input on the command line (--json's error object)
	RemindersPast Problem = "reminders_past" // ics: every reminder day has passed
	Internal      Problem = "error"          // anything else
)

// ExitCode is the documented exit code for the problem.
func (p Problem) ExitCode() int {
	switch p {
	case NoService, NoReader, NoCard, UnknownReader, CardRemoved, CardInUse, CardMute, CardTimeout, CardLink:
		return ExitNoCard
	case NotJPKI, JukiCard, Smartphone, UnknownToken, NoCertificate, Malformed, PINNotSet:
		return ExitNotMyNumber
	case PINLocked, PINWrong, PINLastTry, PINDeclined, PINBusy:
		return ExitPIN
	case PINFormat, PINMissing, Usage:
		return ExitUsage
	}
	return ExitError
}

// Details are the facts a problem's message may mention.
type Details struct {
	Problem   Problem
	Token     string   // unknown_token: what the card said
	TriesLeft int      // pin_wrong, pin_last_try
	PIN       jpki.PIN // pin_*: which PIN
	Reader    string   // unknown_reader: what was asked for
	Readers   []string // unknown_reader: what exists
	// MaybeNoPIN: pin_locked on a card without a signing certificate,
	// which a face-authentication card (no PIN at all) would show too.
	MaybeNoPIN bool
	// FormatReason: pin_format, the rule the PIN as typed breaks.
	FormatReason jpki.PINFormatReason
	Err          error // the original error, for --trace and "error"
}

// ErrNoPIN: the input ended before a PIN was given. Nothing was sent.
var ErrNoPIN = errors.New("no PIN given")

// PINKey is the catalogue's and the JSON's name for a PIN: auth or sign.
func PINKey(p jpki.PIN) string {
	if p == jpki.SignPIN {
		return "sign"
	}
	return "auth"
}

// pinError says which PIN an error is about, for errors (such as
// jpki.ErrLastTry) that do not carry it themselves.
type pinError struct {
	pin jpki.PIN
	err error
}

func (e *pinError) Error() string { return e.err.Error() }
func (e *pinError) Unwrap() error { return e.err }

// maybeNoPIN marks a locked PIN on a card without a signing certificate,
// which is also how a face-authentication card (no PIN set) answers.
type maybeNoPIN struct{ err error }

func (e *maybeNoPIN) Error() string { return e.err.Error() }
func (e *maybeNoPIN) Unwrap() error { return e.err }

// MaybeNoPIN marks err (a locked PIN) as read on a card without a signing
// certificate, so the words can say what a face-authentication card shows.
func MaybeNoPIN(err error) error {
	if err == nil {
		return nil
	}
	return &maybeNoPIN{err}
}

// ForPIN marks err as being about pin, so its message can name the PIN.
func ForPIN(pin jpki.PIN, err error) error {
	if err == nil {
		return nil
	}
	return &pinError{pin, err}
}

// Classify maps an error from any layer to the problem a resident should
// hear about. Order matters: the most specific explanation wins.
func Classify(err error) Details {
	d := Details{Problem: Internal, Err: err}
	var (
		cardType *jpki.CardTypeError
		wrong    *jpki.WrongPINError
		unknown  *pcsc.UnknownReaderError
		forPIN   *pinError
		status   *jpki.StatusError
	)
	if errors.As(err, &forPIN) {
		d.PIN = forPIN.pin
	}
	var noPIN *maybeNoPIN
	d.MaybeNoPIN = errors.As(err, &noPIN)
	switch {
	case err == nil:
		d.Problem = ""
	case errors.Is(err, context.Canceled):
		// Before anything else: a cancelled wait or read is not a card
		// problem, whatever the layer that noticed it.
		d.Problem = Cancelled
	case errors.Is(err, ErrNoPIN):
		d.Problem = PINMissing
	case errors.As(err, &cardType):
		switch cardType.Type {
		case jpki.CardJuki:
			d.Problem = JukiCard
		case jpki.CardSmartphoneAndroid, jpki.CardSmartphoneIOS:
			d.Problem = Smartphone
		default:
			d.Problem, d.Token = UnknownToken, cardType.Token
		}
	case errors.As(err, &wrong):
		d.Problem, d.PIN, d.TriesLeft = PINWrong, wrong.PIN, wrong.TriesLeft
		if wrong.TriesLeft == 0 {
			d.Problem = PINLocked
		}
	case errors.Is(err, jpki.ErrPINFormat):
		d.Problem = PINFormat
		var f *jpki.PINFormatError
		if errors.As(err, &f) {
			d.PIN, d.FormatReason = f.PIN, f.Reason
		}
	case errors.Is(err, jpki.ErrPINNotSet):
		d.Problem = PINNotSet
	case errors.Is(err, jpki.ErrTriesUnknown):
		d.Problem = PINBusy
	case errors.Is(err, jpki.ErrLastTry):
		d.Problem, d.TriesLeft = PINLastTry, 1
	case errors.Is(err, jpki.ErrDeclined):
		d.Problem = PINDeclined
	case errors.Is(err, jpki.ErrLocked):
		d.Problem = PINLocked
	case errors.As(err, &unknown):
		d.Problem, d.Reader, d.Readers = UnknownReader, unknown.Want, unknown.Readers
	case errors.Is(err, pcsc.ErrNoService):
		d.Problem = NoService
	case errors.Is(err, pcsc.ErrNoReader):
		d.Problem = NoReader
	case errors.Is(err, pcsc.ErrNoCard), errors.Is(err, context.DeadlineExceeded):
		d.Problem = NoCard
	case errors.Is(err, pcsc.ErrCardRemoved), errors.Is(err, pcsc.ErrCardReset):
		d.Problem = CardRemoved
	case errors.Is(err, pcsc.ErrSharingViolation):
		d.Problem = CardInUse
	case errors.Is(err, pcsc.ErrUnresponsiveCard):
		d.Problem = CardMute
	case errors.Is(err, pcsc.ErrTimeout):
		d.Problem = CardTimeout
	case errors.Is(err, pcsc.ErrTransmission):
		d.Problem = CardLink
	case errors.Is(err, jpki.ErrNotJPKI):
		d.Problem = NotJPKI
	case errors.Is(err, jpki.ErrNoCertificate):
		d.Problem = NoCertificate
	case errors.Is(err, jpki.ErrMalformed), errors.Is(err, jpki.ErrProtocol), errors.Is(err, jpki.ErrValidityMismatch):
		d.Problem = Malformed
	case errors.As(err, &status):
		// Any other status word: the card answered, but not as a My
		// Number Card does (found by the random status-word faults).
		// "Not readable as one" tells the resident more than "error".
		d.Problem = Malformed
	}
	return d
}
