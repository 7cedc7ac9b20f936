package jpki

import (
	"errors"
	"fmt"
	"strings"
)

// CardType is what the JPKI applet's token (EF 0006) says the card is.
type CardType int

const (
	// CardUnknown: a JPKI applet with a token this package does not know.
	CardUnknown CardType = iota
	// CardMyNumber: a My Number Card (token JPKIAPICCTOKEN2).
	CardMyNumber
	// CardJuki: the older Basic Resident Registration card, 住基カード
	// (token JPKIAPICCTOKEN).
	CardJuki
	// CardSmartphoneAndroid: JPKI in an Android phone's secure element
	// (token JPKIAPGPSETOKEN); even the auth certificate needs the PIN.
	CardSmartphoneAndroid
	// CardSmartphoneIOS: JPKI on an iPhone (token JPKIAPIOSTOKEN).
	CardSmartphoneIOS
)

var cardTypeNames = map[CardType]string{
	CardUnknown:           "unknown",
	CardMyNumber:          "my_number_card",
	CardJuki:              "juki_card",
	CardSmartphoneAndroid: "smartphone_android",
	CardSmartphoneIOS:     "smartphone_ios",
}

// String returns the JSON name: unknown, my_number_card, juki_card,
// smartphone_android or smartphone_ios.
func (t CardType) String() string {
	if n, ok := cardTypeNames[t]; ok {
		return n
	}
	return fmt.Sprintf("CardType(%d)", int(t))
}

// MarshalText gives the String form.
func (t CardType) MarshalText() ([]byte, error) {
	if _, ok := cardTypeNames[t]; !ok {
		return nil, fmt.Errorf("unknown CardType %d", int(t))
	}
	return []byte(t.String()), nil
}

func cardTypeOf(token string) CardType {
	switch token {
	case "JPKIAPICCTOKEN2":
		return CardMyNumber
	case "JPKIAPICCTOKEN":
		return CardJuki
	case "JPKIAPGPSETOKEN":
		return CardSmartphoneAndroid
	case "JPKIAPIOSTOKEN":
		return CardSmartphoneIOS
	}
	return CardUnknown
}

// tokenLen is how much of EF 0006 holds the token.
const tokenLen = 32

// Identify selects the JPKI applet and reads its token: SELECT AP, SELECT
// 0006, one READ BINARY. Every token is an answer (CardUnknown for one it
// does not know); the error is for a card without the applet
// (ErrNotJPKI) or one that cannot be read.
func Identify(card *Card) (CardType, error) {
	if err := card.reselectApplet(); err != nil {
		return CardUnknown, fmt.Errorf("identifying card: %w", err)
	}
	t, _, err := card.readToken()
	if err != nil {
		return CardUnknown, fmt.Errorf("identifying card: %w", err)
	}
	return t, nil
}

// readToken reads EF 0006 (two APDUs).
func (c *Card) readToken() (CardType, string, error) {
	if err := c.selectEF(efToken); err != nil {
		return CardUnknown, "", fmt.Errorf("reading token: %w", err)
	}
	data, _, err := c.readBinary(0, tokenLen)
	if err != nil {
		return CardUnknown, "", fmt.Errorf("reading token: %w", err)
	}
	// Padded with spaces or NULs, depending on the card.
	token := strings.Trim(string(data), " \x00")
	return cardTypeOf(token), printable(token), nil
}

// printable keeps a token fit for an error message.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7E {
			return '?'
		}
		return r
	}, s)
}

// Result is what Check found. It holds no personal data.
type Result struct {
	// CardType is CardMyNumber unless the token was read and said
	// otherwise. The token is read only when the answer depends on it
	// (TokenRead): when the auth certificate is missing or refused, or
	// issued by a CA outside the recognised set.
	CardType  CardType
	TokenRead bool
	Auth      *Certificate
	AuthPIN   PINStatus
	SignPIN   PINStatus
	// Holdings is EF 0008, which certificates the card holds. It is read
	// only when a PIN's empty VERIFY gives no counter (nil otherwise, and
	// when the card does not serve it). Holdings.Sign == Absent is the
	// card of a holder under 15, a face-authentication card, or one whose
	// holder declined the signing certificate.
	Holdings *CertHoldings
	// cost is what the check exchanged with the card.
	cost exchangeStats
}

// Check is the whole no-PIN check: is this a My Number Card, when does its
// authentication certificate expire, is it genuine, and how many tries do
// both PINs have left. It spends no PIN try. On a normal card whose CA is
// recognised it sends exactly: SELECT AP, SELECT 000A, ⌈L/256⌉ READ BINARY
// (L = the certificate's DER length), SELECT 0018 + empty VERIFY, SELECT
// 001B + empty VERIFY. When an empty VERIFY answers anything but 63 Cx,
// SELECT 0008 + one READ BINARY follow, once (see PINTries).
//
// Errors: ErrNotJPKI (no applet); a *CardTypeError (juki card,
// smartphone, unknown token); ErrNoCertificate; ErrMalformed; and the
// transmitter's own errors, wrapped. Every PIN state is part of the
// result, and so is a PIN counter the card would not report
// (PINStatus.Err).
//
// Options are those of ReadCertificate, applied to the authentication
// certificate: WithTrust (nil or absent: the built-in J-LIS CAs),
// WithEarlyValidity, and ValidityOnly for a quick check (Result.Auth is
// then Partial and its Trust is TrustNotChecked).
func Check(card *Card, opts ...ReadOption) (*Result, error) {
	start := card.totals()
	res := &Result{CardType: CardMyNumber}
	// Always SELECT: a check starts from a known state even on a Card
	// that was used before. It leaves a verified PIN verified.
	if err := card.reselectApplet(); err != nil {
		return nil, fmt.Errorf("checking card: %w", err)
	}
	var cfg readConfig
	for _, o := range opts {
		o(&cfg)
	}
	cert, err := card.readCert(AuthCert, cfg)
	if err != nil {
		err = fmt.Errorf("reading %s: %w", AuthCert, err)
		// Missing or refused: the token tells a My Number Card without a
		// certificate from a smartphone or an old card.
		if !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrSecurityStatus) {
			return nil, fmt.Errorf("checking card: %w", err)
		}
		if terr := card.classify(res); terr != nil {
			return nil, fmt.Errorf("checking card: %w", terr)
		}
		if errors.Is(err, ErrNotFound) {
			err = fmt.Errorf("%w: %w", ErrNoCertificate, err)
		}
		return nil, fmt.Errorf("checking card: %w", err)
	}
	if !cert.Partial {
		cert.Trust = checkTrust(cert, cfg.trust)
		if cert.Trust.Status == trustUnrecognised {
			// An unknown CA: an old card's or a phone's, or a J-LIS
			// generation we don't carry. The token tells which.
			if err := card.classify(res); err != nil {
				return nil, fmt.Errorf("checking card: %w", err)
			}
			if cert.Trust, err = card.checkAgainstCardCA(cert, cfg.trust); err != nil {
				return nil, fmt.Errorf("checking card: checking %s against the card's CA: %w", AuthCert, err)
			}
		}
	}
	res.Auth = cert

	for _, p := range []struct {
		pin PIN
		st  *PINStatus
	}{{AuthPIN, &res.AuthPIN}, {SignPIN, &res.SignPIN}} {
		st, err := card.pinTries(p.pin)
		if isTransport(err) {
			return nil, fmt.Errorf("checking card: reading tries of %s: %w", p.pin, err)
		}
		if err != nil {
			st = PINStatus{PIN: p.pin, Err: fmt.Errorf("reading tries of %s: %w", p.pin, err)}
		}
		*p.st = st
	}
	if card.holdings != nil {
		h := *card.holdings
		res.Holdings = &h
	}
	res.cost = card.totals().sub(start)
	return res, nil
}

// classify reads the token into res and returns a *CardTypeError unless it
// is a My Number Card.
func (c *Card) classify(res *Result) error {
	t, token, err := c.readToken()
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	res.CardType, res.TokenRead = t, true
	if t != CardMyNumber {
		return &CardTypeError{Type: t, Token: token}
	}
	return nil
}
