package jpki

import (
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestParseHeader(t *testing.T) {
	tests := []struct {
		in       string
		tag      byte
		hdr, n   int
		malform  bool
		notEnoug bool
	}{
		{in: "30 00", tag: 0x30, hdr: 2, n: 0},
		{in: "30 7F", tag: 0x30, hdr: 2, n: 127},
		{in: "30 81 80", tag: 0x30, hdr: 3, n: 128},
		{in: "30 81 FF", tag: 0x30, hdr: 3, n: 255},
		{in: "30 82 01 00", tag: 0x30, hdr: 4, n: 256},
		{in: "30 82 06 2E", tag: 0x30, hdr: 4, n: 0x62E},
		{in: "04 83 01 00 00", tag: 0x04, hdr: 5, n: 0x10000},
		{in: "", notEnoug: true},
		{in: "30", notEnoug: true},
		{in: "30 82 06", notEnoug: true},
		{in: "30 80", malform: true},             // indefinite
		{in: "30 81 7F", malform: true},          // long form for a short length
		{in: "30 82 00 FF", malform: true},       // leading zero
		{in: "30 84 00 00 01 00", malform: true}, // 4 length octets
		{in: "1F 01 00", malform: true},          // multi-byte tag
	}
	for _, tt := range tests {
		tag, hdr, n, err := parseHeader(mustHex(tt.in))
		switch {
		case tt.notEnoug:
			if !errors.Is(err, errNotEnoughData) {
				t.Errorf("parseHeader(%s) err = %v, want errNotEnoughData", tt.in, err)
			}
		case tt.malform:
			if !errors.Is(err, ErrMalformed) {
				t.Errorf("parseHeader(%s) err = %v, want ErrMalformed", tt.in, err)
			}
		case err != nil || tag != tt.tag || hdr != tt.hdr || n != tt.n:
			t.Errorf("parseHeader(%s) = %02X %d %d %v", tt.in, tag, hdr, n, err)
		}
	}
	if _, err := certLength(mustHex("31 82 01 00")); !errors.Is(err, ErrMalformed) {
		t.Errorf("certLength(SET) = %v", err)
	}
	if _, err := certLength(mustHex("30 83 01 00 00")); !errors.Is(err, ErrMalformed) {
		t.Errorf("certLength(64 KiB) = %v", err)
	}
}

func TestParseDERTime(t *testing.T) {
	utc := func(y int, m time.Month, d, h, mi, s int) time.Time { return time.Date(y, m, d, h, mi, s, 0, time.UTC) }
	tests := []struct {
		tag  byte
		in   string
		want time.Time // zero: rejected
	}{
		{tagUTCTime, "290315145959Z", utc(2029, 3, 15, 14, 59, 59)},
		{tagUTCTime, "491231235959Z", utc(2049, 12, 31, 23, 59, 59)},
		{tagUTCTime, "500101000000Z", utc(1950, 1, 1, 0, 0, 0)},
		{tagUTCTime, "991231235959Z", utc(1999, 12, 31, 23, 59, 59)},
		{tagUTCTime, "280229000000Z", utc(2028, 2, 29, 0, 0, 0)},
		{tagGeneralizedTime, "20500101000000Z", utc(2050, 1, 1, 0, 0, 0)},
		{tagGeneralizedTime, "20330715145959Z", utc(2033, 7, 15, 14, 59, 59)},
		{tagUTCTime, "270229000000Z", time.Time{}},     // not a leap year
		{tagUTCTime, "291315145959Z", time.Time{}},     // month 13
		{tagUTCTime, "290315245959Z", time.Time{}},     // hour 24
		{tagUTCTime, "290315145960Z", time.Time{}},     // second 60
		{tagUTCTime, "2903151459Z", time.Time{}},       // no seconds
		{tagUTCTime, "290315145959+0900", time.Time{}}, // offsets: not DER
		{tagUTCTime, "29031514595aZ", time.Time{}},
		{tagUTCTime, "290315145959z", time.Time{}},
		{tagGeneralizedTime, "20290315145959.5Z", time.Time{}},
		{tagGeneralizedTime, "290315145959Z", time.Time{}},
		{tagUTCTime, "20290315145959Z", time.Time{}},
		{tagInteger, "290315145959Z", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseDERTime(tt.tag, []byte(tt.in))
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("parseDERTime(%02X, %s) = %v %v, want %v", tt.tag, tt.in, got, ok, tt.want)
		}
	}
}

// realCertificates are DER certificates to walk: the built-in J-LIS CAs and
// generated RSA certificates shaped like card certificates.
func realCertificates(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	paths, _ := filepath.Glob("ca/*.pem")
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		certs, err := parsePEMCertificates(data)
		if err != nil {
			tb.Fatal(err)
		}
		for _, c := range certs {
			out = append(out, c.Raw)
		}
	}
	p := getPKI(tb)
	out = append(out, p.leaf(tb, leafOpts{}), p.leaf(tb, leafOpts{sign: true}), p.authCA.Raw)
	return out
}

func TestEarlyValidityEveryPrefix(t *testing.T) {
	for _, der := range realCertificates(t) {
		x, err := x509.ParseCertificate(der)
		if err != nil {
			t.Fatal(err)
		}
		first := -1
		for n := 0; n <= len(der); n++ {
			v, err := earlyValidity(der[:n])
			if errors.Is(err, errNotEnoughData) {
				if first >= 0 {
					t.Fatalf("%s: prefix %d not enough after %d was", x.Subject, n, first)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s: prefix %d: %v", x.Subject, n, err)
			}
			if first < 0 {
				first = n
			}
			if !v.NotBefore.Equal(x.NotBefore) || !v.NotAfter.Equal(x.NotAfter) {
				t.Fatalf("%s: prefix %d gives %v, x509 %v–%v", x.Subject, n, v, x.NotBefore, x.NotAfter)
			}
		}
		if first < 0 || first > 256 {
			t.Errorf("%s: validity complete only after %d bytes, want within the first 256", x.Subject, first)
		}
		t.Logf("%s: validity known after %d of %d bytes", x.Subject.OrganizationalUnit, first, len(der))
	}
}

func TestEarlyValidityRejects(t *testing.T) {
	der := getPKI(t).leaf(t, leafOpts{})
	tamper := func(f func(b []byte)) []byte {
		b := append([]byte(nil), der...)
		f(b)
		return b
	}
	for name, b := range map[string][]byte{
		"not a SEQUENCE":       tamper(func(b []byte) { b[0] = 0x31 }),
		"TBS not a SEQUENCE":   tamper(func(b []byte) { b[4] = 0x31 }),
		"TBS longer than cert": tamper(func(b []byte) { b[6], b[7] = 0xFF, 0xFF }),
		"indefinite outer":     tamper(func(b []byte) { b[1] = 0x80 }),
		"serial tag wrong":     tamper(func(b []byte) { b[8+5] = 0x03 }), // after A0 03 02 01 02
	} {
		if _, err := earlyValidity(b); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: err = %v, want ErrMalformed", name, err)
		}
	}
}

// FuzzParseHeader: never panics; an accepted header is minimal DER and
// within the input.
func FuzzParseHeader(f *testing.F) {
	for _, s := range []string{"3082062E", "3081", "3080", "30817F", "300A", "1F0100", "30830100000000"} {
		f.Add(mustHex(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tag, hdr, n, err := parseHeader(b)
		if err != nil {
			if !errors.Is(err, errNotEnoughData) && !errors.Is(err, ErrMalformed) {
				t.Fatalf("unexpected error kind %v", err)
			}
			return
		}
		if hdr < 2 || hdr > len(b) || hdr > 5 || n < 0 || tag != b[0] {
			t.Fatalf("parseHeader(% X) = %02X %d %d", b, tag, hdr, n)
		}
		// Minimal: the same length re-encodes to the same octets.
		var enc []byte
		switch {
		case n < 0x80:
			enc = []byte{byte(n)}
		case n < 0x100:
			enc = []byte{0x81, byte(n)}
		case n < 0x10000:
			enc = []byte{0x82, byte(n >> 8), byte(n)}
		default:
			enc = []byte{0x83, byte(n >> 16), byte(n >> 8), byte(n)}
		}
		if string(enc) != string(b[1:hdr]) {
			t.Fatalf("length % X is not minimal for %d", b[1:hdr], n)
		}
	})
}

// FuzzEarlyValidity: never panics; when the walk answers and x509 parses
// the whole certificate, they agree on both dates.
func FuzzEarlyValidity(f *testing.F) {
	for _, der := range realCertificates(f) {
		f.Add(der)
		f.Add(der[:200])
	}
	f.Add(mustHex("30 03 30 01 00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := earlyValidity(b)
		if err != nil {
			if !errors.Is(err, errNotEnoughData) && !errors.Is(err, ErrMalformed) {
				t.Fatalf("unexpected error kind %v", err)
			}
			return
		}
		n, err := certLength(b)
		if err != nil || n > len(b) {
			return // only a prefix: nothing to compare with
		}
		x, err := x509.ParseCertificate(b[:n])
		if err != nil {
			return
		}
		if !v.NotBefore.Equal(x.NotBefore) || !v.NotAfter.Equal(x.NotAfter) {
			t.Fatalf("walk %v, x509 %v–%v", v, x.NotBefore, x.NotAfter)
		}
	})
}
