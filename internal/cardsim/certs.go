package cardsim

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/binary"
	"fmt"
	"math/big"
	"time"
)

// certKind is which of the two JPKI hierarchies a certificate belongs to.
type certKind int

const (
	kindAuth certKind = iota // 利用者証明用, user authentication
	kindSign                 // 署名用, digital signature
)

// ou is the organisational unit J-LIS uses to tell the two CAs apart.
func (k certKind) ou() string {
	if k == kindSign {
		return "JPKI for digital signature"
	}
	return "JPKI for user authentication"
}

// testCAUnit replaces J-LIS's "Japan Agency for Local Authority Information
// Systems" so no one can mistake the simulated CA for the real one, while the
// rest of the issuer keeps the real name's shape.
const testCAUnit = "jpkicheck simulated card TEST CA - not J-LIS"

var (
	oidCountry  = asn1.ObjectIdentifier{2, 5, 4, 6}
	oidOrg      = asn1.ObjectIdentifier{2, 5, 4, 10}
	oidOrgUnit  = asn1.ObjectIdentifier{2, 5, 4, 11}
	oidLocality = asn1.ObjectIdentifier{2, 5, 4, 7}
	oidCN       = asn1.ObjectIdentifier{2, 5, 4, 3}

	oidExtSAN         = asn1.ObjectIdentifier{2, 5, 29, 17}
	oidExtIAN         = asn1.ObjectIdentifier{2, 5, 29, 18}
	oidExtCRLDP       = asn1.ObjectIdentifier{2, 5, 29, 31}
	oidExtPolicies    = asn1.ObjectIdentifier{2, 5, 29, 32}
	oidQualifierCPS   = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 2, 1}
	oidQualifierUnote = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 2, 2}

	// JPKI certificate policy arcs (1.2.392.200149.8.5.1.x); the simulated
	// card uses them for shape only.
	oidPolicyAuth = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 1, 3, 30}
	oidPolicySign = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 1, 1, 30}
)

// Holder attributes in the signing certificate's subjectAltName, as otherName
// entries under 1.2.392.200149.8.5.5 (docs/protocol.md, "Certificates").
var (
	oidHolderName        = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 1}
	oidHolderNameAlt     = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 2}
	oidHolderSex         = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 3}
	oidHolderBirth       = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 4}
	oidHolderAddress     = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 5}
	oidHolderAddressAlt  = asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, 6}
	defaultHolderName    = "見本 花子"
	defaultHolderAddress = "東京都千代田区霞が関見本町一丁目2番3号"
	defaultHolderBirth   = "19850401"
	defaultHolderSex     = "2"
)

// attr is one name attribute; real JPKI names use PrintableString for the
// country and UTF8String for everything else, which crypto/x509's own
// pkix.Name encoding would not reproduce.
type attr struct {
	oid   asn1.ObjectIdentifier
	value string
}

func mustMarshal(v any) []byte {
	b, err := asn1.Marshal(v)
	if err != nil {
		// Only fixed, well-formed structures are marshalled here.
		panic(fmt.Sprintf("cardsim: marshalling ASN.1: %v", err))
	}
	return b
}

// tlv encodes one DER element from already encoded contents.
func tlv(class, tag int, compound bool, contents ...[]byte) []byte {
	var body []byte
	for _, c := range contents {
		body = append(body, c...)
	}
	return mustMarshal(asn1.RawValue{Class: class, Tag: tag, IsCompound: compound, Bytes: body})
}

func seq(contents ...[]byte) []byte {
	return tlv(asn1.ClassUniversal, asn1.TagSequence, true, contents...)
}

func utf8String(s string) []byte {
	return tlv(asn1.ClassUniversal, asn1.TagUTF8String, false, []byte(s))
}

func printableString(s string) []byte {
	return tlv(asn1.ClassUniversal, asn1.TagPrintableString, false, []byte(s))
}

// rawName encodes an X.501 Name with one attribute per RDN, in order.
func rawName(attrs ...attr) []byte {
	var rdns [][]byte
	for _, a := range attrs {
		val := utf8String(a.value)
		if a.oid.Equal(oidCountry) {
			val = printableString(a.value)
		}
		atv := seq(mustMarshal(a.oid), val)
		rdns = append(rdns, tlv(asn1.ClassUniversal, asn1.TagSet, true, atv))
	}
	return seq(rdns...)
}

func caName(k certKind) []byte {
	return rawName(
		attr{oidCountry, "JP"},
		attr{oidOrg, "JPKI"},
		attr{oidOrgUnit, k.ou()},
		attr{oidOrgUnit, testCAUnit},
	)
}

// directoryName is a GeneralName [4] (EXPLICIT, Name is a CHOICE).
func directoryName(name []byte) []byte {
	return tlv(asn1.ClassContextSpecific, 4, true, name)
}

// crlDP encodes CRLDistributionPoints with one directoryName full name, the
// form J-LIS uses (its CRLs are fetched by name, not by URL).
func crlDP(name []byte) []byte {
	fullName := tlv(asn1.ClassContextSpecific, 0, true, directoryName(name))
	dpName := tlv(asn1.ClassContextSpecific, 0, true, fullName)
	return seq(seq(dpName))
}

func policies(oid asn1.ObjectIdentifier, notice string) []byte {
	cps := seq(mustMarshal(oidQualifierCPS),
		tlv(asn1.ClassUniversal, asn1.TagIA5String, false, []byte("https://jpkicheck.invalid/simulated-card/cps.html")))
	unotice := seq(mustMarshal(oidQualifierUnote), seq(utf8String(notice)))
	return seq(seq(mustMarshal(oid), seq(cps, unotice)))
}

// otherName is a GeneralName [0] OtherName with a UTF8String value.
func otherName(oid asn1.ObjectIdentifier, value []byte) []byte {
	return tlv(asn1.ClassContextSpecific, 0, true,
		mustMarshal(oid),
		tlv(asn1.ClassContextSpecific, 0, true, value))
}

func ext(oid asn1.ObjectIdentifier, critical bool, value []byte) x509ext {
	return x509ext{Id: oid, Critical: critical, Value: value}
}

// issuerAltName mirrors the Japanese organisation name J-LIS puts in its
// certificates, marked as a test so it cannot be mistaken for the real one.
func issuerAltName() []byte {
	return seq(directoryName(rawName(
		attr{oidCountry, "JP"},
		attr{oidOrg, "公的個人認証サービス（jpkicheck 模擬カード テスト用）"},
	)))
}

// serialFor derives a stable positive serial from what distinguishes a
// certificate, so the same Options produce byte-identical certificates
// (PKCS #1 v1.5 signatures are deterministic too).
func serialFor(parts ...string) *big.Int {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := h.Sum(nil)
	v := binary.BigEndian.Uint64(sum[:8]) &^ (1 << 63)
	if v == 0 {
		v = 1
	}
	return new(big.Int).SetUint64(v)
}

func keyID(pub *rsa.PublicKey) []byte {
	// RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey bits.
	sum := sha1.Sum(x509.MarshalPKCS1PublicKey(pub))
	return sum[:]
}

// makeCA creates the self-signed test CA for one hierarchy.
func makeCA(k certKind, key *rsa.PrivateKey, from, to time.Time) (*x509.Certificate, error) {
	name := caName(k)
	tmpl := &x509.Certificate{
		SerialNumber:          serialFor("ca", k.ou(), from.String(), to.String()),
		RawSubject:            name,
		NotBefore:             from,
		NotAfter:              to,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		SubjectKeyId:          keyID(&key.PublicKey),
		SignatureAlgorithm:    x509.SHA256WithRSA,
		ExtraExtensions: []x509ext{
			ext(oidExtSAN, false, issuerAltName()),
			ext(oidExtCRLDP, false, crlDP(name)),
		},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("creating %s test CA: %w", k.ou(), err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("parsing %s test CA: %w", k.ou(), err)
	}
	return c, nil
}

// holder is the fictitious person in the signing certificate.
type holder struct {
	name, address, birth, sex string
}

// makeUser creates a user certificate valid from its issuance time on the
// issue day (see notBefore) to 23:59:59 JST on expiry.
func makeUser(k certKind, ca *x509.Certificate, caKey, key *rsa.PrivateKey, issue, expiry time.Time, h holder) ([]byte, error) {
	serial := serialFor("user", k.ou(), issue.String(), expiry.String(), h.name, h.address)
	// The subject CN of a real JPKI user certificate is an opaque issue
	// number, never the holder's name.
	cn := fmt.Sprintf("JPKISIM%016X", serial.Uint64())
	unit := "Chiyoda-ku"
	var subject []byte
	var extra []x509ext
	keyUsage := x509.KeyUsageDigitalSignature
	var extKeyUsage []x509.ExtKeyUsage
	notice := "この証明書は jpkicheck の模擬カードが発行した試験用のものです (test certificate issued by the jpkicheck simulated card)"
	switch k {
	case kindAuth:
		subject = rawName(attr{oidCountry, "JP"}, attr{oidCN, cn})
		extKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
		extra = append(extra, ext(oidExtPolicies, false, policies(oidPolicyAuth, notice)))
	case kindSign:
		subject = rawName(attr{oidCountry, "JP"}, attr{oidLocality, "Tokyo-to"}, attr{oidLocality, unit}, attr{oidCN, cn})
		keyUsage |= x509.KeyUsageContentCommitment
		extra = append(extra,
			ext(oidExtPolicies, false, policies(oidPolicySign, notice)),
			ext(oidExtSAN, false, seq(
				otherName(oidHolderName, utf8String(h.name)),
				otherName(oidHolderNameAlt, utf8String(h.name)),
				otherName(oidHolderSex, utf8String(h.sex)),
				otherName(oidHolderBirth, utf8String(h.birth)),
				otherName(oidHolderAddress, utf8String(h.address)),
				otherName(oidHolderAddressAlt, utf8String(h.address)),
			)))
	}
	crlName := rawName(
		attr{oidCountry, "JP"},
		attr{oidOrg, "JPKI"},
		attr{oidOrgUnit, k.ou()},
		attr{oidOrgUnit, "CRL Distribution Points"},
		attr{oidOrgUnit, "Tokyo-to"},
		attr{oidCN, unit + " CRLDP"},
	)
	extra = append(extra,
		ext(oidExtIAN, false, issuerAltName()),
		ext(oidExtCRLDP, false, crlDP(crlName)),
	)
	tmpl := &x509.Certificate{
		SerialNumber:       serial,
		RawSubject:         subject,
		NotBefore:          notBefore(issue),
		NotAfter:           notAfter(expiry),
		KeyUsage:           keyUsage,
		ExtKeyUsage:        extKeyUsage,
		SubjectKeyId:       keyID(&key.PublicKey),
		OCSPServer:         []string{"http://ocsp.jpkicheck.invalid/" + map[certKind]string{kindAuth: "auth", kindSign: "sign"}[k]},
		SignatureAlgorithm: x509.SHA256WithRSA,
		ExtraExtensions:    extra,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, fmt.Errorf("creating %s certificate: %w", k.ou(), err)
	}
	return der, nil
}

type x509ext = pkix.Extension
