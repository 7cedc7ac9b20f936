package jpki

import (
	"fmt"
)

// Presence says whether the card holds a certificate, as EF 0008 states it.
type Presence int

const (
	// PresenceUnknown: EF 0008 names neither (a byte other than 8F or 00).
	PresenceUnknown Presence = iota
	// Present: the card holds the certificate (8F).
	Present
	// Absent: the card holds no such certificate (00), as on the cards of
	// holders under 15 and face-authentication cards for the signing one.
	Absent
)

var presenceNames = map[Presence]string{PresenceUnknown: "unknown", Present: "present", Absent: "absent"}

// String returns the JSON name: unknown, present or absent.
func (p Presence) String() string {
	if n, ok := presenceNames[p]; ok {
		return n
	}
	return fmt.Sprintf("Presence(%d)", int(p))
}

// MarshalText gives the String form.
func (p Presence) MarshalText() ([]byte, error) {
	if _, ok := presenceNames[p]; !ok {
		return nil, fmt.Errorf("unknown Presence %d", int(p))
	}
	return []byte(p.String()), nil
}

func presenceOf(b byte) Presence {
	switch b {
	case 0x8F:
		return Present
	case 0x00:
		return Absent
	}
	return PresenceUnknown
}

// CertHoldings is EF 0008 of the JPKI applet: which certificates the card
// holds (docs/protocol.md, "Files inside the JPKI AP").
type CertHoldings struct {
	Sign Presence
	Auth Presence
}

// holdingsLen is what EF 0008 holds: signing, authentication, one more.
const holdingsLen = 3

// certificatesHeld reads EF 0008 (SELECT + one READ BINARY, free to read),
// once per Card. The error says why the card gave no answer (a card
// without the file answers ErrNotFound); transmitter errors are not
// remembered, so a later call tries again.
func certificatesHeld(card *Card) (CertHoldings, error) {
	h, err := card.certHoldings()
	if err != nil {
		return CertHoldings{}, fmt.Errorf("reading which certificates the card holds: %w", err)
	}
	if h == nil {
		return CertHoldings{}, fmt.Errorf("reading which certificates the card holds: %w", card.holdingsErr)
	}
	return *h, nil
}

// certHoldings returns EF 0008, reading it on first use. A card that does
// not serve it gives nil and no error (the reason stays in holdingsErr):
// then nothing is concluded from it. Only a transmitter error is returned.
func (c *Card) certHoldings() (*CertHoldings, error) {
	if c.holdingsRead {
		return c.holdings, nil
	}
	h, err := c.readHoldings()
	if isTransport(err) {
		return nil, err
	}
	c.holdingsRead, c.holdings, c.holdingsErr = true, h, err
	return h, nil
}

func (c *Card) readHoldings() (*CertHoldings, error) {
	if err := c.selectApplet(); err != nil {
		return nil, err
	}
	if err := c.selectEF(efHoldings); err != nil {
		return nil, err
	}
	data, _, err := c.readBinary(0, holdingsLen)
	if err != nil {
		return nil, fmt.Errorf("reading EF %04X: %w", efHoldings, err)
	}
	if len(data) < 2 {
		return nil, fmt.Errorf("%w: EF %04X holds %d bytes", ErrProtocol, efHoldings, len(data))
	}
	return &CertHoldings{Sign: presenceOf(data[0]), Auth: presenceOf(data[1])}, nil
}

// certAbsent reports evidence that the card holds no certificate for pin:
// EF 0008 says so, or (for the signing password) the signing certificate's
// file was not found in this session. Without evidence it says false.
func (c *Card) certAbsent(pin PIN) bool {
	h := c.holdings
	switch pin {
	case SignPIN:
		return c.signCertMissing || (h != nil && h.Sign == Absent)
	case AuthPIN:
		return h != nil && h.Auth == Absent
	}
	return false
}
