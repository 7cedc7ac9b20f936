package jpki

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"sync"
	"testing"
	"time"
)

// testPKI is a CA pair shaped like J-LIS's (same names, other keys) and
// the certificates it issues.
type testPKI struct {
	caKey, userKey *rsa.PrivateKey
	authCA, signCA *x509.Certificate
}

var (
	pkiOnce sync.Once
	pkiVal  *testPKI
	pkiErr  error
)

// jlisRawName is the J-LIS CA name byte for byte (UTF8String O and OU, as
// J-LIS encodes them), taken from the built-in CA with that unit.
func jlisRawName(unit string) []byte {
	for _, ca := range builtin() {
		if len(ca.cert.Subject.OrganizationalUnit) > 0 && ca.cert.Subject.OrganizationalUnit[0] == unit {
			return ca.cert.RawSubject
		}
	}
	panic("no built-in CA for " + unit)
}

// getPKI generates keys once per process: RSA-2048, like the card's.
func getPKI(tb testing.TB) *testPKI {
	tb.Helper()
	pkiOnce.Do(func() {
		p := &testPKI{}
		if p.caKey, pkiErr = rsa.GenerateKey(rand.Reader, 2048); pkiErr != nil {
			return
		}
		if p.userKey, pkiErr = rsa.GenerateKey(rand.Reader, 2048); pkiErr != nil {
			return
		}
		if p.authCA, pkiErr = p.makeCA("JPKI for user authentication", 1); pkiErr != nil {
			return
		}
		if p.signCA, pkiErr = p.makeCA("JPKI for digital signature", 2); pkiErr != nil {
			return
		}
		pkiVal = p
	})
	if pkiErr != nil {
		tb.Fatal(pkiErr)
	}
	return pkiVal
}

func (p *testPKI) makeCA(unit string, serial int64) (*x509.Certificate, error) {
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(serial),
		RawSubject:            jlisRawName(unit),
		NotBefore:             time.Date(2023, 7, 16, 1, 1, 4, 0, time.UTC),
		NotAfter:              time.Date(2033, 7, 15, 14, 59, 59, 0, time.UTC),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &p.caKey.PublicKey, p.caKey)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// leafOpts shapes a user certificate.
type leafOpts struct {
	sign     bool   // a signing certificate with personal data
	expiry   string // YYYY-MM-DD, last valid day in Japan
	padTo    int    // grow the DER to at least this many bytes
	issuer   *x509.Certificate
	issuerSK *rsa.PrivateKey
}

var (
	testName    = "試験 太郎"
	testAddress = "東京都千代田区霞が関二丁目1番2号"
)

// testSerial is every test leaf's serial number: long and distinctive, so
// a test can tell that no output shows it.
var testSerial, _ = new(big.Int).SetString("5E41A1C0FFEE0123456789ABCDEF", 16)

func (p *testPKI) leaf(tb testing.TB, o leafOpts) []byte {
	tb.Helper()
	expiry := "2029-03-15"
	if o.expiry != "" {
		expiry = o.expiry
	}
	day, err := time.Parse("2006-01-02", expiry)
	if err != nil {
		tb.Fatal(err)
	}
	ca, sk := p.authCA, p.caKey
	if o.sign {
		ca = p.signCA
	}
	if o.issuer != nil {
		ca, sk = o.issuer, o.issuerSK
	}
	tmpl := &x509.Certificate{
		SerialNumber: testSerial,
		Subject:      pkix.Name{Country: []string{"JP"}, CommonName: "TEST1234567890"},
		// 00:00 JST on the issue day to 23:59:59 JST on the last day.
		NotBefore: day.AddDate(-5, 0, 0).Add(-9 * time.Hour),
		NotAfter:  day.Add(14*time.Hour + 59*time.Minute + 59*time.Second),
		KeyUsage:  x509.KeyUsageDigitalSignature,
	}
	if o.sign {
		tmpl.ExtraExtensions = append(tmpl.ExtraExtensions, personalSAN(tb))
	}
	if o.padTo > 0 {
		probe, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &p.userKey.PublicKey, sk)
		if err != nil {
			tb.Fatal(err)
		}
		if grow := o.padTo - len(probe); grow > 0 {
			// An opaque private extension; its own header and the length
			// octets of the enclosing SEQUENCEs shift a few bytes, which
			// the caller's tolerance absorbs.
			tmpl.ExtraExtensions = append(tmpl.ExtraExtensions, pkix.Extension{
				Id:    asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1},
				Value: make([]byte, max(grow-20, 1)),
			})
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &p.userKey.PublicKey, sk)
	if err != nil {
		tb.Fatal(err)
	}
	return der
}

func personalSAN(tb testing.TB) pkix.Extension {
	tb.Helper()
	other := func(last int, value asn1.RawValue) asn1.RawValue {
		oid, err := asn1.Marshal(asn1.ObjectIdentifier{1, 2, 392, 200149, 8, 5, 5, last})
		if err != nil {
			tb.Fatal(err)
		}
		v, err := asn1.Marshal(value)
		if err != nil {
			tb.Fatal(err)
		}
		explicit, err := asn1.Marshal(asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: v})
		if err != nil {
			tb.Fatal(err)
		}
		return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: append(oid, explicit...)}
	}
	utf8 := func(s string) asn1.RawValue {
		return asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagUTF8String, Bytes: []byte(s)}
	}
	printable := func(s string) asn1.RawValue {
		return asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagPrintableString, Bytes: []byte(s)}
	}
	names := []asn1.RawValue{
		other(1, utf8(testName)),
		other(2, utf8("試験 太郎")),
		other(3, printable("1")),
		other(4, printable("19800102")),
		other(5, utf8(testAddress)),
		other(6, utf8("東京都千代田区霞が関")),
	}
	value, err := asn1.Marshal(names)
	if err != nil {
		tb.Fatal(err)
	}
	return pkix.Extension{Id: asn1.ObjectIdentifier{2, 5, 29, 17}, Value: value}
}

// trustTestCAs returns a store that recognises the test CAs as
// user-supplied.
func (p *testPKI) trust(tb testing.TB) *TrustStore {
	tb.Helper()
	s := DefaultTrust()
	var pemData []byte
	for _, c := range []*x509.Certificate{p.authCA, p.signCA} {
		pemData = append(pemData, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	if n, err := s.AddPEM(pemData); err != nil || n != 2 {
		tb.Fatalf("AddPEM = %d, %v", n, err)
	}
	return s
}

// card returns a fake My Number Card with the test PKI's certificates.
func (p *testPKI) card(tb testing.TB, auth []byte) *fakeCard {
	tb.Helper()
	if auth == nil {
		auth = p.leaf(tb, leafOpts{})
	}
	return newFakeMyNumber(auth, p.authCA.Raw, p.leaf(tb, leafOpts{sign: true}), p.signCA.Raw)
}
