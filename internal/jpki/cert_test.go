package jpki

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// The serial number identifies the holder to services, so no output of
// this package may carry it: not JSON (Certificate has no field for it
// and no MarshalJSON that could add one), not fmt, not a full or a
// partial read, not a Check result.
func TestCertificateNeverShowsSerial(t *testing.T) {
	p := getPKI(t)
	trust := p.trust(t)
	c := NewCard(p.card(t, nil))
	full, err := ReadCertificate(c, AuthCert, WithTrust(trust))
	if err != nil {
		t.Fatal(err)
	}
	partial, err := ReadCertificate(NewCard(p.card(t, nil)), AuthCert, ValidityOnly())
	if err != nil {
		t.Fatal(err)
	}
	sign, err := ReadSignCertificate(c, []byte("ABC123"), func(PINStatus) Consent { return Proceed }, WithTrust(trust))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Check(NewCard(p.card(t, nil)), WithTrust(trust))
	if err != nil {
		t.Fatal(err)
	}
	if full.X509().SerialNumber.Cmp(testSerial) != 0 || sign.X509().SerialNumber.Cmp(testSerial) != 0 {
		t.Fatalf("test leaves carry serial %X and %X, want %X", full.X509().SerialNumber, sign.X509().SerialNumber, testSerial)
	}

	var out strings.Builder
	for _, v := range []any{full, *full, partial, *partial, sign, *sign, res, *res} {
		j, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("marshalling %T: %v", v, err)
		}
		out.Write(j)
		out.WriteByte('\n')
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%x", "%X", "%q", "%d"} {
			fmt.Fprintf(&out, verb+"\n", v)
		}
	}
	s := out.String()
	for _, serial := range []string{
		fmt.Sprintf("%X", testSerial), fmt.Sprintf("%x", testSerial), testSerial.String(),
		fmt.Sprintf("%X", testSerial.Bytes()[:6]), // a prefix, in case of odd spacing or truncation
	} {
		if strings.Contains(strings.ToUpper(s), strings.ToUpper(serial)) {
			t.Errorf("output shows the serial number (%s)", serial)
		}
	}
	if strings.Contains(strings.ToLower(s), "serial") {
		t.Errorf("output names a serial number:\n%s", s)
	}
}
