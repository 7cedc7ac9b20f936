package certfile

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testChain makes a CA and a certificate it signed.
func testChain(t *testing.T) (leaf, ca []byte) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	ca, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "leaf"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
	}
	leaf, err = x509.CreateCertificate(rand.Reader, tmpl, caTmpl, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	return leaf, ca
}

// Every format parses back to the same certificate bytes (and the CA where
// the format carries one).
func TestRoundTrip(t *testing.T) {
	leaf, ca := testChain(t)
	for _, tt := range []struct {
		f    Format
		want [][]byte
	}{
		{PEM, [][]byte{leaf, ca}},
		{DER, [][]byte{leaf}},
		{P7B, [][]byte{leaf, ca}},
	} {
		data, err := Encode(tt.f, leaf, ca)
		if err != nil {
			t.Fatalf("%s: %v", tt.f, err)
		}
		got, err := Decode(tt.f, data)
		if err != nil {
			t.Fatalf("%s: decode: %v", tt.f, err)
		}
		if len(got) != len(tt.want) {
			t.Fatalf("%s: %d certificates back, want %d", tt.f, len(got), len(tt.want))
		}
		for i := range got {
			if !bytes.Equal(got[i].Raw, tt.want[i]) {
				t.Errorf("%s: certificate %d differs after the round trip", tt.f, i)
			}
		}
	}
}

func TestEncodeRejectsGarbage(t *testing.T) {
	if _, err := Encode(PEM, []byte{0x30, 0x03, 1, 2, 3}); err == nil {
		t.Error("encoded a non-certificate")
	}
	if _, err := ParseFormat("cer"); err == nil {
		t.Error("accepted an unknown format")
	}
}

func TestWriteFileNeverOverwritesUnasked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "auth.pem")
	if err := WriteFile(path, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("two"), false); !errors.Is(err, ErrExists) {
		t.Fatalf("second write: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "one" {
		t.Fatalf("file was clobbered: %q", b)
	}
	if err := WriteFile(path, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "three" {
		t.Fatalf("overwrite failed: %q", b)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 (a signing certificate holds personal data)", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// Devices and pipes are written into, never replaced: renaming a file over
// /dev/null (as root) would break the whole machine.
func TestWriteFileToDevice(t *testing.T) {
	before, err := os.Stat(os.DevNull)
	if err != nil {
		t.Skip("no", os.DevNull)
	}
	for _, overwrite := range []bool{false, true} {
		if err := WriteFile(os.DevNull, []byte("certificate"), overwrite); err != nil {
			t.Errorf("overwrite=%v: %v", overwrite, err)
		}
	}
	after, err := os.Stat(os.DevNull)
	if err != nil || after.Mode() != before.Mode() || after.Mode().IsRegular() {
		t.Fatalf("%s was replaced: mode %v, was %v", os.DevNull, after.Mode(), before.Mode())
	}
	if err := WriteFile(t.TempDir(), []byte("x"), true); err == nil {
		t.Error("wrote over a directory")
	}
}
