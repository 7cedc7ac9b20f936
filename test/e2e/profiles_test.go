package e2e_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// Trust lines of the report: a CA given with --trust-ca, and a normal card
// whose CA jpkicheck does not know (the simulated card's test CA).
const (
	trustSupplied = "a CA you supplied; signature verified"
	trustCardCA   = "signature checked against the CA certificate stored on the card"
)

// Every profile of the simulated card, as a resident holding such a card
// would meet it through a real reader: check (with and without the card's
// test CA), readers and pin status, and no PIN counter moved by any of them.
func TestEveryProfile(t *testing.T) {
	tests := []struct {
		profile string
		code    int    // check's exit code
		says    string // what check tells the resident
		report  bool   // check shows the certificate (and its trust line)
		state   string // check --json: the renewal state
		days    int    // check --json: days_left, or days_since_expiry when expired
		card    string // readers --json: the card type, or why it is not known
		pinCode int    // pin status's exit code (6 on a card that is not a My Number Card: pin identifies it first)
		pins    string // what pin status shows
	}{
		{"valid", 0, "Renewal is not open yet", true, "not_yet_open", -1, "my_number_card", 0, "authentication PIN (4 digits): 3 of 3 tries left"},
		{"window-open", 3, "Renewal is open until", true, "open", 40, "my_number_card", 0, "3 of 3 tries left"},
		{"expired", 4, "The certificate expired on", true, "expired", 20, "my_number_card", 0, "3 of 3 tries left"},
		{"juki", 6, "This is a Basic Resident Registration card (住基カード), not a My Number Card.", false, "", 0, "juki_card", 6, "not a My Number Card"},
		{"smartphone", 6, "This is the smartphone version of the electronic certificates", false, "", 0, "smartphone_android", 6, "not a My Number Card"},
		{"not-jpki", 6, "This card does not look like a My Number Card", false, "", 0, "not_jpki", 6, "does not look like a My Number Card"},
		{"no-cert", 6, "This My Number Card holds no authentication certificate.", false, "", 0, "my_number_card", 0, "3 of 3 tries left"},
		{"garbage-cert", 6, "The certificate on the card could not be read correctly.", false, "", 0, "my_number_card", 0, "3 of 3 tries left"},
		{"auth-locked", 7, "Your authentication PIN (4 digits) is locked.", true, "not_yet_open", -1, "my_number_card", 7, "authentication PIN (4 digits): locked"},
		{"sign-one-try", 0, "Only 1 try left for your signing password", true, "not_yet_open", -1, "my_number_card", 0, "1 of 5 tries left"},
		{"t0", 0, "Renewal is not open yet", true, "not_yet_open", -1, "my_number_card", 0, "3 of 3 tries left"},
		{"short-le", 0, "Renewal is not open yet", true, "not_yet_open", -1, "my_number_card", 0, "3 of 3 tries left"},
		{"child", 0, "This card has no signing certificate, so it has no signing password.", true, "not_yet_open", -1, "my_number_card", 0, "signing password (6–16 letters and digits): none on this card"},
		// Exit 7 on the 4-digit PIN's account: its empty VERIFY answers
		// 69 84 and nothing on the card tells an unset PIN from a locked
		// one; the report says both. The signing password is "none".
		{"face-auth", 7, "If this is a face-authentication card (a card with no PINs), this is expected", true, "not_yet_open", -1, "my_number_card", 7, "signing password (6–16 letters and digits): none on this card"},
	}
	// The table must follow the simulator: a new profile needs a row here.
	var names []string
	for _, tt := range tests {
		names = append(names, tt.profile)
	}
	if listed := residentProfiles(t); !slices.Equal(listed, names) {
		t.Errorf("jpkisim --list-profiles has %q; this table covers %q", listed, names)
	}

	s := startStack(t)
	var prev *rig.SimCard
	for i, tt := range tests {
		t.Run(tt.profile, func(t *testing.T) {
			sim := s.swapCard(t, prev, i%2, "--profile", tt.profile)
			prev = sim
			defer sim.KeepsPINs(t)()

			var withCA []string
			if nonEmpty(sim.CAPath) {
				withCA = []string{"--trust-ca", sim.CAPath}
			}
			for _, v := range []struct {
				args  []string
				trust string
			}{
				{withCA, trustSupplied},
				{nil, trustCardCA},
			} {
				args := append([]string{"check", "--lang", "en"}, v.args...)
				want := []string{tt.says}
				if tt.report {
					want = append(want, v.trust)
				}
				expect(t, strings.Join(args, " "), s.jpkicheck(t, args...), tt.code, want...)
			}

			res := s.jpkicheck(t, "check", "--json")
			if res.Code != tt.code {
				t.Errorf("check --json: exit code %d, want %d\n%s", res.Code, tt.code, res.Stderr)
			}
			if tt.report {
				rep := decode[checkJSON](t, "check --json", res)
				auth := rep.Certificates.Auth
				switch {
				case auth == nil:
					t.Errorf("check --json without the auth certificate:\n%s", res.Stdout)
				case auth.State != tt.state:
					t.Errorf("check --json: state %q, want %q", auth.State, tt.state)
				case tt.state == "open" && auth.DaysLeft != tt.days,
					tt.state == "expired" && auth.DaysSinceExpiry != tt.days:
					t.Errorf("check --json: %d days left, %d since expiry; the card's profile says %d", auth.DaysLeft, auth.DaysSinceExpiry, tt.days)
				}
				if rep.Card.Reader != s.ReaderName(sim.Reader) || rep.ExitCode != tt.code {
					t.Errorf("check --json: reader %q, exit_code %d", rep.Card.Reader, rep.ExitCode)
				}
			}

			rd := s.jpkicheck(t, "readers", "--json")
			list := decode[readersJSON](t, "readers --json", rd)
			if got := list.card(s.ReaderName(sim.Reader)); rd.Code != 0 || got != tt.card {
				t.Errorf("readers --json: %q in %s (exit %d), want %q\n%s", got, s.ReaderName(sim.Reader), rd.Code, tt.card, rd.Stdout)
			}

			expect(t, "pin status", s.jpkicheck(t, "pin", "status", "--lang", "en"), tt.pinCode, tt.pins)
		})
	}
}

// readersJSON is "readers --json".
type readersJSON struct {
	Readers []struct {
		Name        string `json:"name"`
		CardPresent bool   `json:"card_present"`
		Card        string `json:"card"`
		Problem     string `json:"problem"`
	} `json:"readers"`
}

// card says what readers --json found in the named reader: the card type,
// the problem, "none" without a card, or "missing" without the reader.
func (l readersJSON) card(reader string) string {
	for _, r := range l.Readers {
		switch {
		case r.Name != reader:
		case !r.CardPresent:
			return "none"
		case r.Card != "":
			return r.Card
		default:
			return r.Problem
		}
	}
	return "missing"
}

// residentProfiles are the profiles jpkisim lists before its fault
// profiles (those are for the fault tests).
func residentProfiles(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command(rig.Build(t, "./cmd/jpkisim"), "--list-profiles").Output()
	if err != nil {
		t.Fatalf("jpkisim --list-profiles: %v", err)
	}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) > 1 && f[1] == "fault:" {
			continue
		}
		if len(f) > 0 {
			names = append(names, f[0])
		}
	}
	return names
}

// swapCard puts a new jpkisim card into reader and takes prev (if any, in
// the other reader) out, overlapping pcscd's two ~0.4 s polls; it returns
// once the new card is in and the old one is gone, so commands that pick
// "the first reader with a card" find the new one.
func (s *stack) swapCard(t *testing.T, prev *rig.SimCard, reader int, args ...string) *rig.SimCard {
	t.Helper()
	if prev != nil {
		if prev.Reader == reader {
			t.Fatalf("swapCard: the previous card is in reader %d too", reader)
		}
		prev.Stop(t)
	}
	sim := s.StartCardWith(t, rig.CardOptions{Reader: reader}, args...)
	if prev != nil {
		prev.WaitRemoved(t)
	}
	return sim
}
