package e2e_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/pcsc/pcsctest"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// A verified PIN lasts until the card loses power or another application
// is selected; re-selecting the JPKI AP, a warm reset and a plain
// disconnect keep it (docs/protocol.md, "Verified state"). pcscd powers an
// idle card off by itself 0.6–0.8 s after the last client leaves, which
// would hide a PIN left verified: every look here happens well inside that.
const (
	// lookWithin bounds the time from the command's exit to the second
	// client's answer; past it the idle power-off could be the reason the
	// PIN is gone, and the test proves nothing.
	lookWithin = 300 * time.Millisecond
	// unpowerArrives bounds how long after the PC/SC call vpcd's
	// power-off reaches the card (it does not wait for the card: within a
	// millisecond here), far below pcscd's idle power-off.
	unpowerArrives = 100 * time.Millisecond
)

// The second client's probe: SELECT JPKI AP, SELECT EF 0001 (the signing
// certificate, readable only while the signing password is verified),
// READ BINARY of its first 4 bytes.
var (
	selectAPBytes = mustHex(selectAP)
	probeAPDUs    = [][]byte{selectAPBytes, mustHex("00A4020C020001"), mustHex("00B0000004")}
	selectOther   = "select 券面事項入力補助AP"
)

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// probeSigningCert connects to the card as another program would, right
// away, and returns the status word of READ BINARY on EF 0001.
func probeSigningCert(t *testing.T, reader string) string {
	t.Helper()
	c, err := pcsc.Connect(context.Background(), reader, 0)
	if err != nil {
		t.Fatalf("second client: connecting to %s: %v", reader, err)
	}
	defer c.Close()
	var resp []byte
	for _, apdu := range probeAPDUs {
		if resp, err = c.Transmit(apdu); err != nil {
			t.Fatalf("second client: %X: %v", apdu, err)
		}
	}
	return strings.ToUpper(hex.EncodeToString(resp[len(resp)-2:]))
}

// afterExit is what the card showed the moment a command exited.
type afterExit struct {
	state   cardsim.State
	probeSW string        // the second client's READ BINARY of EF 0001
	took    time.Duration // from the exit to the second client's answer
}

// lookNow reads jpkisim's state and runs the second client, at once.
func lookNow(t *testing.T, s *stack, sim *rig.SimCard, exited time.Time) afterExit {
	t.Helper()
	var a afterExit
	a.state = sim.State(t)
	a.probeSW = probeSigningCert(t, s.ReaderName(sim.Reader))
	a.took = time.Since(exited)
	if a.took > lookWithin {
		t.Errorf("the second client answered %v after the command exited; past %v pcscd's idle power-off may have cleared the PIN, so this proves nothing", a.took, lookWithin)
	}
	return a
}

// assertCleared fails unless no PIN was verified when the command exited.
func assertCleared(t *testing.T, what string, a afterExit) {
	t.Helper()
	if a.state.Auth.Verified || a.state.Sign.Verified {
		t.Errorf("%s: jpkisim's state at exit has a PIN verified: %+v", what, a.state)
	}
	if a.probeSW != "6982" {
		t.Errorf("%s: a second client read EF 0001 with SW %s, want 69 82 (security status not satisfied)", what, a.probeSW)
	}
}

// assertLogout fails unless, after the command's last VERIFY with a PIN,
// the card saw the 券面事項入力補助AP selected and then lost its power,
// before any APDU of a later client (apdusAtExit is the APDU count when
// the command exited).
func assertLogout(t *testing.T, what string, sim *rig.SimCard, apdusAtExit int) {
	t.Helper()
	deadline := time.Now().Add(unpowerArrives)
	var seen []string
	for {
		seen = eventsAfterLastVerify(sim.Timeline(t), apdusAtExit)
		i := indexOf(seen, selectOther)
		if i >= 0 && indexOf(seen[i+1:], "power off") >= 0 {
			return
		}
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Errorf("%s: after the last VERIFY the card saw %q before the next client; want %q then \"power off\"", what, seen, selectOther)
}

// eventsAfterLastVerify returns the events between the last VERIFY with a
// PIN among the first n APDU lines and the (n+1)-th APDU line.
func eventsAfterLastVerify(timeline []string, n int) []string {
	var events []string
	apdus := 0
	for _, l := range timeline {
		if e, ok := strings.CutPrefix(l, "# "); ok {
			events = append(events, e)
			continue
		}
		apdus++
		if apdus > n {
			break
		}
		if isVerifyWithPIN(l) {
			events = nil
		}
	}
	return events
}

func isVerifyWithPIN(line string) bool {
	cmd, _, _ := strings.Cut(strings.ToUpper(line), " ")
	return strings.HasPrefix(cmd, "002000") && len(cmd) > len(emptyVer)
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// verifyingCommands are the commands that send a PIN, with the secret
// each one asks for.
var verifyingCommands = []struct {
	name         string
	args         []string
	right, wrong string
	wrongCode    int
	// removed is what the command says when the card leaves right after
	// answering the VERIFY: pin verify has its answer by then (and a card
	// out of the reader holds nothing verified); the others were still
	// reading.
	removedCode int
	removedSays string
}{
	{"pin verify auth", []string{"pin", "verify", "auth"}, "1234", "9876", 7, 0, "Correct: the card accepted your authentication PIN (4 digits)."},
	{"pin verify sign", []string{"pin", "verify", "sign"}, "ABC123", "XYZ789", 7, 0, "Correct: the card accepted your signing password"},
	{"check --sign", []string{"check", "--sign"}, "ABC123", "XYZ789", 7, 5, "The card was removed while it was being read."},
	{"export sign", []string{"export", "sign"}, "ABC123", "XYZ789", 7, 5, "The card was removed while it was being read."},
}

// No verified PIN survives a command that sent one. For each command that
// verifies a PIN, and each way it can end — the right PIN, a wrong one,
// SIGTERM while the prompt waits, the card leaving right after the VERIFY —
// jpkisim's state at the moment the process exits has no PIN verified, and
// a second program that connects at once cannot read the signing
// certificate (69 82). After a VERIFY the card saw the 券面事項入力補助AP
// selected and then its power taken. The negative control first: a client
// that logs out the way the tool used to (re-SELECT of the JPKI AP, then
// SCARD_LEAVE_CARD) leaves the password verified, and the same looks see it.
func TestNoVerifiedPINSurvives(t *testing.T) {
	s := startStack(t)

	t.Run("control: re-SELECT and LEAVE_CARD leave it verified", func(t *testing.T) {
		sim := s.StartCardWith(t, rig.CardOptions{Reader: 1})
		defer sim.Stop(t)
		c, err := pcsc.Connect(context.Background(), s.ReaderName(1), 0)
		if err != nil {
			t.Fatal(err)
		}
		jc := jpki.NewCard(c)
		proceed := func(jpki.PINStatus) jpki.Consent { return jpki.Proceed }
		if err := jpki.Verify(jc, jpki.SignPIN, []byte("ABC123"), proceed); err != nil {
			t.Fatalf("verifying the signing password: %v", err)
		}
		if resp, err := c.Transmit(selectAPBytes); err != nil || !bytes.HasSuffix(resp, []byte{0x90, 0x00}) {
			t.Fatalf("re-SELECT of the JPKI AP: %X, %v", resp, err)
		}
		c.Close() // SCARD_LEAVE_CARD
		a := lookNow(t, s, sim, time.Now())
		if !a.state.Sign.Verified || a.probeSW != "9000" {
			t.Errorf("after re-SELECT and LEAVE_CARD: state %+v, second client's READ BINARY of EF 0001 %s; want verified and 90 00 — the looks below could not see a PIN left behind", a.state, a.probeSW)
		}
		t.Logf("control: second client read EF 0001 (%s) %v after the first client left", a.probeSW, a.took.Round(time.Microsecond))
	})

	for ci, vc := range verifyingCommands {
		t.Run(vc.name, func(t *testing.T) {
			reader := ci % 2
			sim := s.StartCardWith(t, rig.CardOptions{Reader: reader})
			base := append(append([]string{}, vc.args...), "--lang", "en", "--reader", s.ReaderName(reader))
			verifyAt := 0 // APDUs up to the VERIFY with the PIN, on the right PIN
			for _, tt := range []struct {
				how    string
				stdin  string
				code   int
				verify bool
			}{
				{"wrong", vc.wrong + "\n", vc.wrongCode, true},
				{"right", vc.right + "\n", 0, true},
			} {
				sent := len(sim.LogLines(t))
				res := s.run(t, rig.RunOptions{Stdin: tt.stdin}, base...)
				a := lookNow(t, s, sim, time.Now())
				what := vc.name + " with the " + tt.how + " PIN"
				if res.Code != tt.code {
					t.Errorf("%s: exit %d, want %d\n%s%s", what, res.Code, tt.code, res.Stdout, res.Stderr)
				}
				assertCleared(t, what, a)
				// The second client sent its probe after the exit.
				assertLogout(t, what, sim, len(sim.LogLines(t))-len(probeAPDUs))
				if tt.how == "right" {
					verifyAt = lastVerifyIndex(sim.LogLines(t)[sent:]) + 1
				}
				t.Logf("%s: exit %d; second client got %s %v after exit", what, res.Code, a.probeSW, a.took.Round(time.Microsecond))
			}

			// SIGTERM while the prompt waits: nothing sent, nothing left.
			sent := len(sim.LogLines(t))
			p := s.start(t, rig.RunOptions{HoldStdin: true}, base...)
			p.WaitStderr(t, "Type your", promptly)
			p.Signal(syscall.SIGTERM)
			res := p.Wait(t, 0)
			a := lookNow(t, s, sim, p.ExitTime())
			if res.Code != 1 || !contains(res.Stderr, "Cancelled.") {
				t.Errorf("SIGTERM at the prompt: exit %d, want 1 with \"Cancelled.\"\n%s", res.Code, res.Stderr)
			}
			assertCleared(t, "SIGTERM at the prompt", a)
			for _, l := range sim.LogLines(t)[sent:] {
				if isVerifyWithPIN(l) {
					t.Errorf("SIGTERM at the prompt: the card received a PIN: %s", l)
				}
			}
			sim.Stop(t)

			// The card leaves right after answering the VERIFY.
			if verifyAt == 0 {
				t.Fatalf("%s sent no VERIFY with a PIN", vc.name)
			}
			sim.WaitRemoved(t)
			gone := s.StartCardWith(t, rig.CardOptions{Reader: reader}, "--remove-after", strconv.Itoa(verifyAt))
			res = s.run(t, rig.RunOptions{Stdin: vc.right + "\n"}, base...)
			st := gone.State(t)
			select {
			case <-gone.Exited():
			case <-time.After(5 * time.Second):
				t.Fatalf("jpkisim --remove-after %d still serving: %s sent fewer APDUs", verifyAt, vc.name)
			}
			var removed struct{ Removed bool }
			if err := json.Unmarshal(gone.StateJSON(t), &removed); err != nil {
				t.Fatal(err)
			}
			// A card out of the reader has no power: whatever its state
			// file says, nothing is verified. The file says removed.
			if !removed.Removed {
				t.Errorf("card removed after the VERIFY: state %+v not removed", st)
			}
			expect(t, "card removed after the VERIFY", res, vc.removedCode, vc.removedSays)
			if contains(res.Stderr, "Take the card out of the reader now") {
				t.Errorf("card removed after the VERIFY: told to take out a card that is already out:\n%s", res.Stderr)
			}
			if err := pcsc.WaitForRemoval(context.Background(), s.ReaderName(reader)); err != nil {
				t.Errorf("the card is still in the reader: %v", err)
			}
		})
	}
}

func lastVerifyIndex(lines []string) int {
	at := -1
	for i, l := range lines {
		if isVerifyWithPIN(l) {
			at = i
		}
	}
	return at
}

// A card another program holds: exclusively (HoldExclusive), or shared
// (a plain connection). pin verify auth refuses at once with "another
// program" (exit 5) in both languages and sends no PIN; beside a shared
// holder, the commands that send no PIN keep working.
func TestVerifyRefusedWhileAnotherProgramHoldsTheCard(t *testing.T) {
	s := startStack(t)
	sim := s.StartCard(t)
	defer sim.KeepsPINs(t)()
	reader := s.ReaderName(0)
	for _, hold := range []struct {
		name      string
		take      func() (func(), error)
		othersRun bool // pin and check work beside the holder
	}{
		{"exclusive", func() (func(), error) { return pcsctest.HoldExclusive(context.Background(), reader) }, false},
		{"shared", func() (func(), error) {
			c, err := pcsc.Connect(context.Background(), reader, 0)
			if err != nil {
				return nil, err
			}
			return func() { c.Close() }, nil
		}, true},
	} {
		t.Run(hold.name, func(t *testing.T) {
			release, err := hold.take()
			if err != nil {
				t.Fatal(err)
			}
			defer release()
			sent := len(sim.LogLines(t))
			for _, l := range []struct{ lang, says string }{
				{"en", "Another program is using the card."},
				{"ja", "ほかのプログラムがカードを使用中です。"},
			} {
				t0 := time.Now()
				res := s.run(t, rig.RunOptions{Stdin: "1234\n"}, "pin", "verify", "auth", "--lang", l.lang)
				if res.Code != 5 || !contains(res.Stderr, l.says) {
					t.Errorf("pin verify auth --lang %s beside a %s holder: exit %d, want 5 with %q\n%s%s", l.lang, hold.name, res.Code, l.says, res.Stdout, res.Stderr)
				}
				if took := time.Since(t0); took > promptly {
					t.Errorf("pin verify auth took %v to refuse", took)
				}
			}
			for _, line := range sim.LogLines(t)[sent:] {
				if isVerifyWithPIN(line) {
					t.Errorf("beside a %s holder the card received a PIN: %s", hold.name, line)
				}
			}
			if !hold.othersRun {
				return
			}
			expect(t, "pin beside a shared holder", s.jpkicheck(t, "pin", "--lang", "en"), 0, "authentication PIN (4 digits): 3 of 3 tries left")
			expect(t, "check beside a shared holder", s.jpkicheck(t, "check", "--lang", "en", "--wait", "0"), 0, "Renewal is not open yet")
		})
	}
}

// The signing password's rule through the real stack: 6–16 of A–Z and
// 0–9 with at least one letter and one digit. A form that breaks it is
// refused before anything reaches the card (exit 2, counter and APDU log
// untouched); full-width letters and digits are converted and accepted.
func TestSigningPasswordRule(t *testing.T) {
	s := startStack(t)
	// Off its maximum, so that an accepted password shows as a reset.
	sim := s.StartCard(t, "--sign-tries", "4")
	for _, tt := range []struct {
		typed  string
		code   int
		accept bool
	}{
		{"ABCDEF", 2, false},
		{"123456", 2, false},
		{"ABC12", 2, false},
		{"ABC123!", 2, false},
		{"ＡＢＣ１２３", 0, true},
	} {
		t.Run(tt.typed, func(t *testing.T) {
			before := sim.State(t)
			sent := len(sim.LogLines(t))
			res := s.run(t, rig.RunOptions{Stdin: tt.typed + "\n"}, "pin", "verify", "sign", "--lang", "en")
			after := sim.State(t)
			if res.Code != tt.code {
				t.Errorf("pin verify sign with %q: exit %d, want %d\n%s%s", tt.typed, res.Code, tt.code, res.Stdout, res.Stderr)
			}
			withPIN := 0
			for _, l := range sim.LogLines(t)[sent:] {
				if isVerifyWithPIN(l) {
					withPIN++
				}
			}
			switch {
			case tt.accept:
				if withPIN != 1 || after.Sign.TriesLeft != 5 {
					t.Errorf("%q: %d VERIFY with a PIN, %d tries left after; want 1 and the counter back at 5", tt.typed, withPIN, after.Sign.TriesLeft)
				}
			default:
				if withPIN != 0 || after != before {
					t.Errorf("%q: %d VERIFY with a PIN, counters %+v → %+v; a refused form must send nothing", tt.typed, withPIN, before, after)
				}
				if !contains(res.Stderr, "letter") || !contains(res.Stderr, "digit") {
					t.Errorf("%q: the refusal does not state the rule:\n%s", tt.typed, res.Stderr)
				}
			}
			if after.Sign.Verified || after.Auth.Verified {
				t.Errorf("%q: a PIN left verified: %+v", tt.typed, after)
			}
		})
	}
}
