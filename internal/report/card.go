package report

import (
	"strings"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// CardReport is everything a check found, in the shape the CLI prints, the
// JSON documents and the kiosk page shows. It is language-neutral and holds
// no personal data: the signing certificate contributes only its dates and
// issuer.
type CardReport struct {
	Card         CardInfo     `json:"card"`
	Today        window.Date  `json:"today"`
	State        window.State `json:"state"` // the most urgent certificate's
	Certificates Certs        `json:"certificates"`
	PINs         PINs         `json:"pins"`
	ExitCode     int          `json:"exit_code"`
}

// CardInfo says what was read and from where.
type CardInfo struct {
	Type      string `json:"type,omitempty"`    // my_number_card, … (not known to pin status)
	Reader    string `json:"reader,omitempty"`  // PC/SC reader name
	Simulated bool   `json:"simulated"`         // the built-in simulated card
	Profile   string `json:"profile,omitempty"` // its profile
}

// Certs holds the certificates read: auth always, sign when asked.
type Certs struct {
	Auth *CertReport `json:"auth,omitempty"`
	Sign *CertReport `json:"sign,omitempty"`
}

// CertReport is one certificate's dates, renewal window and issuer. Its
// JSON carries the window fields of `jpkicheck window --json` flat, next
// to not_after and the issuer.
type CertReport struct {
	Kind      string    `json:"-"` // auth or sign
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"` // RFC 3339, UTC
	window.Window
	Issuer string `json:"issuer"`
	// Trust is how the signature was checked (jpki.TrustStatus names:
	// built_in, user_supplied, card_ca, invalid, unknown_issuer,
	// not_checked); "pending" while the early answer waits for the rest.
	Trust string `json:"trust"`
	// CARecognised: signed by a built-in J-LIS CA or one the user supplied.
	CARecognised bool   `json:"ca_recognised"`
	CA           string `json:"ca,omitempty"` // the CA that verified it
	// CAValidUntil is the verifying CA's own expiry, for information: an
	// expired CA is no fault of the resident's certificate.
	CAValidUntil *time.Time `json:"ca_not_after,omitempty"`

	caNotBefore time.Time
	simulated   bool // verified by the simulated card's own test CA
}

// TrustPending marks a certificate whose expiry is known from the first
// chunk while the rest is still being read and checked.
const TrustPending = "pending"

// PINs holds both PIN counters, when read.
type PINs struct {
	Auth *PINReport `json:"auth,omitempty"`
	Sign *PINReport `json:"sign,omitempty"`
}

// PINReport is one PIN's counter.
type PINReport struct {
	// State is ok, last_try, locked, not_set or verified; absent when the
	// card gave no usable answer (Unknown).
	State     string `json:"state,omitempty"`
	TriesLeft int    `json:"tries_left"` // counts only for ok and last_try
	MaxTries  int    `json:"max_tries"`
	Locked    bool   `json:"locked"`
	// Unknown: the card gave no usable answer; TriesLeft means nothing.
	Unknown bool `json:"unknown,omitempty"`

	// maybeNoPIN: locked going by the status word, on a card without a
	// signing certificate, which is what a face-authentication card (no
	// PIN set at all) would look like too: the words say both.
	maybeNoPIN bool
}

// NotSet reports a PIN the card does not have (no certificate for it).
func (p *PINReport) NotSet() bool { return p.State == jpki.PINStateNotSet.String() }

// Verified reports a PIN the card says is verified right now, by whatever
// program verified it; its counter is then not shown.
func (p *PINReport) Verified() bool { return p.State == jpki.PINStateVerified.String() }

// Maximum tries as the card's PIN rules set them (docs/protocol.md, "PINs and passwords").
const (
	AuthPINMaxTries = 3
	SignPINMaxTries = 5
)

// NewCertReport applies the renewal rule to a certificate read from a card.
func NewCertReport(kind string, cert *jpki.Certificate, today window.Date, rule window.Rule) *CertReport {
	r := EarlyCertReport(kind, cert.Validity(), today, rule)
	// Not the serial number: relying parties use it to recognise the
	// holder, so it stays off screens and out of scripts' logs.
	r.Issuer = cert.Issuer
	r.SetTrust(cert.Trust)
	return r
}

// EarlyCertReport is the report from the validity alone, as it arrives in
// the first READ BINARY chunk: the dates are final, the issuer check is
// pending.
func EarlyCertReport(kind string, v jpki.Validity, today window.Date, rule window.Rule) *CertReport {
	return &CertReport{
		Kind:      kind,
		NotBefore: v.NotBefore.UTC(),
		NotAfter:  v.NotAfter.UTC(),
		Window:    rule.Compute(window.ExpiryDate(v.NotAfter), today),
		Trust:     TrustPending,
	}
}

// SetTrust records how the signature was checked.
func (r *CertReport) SetTrust(t jpki.Trust) {
	r.Trust = t.Status.String()
	r.CARecognised = t.Status.Recognised()
	if t.CA != nil {
		r.CA = t.CA.Subject
		na := t.CA.NotAfter.UTC()
		r.CAValidUntil = &na
		r.caNotBefore = t.CA.NotBefore
	}
}

// MaxTries is the PIN's full counter: what a correct PIN resets it to.
func MaxTries(pin jpki.PIN) int {
	if pin == jpki.SignPIN {
		return SignPINMaxTries
	}
	return AuthPINMaxTries
}

// NewPINs converts both PIN counters as read together.
func NewPINs(auth, sign jpki.PINStatus) PINs {
	p := PINs{Auth: NewPINReport(auth), Sign: NewPINReport(sign)}
	p.Auth.maybeNoPIN = p.Auth.Locked && p.Sign.NotSet()
	return p
}

// NewPINReport converts a card's PIN counter.
func NewPINReport(st jpki.PINStatus) *PINReport {
	max := MaxTries(st.PIN)
	if st.Err != nil {
		return &PINReport{MaxTries: max, Unknown: true}
	}
	r := &PINReport{TriesLeft: st.TriesLeft, MaxTries: max, Locked: st.Locked}
	if st.State != jpki.PINStateUnknown {
		r.State = st.State.String()
	}
	return r
}

// Finish sets the overall state and exit code from the parts.
//
// The exit code is 4 when any certificate has expired, else 7 when a PIN is
// locked (a trip to the office is needed either way, but an expired
// certificate is the bigger news), else 3 when renewal is open, else 0.
func (r *CardReport) Finish() {
	r.State = window.NotYetOpen
	for _, c := range []*CertReport{r.Certificates.Auth, r.Certificates.Sign} {
		if c != nil && c.State.Urgency() > r.State.Urgency() {
			r.State = c.State
		}
	}
	r.ExitCode = ExitForState(r.State)
	if r.State != window.Expired && r.anyLocked() {
		r.ExitCode = ExitPIN
	}
}

func (r *CardReport) anyLocked() bool {
	for _, p := range []*PINReport{r.PINs.Auth, r.PINs.Sign} {
		if p != nil && p.Locked {
			return true
		}
	}
	return false
}

// FromCheck builds the report of a no-PIN check.
func FromCheck(res *jpki.Result, info CardInfo, today window.Date, rule window.Rule) *CardReport {
	r := &CardReport{Card: info, Today: today}
	r.Card.Type = res.CardType.String()
	if res.Auth != nil {
		r.Certificates.Auth = NewCertReport("auth", res.Auth, today, rule)
		r.Certificates.Auth.simulated = info.Simulated
	}
	r.PINs = NewPINs(res.AuthPIN, res.SignPIN)
	r.Finish()
	return r
}

// caYear is the year the verifying CA was issued, which is how the J-LIS
// CA generations are told apart (2015, 2023).
func (r *CertReport) caYear() int {
	if r.caNotBefore.IsZero() {
		return 0
	}
	return r.caNotBefore.In(window.Japan()).Year()
}

// SetSign adds the signing certificate, read with the password.
func (r *CardReport) SetSign(cert *jpki.Certificate, rule window.Rule) {
	r.Certificates.Sign = NewCertReport("sign", cert, r.Today, rule)
	r.Certificates.Sign.simulated = r.Card.Simulated
}

// caName is the most specific part of a CA's name, which is how people
// tell CAs apart: "jpkicheck simulated card TEST CA - not J-LIS" from
// "OU=jpkicheck simulated card TEST CA - not J-LIS,OU=…,O=JPKI,C=JP".
func (r *CertReport) caName() string {
	first, _, _ := strings.Cut(r.CA, ",")
	if _, v, ok := strings.Cut(first, "="); ok {
		return v
	}
	return r.CA
}
