package jpki

import (
	"fmt"
)

// PIN names one of the two JPKI secrets.
type PIN int

const (
	// AuthPIN is the 4-digit authentication PIN (3 tries).
	AuthPIN PIN = iota + 1
	// SignPIN is the signing password: 6–16 characters A–Z and 0–9,
	// entered in any case (5 tries).
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

// PINStatus is what the card says about a PIN's counter.
type PINStatus struct {
	PIN       PIN  `json:"pin"`
	TriesLeft int  `json:"tries_left"` // 0 when locked
	Locked    bool `json:"locked"`
	// Err is set only in a Check result, when the card gave no usable
	// answer for this PIN; TriesLeft and Locked are then meaningless.
	Err error `json:"-"`
}

// PINTries asks the card how many tries the PIN has left without spending
// one: SELECT the PIN's EF, then VERIFY with no data (63 Cx = x tries).
// A locked PIN is an answer, not an error: Locked is set, TriesLeft is 0.
// Any other answer is an error; nothing is ever retried with data.
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
	resp, err := c.exchange(Command{INS: insVerify, P2: 0x80})
	if err != nil {
		return PINStatus{}, err
	}
	if n, ok := resp.SW.triesLeft(); ok && n > 0 {
		return PINStatus{PIN: pin, TriesLeft: n}, nil
	}
	switch resp.SW {
	case SWTriesLeftPrefix, SWBlocked, SWRefDataBlocked:
		return PINStatus{PIN: pin, Locked: true}, nil
	}
	// 90 00 included: it would mean "already verified", which tells us no
	// counter, and we do not guess.
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
//   - the format is checked first (the authentication PIN is exactly 4
//     digits; the signing password is upper-cased, then 6–16 A–Z 0–9);
//     a PIN that cannot be right fails with ErrPINFormat before any APDU;
//   - the tries left are read without spending one (as PINTries), and a
//     locked PIN fails with ErrLocked;
//   - consent is called with them; Decline (or a nil consent) fails with
//     ErrDeclined, and with one try left anything but ProceedOnLastTry
//     fails with ErrLastTry;
//   - the PIN is sent once, never retried. A wrong PIN returns a
//     *WrongPINError with the tries now left (it matches ErrWrongPIN,
//     and ErrLocked when none are left).
//
// secret is not modified; Verify's own copies are zeroed when it returns.
// A verified PIN stays verified until the applet is selected again (Logout)
// or the card is reset; a caller that only checks the PIN should Logout.
func Verify(card *Card, pin PIN, secret []byte, consent ConsentFunc) error {
	if err := verify(card, pin, secret, consent); err != nil {
		return fmt.Errorf("verifying %s: %w", pin, err)
	}
	return nil
}

func verify(card *Card, pin PIN, secret []byte, consent ConsentFunc) error {
	value, err := pinBytes(pin, secret)
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
	if st.Locked {
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
	if resp.SW == SWSuccess {
		return nil
	}
	if n, ok := resp.SW.triesLeft(); ok {
		return &WrongPINError{PIN: pin, TriesLeft: n}
	}
	if resp.SW == SWBlocked || resp.SW == SWRefDataBlocked {
		return fmt.Errorf("%w (%w)", ErrLocked, resp.SW.Err())
	}
	return resp.SW.Err()
}

// newVerifyCommand builds the VERIFY that carries a PIN. Only Verify may
// call it (TestOnlyVerifyBuildsVerifyWithData checks the whole module);
// the grant lets the card's guard tell it from any other.
func newVerifyCommand(value []byte) Command {
	return Command{INS: insVerify, P1: 0x00, P2: 0x80, Data: value, grant: &verifyGrant{}}
}

// pinBytes validates a PIN and returns the bytes to send, in a new slice.
func pinBytes(pin PIN, secret []byte) ([]byte, error) {
	switch pin {
	case AuthPIN:
		if len(secret) != 4 || !allBytes(secret, isDigit) {
			return nil, fmt.Errorf("%w: the authentication PIN is exactly 4 digits", ErrPINFormat)
		}
		return append([]byte(nil), secret...), nil
	case SignPIN:
		if len(secret) < 6 || len(secret) > 16 {
			return nil, fmt.Errorf("%w: the signing password is 6 to 16 characters", ErrPINFormat)
		}
		v := append([]byte(nil), secret...)
		for i, b := range v {
			// ASCII only: strings.ToUpper would turn 'ſ' into 'S' and let
			// a non-ASCII password through.
			if b >= 'a' && b <= 'z' {
				v[i] = b - 'a' + 'A'
			}
		}
		if !allBytes(v, func(b byte) bool { return isDigit(b) || (b >= 'A' && b <= 'Z') }) {
			clear(v)
			return nil, fmt.Errorf("%w: the signing password has only letters A-Z and digits", ErrPINFormat)
		}
		return v, nil
	}
	return nil, fmt.Errorf("%w: unknown PIN %d", ErrPINFormat, int(pin))
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allBytes(b []byte, ok func(byte) bool) bool {
	for _, x := range b {
		if !ok(x) {
			return false
		}
	}
	return true
}

// ReadSignCertificate verifies the signing password (through Verify, with
// the same consent rules) and reads the signing certificate. Afterwards it
// selects the applet again, which clears the verified password, so
// nothing else sharing the reader can read the certificate on our
// password.
//
// The certificate holds the holder's personal data; see
// Certificate.Personal.
func ReadSignCertificate(card *Card, password []byte, consent ConsentFunc, opts ...ReadOption) (*Certificate, error) {
	if err := Verify(card, SignPIN, password, consent); err != nil {
		return nil, fmt.Errorf("reading %s: %w", SignCert, err)
	}
	cert, err := ReadCertificate(card, SignCert, opts...)
	// The logout can only fail if the card was reset or removed since the
	// read, and that ends the verified state just as well.
	_ = Logout(card)
	return cert, err
}

// Logout clears the verified state of both PINs by selecting the JPKI
// applet again (one APDU), so that nothing else sharing the reader can use
// a PIN the resident entered for us.
func Logout(card *Card) error {
	if err := card.reselectApplet(); err != nil {
		return fmt.Errorf("logging out: %w", err)
	}
	return nil
}
