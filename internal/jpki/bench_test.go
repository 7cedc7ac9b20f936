package jpki

import (
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
		if _, err := Check(NewCard(f), CheckOptions{Trust: trust}); err != nil {
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
		if _, err := Check(NewCard(f), CheckOptions{Quick: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckSim runs the check against the simulated card, whose own
// bookkeeping is included.
func BenchmarkCheckSim(b *testing.B) {
	sim := newSim(b, cardsim.Options{})
	trust := simTrust(b, sim)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(NewCard(sim), CheckOptions{Trust: trust}); err != nil {
			b.Fatal(err)
		}
	}
}

// cardFor is a fresh fake card with fixed contents, cheap enough for a
// benchmark loop (no certificate signing).
func (p *testPKI) cardFor(auth []byte) *fakeCard {
	return newFakeMyNumber(auth, p.authCA.Raw, nil, p.signCA.Raw)
}
