package jpki

import (
	"bytes"
	"crypto/x509"
	"testing"
)

// FuzzReadCertificate serves arbitrary EF contents through the fake card,
// with a fuzzed Le limit, card style and reader faults (READ BINARY lost,
// or lost with the card reset), and checks that reading never
// panics, never reads a byte twice or past the DER end, returns either a
// certificate that is exactly the DER or an error, and never reports an
// early validity that differs from x509's parse of the full DER.
func FuzzReadCertificate(f *testing.F) {
	for _, der := range realCertificates(f) {
		f.Add(padEF(der), byte(255), byte(0))
		f.Add(der, byte(127), byte(0b0011))
		f.Add(der[:len(der)-1], byte(255), byte(0b0100))
		f.Add(padEF(der), byte(99), byte(0b11000))
		f.Add(padEF(der), byte(255), byte(0b1000000))
		f.Add(padEF(der), byte(255), byte(0b11011000))
	}
	f.Add(syntheticDER(700), byte(255), byte(0))
	f.Add(mustHex("30 82 7F FF 00"), byte(255), byte(0))
	f.Add([]byte{}, byte(0), byte(0))
	f.Fuzz(func(t *testing.T, ef []byte, leSel, mode byte) {
		if len(ef) > 8192 {
			return
		}
		card := &fakeCard{
			files:       map[uint16][]byte{0x000A: ef},
			pins:        map[uint16]*fakePIN{},
			maxLe:       int(leSel) + 1,
			wrongLeSW6C: mode&1 != 0,
			t0:          mode&2 != 0,
			eofWarning:  mode&4 != 0,
			extended:    mode&8 != 0,
		}
		var opts []CardOption
		if mode&16 != 0 {
			opts = append(opts, WithExtendedRead())
		}
		var tx Transmitter = card
		if mode&192 != 0 {
			// Lost answers, never cut ones: a cut answer was served, and
			// its retry rightly reads those bytes again.
			faults := map[int]fault{0: dropped}
			if mode&128 != 0 {
				faults = map[int]fault{1: reset, 2: dropped}
			}
			tx = &faultyReader{fakeCard: card, faults: faults}
		}
		var early []Validity
		readOpts := []ReadOption{WithEarlyValidity(func(v Validity) { early = append(early, v) })}
		quick := mode&32 != 0
		if quick {
			readOpts = append(readOpts, ValidityOnly())
		}
		cert, err := ReadCertificate(NewCard(tx, opts...), AuthCert, readOpts...)

		total, lenErr := certLength(ef)
		var x *x509.Certificate
		if lenErr == nil && total <= len(ef) {
			x, _ = x509.ParseCertificate(ef[:total])
		}

		// Reads: contiguous from 0; after the first, never past the DER end.
		next := 0
		for i, r := range card.reads {
			if r[0] != next {
				t.Fatalf("read %d at %d, want %d (re-read or gap)", i, r[0], next)
			}
			next = r[0] + r[1]
			if i > 0 && lenErr == nil && next > total {
				t.Fatalf("read %d ends at %d, past the DER end %d", i, next, total)
			}
		}
		if len(early) > 1 {
			t.Fatalf("early validity reported %d times", len(early))
		}
		if len(early) == 1 && x != nil && (!early[0].NotBefore.Equal(x.NotBefore) || !early[0].NotAfter.Equal(x.NotAfter)) {
			t.Fatalf("early %v, x509 %v–%v", early[0], x.NotBefore, x.NotAfter)
		}
		if err != nil {
			if cert != nil {
				t.Fatal("certificate and error both returned")
			}
			return
		}
		if cert.Partial {
			if !quick || len(early) != 1 || !cert.NotAfter.Equal(early[0].NotAfter) {
				t.Fatalf("partial certificate %v, early %v", cert, early)
			}
			return
		}
		if x == nil || !bytes.Equal(cert.DER(), ef[:total]) || !cert.NotAfter.Equal(x.NotAfter) {
			t.Fatalf("certificate returned for bytes x509 rejects or that differ from the DER")
		}
	})
}
