package jpki

import (
	"errors"
	"fmt"
)

// jpkiAID is the JPKI applet's AID (docs/protocol.md, "The applet").
var jpkiAID = [...]byte{0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01}

// kenhojoAID is the 券面事項入力補助AP, another application on the card.
// Logout selects it: selecting a different application is what ends the
// JPKI applet's verified state (docs/protocol.md, "Verified state").
var kenhojoAID = [...]byte{0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08}

// Elementary files inside the JPKI applet.
const (
	efSignCert uint16 = 0x0001
	efSignCA   uint16 = 0x0002
	efToken    uint16 = 0x0006
	efHoldings uint16 = 0x0008 // which certificates the card holds
	efAuthCert uint16 = 0x000A
	efAuthCA   uint16 = 0x000B
	efAuthPIN  uint16 = 0x0018
	efSignPIN  uint16 = 0x001B
)

// CertFile names a certificate file on the card.
type CertFile int

// The certificate files of the JPKI applet.
const (
	// AuthCert is the user-authentication certificate (利用者証明用電子証明書),
	// readable without a PIN. It holds no name or address.
	AuthCert CertFile = iota + 1
	// AuthCA is the CA certificate that issued AuthCert.
	AuthCA
	// SignCert is the signing certificate (署名用電子証明書). The card
	// serves it only after the signing password; use ReadSignCertificate.
	// It holds the resident's name, address, birth date and sex.
	SignCert
	// SignCA is the CA certificate that issued SignCert.
	SignCA
)

// ef returns the file identifier on the card.
func (f CertFile) ef() uint16 {
	switch f {
	case AuthCert:
		return efAuthCert
	case AuthCA:
		return efAuthCA
	case SignCert:
		return efSignCert
	case SignCA:
		return efSignCA
	}
	return 0
}

// caFile is the card's CA file for a user certificate file.
func (f CertFile) caFile() CertFile {
	switch f {
	case AuthCert:
		return AuthCA
	case SignCert:
		return SignCA
	}
	return 0
}

func (f CertFile) isCA() bool { return f == AuthCA || f == SignCA }

func (f CertFile) String() string {
	switch f {
	case AuthCert:
		return "auth certificate"
	case AuthCA:
		return "auth CA certificate"
	case SignCert:
		return "signing certificate"
	case SignCA:
		return "signing CA certificate"
	}
	return fmt.Sprintf("CertFile(%d)", int(f))
}

// MarshalText gives the names the CLI uses: auth, auth-ca, sign, sign-ca.
func (f CertFile) MarshalText() ([]byte, error) {
	switch f {
	case AuthCert:
		return []byte("auth"), nil
	case AuthCA:
		return []byte("auth-ca"), nil
	case SignCert:
		return []byte("sign"), nil
	case SignCA:
		return []byte("sign-ca"), nil
	case 0:
		return []byte{}, nil
	}
	return nil, fmt.Errorf("unknown CertFile %d", int(f))
}

// selectApplet SELECTs the JPKI applet unless this session already did,
// which saves an APDU. Selecting it again would do no harm: it keeps a
// verified PIN verified (docs/protocol.md, "Verified state").
func (c *Card) selectApplet() error {
	if c.appletSelected {
		return nil
	}
	return c.reselectApplet()
}

// reselectApplet SELECTs the JPKI applet unconditionally, so a sequence
// starts from a known state. It does not clear a verified PIN; Logout does.
func (c *Card) reselectApplet() error {
	// Case 3 with P2 0C: no FCI wanted, so no Le.
	resp, err := c.exchange(command{INS: insSelect, P1: 0x04, P2: 0x0C, Data: jpkiAID[:]})
	if err != nil {
		return fmt.Errorf("selecting JPKI applet: %w", err)
	}
	switch resp.SW {
	case swSuccess:
		return nil
	case swNotFound, swWrongP1P2, swINSNotSupported, swCLANotSupported:
		// 6A82 is the answer of a card without the applet; the other three
		// come from cards that cannot even select by name, which are no
		// JPKI card either.
		return fmt.Errorf("selecting JPKI applet: %w (%w)", ErrNotJPKI, resp.SW.Err())
	}
	return statusErr(resp.SW, "selecting JPKI applet")
}

// selectEF SELECTs an elementary file of the applet.
func (c *Card) selectEF(ef uint16) error {
	resp, err := c.exchange(command{INS: insSelect, P1: 0x02, P2: 0x0C, Data: []byte{byte(ef >> 8), byte(ef)}})
	if err != nil {
		return fmt.Errorf("selecting EF %04X: %w", ef, err)
	}
	if resp.SW != swSuccess {
		return statusErr(resp.SW, "selecting EF %04X", ef)
	}
	return nil
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
