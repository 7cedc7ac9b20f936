package jpki

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// PIN names one of the two JPKI secrets.
type PIN int

const (
	// AuthPIN is the 4-digit authentication PIN (3 tries).
	AuthPIN PIN = iota + 1
	// SignPIN is the signing password: 6–16 characters A–Z and 0–9 with
	// at least one of each, entered in any case (5 tries).
	SignPIN
)

func (p PIN) ef() uint16 {
	switch p {
	case AuthPIN:
		return efAuthPIN
	case SignPIN:
		return efSignPIN
	}
	return 0
}

func (p PIN) String() string {
	switch p {
	case AuthPIN:
		return "authentication PIN"
	case SignPIN:
		return "signing password"
	}
	return fmt.Sprintf("PIN(%d)", int(p))
}

// MaxTries is the PIN's full counter, what a correct PIN resets it to
// (docs/protocol.md, "PINs and passwords"); 0 for an unknown PIN.
func (p PIN) MaxTries() int {
	switch p {
	case AuthPIN:
		return 3
	case SignPIN:
		return 5
	}
	return 0
}

// MarshalText gives the names the CLI uses: auth, sign.
func (p PIN) MarshalText() ([]byte, error) {
	switch p {
	case AuthPIN:
		return []byte("auth"), nil
	case SignPIN:
		return []byte("sign"), nil
	case 0:
		return []byte{}, nil
	}
	return nil, fmt.Errorf("unknown PIN %d", int(p))
}

// PINState is what a PIN's counter says, in one word.
type PINState int

const (
	// PINStateUnknown: not read (the zero value).
	PINStateUnknown PINState = iota
	// PINStateOK: two or more tries left.
	PINStateOK
	// PINStateLastTry: exactly one try left; a wrong PIN now locks it.
	PINStateLastTry
	// PINStateLocked: no tries left. Only the city office can reset it.
	PINStateLocked
	// PINStateNotSet: the card holds no certificate for this PIN, so there
	// is nothing to verify (holders under 15, face-authentication cards).
	PINStateNotSet
	// PINStateVerified: verified earlier in this power session; the card
	// reports no counter until it is unpowered or another application is
	// selected.
	PINStateVerified
)

var pinStateNames = map[PINState]string{
	PINStateUnknown:  "unknown",
	PINStateOK:       "ok",
	PINStateLastTry:  "last_try",
	PINStateLocked:   "locked",
	PINStateNotSet:   "not_set",
	PINStateVerified: "verified",
}

// String returns the JSON name: ok, last_try, locked, not_set, verified
// (unknown for the zero value).
func (s PINState) String() string {
	if n, ok := pinStateNames[s]; ok {
		return n
	}
	return fmt.Sprintf("PINState(%d)", int(s))
}

// MarshalText gives the String form.
func (s PINState) MarshalText() ([]byte, error) {
	if _, ok := pinStateNames[s]; !ok {
		return nil, fmt.Errorf("unknown PINState %d", int(s))
	}
	return []byte(s.String()), nil
}

// PINStatus is what the card says about a PIN's counter.
type PINStatus struct {
	PIN PIN
	// State sums it up. TriesLeft counts only for ok and last_try.
	State     PINState
	TriesLeft int  // 0 unless State is ok or last_try
	Locked    bool // State is locked
	// Err is set only in a Check result, when the card gave no usable
	// answer for this PIN; the other fields are then meaningless.
	Err error
}

// counterStatus is the status for an answer of 63 Cx, x tries left.
func counterStatus(pin PIN, n int) PINStatus {
	switch {
	case n == 0:
		return PINStatus{PIN: pin, State: PINStateLocked, Locked: true}
	case n == 1:
		return PINStatus{PIN: pin, State: PINStateLastTry, TriesLeft: 1}
	}
	return PINStatus{PIN: pin, State: PINStateOK, TriesLeft: n}
}

// PINTries asks the card how many tries the PIN has left without spending
// one: SELECT the PIN's EF, then VERIFY with no data (63 Cx = x tries).
// Every state is an answer, not an error: locked, not set, and verified
// (90 00: verified earlier in this power session, tries unknown). When the
// answer is not 63 Cx, EF 0008 (read once per Card) decides whether the
// card holds a certificate for the PIN at all: without one the PIN is
// not_set, never locked; when EF 0008 cannot be read, 69 83 / 69 84 read
// as locked. Any other answer is an error; nothing is ever retried with
// data.
func PINTries(card *Card, pin PIN) (PINStatus, error) {
	st, err := card.pinTries(pin)
	if err != nil {
		return PINStatus{}, fmt.Errorf("reading tries of %s: %w", pin, err)
	}
	return st, nil
}

func (c *Card) pinTries(pin PIN) (PINStatus, error) {
	if pin.ef() == 0 {
		return PINStatus{}, fmt.Errorf("unknown PIN %d", int(pin))
	}
	if err := c.selectApplet(); err != nil {
		return PINStatus{}, err
	}
	if err := c.selectEF(pin.ef()); err != nil {
		return PINStatus{}, err
	}
	// Case 1: no Lc, no data, no Le. ISO 7816-4 §11.5.6: "If no data
	// field is present, the command may be used to retrieve the number of
	// further allowed retries"; OpenSC, myna and jpki-rs rely on it.
	resp, err := c.exchange(command{INS: insVerify, P2: 0x80})
	if err != nil {
		return PINStatus{}, err
	}
	if n, ok := resp.SW.triesLeft(); ok {
		return counterStatus(pin, n), nil
	}
	// No counter. A PIN never set and a locked one can give the same
	// answer (docs/protocol.md, "Status words"): the card's own list of
	// certificates tells them apart. It costs two APDUs, on such cards only.
	if _, err := c.certHoldings(); err != nil {
		return PINStatus{}, err
	}
	if c.certAbsent(pin) {
		return PINStatus{PIN: pin, State: PINStateNotSet}, nil
	}
	switch resp.SW {
	case swSuccess:
		return PINStatus{PIN: pin, State: PINStateVerified}, nil
	case swBlocked, swRefDataBlocked:
		return PINStatus{PIN: pin, State: PINStateLocked, Locked: true}, nil
	}
	return PINStatus{}, fmt.Errorf("empty VERIFY answered %w, not 63 Cx", &StatusError{SW: resp.SW})
}

// Consent is the answer of a ConsentFunc.
type Consent int

const (
	// Decline: don't send the PIN. The zero value, so a forgotten answer
	// spends nothing.
	Decline Consent = iota
	// Proceed: send the PIN, unless only one try is left.
	Proceed
	// ProceedOnLastTry: send the PIN even if a wrong one locks it.
	ProceedOnLastTry
)

// ConsentFunc decides, knowing the tries left, whether Verify may send
// the PIN. It is where a caller shows the tries and asks the resident.
type ConsentFunc func(PINStatus) Consent

// Verify checks a PIN on the card. It is the only code that sends a
// VERIFY with a PIN, and it spends a try only with the caller's consent:
//
//   - the format is checked first (NormalizePIN); a PIN that cannot be
//     right fails with a *PINFormatError (ErrPINFormat) before any APDU;
//   - the tries left are read without spending one (as PINTries). A PIN
//     the card does not have fails with ErrPINNotSet, a locked one with
//     ErrLocked. A PIN already verified in this power session has no
//     counter to show: Verify logs out (Logout), selects the applet and
//     reads again, and if the card still says verified it fails with
//     ErrTriesUnknown rather than spend a try nobody can count;
//   - consent is called with them; Decline (or a nil consent) fails with
//     ErrDeclined, and with one try left anything but ProceedOnLastTry
//     fails with ErrLastTry;
//   - the PIN is sent once, never retried. A wrong PIN returns a
//     *WrongPINError with the tries now left (it matches ErrWrongPIN,
//     and ErrLocked when none are left).
//
// secret is not modified; Verify's own copies are zeroed when it returns.
// A verified PIN stays verified until the card is unpowered or another
// application is selected (Logout); a caller that only checks the PIN
// should Logout and then unpower the card.
func Verify(card *Card, pin PIN, secret []byte, consent ConsentFunc) error {
	if err := verify(card, pin, secret, consent); err != nil {
		return fmt.Errorf("verifying %s: %w", pin, err)
	}
	return nil
}

func verify(card *Card, pin PIN, secret []byte, consent ConsentFunc) error {
	value, err := NormalizePIN(pin, secret)
	if err != nil {
		return err
	}
	defer clear(value)
	if consent == nil {
		return fmt.Errorf("%w: no consent function", ErrDeclined)
	}
	st, err := card.pinTries(pin)
	if err != nil {
		return err
	}
	if st.State == PINStateVerified {
		// Someone verified it in this power session. Leave the applet,
		// which ends that, and read the counter again.
		if err := Logout(card); err != nil {
			return err
		}
		if st, err = card.pinTries(pin); err != nil {
			return err
		}
		if st.State == PINStateVerified {
			return ErrTriesUnknown
		}
	}
	switch st.State {
	case PINStateNotSet:
		return ErrPINNotSet
	case PINStateLocked:
		return ErrLocked
	}
	switch consent(st) {
	case Proceed:
		if st.TriesLeft <= 1 {
			return ErrLastTry
		}
	case ProceedOnLastTry:
	default:
		return ErrDeclined
	}
	// The consent callback may have used the card meanwhile; VERIFY acts
	// on the current EF, so make sure it is the PIN's.
	if !card.appletSelected || !card.efKnown || card.ef != pin.ef() {
		if err := card.selectApplet(); err != nil {
			return err
		}
		if err := card.selectEF(pin.ef()); err != nil {
			return err
		}
	}
	cmd := newVerifyCommand(value)
	resp, err := card.exchange(cmd)
	clear(cmd.Data)
	if err != nil {
		return err
	}
	if resp.SW == swSuccess {
		return nil
	}
	if n, ok := resp.SW.triesLeft(); ok {
		return &WrongPINError{PIN: pin, TriesLeft: n}
	}
	if resp.SW == swBlocked || resp.SW == swRefDataBlocked {
		return fmt.Errorf("%w (%w)", ErrLocked, resp.SW.Err())
	}
	return resp.SW.Err()
}

// newVerifyCommand builds the VERIFY that carries a PIN. Only Verify may
// call it (TestOnlyVerifyBuildsVerifyWithData checks the whole module);
// the grant lets the card's guard tell it from any other.
func newVerifyCommand(value []byte) command {
	return command{INS: insVerify, P1: 0x00, P2: 0x80, Data: value, grant: &verifyGrant{}}
}

// PINFormatReason names the rule a PIN as typed breaks.
type PINFormatReason int

const (
	// PINFormatLength: the authentication PIN is exactly 4 digits; the
	// signing password is 6 to 16 characters.
	PINFormatLength PINFormatReason = iota + 1
	// PINFormatCharset: a character outside the rule: the authentication
	// PIN has digits only, the signing password letters A–Z and digits
	// (full-width ones count as their half-width forms).
	PINFormatCharset
	// PINFormatNeedsLetterAndDigit: the signing password mixes letters
	// and digits: at least one of each.
	PINFormatNeedsLetterAndDigit
	// PINFormatUnknownPIN: not AuthPIN or SignPIN.
	PINFormatUnknownPIN
)

var pinFormatReasonNames = map[PINFormatReason]string{
	PINFormatLength:              "length",
	PINFormatCharset:             "charset",
	PINFormatNeedsLetterAndDigit: "needs_letter_and_digit",
	PINFormatUnknownPIN:          "unknown_pin",
}

// String returns length, charset, needs_letter_and_digit or unknown_pin.
func (r PINFormatReason) String() string {
	if n, ok := pinFormatReasonNames[r]; ok {
		return n
	}
	return fmt.Sprintf("PINFormatReason(%d)", int(r))
}

// MarshalText gives the String form.
func (r PINFormatReason) MarshalText() ([]byte, error) {
	if _, ok := pinFormatReasonNames[r]; !ok {
		return nil, fmt.Errorf("unknown PINFormatReason %d", int(r))
	}
	return []byte(r.String()), nil
}

// PINFormatError is a PIN as typed that cannot be right. It names the rule
// broken, never the PIN or its length, and matches ErrPINFormat.
type PINFormatError struct {
	PIN    PIN
	Reason PINFormatReason
}

func (e *PINFormatError) Error() string {
	var rule string
	switch {
	case e.Reason == PINFormatUnknownPIN:
		return fmt.Sprintf("%s: unknown PIN %d", ErrPINFormat, int(e.PIN))
	case e.PIN == AuthPIN:
		rule = "the authentication PIN is exactly 4 digits"
	case e.Reason == PINFormatLength:
		rule = "the signing password is 6 to 16 characters"
	case e.Reason == PINFormatCharset:
		rule = "the signing password has only letters A-Z and digits 0-9"
	default:
		rule = "the signing password has at least one letter and one digit"
	}
	return fmt.Sprintf("%s: %s", ErrPINFormat, rule)
}

// Is matches ErrPINFormat.
func (e *PINFormatError) Is(target error) bool { return target == ErrPINFormat }

// Lengths of the two secrets (docs/protocol.md, "Files inside the JPKI AP").
const (
	authPINLen    = 4
	signPINMinLen = 6
	signPINMaxLen = 16
)

// NormalizePIN checks a PIN as typed and returns the bytes the card
// expects, in a new slice the caller should clear after use. Nothing is
// sent anywhere. The authentication PIN is exactly 4 digits. The signing
// password is 6 to 16 letters A–Z and digits with at least one of each;
// lower case is upper-cased. In both, the full-width digits and letters
// an IME types (U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A) count as their
// half-width forms; any other character is refused. secret is UTF-8 and
// is not modified; every copy made here is zeroed on failure.
//
// The error is a *PINFormatError: Charset is reported before Length,
// Length before NeedsLetterAndDigit.
func NormalizePIN(pin PIN, secret []byte) ([]byte, error) {
	var minLen, maxLen int
	switch pin {
	case AuthPIN:
		minLen, maxLen = authPINLen, authPINLen
	case SignPIN:
		minLen, maxLen = signPINMinLen, signPINMaxLen
	default:
		return nil, &PINFormatError{PIN: pin, Reason: PINFormatUnknownPIN}
	}
	out := make([]byte, 0, maxLen)
	fail := func(r PINFormatReason) ([]byte, error) {
		clear(out[:cap(out)])
		return nil, &PINFormatError{PIN: pin, Reason: r}
	}
	n, letters, digits := 0, 0, 0
	for i := 0; i < len(secret); {
		r, size := utf8.DecodeRune(secret[i:])
		i += size
		b := halfWidth(r)
		switch {
		case b >= '0' && b <= '9':
			digits++
		case b >= 'A' && b <= 'Z' && pin == SignPIN:
			letters++
		default:
			return fail(PINFormatCharset)
		}
		if n < maxLen {
			out = append(out, b)
		}
		n++
	}
	if n < minLen || n > maxLen {
		return fail(PINFormatLength)
	}
	if pin == SignPIN && (letters == 0 || digits == 0) {
		return fail(PINFormatNeedsLetterAndDigit)
	}
	return out, nil
}

// halfWidth maps a digit or letter, half- or full-width, to its ASCII
// form, upper case; anything else to 0. ASCII only: unicode.ToUpper would
// turn 'ſ' into 'S' and let a character the card has no key for through.
func halfWidth(r rune) byte {
	switch {
	case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
		return byte(r)
	case r >= 'a' && r <= 'z':
		return byte(r - 'a' + 'A')
	case r >= '０' && r <= '９': // U+FF10–FF19
		return byte(r - '０' + '0')
	case r >= 'Ａ' && r <= 'Ｚ': // U+FF21–FF3A
		return byte(r - 'Ａ' + 'A')
	case r >= 'ａ' && r <= 'ｚ': // U+FF41–FF5A
		return byte(r - 'ａ' + 'A')
	}
	return 0
}

// ReadSignCertificate verifies the signing password (through Verify, with
// the same consent rules) and reads the signing certificate.
//
// A card without a signing certificate fails with ErrNoCertificate before
// the password is sent: found when the signing certificate's file is not
// there (one SELECT before the password) or, with ErrPINNotSet too, when
// the password has no counter and EF 0008 lists no signing certificate.
//
// It selects another application at the end (Logout), but the password
// may stay verified until the card is unpowered: the caller must still
// unpower the card (or make sure it is) before anything else uses it.
//
// The certificate holds the holder's personal data; see
// Certificate.Personal.
func ReadSignCertificate(card *Card, password []byte, consent ConsentFunc, opts ...ReadOption) (*Certificate, error) {
	cert, err := readSignCertificate(card, password, consent, opts)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", SignCert, err)
	}
	return cert, nil
}

func readSignCertificate(card *Card, password []byte, consent ConsentFunc, opts []ReadOption) (*Certificate, error) {
	// The format first, so a password that cannot be right costs no APDU.
	value, err := NormalizePIN(SignPIN, password)
	clear(value)
	if err != nil {
		return nil, err
	}
	// Is there a certificate to read? SELECT needs no password; only a
	// file that is not there (6A 82) stops here.
	if err := card.selectApplet(); err != nil {
		return nil, err
	}
	if err := card.selectEF(efSignCert); isTransport(err) {
		return nil, err
	} else if isNotFound(err) {
		// Record what the card lists, for a Check on the same session.
		if _, herr := card.certHoldings(); herr != nil {
			return nil, herr
		}
		return nil, fmt.Errorf("%w: %w", ErrNoCertificate, err)
	}
	if err := Verify(card, SignPIN, password, consent); err != nil {
		if errors.Is(err, ErrPINNotSet) {
			return nil, fmt.Errorf("%w: %w", ErrNoCertificate, err)
		}
		return nil, err
	}
	cert, err := ReadCertificate(card, SignCert, opts...)
	// Harmless if it fails: the caller unpowers the card either way.
	_ = Logout(card)
	if isNotFound(err) {
		err = fmt.Errorf("%w: %w", ErrNoCertificate, err)
	}
	return cert, err
}

// Logout ends the verified state of both PINs by selecting another
// application of the card, the 券面事項入力補助AP (one APDU): selecting a
// different application clears it, selecting the JPKI applet again does
// not (docs/protocol.md, "Verified state"). The session no longer has the
// JPKI applet selected; the next jpki call selects it again.
//
// Only unpowering the card ends the verified state for sure: call Logout,
// then disconnect with unpower. When the SELECT fails the error matches
// ErrLogout (the PIN may still be verified) and the transmitter's or the
// card's error.
func Logout(card *Card) error {
	resp, err := card.exchange(command{INS: insSelect, P1: 0x04, P2: 0x0C, Data: kenhojoAID[:]})
	if err == nil {
		err = resp.SW.Err()
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrLogout, err)
	}
	return nil
}
