package jpki

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"strings"
	"time"
)

// Validity is a certificate's validity period as the certificate states
// it (UTC). A JPKI certificate's last valid day is NotAfter in Japan time:
// NotAfter is 14:59:59Z, i.e. 23:59:59 JST.
type Validity struct {
	NotBefore time.Time
	NotAfter  time.Time
}

func (v Validity) String() string {
	return v.NotBefore.UTC().Format(time.RFC3339) + " to " + v.NotAfter.UTC().Format(time.RFC3339)
}

// Certificate is a certificate read from the card, with the facts the
// checks need as fields. Nothing exported here holds personal data or the
// serial number, which identifies the holder to services: the signing
// certificate's name, address, birth date and sex come only from an
// explicit Personal call, and String, every fmt verb and JSON show only
// the fields below.
type Certificate struct {
	File      CertFile
	NotBefore time.Time
	NotAfter  time.Time
	Issuer    string // the issuing CA's name, RFC 2253 style
	Trust     Trust
	// Partial: read with ValidityOnly. Only the fields above are set, from
	// the first chunk; there is no DER and the signature was not checked.
	Partial bool

	der  []byte
	x509 *x509.Certificate
}

func newCertificate(file CertFile, x *x509.Certificate) *Certificate {
	return &Certificate{
		File:      file,
		NotBefore: x.NotBefore,
		NotAfter:  x.NotAfter,
		Issuer:    nameString(x.RawIssuer),
		der:       x.Raw,
		x509:      x,
	}
}

// Validity returns NotBefore and NotAfter.
func (c *Certificate) Validity() Validity {
	return Validity{NotBefore: c.NotBefore, NotAfter: c.NotAfter}
}

// DER returns a copy of the certificate as read, or nil for a Partial one.
//
// The signing certificate's DER contains the holder's name, address,
// birth date and sex: write it only where the user asked for it (export),
// never to logs or a kiosk.
func (c *Certificate) DER() []byte {
	if c.der == nil {
		return nil
	}
	return append([]byte(nil), c.der...)
}

// X509 returns the parsed certificate, or nil for a Partial one. The
// caller must not modify it.
//
// For the signing certificate it exposes the holder's personal data (in
// Subject and the subjectAltName extension); don't print or log it.
func (c *Certificate) X509() *x509.Certificate { return c.x509 }

// String describes the certificate without personal data.
func (c *Certificate) String() string {
	if c == nil {
		return "<nil>"
	}
	var b strings.Builder
	b.WriteString(c.File.String())
	fmt.Fprintf(&b, ", valid %s, issuer %q, trust: %s", c.Validity(), c.Issuer, c.Trust.Status)
	if c.Partial {
		b.WriteString(" (first chunk only, signature not checked)")
	}
	return b.String()
}

// Format makes every fmt verb, %#v and %+v included, print String: fmt
// would otherwise print the unexported fields, DER included.
func (c Certificate) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", c.String())
		return
	}
	fmt.Fprint(f, c.String())
}

// nameString renders a DER Name in RFC 2253 form, or "" when it does not
// parse. It works on the RDN sequence itself: pkix.Name merges the two
// OUs of the J-LIS names into one multi-valued RDN ("OU=…+OU=…").
func nameString(der []byte) string {
	var seq pkix.RDNSequence
	if rest, err := asn1.Unmarshal(der, &seq); err != nil || len(rest) > 0 {
		return ""
	}
	return seq.String()
}
