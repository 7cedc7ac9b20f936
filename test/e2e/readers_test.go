package e2e_test

import (
	"context"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// A second card with its own known expiry, told apart from knownExpiry.
const otherExpiry = "2032-07-01"

// Two readers with a card each: by default the first reader holding a card
// is read; --reader (a case-insensitive part of the name) picks another; a
// name matching no reader is refused at once, listing the readers there
// are. With the first card gone, the default finds the second.
func TestTwoReaders(t *testing.T) {
	s := startStack(t)
	a := s.StartCardWith(t, rig.CardOptions{Reader: 0, Async: true}, "--auth-expiry", knownExpiry)
	b := s.StartCardWith(t, rig.CardOptions{Reader: 1}, "--auth-expiry", otherExpiry)
	s.waitCard(t, 0)
	defer a.KeepsPINs(t)()
	defer b.KeepsPINs(t)()

	for _, tt := range []struct {
		args   []string
		reader int
		expiry string
	}{
		{nil, 0, knownExpiry},
		{[]string{"--reader", "00 01"}, 1, otherExpiry},
		{[]string{"--reader", "virtual pcd 00 00"}, 0, knownExpiry},
	} {
		res := s.jpkicheck(t, append([]string{"check", "--json"}, tt.args...)...)
		rep := decode[checkJSON](t, "check --json", res)
		if res.Code != 0 || rep.Card.Reader != s.ReaderName(tt.reader) || rep.Certificates.Auth == nil || rep.Certificates.Auth.Expiry != tt.expiry {
			t.Errorf("check %q: exit %d, read %q (want %q, expiry %s)\n%s%s", tt.args, res.Code, rep.Card.Reader, s.ReaderName(tt.reader), tt.expiry, res.Stdout, res.Stderr)
		}
	}

	t0 := time.Now()
	res := s.jpkicheck(t, "check", "--lang", "en", "--reader", "nomatch")
	expect(t, "--reader nomatch", res, 5,
		`No reader matches "nomatch". Readers connected: Virtual PCD 00 00, Virtual PCD 00 01.`,
		"hint: run 'jpkicheck readers' to see the names, and pass part of one with --reader")
	if took := time.Since(t0); took > promptly {
		t.Errorf("--reader nomatch took %v; a typo must not wait for a reader", took)
	}

	list := decode[readersJSON](t, "readers --json", s.jpkicheck(t, "readers", "--json"))
	for i := range 2 {
		if got := list.card(s.ReaderName(i)); got != "my_number_card" {
			t.Errorf("readers --json: %q in %s", got, s.ReaderName(i))
		}
	}

	a.Stop(t)
	a.WaitRemoved(t)
	res = s.jpkicheck(t, "check", "--json", "--wait", "0")
	if rep := decode[checkJSON](t, "check --json", res); rep.Card.Reader != s.ReaderName(1) {
		t.Errorf("with reader 0 empty, check read %q", rep.Card.Reader)
	}
	res = s.jpkicheck(t, "check", "--lang", "en", "--reader", "00 00", "--wait", "0")
	expect(t, "--reader on the empty reader", res, 5, "No card was found in the reader.")
}

// waitCard waits until pcscd reports a card in reader i.
func (s *stack) waitCard(t *testing.T, i int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := pcsc.WaitForCard(ctx, s.ReaderName(i)); err != nil {
		t.Fatalf("no card seen in %s: %v", s.ReaderName(i), err)
	}
}
