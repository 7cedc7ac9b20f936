package jpki

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"embed"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"time"
)

// The J-LIS CA certificates known from public sources (docs/ca). Others
// exist; certificates they issued are checked against the card's own CA
// file instead.
//
//go:embed ca/*.pem
var builtinFS embed.FS

// TrustStatus says how a certificate's signature was checked.
type TrustStatus int

const (
	// TrustNotChecked: read with ValidityOnly (quick mode); no signature
	// was checked.
	TrustNotChecked TrustStatus = iota
	// TrustBuiltIn: signed by one of the J-LIS CAs built into jpkicheck.
	TrustBuiltIn
	// TrustUserSupplied: signed by a CA the user supplied (--trust-ca),
	// e.g. a simulated card's test CA.
	TrustUserSupplied
	// TrustCardCA: issued by a JPKI CA not in the built-in list; the
	// signature was checked against the CA certificate stored on the card.
	// Normal for certificates of CA generations no public source lists;
	// never a sign of a fake card on its own.
	TrustCardCA
	// TrustInvalid: a CA with the issuer's name (built-in, supplied or the
	// card's) was found but the signature verifies under none of them.
	TrustInvalid
	// TrustUnknownIssuer: no CA to check against: the issuer is not in the
	// recognised set and the card has no usable CA certificate. For a CA
	// file read from the card: a self-signed CA outside the recognised set.
	TrustUnknownIssuer

	// trustUnrecognised is internal: no recognised CA verified it; the
	// card's CA is still to be asked.
	trustUnrecognised TrustStatus = -1
)

var trustNames = map[TrustStatus]string{
	TrustNotChecked:    "not_checked",
	TrustBuiltIn:       "built_in",
	TrustUserSupplied:  "user_supplied",
	TrustCardCA:        "card_ca",
	TrustInvalid:       "invalid",
	TrustUnknownIssuer: "unknown_issuer",
}

// String returns the JSON name: not_checked, built_in, user_supplied,
// card_ca, invalid or unknown_issuer.
func (s TrustStatus) String() string {
	if n, ok := trustNames[s]; ok {
		return n
	}
	return fmt.Sprintf("TrustStatus(%d)", int(s))
}

// MarshalText gives the String form.
func (s TrustStatus) MarshalText() ([]byte, error) {
	if _, ok := trustNames[s]; !ok {
		return nil, fmt.Errorf("unknown TrustStatus %d", int(s))
	}
	return []byte(s.String()), nil
}

// Recognised reports a signature checked against a built-in or
// user-supplied CA.
func (s TrustStatus) Recognised() bool { return s == TrustBuiltIn || s == TrustUserSupplied }

// Trust is the verdict on a certificate's signature.
type Trust struct {
	Status TrustStatus
	// CA is the CA whose signature verified (for a CA file: the CA itself
	// when it is in the recognised set). Nil when none did.
	CA *CA
}

// CA is a CA certificate a signature was checked against.
type CA struct {
	Source    TrustStatus // TrustBuiltIn, TrustUserSupplied or TrustCardCA
	Subject   string
	NotBefore time.Time
	NotAfter  time.Time // information only: an expired CA is no fault of the user's certificate
	SHA256    string    // of the DER, upper-case hex

	cert *x509.Certificate
}

// Certificate returns the parsed CA certificate. The caller must not
// modify it.
func (ca *CA) Certificate() *x509.Certificate { return ca.cert }

func newCA(x *x509.Certificate, source TrustStatus) *CA {
	sum := sha256.Sum256(x.Raw)
	return &CA{
		Source:    source,
		Subject:   nameString(x.RawSubject),
		NotBefore: x.NotBefore,
		NotAfter:  x.NotAfter,
		SHA256:    strings.ToUpper(hex.EncodeToString(sum[:])),
		cert:      x,
	}
}

// TrustStore is the set of recognised CAs: the built-in J-LIS CAs plus any
// the user adds. A nil *TrustStore means the built-in CAs alone.
type TrustStore struct {
	cas []*CA
}

// builtin returns the parsed embedded CAs; they never change. They are
// parsed on first use, not at start-up: commands that never check a
// signature (window, version, help) should not pay for four RSA
// certificates.
var builtin = sync.OnceValue(mustLoadBuiltin)

func mustLoadBuiltin() []*CA {
	var cas []*CA
	err := fs.WalkDir(builtinFS, "ca", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := builtinFS.ReadFile(path)
		if err != nil {
			return err
		}
		certs, err := parsePEMCertificates(data)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, x := range certs {
			cas = append(cas, newCA(x, TrustBuiltIn))
		}
		return nil
	})
	if err != nil || len(cas) == 0 {
		panic(fmt.Sprintf("jpki: built-in CA certificates: %v", err)) // a broken build, not a runtime condition
	}
	return cas
}

// DefaultTrust returns a new store holding the built-in J-LIS CAs.
func DefaultTrust() *TrustStore {
	return &TrustStore{cas: append([]*CA(nil), builtin()...)}
}

// AddPEM adds every certificate in a PEM file as a user-supplied CA and
// returns how many it added. A file with no certificate, with other PEM
// blocks, or with text that is not PEM is an error, and nothing is added.
func (s *TrustStore) AddPEM(data []byte) (int, error) {
	certs, err := parsePEMCertificates(data)
	if err != nil {
		return 0, err
	}
	for _, x := range certs {
		s.cas = append(s.cas, newCA(x, TrustUserSupplied))
	}
	return len(certs), nil
}

// AddCertificate adds one user-supplied CA.
func (s *TrustStore) AddCertificate(x *x509.Certificate) {
	s.cas = append(s.cas, newCA(x, TrustUserSupplied))
}

// CAs lists the recognised CAs, built-in first.
func (s *TrustStore) CAs() []*CA {
	if s == nil {
		return append([]*CA(nil), builtin()...)
	}
	return append([]*CA(nil), s.cas...)
}

func (s *TrustStore) list() []*CA {
	if s == nil {
		return builtin()
	}
	return s.cas
}

func parsePEMCertificates(data []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	rest := data
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return nil, fmt.Errorf("parsing CA file: unexpected PEM block %q", block.Type)
		}
		x, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("parsing CA file: %w", err)
		}
		certs = append(certs, x)
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, errors.New("parsing CA file: text outside PEM blocks")
	}
	if len(certs) == 0 {
		return nil, errors.New("parsing CA file: no certificate found")
	}
	return certs, nil
}

// checkTrust checks cert against the recognised CAs. Candidates are the
// CAs whose subject is the certificate's issuer; several share a name
// (each J-LIS generation reuses it), so each one is tried by signature.
// Without a verifying CA the status is trustUnrecognised, with CA nil;
// checkAgainstCardCA finishes the verdict.
func checkTrust(cert *Certificate, store *TrustStore) Trust {
	x := cert.x509
	cas := store.list()
	if cert.File.isCA() {
		for _, ca := range cas {
			if bytes.Equal(ca.cert.Raw, x.Raw) {
				return Trust{Status: ca.Source, CA: ca}
			}
		}
	}
	for _, ca := range cas {
		if bytes.Equal(ca.cert.RawSubject, x.RawIssuer) && x.CheckSignatureFrom(ca.cert) == nil {
			return Trust{Status: ca.Source, CA: ca}
		}
	}
	return Trust{Status: trustUnrecognised}
}

// checkAgainstCardCA finishes an unrecognised verdict with the CA file on
// the card (000B for the auth certificate, 0002 for the signing one). A
// CA file itself has no further CA to ask: one that is not recognised but
// signs itself is TrustUnknownIssuer.
func (c *Card) checkAgainstCardCA(cert *Certificate, store *TrustStore) (Trust, error) {
	x := cert.x509
	nameKnown := false
	for _, ca := range store.list() {
		nameKnown = nameKnown || bytes.Equal(ca.cert.RawSubject, x.RawIssuer)
	}
	if cert.File.isCA() {
		// A root of a J-LIS generation we don't carry signs itself; that
		// makes it unknown, not invalid.
		if x.CheckSignatureFrom(x) == nil {
			return Trust{Status: TrustUnknownIssuer}, nil
		}
		return unverified(nameKnown), nil
	}
	caFile := cert.File.caFile()
	if err := c.selectEF(caFile.ef()); err != nil {
		if isNotFound(err) {
			return unverified(nameKnown), nil
		}
		return Trust{}, err
	}
	der, err := c.readDER(caFile.ef(), nil)
	if err != nil {
		if isTransport(err) {
			return Trust{}, err
		}
		return unverified(nameKnown), nil // an unreadable CA file checks nothing
	}
	caX, err := x509.ParseCertificate(der)
	if err != nil {
		return unverified(nameKnown), nil
	}
	if x.CheckSignatureFrom(caX) == nil {
		return Trust{Status: TrustCardCA, CA: newCA(caX, TrustCardCA)}, nil
	}
	return Trust{Status: TrustInvalid}, nil
}

func unverified(nameKnown bool) Trust {
	if nameKnown {
		return Trust{Status: TrustInvalid}
	}
	return Trust{Status: TrustUnknownIssuer}
}
