package jpki

import (
	"errors"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
)

// BenchmarkCheck is the whole no-PIN check against an in-memory card: the
// host side's cost per check, signature verification included.
func BenchmarkCheck(b *testing.B) {
	p := getPKI(b)
	auth := p.leaf(b, leafOpts{padTo: 1600})
	trust := p.trust(b)
	b.ReportAllocs()
	for b.Loop() {
		f := p.cardFor(auth)
		if _, err := Check(NewCard(f), WithTrust(trust)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckQuick stops after the first chunk: no x509 parse, no
// signature.
func BenchmarkCheckQuick(b *testing.B) {
	p := getPKI(b)
	auth := p.leaf(b, leafOpts{padTo: 1600})
	b.ReportAllocs()
	for b.Loop() {
		f := p.cardFor(auth)
		if _, err := Check(NewCard(f), ValidityOnly()); err != nil {
			b.Fatal(err)
		}
	}
}

// The BenchmarkXxxSim benchmarks follow each CLI command's protocol path
// on the in-process simulated card (cardsim, no PC/SC), one fresh session
// per iteration as a fresh process has. Besides time and allocations they
// report what crossed the card's contacts per operation (apdus/op,
// bytes/op), so a change that costs an APDU shows up here before it shows
// up in `make bench`.

// benchOnSim runs op on a fresh session of sim per iteration and reports
// the card traffic of one operation.
func benchOnSim(b *testing.B, sim *cardsim.Card, op func(*Card) error) {
	b.ReportAllocs()
	var s exchangeStats
	for b.Loop() {
		card := NewCard(sim)
		if err := op(card); err != nil {
			b.Fatal(err)
		}
		s = card.totals()
	}
	b.ReportMetric(float64(s.APDUs), "apdus/op")
	b.ReportMetric(float64(s.BytesSent+s.BytesReceived), "bytes/op")
}

// BenchmarkCheckSim is check: the certificate, its signature and both PIN
// counters, with the simulated card's own bookkeeping included.
func BenchmarkCheckSim(b *testing.B) {
	sim := newSim(b, cardsim.Options{})
	trust := simTrust(b, sim)
	benchOnSim(b, sim, func(card *Card) error {
		_, err := Check(card, WithTrust(trust))
		return err
	})
}

// BenchmarkCheckSimEarly is check with the early answer wired, as the CLI
// runs it: the walk of the first chunk comes on top of the full read.
func BenchmarkCheckSimEarly(b *testing.B) {
	sim := newSim(b, cardsim.Options{})
	trust := simTrust(b, sim)
	benchOnSim(b, sim, func(card *Card) error {
		early := false
		_, err := Check(card, WithTrust(trust), WithEarlyValidity(func(Validity) { early = true }))
		if err == nil && !early {
			err = errors.New("no early validity")
		}
		return err
	})
}

// BenchmarkCheckSimQuick is check --quick: first chunk and PIN counters.
func BenchmarkCheckSimQuick(b *testing.B) {
	sim := newSim(b, cardsim.Options{})
	benchOnSim(b, sim, func(card *Card) error {
		_, err := Check(card, ValidityOnly())
		return err
	})
}

// BenchmarkReadCertificateSim is export auth: the certificate and its
// signature check, no PIN counters.
func BenchmarkReadCertificateSim(b *testing.B) {
	sim := newSim(b, cardsim.Options{})
	trust := simTrust(b, sim)
	benchOnSim(b, sim, func(card *Card) error {
		_, err := ReadCertificate(card, AuthCert, WithTrust(trust))
		return err
	})
}

// BenchmarkPINTriesSim is pin status: both counters, no try spent.
func BenchmarkPINTriesSim(b *testing.B) {
	sim := newSim(b, cardsim.Options{})
	benchOnSim(b, sim, func(card *Card) error {
		for _, p := range []PIN{AuthPIN, SignPIN} {
			if _, err := PINTries(card, p); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkEarlyValidity is the strict partial DER walk over the first
// 256-byte chunk alone: what the first answer costs the host.
func BenchmarkEarlyValidity(b *testing.B) {
	sim := newSim(b, cardsim.Options{})
	card := NewCard(sim)
	cert, err := ReadCertificate(card, AuthCert, WithTrust(simTrust(b, sim)))
	if err != nil {
		b.Fatal(err)
	}
	first := cert.DER()[:256]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseTBSPrefix(first); err != nil {
			b.Fatal(err)
		}
	}
}

// cardFor is a fresh fake card with fixed contents, cheap enough for a
// benchmark loop (no certificate signing).
func (p *testPKI) cardFor(auth []byte) *fakeCard {
	return newFakeMyNumber(auth, p.authCA.Raw, nil, p.signCA.Raw)
}
