package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// CardReport is everything a check found, in the shape the JSON documents
// and the kiosk page receives; Catalog.Layout turns it into what a reader
// sees. It is language-neutral and holds no personal data: the signing
// certificate contributes only its dates and issuer.
type CardReport struct {
	Card         CardInfo     `json:"card"`
	Today        window.Date  `json:"today"`
	State        window.State `json:"state"` // the most urgent certificate's
	Certificates Certs        `json:"certificates"`
	PINs         PINs         `json:"pins"`
	// CardExpiry is the card's own expiry, when the resident typed it
	// (--card-expiry); the chip's JPKI application does not hold it.
	CardExpiry *CardExpiryReport `json:"card_expiry,omitempty"`
	ExitCode   int               `json:"exit_code"`
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
	Kind      jpki.CertFile `json:"-"` // AuthCert or SignCert
	NotBefore time.Time     `json:"not_before"`
	NotAfter  time.Time     `json:"not_after"` // RFC 3339, UTC
	window.Window
	Issuer string `json:"issuer"`
	Trust  Trust  `json:"trust"`
	// CARecognised: signed by a built-in J-LIS CA or one the user supplied.
	CARecognised bool   `json:"ca_recognised"`
	CA           string `json:"ca,omitempty"` // the CA that verified it
	// CAValidUntil is the verifying CA's own expiry, for information: an
	// expired CA is no fault of the resident's certificate.
	CAValidUntil *time.Time `json:"ca_not_after,omitempty"`

	caNotBefore time.Time
	simulated   bool // verified by the simulated card's own test CA
}

// Trust is how a certificate's signature was checked: jpki's answer once
// the whole certificate is read, or pending while the early answer (the
// dates, from the first chunk) waits for the rest.
type Trust struct {
	Status  jpki.TrustStatus
	Pending bool
}

// TrustPending marks a certificate whose expiry is known from the first
// chunk while the rest is still being read and checked.
var TrustPending = Trust{Pending: true}

// String is the JSON name: jpki's status names, or pending.
func (t Trust) String() string {
	if t.Pending {
		return "pending"
	}
	return t.Status.String()
}

// MarshalText gives the String form.
func (t Trust) MarshalText() ([]byte, error) {
	if t.Pending {
		return []byte("pending"), nil
	}
	return t.Status.MarshalText()
}

// UnmarshalText reads the String form back (clients of the kiosk's
// status decode it).
func (t *Trust) UnmarshalText(b []byte) error {
	if string(b) == "pending" {
		*t = TrustPending
		return nil
	}
	for _, s := range []jpki.TrustStatus{jpki.TrustNotChecked, jpki.TrustBuiltIn, jpki.TrustUserSupplied,
		jpki.TrustCardCA, jpki.TrustInvalid, jpki.TrustUnknownIssuer} {
		if s.String() == string(b) {
			*t = Trust{Status: s}
			return nil
		}
	}
	return fmt.Errorf("unknown trust %q", b)
}

// is reports a finished check that ended in s.
func (t Trust) is(s jpki.TrustStatus) bool { return !t.Pending && t.Status == s }

// PINs holds both PIN counters, when read.
type PINs struct {
	Auth *PINReport `json:"auth,omitempty"`
	Sign *PINReport `json:"sign,omitempty"`
}

// pinOrder is the order PINs are shown and looked at in.
var pinOrder = [...]jpki.PIN{jpki.AuthPIN, jpki.SignPIN}

// of returns the counter of pin, nil when it was not read.
func (p *PINs) of(pin jpki.PIN) *PINReport {
	switch pin {
	case jpki.AuthPIN:
		return p.Auth
	case jpki.SignPIN:
		return p.Sign
	}
	return nil
}

func (p *PINs) set(pin jpki.PIN, r *PINReport) {
	switch pin {
	case jpki.AuthPIN:
		p.Auth = r
	case jpki.SignPIN:
		p.Sign = r
	}
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

// verified reports a PIN the card says is verified right now, by whatever
// program verified it; its counter is then not shown.
func (p *PINReport) verified() bool { return p.State == jpki.PINStateVerified.String() }

// newCertReport applies the renewal rule to a certificate read from a card.
func newCertReport(kind jpki.CertFile, cert *jpki.Certificate, today window.Date, rule window.Rule) *CertReport {
	r := earlyCertReport(kind, cert.Validity(), today, rule)
	// Not the serial number: relying parties use it to recognise the
	// holder, so it stays off screens and out of scripts' logs.
	r.Issuer = cert.Issuer
	r.setTrust(cert.Trust)
	return r
}

// earlyCertReport is the report from the validity alone, as it arrives in
// the first READ BINARY chunk: the dates are final, the issuer check is
// pending.
func earlyCertReport(kind jpki.CertFile, v jpki.Validity, today window.Date, rule window.Rule) *CertReport {
	return &CertReport{
		Kind:      kind,
		NotBefore: v.NotBefore.UTC(),
		NotAfter:  v.NotAfter.UTC(),
		Window:    rule.Compute(window.ExpiryDate(v.NotAfter), today),
		Trust:     TrustPending,
	}
}

// setTrust records how the signature was checked.
func (r *CertReport) setTrust(t jpki.Trust) {
	r.Trust = Trust{Status: t.Status}
	r.CARecognised = t.Status.Recognised()
	if t.CA != nil {
		r.CA = t.CA.Subject
		na := t.CA.NotAfter.UTC()
		r.CAValidUntil = &na
		r.caNotBefore = t.CA.NotBefore
	}
}

// NewPINs converts both PIN counters as read together.
func NewPINs(auth, sign jpki.PINStatus) PINs {
	p := PINs{Auth: NewPINReport(auth), Sign: NewPINReport(sign)}
	p.Auth.maybeNoPIN = p.Auth.Locked && p.Sign.NotSet()
	return p
}

// NewPINReport converts a card's PIN counter.
func NewPINReport(st jpki.PINStatus) *PINReport {
	max := st.PIN.MaxTries()
	if st.Err != nil {
		return &PINReport{MaxTries: max, Unknown: true}
	}
	r := &PINReport{TriesLeft: st.TriesLeft, MaxTries: max, Locked: st.Locked}
	if st.State != jpki.PINStateUnknown {
		r.State = st.State.String()
	}
	return r
}

// finish sets the overall state and exit code from the parts.
//
// The exit code is 4 when any certificate has expired, else 7 when a PIN is
// locked (a trip to the office is needed either way, but an expired
// certificate is the bigger news), else 3 when renewal is open, else 0.
func (r *CardReport) finish() {
	r.State = window.NotYetOpen
	for _, c := range []*CertReport{r.Certificates.Auth, r.Certificates.Sign} {
		if c != nil && c.State.Urgency() > r.State.Urgency() {
			r.State = c.State
		}
	}
	// A card that needs renewing itself counts like a certificate: its
	// certificates end with it.
	if c := r.CardExpiry; c != nil && c.NewCardNeeded && c.State.Urgency() > r.State.Urgency() {
		r.State = c.State
	}
	r.ExitCode = ExitForState(r.State)
	if r.State != window.Expired && r.anyLocked() {
		r.ExitCode = ExitPIN
	}
}

func (r *CardReport) anyLocked() bool {
	for _, pin := range pinOrder {
		if p := r.PINs.of(pin); p != nil && p.Locked {
			return true
		}
	}
	return false
}

// needsOffice reports whether the resident has a reason to go to the
// office now: renewal open, expired, or a locked PIN.
func (r *CardReport) needsOffice() bool {
	return r.State != window.NotYetOpen || r.anyLocked()
}

// FromValidity is the early answer of a no-PIN check: the authentication
// certificate's dates from the first chunk, its issuer check pending, no
// PIN counters yet.
func FromValidity(v jpki.Validity, info CardInfo, today window.Date, rule window.Rule) *CardReport {
	r := &CardReport{Card: info, Today: today}
	r.Certificates.Auth = earlyCertReport(jpki.AuthCert, v, today, rule)
	r.finish()
	return r
}

// FromCheck builds the report of a no-PIN check.
func FromCheck(res *jpki.Result, info CardInfo, today window.Date, rule window.Rule) *CardReport {
	r := &CardReport{Card: info, Today: today}
	r.Card.Type = res.CardType.String()
	if res.Auth != nil {
		r.Certificates.Auth = newCertReport(jpki.AuthCert, res.Auth, today, rule)
		r.Certificates.Auth.simulated = info.Simulated
	}
	r.PINs = NewPINs(res.AuthPIN, res.SignPIN)
	r.finish()
	return r
}

// SetSign adds the signing certificate, read with the password.
func (r *CardReport) SetSign(cert *jpki.Certificate, rule window.Rule) {
	r.Certificates.Sign = newCertReport(jpki.SignCert, cert, r.Today, rule)
	r.Certificates.Sign.simulated = r.Card.Simulated
	r.finish()
}

// SetPIN replaces a PIN's counter with a newer reading (after a password
// was tried, or found missing) and updates the state and exit code.
func (r *CardReport) SetPIN(st jpki.PINStatus) {
	r.PINs.set(st.PIN, NewPINReport(st))
	r.finish()
}

// caYear is the year the verifying CA was issued, which is how the J-LIS
// CA generations are told apart (2015, 2023).
func (r *CertReport) caYear() int {
	if r.caNotBefore.IsZero() {
		return 0
	}
	return r.caNotBefore.In(window.Japan()).Year()
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
