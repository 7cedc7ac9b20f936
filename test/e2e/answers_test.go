package e2e_test

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/rig"
	"github.com/jpkicheck/jpkicheck/internal/source"
)

// The in-process half of the matrix: the protocol code against every
// profile and fault, with the card leaving after every APDU and, on top,
// thousands of random status-word sequences. No PC/SC in the way, so it
// covers far more cases than the real stack can in the same time; the
// stack tests prove the same rules hold end to end.

// operation is one thing a command asks of the card.
type operation struct {
	name string
	run  func(card *jpki.Card, trust *jpki.TrustStore, seen func(jpki.Validity)) ([]jpki.Validity, error)
}

var operations = []operation{
	{"check", func(c *jpki.Card, tr *jpki.TrustStore, seen func(jpki.Validity)) ([]jpki.Validity, error) {
		res, err := jpki.Check(c, jpki.WithTrust(tr), jpki.WithEarlyValidity(seen))
		if err != nil {
			return nil, err
		}
		return []jpki.Validity{res.Auth.Validity()}, nil
	}},
	{"check-quick", func(c *jpki.Card, tr *jpki.TrustStore, seen func(jpki.Validity)) ([]jpki.Validity, error) {
		res, err := jpki.Check(c, jpki.WithTrust(tr), jpki.ValidityOnly())
		if err != nil {
			return nil, err
		}
		return []jpki.Validity{res.Auth.Validity()}, nil
	}},
	{"identify", func(c *jpki.Card, _ *jpki.TrustStore, _ func(jpki.Validity)) ([]jpki.Validity, error) {
		_, err := jpki.Identify(c)
		return nil, err
	}},
	{"read-auth-and-cas", func(c *jpki.Card, tr *jpki.TrustStore, seen func(jpki.Validity)) ([]jpki.Validity, error) {
		cert, err := jpki.ReadCertificate(c, jpki.AuthCert, jpki.WithTrust(tr), jpki.WithEarlyValidity(seen))
		if err != nil {
			return nil, err
		}
		for _, f := range []jpki.CertFile{jpki.AuthCA, jpki.SignCA} {
			if _, err := jpki.ReadCertificate(c, f, jpki.WithTrust(tr)); err != nil {
				return nil, err
			}
		}
		return []jpki.Validity{cert.Validity()}, nil
	}},
	{"pin-tries", func(c *jpki.Card, _ *jpki.TrustStore, _ func(jpki.Validity)) ([]jpki.Validity, error) {
		for _, p := range []jpki.PIN{jpki.AuthPIN, jpki.SignPIN} {
			if _, err := jpki.PINTries(c, p); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}},
}

// maxAPDUs bounds what any operation may send: a good check needs 12,
// the slowest legitimate read (a card answering half of every Le) about
// fifty.
const maxAPDUs = 200

// transmitter adapts a handler (a card with extra faults around it) to
// jpki.Transmitter.
type transmitter func([]byte) ([]byte, error)

func (f transmitter) Transmit(apdu []byte) ([]byte, error) { return f(apdu) }

// removeAfter lets n APDUs through and then reports the card gone, as
// the reader does.
func removeAfter(n int, next transmitter) transmitter {
	sent := 0
	return func(apdu []byte) ([]byte, error) {
		if sent == n {
			return nil, pcsc.ErrCardRemoved
		}
		sent++
		return next(apdu)
	}
}

// probe runs op once and holds the outcome to the rules; it returns the
// problem a resident would be told (or "" for a result).
func probe(t testing.TB, name string, card *cardsim.Card, tx transmitter, op operation, extended bool, truth *x509.Certificate, budget int) (problem report.Problem) {
	t.Helper()
	before := card.State()
	startAPDUs := card.Stats().APDUs
	trust := jpki.DefaultTrust()
	if pem := card.CAPEM(); len(pem) > 0 {
		if _, err := trust.AddPEM(pem); err != nil {
			t.Fatal(err)
		}
	}
	var opts []jpki.CardOption
	if extended {
		opts = append(opts, jpki.WithExtendedRead())
	}
	var early []jpki.Validity
	var got []jpki.Validity
	var err error
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("%s: panic: %v\n%s", name, p, debug.Stack())
			}
		}()
		got, err = op.run(jpki.NewCard(tx, opts...), trust, func(v jpki.Validity) { early = append(early, v) })
	}()

	for _, v := range append(early, got...) {
		if truth == nil || !v.NotAfter.Equal(truth.NotAfter) || !v.NotBefore.Equal(truth.NotBefore) {
			t.Errorf("%s: reported validity %v, card holds %v", name, v, validityOf(truth))
		}
	}
	if n := card.Stats().APDUs - startAPDUs; n > budget {
		t.Errorf("%s: %d APDUs", name, n)
	}
	for _, ex := range card.Exchanges() {
		if len(ex.Command) > 5 && ex.Command[1] == 0x20 {
			t.Fatalf("%s: VERIFY with data sent: %X", name, ex.Command)
		}
	}
	rig.PINsUnchanged(t, name, before, card.State())
	if err == nil {
		return ""
	}
	d := report.Classify(err)
	if d.Problem == report.Internal {
		t.Errorf("%s: error a resident cannot act on: %v", name, err)
	}
	return d.Problem
}

func validityOf(x *x509.Certificate) string {
	if x == nil {
		return "no parsable certificate"
	}
	return jpki.Validity{NotBefore: x.NotBefore, NotAfter: x.NotAfter}.String()
}

func allProfiles() []cardsim.ProfileInfo {
	return append(cardsim.Profiles(), cardsim.FaultProfiles()...)
}

// newSim builds a card of the profile as of the fixed day, and the
// certificate it holds (nil when it holds none that parses).
func newSim(t *testing.T, p cardsim.Profile) (*cardsim.Card, *x509.Certificate) {
	t.Helper()
	c, err := cardsim.New(cardsim.Options{Profile: p, Today: todayTime})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := x509.ParseCertificate(c.Certificates().Auth)
	return c, x
}

func TestProtocolMatrix(t *testing.T) {
	tl := newTally(t, "in-process: profiles x operations x removal after each APDU")
	for _, p := range allProfiles() {
		if p.Name == cardsim.Hang {
			continue // TestHungCardInProcess
		}
		card, truth := newSim(t, p.Name)
		for _, op := range operations {
			for _, extended := range []bool{false, true} {
				// The APDUs a whole run takes, then a removal after each.
				start := card.Stats().APDUs
				name := fmt.Sprintf("%s/%s/extended=%v", p.Name, op.name, extended)
				tl.add(string(orResult(probe(t, name, card, card.Transmit, op, extended, truth, maxAPDUs))))
				n := card.Stats().APDUs - start
				for k := 0; k < n; k++ {
					name := fmt.Sprintf("%s/remove-after-%d", name, k)
					problem := probe(t, name, card, removeAfter(k, card.Transmit), op, extended, truth, maxAPDUs)
					// The run needs more than k APDUs, so it must meet the
					// removal, and say so. (random-sw answers differently
					// every run, so its runs need not reach APDU k.)
					if problem != report.CardRemoved && p.Name != cardsim.RandomSW {
						t.Errorf("%s: %s, want card_removed", name, orResult(problem))
					}
					tl.add(string(orResult(problem)))
				}
			}
		}
	}
}

func orResult(p report.Problem) report.Problem {
	if p == "" {
		return "result"
	}
	return p
}

// Thousands of random status-word sequences on a good card and a T=0
// card: whatever the card says, no wrong date, no PIN try, no hang, and an
// error a resident can act on.
func TestRandomStatusWords(t *testing.T) {
	seeds := 5000
	if testing.Short() {
		seeds = 500
	}
	tl := newTally(t, "in-process: random status words")
	for _, p := range []cardsim.Profile{cardsim.Valid, cardsim.T0, cardsim.ShortLe} {
		card, truth := newSim(t, p)
		for seed := range seeds {
			h := cardsim.RandomStatusWords(uint64(seed))(card, card.Transmit)
			op := operations[seed%len(operations)]
			name := fmt.Sprintf("%s/seed-%d/%s", p, seed, op.name)
			tl.add(string(orResult(probe(t, name, card, transmitter(h), op, seed%3 == 0, truth, maxAPDUs))))
		}
	}
}

// A card that hangs holds jpki (which has no clock of its own: the PC/SC
// layer bounds every exchange) until it is removed; then the read ends at
// once as a removal.
func TestHungCardInProcess(t *testing.T) {
	card, err := source.Open(context.Background(), source.Options{Sim: string(cardsim.Hang), Today: todayTime})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- card.Do(func(jc *jpki.Card) error {
			_, err := jpki.Check(jc)
			return err
		})
	}()
	select {
	case err := <-done:
		t.Fatalf("check returned on a hung card: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	card.Sim().Remove()
	select {
	case err := <-done:
		if !errors.Is(err, pcsc.ErrCardRemoved) || report.Classify(err).Problem != report.CardRemoved {
			t.Errorf("after removal: %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("removal did not end the check")
	}
}

// FuzzCheckAnswers puts a fuzzed script between the protocol code and a
// good simulated card: per APDU, two bytes say whether to pass the answer,
// swap its status word, cut its data, drop it to a byte, or send a 61 xx
// or 6C xx of the script's choosing. The rules of probe hold for every
// script: no panic, no wrong date, no PIN try, a bounded number of APDUs
// and an error a resident can act on.
func FuzzCheckAnswers(f *testing.F) {
	f.Add([]byte{}, byte(0))
	f.Add([]byte{0, 0, 0, 0, 1, 0x6C, 2, 0x10}, byte(1))
	f.Add([]byte{3, 0, 3, 0, 4, 0x61, 4, 0x00, 5, 0xFF}, byte(2))
	f.Add([]byte{1, 0x63, 1, 0xC0, 1, 0x69, 1, 0x83}, byte(3))
	card, truth := newSimOnce(f)
	f.Fuzz(func(t *testing.T, script []byte, sel byte) {
		step := 0
		tx := transmitter(func(apdu []byte) ([]byte, error) {
			resp, err := card.Transmit(apdu)
			if err != nil || 2*step+1 >= len(script) {
				return resp, err
			}
			op, arg := script[2*step], script[2*step+1]
			step++
			data := resp[:len(resp)-2]
			switch op % 6 {
			case 1: // another status word
				return append(slices.Clone(data), arg, resp[len(resp)-1]^arg), nil
			case 2: // data cut short, status word kept
				return append(slices.Clone(data[:min(len(data), int(arg))]), resp[len(resp)-2:]...), nil
			case 3: // no status word
				return slices.Clone(resp[:min(len(resp), int(arg%2))]), nil
			case 4: // more data waiting
				return append(slices.Clone(data), 0x61, arg), nil
			case 5: // wrong length, says the card
				return append(slices.Clone(data), 0x6C, arg), nil
			}
			return resp, nil
		})
		op := operations[int(sel)%len(operations)]
		// Each scripted fault may cost an APDU of its own.
		probe(t, op.name, card, tx, op, sel&0x80 != 0, truth, maxAPDUs+len(script)/2)
	})
}

var simOnce struct {
	sync.Once
	card  *cardsim.Card
	truth *x509.Certificate
}

// newSimOnce builds one good card per fuzzing process: signing a card's
// certificates costs milliseconds, an exchange microseconds.
func newSimOnce(tb testing.TB) (*cardsim.Card, *x509.Certificate) {
	simOnce.Do(func() {
		c, err := cardsim.New(cardsim.Options{Today: todayTime})
		if err != nil {
			tb.Fatal(err)
		}
		simOnce.card = c
		simOnce.truth, _ = x509.ParseCertificate(c.Certificates().Auth)
	})
	return simOnce.card, simOnce.truth
}
