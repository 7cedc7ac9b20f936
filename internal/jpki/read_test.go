package jpki

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"testing"
)

// syntheticDER is a SEQUENCE of exactly n bytes (n ≥ 2), enough for readDER,
// which only looks at the outer length.
func syntheticDER(n int) []byte {
	var hdr []byte
	switch c := n - 2; {
	case c < 0x80:
		hdr = []byte{0x30, byte(c)}
	case n-3 < 0x100:
		hdr = []byte{0x30, 0x81, byte(n - 3)}
	default:
		hdr = []byte{0x30, 0x82, byte((n - 4) >> 8), byte(n - 4)}
	}
	out := make([]byte, n)
	copy(out, hdr)
	for i := len(hdr); i < n; i++ {
		out[i] = byte(i)
	}
	return out
}

// readBinaryLog picks the READ BINARY and GET RESPONSE commands out of a
// fake card's log.
func readBinaryLog(f *fakeCard) (reads, getResponses []string) {
	for _, c := range f.log {
		switch c[1] {
		case 0xB0:
			reads = append(reads, spacedHexTest(c))
		case 0xC0:
			getResponses = append(getResponses, spacedHexTest(c))
		}
	}
	return reads, getResponses
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

func readSynthetic(t *testing.T, f *fakeCard, opts ...CardOption) ([]byte, error) {
	t.Helper()
	c := NewCard(f, opts...)
	if err := c.selectApplet(); err != nil {
		t.Fatal(err)
	}
	if err := c.selectEF(0x000A); err != nil {
		t.Fatal(err)
	}
	return c.readDER(0x000A, nil)
}

func TestReadDERFewestAPDUs(t *testing.T) {
	for _, n := range []int{100, 255, 256, 257, 511, 512, 513, 1316, 1600, 2048, 3000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			der := syntheticDER(n)
			f := &fakeCard{files: map[uint16][]byte{0x000A: padEF(der)}}
			got, err := readSynthetic(t, f)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, der) {
				t.Fatal("read bytes differ")
			}
			reads, _ := readBinaryLog(f)
			if len(reads) != ceilDiv(n, 256) {
				t.Errorf("%d READ BINARY for %d bytes, want %d: %q", len(reads), n, ceilDiv(n, 256), reads)
			}
			// Contiguous, no byte twice, Le 00 but for the last, which asks
			// exactly for the rest: the EF's padding is never read.
			want := 0
			for i, r := range f.reads {
				if r[0] != want {
					t.Errorf("read %d at offset %d, want %d", i, r[0], want)
				}
				want = r[0] + r[1]
				if i > 0 && want > n {
					t.Errorf("read %d ends at %d, past the DER end %d", i, want, n)
				}
			}
			last := f.log[len(f.log)-1]
			if n > 256 && int(last[4]) != n%256 {
				t.Errorf("last READ BINARY Le %02X, want %02X", last[4], byte(n%256))
			}
		})
	}
}

func TestReadDERSmallLe(t *testing.T) {
	const n = 1316
	for _, tc := range []struct {
		name string
		f    *fakeCard
	}{
		{"67 00", &fakeCard{maxLe: 128}},
		{"6C 80", &fakeCard{maxLe: 128, wrongLeSW6C: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			der := syntheticDER(n)
			tc.f.files = map[uint16][]byte{0x000A: padEF(der)}
			got, err := readSynthetic(t, tc.f)
			if err != nil || !bytes.Equal(got, der) {
				t.Fatalf("read: %v", err)
			}
			reads, _ := readBinaryLog(tc.f)
			// One refused Le 00, then 128-byte chunks.
			if want := 1 + ceilDiv(n, 128); len(reads) != want {
				t.Errorf("%d READ BINARY, want %d: %q", len(reads), want, reads)
			}
			if reads[0] != "00 B0 00 00 00" || reads[1] != "00 B0 00 00 80" {
				t.Errorf("first reads %q", reads[:2])
			}
		})
	}
	t.Run("learned for the next file", func(t *testing.T) {
		f := &fakeCard{maxLe: 128, files: map[uint16][]byte{0x000A: padEF(syntheticDER(300)), 0x000B: padEF(syntheticDER(300))}}
		c := NewCard(f)
		for _, ef := range []uint16{0x000A, 0x000B} {
			if err := c.selectApplet(); err != nil {
				t.Fatal(err)
			}
			if err := c.selectEF(ef); err != nil {
				t.Fatal(err)
			}
			if _, err := c.readDER(0x000A, nil); err != nil {
				t.Fatal(err)
			}
		}
		reads, _ := readBinaryLog(f)
		if want := (1 + 3) + 3; len(reads) != want {
			t.Errorf("%d READ BINARY, want %d: %q", len(reads), want, reads)
		}
	})
}

func TestReadDERT0(t *testing.T) {
	const n = 1316
	der := syntheticDER(n)
	f := &fakeCard{t0: true, files: map[uint16][]byte{0x000A: padEF(der)}}
	got, err := readSynthetic(t, f)
	if err != nil || !bytes.Equal(got, der) {
		t.Fatalf("read: %v", err)
	}
	reads, gets := readBinaryLog(f)
	if len(reads) != ceilDiv(n, 256) || len(gets) != len(reads) {
		t.Errorf("%d READ BINARY and %d GET RESPONSE, want %d each", len(reads), len(gets), ceilDiv(n, 256))
	}
}

func TestReadDERExtended(t *testing.T) {
	const n = 1316
	der := syntheticDER(n)
	t.Run("supported", func(t *testing.T) {
		f := &fakeCard{extended: true, files: map[uint16][]byte{0x000A: padEF(der)}}
		got, err := readSynthetic(t, f, WithExtendedRead())
		if err != nil || !bytes.Equal(got, der) {
			t.Fatalf("read: %v", err)
		}
		reads, _ := readBinaryLog(f)
		want := []string{"00 B0 00 00 00", fmt.Sprintf("00 B0 01 00 00 %02X %02X", (n-256)>>8, (n-256)&0xFF)}
		if fmt.Sprint(reads) != fmt.Sprint(want) {
			t.Errorf("reads %q, want %q", reads, want)
		}
	})
	t.Run("refused", func(t *testing.T) {
		f := &fakeCard{files: map[uint16][]byte{0x000A: padEF(der)}}
		c := NewCard(f, WithExtendedRead())
		_ = c.selectApplet()
		_ = c.selectEF(0x000A)
		got, err := c.readDER(0x000A, nil)
		if err != nil || !bytes.Equal(got, der) {
			t.Fatalf("read: %v", err)
		}
		reads, _ := readBinaryLog(f)
		if want := 1 + 1 + ceilDiv(n-256, 256); len(reads) != want {
			t.Errorf("%d READ BINARY, want %d: %q", len(reads), want, reads)
		}
		if !c.extendedBad {
			t.Error("extended reads not turned off")
		}
	})
	t.Run("transport error", func(t *testing.T) {
		r := &rawCard{script: [][]byte{
			append(der[:256:256], 0x90, 0x00),
			nil, // the reader chokes on the extended APDU: an empty answer is a protocol error, not transport
		}}
		c := NewCard(r, WithExtendedRead())
		if _, err := c.readDER(0x000A, nil); !errors.Is(err, ErrProtocol) {
			t.Errorf("err = %v", err)
		}
		inner := &fakeCard{files: map[uint16][]byte{0x000A: padEF(der)}}
		tc := &failingCard{fail: 4, inner: inner} // SELECT AP, SELECT EF, READ BINARY, the extended one
		c = NewCard(tc, WithExtendedRead())
		got, err := c.readDER(0x000A, nil)
		if err != nil || !bytes.Equal(got, der) {
			t.Fatalf("read after a transport error on the extended APDU: %v", err)
		}
		// The reader may have reset the card: selected again, then short reads.
		if cmds := inner.commands(); len(cmds) < 5 || cmds[3] != cmdSelectAP || cmds[4] != cmdSelectAuth {
			t.Errorf("after the transport error: %q", cmds)
		}
	})
}

// failingCard fails its fail-th Transmit with a transport error.
type failingCard struct {
	fail, n int
	inner   Transmitter
}

var errReader = errors.New("reader rejected the APDU")

func (f *failingCard) Transmit(apdu []byte) ([]byte, error) {
	f.n++
	if f.n == f.fail {
		return nil, errReader
	}
	return f.inner.Transmit(apdu)
}

func TestReadDERPastEnd(t *testing.T) {
	der := syntheticDER(1316)
	for name, f := range map[string]*fakeCard{
		"6B 00":          {files: map[uint16][]byte{0x000A: der[:1000]}},
		"62 82":          {eofWarning: true, files: map[uint16][]byte{0x000A: der[:1000]}},
		"header missing": {files: map[uint16][]byte{0x000A: {0x30}}},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := readSynthetic(t, f)
			if !errors.Is(err, ErrMalformed) || got != nil {
				t.Errorf("read = %d bytes, %v; want ErrMalformed and nothing", len(got), err)
			}
		})
	}
	f := &fakeCard{files: map[uint16][]byte{0x000A: padEF(mustHex("30 83 01 00 00"))}}
	if _, err := readSynthetic(t, f); !errors.Is(err, ErrMalformed) || len(f.reads) != 1 {
		t.Errorf("16 MiB DER: %v after %d reads", err, len(f.reads))
	}
}

func TestReadCertificateEarlyValidity(t *testing.T) {
	p := getPKI(t)
	der := p.leaf(t, leafOpts{padTo: 1600})
	x, _ := x509.ParseCertificate(der)
	for _, maxLe := range []int{256, 128} {
		t.Run(fmt.Sprint(maxLe), func(t *testing.T) {
			f := p.card(t, der)
			f.maxLe = maxLe
			var got []Validity
			var atAPDU int
			cert, err := ReadCertificate(NewCard(f), AuthCert, WithTrust(p.trust(t)), WithEarlyValidity(func(v Validity) {
				got = append(got, v)
				atAPDU = len(f.log)
			}))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || !got[0].NotAfter.Equal(x.NotAfter) || !got[0].NotBefore.Equal(x.NotBefore) {
				t.Fatalf("early = %v", got)
			}
			// SELECT AP, SELECT 000A, then the chunk(s) holding byte ~200.
			want := 3
			if maxLe == 128 {
				want = 3 + 2 // the refused Le 00, then two 128-byte chunks
			}
			if atAPDU != want {
				t.Errorf("validity after APDU %d, want %d", atAPDU, want)
			}
			if cert.Trust.Status != TrustUserSupplied || !bytes.Equal(cert.DER(), der) {
				t.Errorf("cert %v", cert)
			}
		})
	}
}

func TestReadCertificateValidityOnly(t *testing.T) {
	p := getPKI(t)
	der := p.leaf(t, leafOpts{padTo: 1600})
	x, _ := x509.ParseCertificate(der)
	f := p.card(t, der)
	cert, err := ReadCertificate(NewCard(f), AuthCert, ValidityOnly())
	if err != nil {
		t.Fatal(err)
	}
	if len(f.log) != 3 {
		t.Errorf("%d APDUs, want 3: %q", len(f.log), f.commands())
	}
	if !cert.Partial || cert.Trust.Status != TrustNotChecked || cert.DER() != nil || cert.X509() != nil {
		t.Errorf("partial cert %v", cert)
	}
	if !cert.NotAfter.Equal(x.NotAfter) || cert.Issuer != nameString(x.RawIssuer) || cert.Issuer == "" || !cert.NotBefore.Equal(x.NotBefore) {
		t.Errorf("partial cert %v, x509 issuer %q", cert, x.Issuer)
	}
}

func TestReadCertificateMalformed(t *testing.T) {
	p := getPKI(t)
	der := p.leaf(t, leafOpts{})
	broken := append([]byte(nil), der...)
	broken[len(broken)-300] ^= 0xFF // inside the extensions or key: x509 or the signature breaks
	garbage := syntheticDER(900)
	for name, content := range map[string][]byte{"garbage": garbage, "DER longer than EF": der[:len(der)-10]} {
		t.Run(name, func(t *testing.T) {
			f := p.card(t, nil)
			f.files[0x000A] = content
			var early []Validity
			cert, err := ReadCertificate(NewCard(f), AuthCert, WithEarlyValidity(func(v Validity) { early = append(early, v) }))
			if !errors.Is(err, ErrMalformed) || cert != nil {
				t.Errorf("ReadCertificate = %v, %v; want ErrMalformed", cert, err)
			}
		})
	}
	t.Run("bad signature", func(t *testing.T) {
		f := p.card(t, nil)
		tampered := append([]byte(nil), der...)
		tampered[len(tampered)-1] ^= 0x01 // last byte of the signature
		f.files[0x000A] = padEF(tampered)
		cert, err := ReadCertificate(NewCard(f), AuthCert, WithTrust(p.trust(t)))
		if err != nil {
			t.Fatal(err)
		}
		if cert.Trust.Status != TrustInvalid || cert.Trust.CA != nil {
			t.Errorf("trust %+v, want invalid", cert.Trust)
		}
	})
}

func TestReadCertificateCAFiles(t *testing.T) {
	p := getPKI(t)
	f := p.card(t, nil)
	c := NewCard(f)
	ca, err := ReadCertificate(c, AuthCA, WithTrust(p.trust(t)))
	if err != nil {
		t.Fatal(err)
	}
	if ca.Trust.Status != TrustUserSupplied || !bytes.Equal(ca.DER(), p.authCA.Raw) {
		t.Errorf("auth CA: %v", ca)
	}
	ca, err = ReadCertificate(c, SignCA)
	if err != nil {
		t.Fatal(err)
	}
	// Not in the built-in list though it has the J-LIS name: unknown (it
	// signs itself), not invalid.
	if ca.Trust.Status != TrustUnknownIssuer {
		t.Errorf("sign CA without --trust-ca: %v", ca.Trust.Status)
	}
	if _, err := ReadCertificate(c, SignCert); !errors.Is(err, ErrSecurityStatus) {
		t.Errorf("signing certificate without the password: %v", err)
	}
}
