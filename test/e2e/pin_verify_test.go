package e2e_test

import (
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// "pin verify auth" through the real stack, the PIN on stdin as a script
// gives it: a wrong PIN costs exactly one try and says how many are left
// (exit 7); the right one brings the counter back to 3 (exit 0). Neither
// leaves the PIN verified on the card, nor shows it.
func TestPINVerify(t *testing.T) {
	s := startStack(t)
	sim := s.StartCard(t, "--auth-pin", "2468")
	before := sim.State(t)

	for _, tt := range []struct {
		pin      string
		code     int
		says     string
		triesNow int
	}{
		{"1357", 7, "Wrong authentication PIN (4 digits). 2 tries left.", before.Auth.TriesLeft - 1},
		{"2468", 0, "Correct: the card accepted your authentication PIN (4 digits). Its counter is back to 3 tries.", 3},
	} {
		sent := countVerifies(parseLog(t, sim.LogLines(t)))
		res := s.run(t, rig.RunOptions{Stdin: tt.pin + "\n"}, "pin", "verify", "auth", "--lang", "en")
		expect(t, "pin verify auth with "+tt.pin, res, tt.code, tt.says)
		if strings.Contains(res.Stdout+res.Stderr, tt.pin) {
			t.Errorf("the PIN %s was shown:\n%s%s", tt.pin, res.Stdout, res.Stderr)
		}
		after := sim.State(t)
		want := before
		want.Auth.TriesLeft = tt.triesNow
		if after != want {
			t.Errorf("after pin verify auth with %s: counters %+v, want %+v", tt.pin, after, want)
		}
		if n := countVerifies(parseLog(t, sim.LogLines(t))) - sent; n != 1 {
			t.Errorf("pin verify auth sent the PIN %d times, want once", n)
		}
		pins := decode[struct{ PINs pinsJSON }](t, "pin --json", s.jpkicheck(t, "pin", "--json"))
		if pins.PINs.Auth.TriesLeft != tt.triesNow {
			t.Errorf("pin --json after verifying: %d tries left, want %d", pins.PINs.Auth.TriesLeft, tt.triesNow)
		}
	}
}

// countVerifies counts VERIFY commands carrying a PIN (not the empty ones
// that only read the counter).
func countVerifies(log []apdu) int {
	n := 0
	for _, a := range log {
		if strings.HasPrefix(a.cmd, "002000") && len(a.cmd) > len(emptyVer) {
			n++
		}
	}
	return n
}
