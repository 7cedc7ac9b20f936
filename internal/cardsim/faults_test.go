package cardsim

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// Each fault profile misbehaves exactly as documented, and only there: the
// commands before the fault are answered as by a good card.
func TestFaultProfiles(t *testing.T) {
	good := newCard(t, Options{})
	der := good.Certificates().Auth
	realLen := len(der) - 4 // content length in the 30 82 hi lo header
	tests := []struct {
		profile Profile
		steps   []step
		after   func(t *testing.T, c *Card)
	}{
		{Truncated, []step{s(selAP, "9000"), s(selAuth, "9000"), sd(read256, "9000", 128), sd(read4, "9000", 2), sd("00 B0 00 00 01", "9000", 1)}, nil},
		{WrongDERLength, []step{s(selAP, "9000"), s(selAuth, "9000")}, func(t *testing.T, c *Card) {
			if got := tx(t, c, read4); !bytes.Equal(got, []byte{0x30, 0x82, byte((realLen - 16) >> 8), byte(realLen - 16), 0x90, 0x00}) {
				t.Errorf("header %X, want length %d", got, realLen-16)
			}
		}},
		{DERPastEF, []step{s(selAP, "9000"), s(selAuth, "9000"), s(read4, "9000"), sd("00 B0 07 F0 20", "9000", 16), s("00 B0 08 00 10", "6B00")}, func(t *testing.T, c *Card) {
			if got := tx(t, c, read4); !bytes.Equal(got, hx(t, "30 82 7F EC 90 00")) {
				t.Errorf("header %X", got)
			}
		}},
		{Endless61, []step{s(selAP, "9000"), s(selAuth, "9000"), s(read256, "6110"),
			sd("00 C0 00 00 10", "6110", 0), sd("00 C0 00 00 10", "6110", 0), s(selAuthPIN, "9000"), s(triesLeft, "63C3")}, nil},
		{Wrong6C, []step{s(selAP, "9000"), s(selAuth, "9000"), s(read256, "6CFF"), s("00 B0 00 00 FF", "6CFE"), s("00 B0 00 00 01", "6C00"), s(selAuthPIN, "9000")}, nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			c := newCard(t, Options{Profile: tt.profile})
			run(t, c, tt.steps...)
			if tt.after != nil {
				tt.after(t, c)
			}
			if st := c.State(); st.Auth.TriesLeft != 3 || st.Sign.TriesLeft != 5 {
				t.Errorf("counters %+v", st)
			}
		})
	}
}

// A hanging card holds the command until it is removed, then reports the
// removal; the commands before the first READ BINARY are answered.
func TestFaultHang(t *testing.T) {
	c := newCard(t, Options{Profile: Hang})
	run(t, c, s(selAP, "9000"), s(selAuth, "9000"))
	done := make(chan error, 1)
	go func() {
		_, err := c.Transmit(hx(t, read256))
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("READ BINARY answered on a hanging card: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	c.Remove()
	select {
	case err := <-done:
		if !errors.Is(err, ErrRemoved) {
			t.Errorf("after removal: %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("removal did not end the hanging command")
	}
}

// RandomSW is repeatable (same seed, same commands, same answers), alters
// roughly a third of the answers, and every seed gives another sequence.
func TestFaultRandomSW(t *testing.T) {
	cmds := []string{selAP, selAuth, read256, "00 B0 01 00 00", "00 B0 02 00 00", "00 B0 03 00 00", selAuthPIN, triesLeft, selSignPIN, triesLeft}
	answers := func(o Options) [][]byte {
		c := newCard(t, o)
		var out [][]byte
		for range 10 {
			for _, cmd := range cmds {
				resp, err := c.Transmit(hx(t, cmd))
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, resp)
			}
		}
		return out
	}
	plain := answers(Options{})
	a := answers(Options{Profile: RandomSW})
	b := answers(Options{Profile: RandomSW})
	other := answers(Options{Middleware: []Middleware{RandomStatusWords(faultSeed + 1)}})
	changed, same := 0, true
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Fatalf("answer %d differs between two runs: %X, %X", i, a[i], b[i])
		}
		if !bytes.Equal(a[i], plain[i]) {
			changed++
		}
		same = same && bytes.Equal(a[i], other[i])
	}
	if n := len(a); changed < n/6 || changed > n/2 {
		t.Errorf("%d of %d answers altered, want about a third", changed, n)
	}
	if same {
		t.Error("another seed gave the same answers")
	}
}

func TestFaultProfilesListed(t *testing.T) {
	resident := map[Profile]bool{}
	for _, p := range Profiles() {
		resident[p.Name] = true
	}
	faults := FaultProfiles()
	if len(faults) != 7 {
		t.Errorf("%d fault profiles, want 7", len(faults))
	}
	for _, p := range faults {
		if resident[p.Name] || p.Description == "" {
			t.Errorf("fault profile %q: listed as a resident's card or without description", p.Name)
		}
		resident[p.Name] = true
		if _, err := New(Options{Profile: p.Name, Today: fixedToday}); err != nil {
			t.Errorf("New(%s): %v", p.Name, err)
		}
	}
}

// The DER faults need a certificate to break; on a card without one they
// leave the card as it is rather than panic.
func TestDERFaultsWithoutCertificate(t *testing.T) {
	c := newCard(t, Options{Profile: NoCert})
	setDERLength(c, 100)
	addDERLength(c, -16)
	run(t, c, s(selAP, "9000"), s(selAuth, "6A82"))
}
