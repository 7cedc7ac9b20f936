package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/certfile"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// runSimInput is runSim with text on stdin (a PIN for scripts) and an
// optional terminal on stdout.
func runSimInput(t *testing.T, stdin string, stdoutTTY bool, args ...string) simRun {
	t.Helper()
	return runSimWith(t, simOpts{stdin: stdin, stdoutTTY: stdoutTTY}, args...)
}

// verifiesWithData counts VERIFY commands that carried a PIN.
func verifiesWithData(card *cardsim.Card) int {
	n := 0
	for _, e := range card.Exchanges() {
		if len(e.Command) > 4 && e.Command[1] == 0x20 {
			n++
		}
	}
	return n
}

func TestPINStatus(t *testing.T) {
	for _, tt := range []struct {
		profile string
		code    int
	}{{"valid", 0}, {"auth-locked", 7}, {"sign-one-try", 0}} {
		for _, lang := range []string{"ja", "en"} {
			sr := runSim(t, nil, nil, "pin", "status", "--sim", tt.profile, "--lang", lang)
			if sr.code != tt.code {
				t.Errorf("%s: exit %d, want %d: %s", tt.profile, sr.code, tt.code, sr.stderr)
			}
			assertCountersUnchanged(t, sr)
			if n := verifiesWithData(sr.card); n != 0 {
				t.Errorf("%s: pin status sent %d VERIFY with data", tt.profile, n)
			}
			golden(t, "pin-status-"+tt.profile+"."+lang+".txt", sr.stdout)
		}
	}
	sr := runSim(t, nil, nil, "pin", "--sim", "auth-locked", "--json")
	var got struct {
		PINs struct {
			Auth struct{ Locked bool } `json:"auth"`
			Sign struct {
				TriesLeft int `json:"tries_left"`
			} `json:"sign"`
		} `json:"pins"`
		ExitCode int `json:"exit_code"`
	}
	if err := json.Unmarshal([]byte(sr.stdout), &got); err != nil || !got.PINs.Auth.Locked || got.PINs.Sign.TriesLeft != 5 || got.ExitCode != 7 {
		t.Errorf("pin --json: %v %+v\n%s", err, got, sr.stdout)
	}
}

func TestPINVerify(t *testing.T) {
	tests := []struct {
		name      string
		stdin     string
		args      []string
		code      int
		sent      int // VERIFY commands with a PIN
		authAfter int // auth tries left afterwards (-1: don't check)
		signAfter int
		want      string
	}{
		{"auth correct", "1234\n", []string{"pin", "verify", "auth", "--sim"}, 0, 1, 3, 5, "Correct"},
		{"auth wrong decrements once", "9999\n", []string{"pin", "verify", "auth", "--sim"}, 7, 1, 2, 5, "2 tries left"},
		{"auth format: nothing sent", "12a4\n", []string{"pin", "verify", "auth", "--sim"}, 2, 0, 3, 5, "exactly 4 digits"},
		{"auth no input: a usage error, nothing sent", "", []string{"pin", "verify", "auth", "--sim"}, 2, 0, 3, 5, "No PIN was given on standard input"},
		{"auth locked: nothing sent", "1234\n", []string{"pin", "verify", "auth", "--sim", "auth-locked"}, 7, 0, 0, 5, "is locked"},
		{"sign lower case is upper-cased", "abc123\n", []string{"pin", "verify", "sign", "--sim"}, 0, 1, 3, 5, "Correct"},
		{"sign too short: nothing sent", "ABC12\n", []string{"pin", "verify", "sign", "--sim"}, 2, 0, 3, 5, "6 to 16"},
		{"sign last try refused", "ABC123\n", []string{"pin", "verify", "sign", "--sim", "sign-one-try"}, 7, 0, 3, 1, "did not send it"},
		{"sign last try forced", "ABC123\n", []string{"pin", "verify", "sign", "--sim", "sign-one-try", "--force"}, 0, 1, 3, 5, "Correct"},
		{"sign last try forced and wrong locks", "WRONG9\n", []string{"pin", "verify", "sign", "--sim", "sign-one-try", "--force"}, 7, 1, 3, 0, "locked"},
		// The J-LIS rule: 6–16 characters, letters and digits, at least
		// one of each. No card accepts anything else: nothing is sent.
		{"sign letters only: nothing sent", "ABCDEF\n", []string{"pin", "verify", "sign", "--sim"}, 2, 0, 3, 5, "at least one letter (A–Z) and at least one digit"},
		{"sign digits only: nothing sent", "123456\n", []string{"pin", "verify", "sign", "--sim"}, 2, 0, 3, 5, "at least one letter (A–Z) and at least one digit"},
		{"sign symbol: nothing sent", "ABC12!\n", []string{"pin", "verify", "sign", "--sim"}, 2, 0, 3, 5, "6 to 16 letters (A–Z) and digits"},
		{"sign too long: nothing sent", "ABCDEFGH12345678X\n", []string{"pin", "verify", "sign", "--sim"}, 2, 0, 3, 5, "6 to 16"},
		{"sign full-width is converted", "ａｂｃ１２３\n", []string{"pin", "verify", "sign", "--sim"}, 0, 1, 3, 5, "Correct"},
		{"auth full-width digits are converted", "１２３４\n", []string{"pin", "verify", "auth", "--sim"}, 0, 1, 3, 5, "Correct"},
		{"auth full-width wrong digits cost one try", "９９９９\n", []string{"pin", "verify", "auth", "--sim"}, 7, 1, 2, 5, "2 tries left"},
		{"sign on a child's card: none to verify", "ABC123\n", []string{"pin", "verify", "sign", "--sim", "child"}, 6, 0, 3, 0, "no signing certificate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sr := runSimInput(t, tt.stdin, false, append(tt.args, "--lang", "en")...)
			if sr.code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", sr.code, tt.code, sr.stdout, sr.stderr)
			}
			if n := verifiesWithData(sr.card); n != tt.sent {
				t.Errorf("sent %d VERIFY with a PIN, want %d", n, tt.sent)
			}
			st := sr.card.State()
			if st.Auth.TriesLeft != tt.authAfter || st.Sign.TriesLeft != tt.signAfter {
				t.Errorf("tries after: auth %d sign %d, want %d %d", st.Auth.TriesLeft, st.Sign.TriesLeft, tt.authAfter, tt.signAfter)
			}
			if st.Auth.Verified || st.Sign.Verified {
				t.Error("a PIN stayed verified after pin verify")
			}
			if !strings.Contains(sr.stdout+sr.stderr, tt.want) {
				t.Errorf("output lacks %q:\n%s%s", tt.want, sr.stdout, sr.stderr)
			}
			// The tries left are shown before the PIN is asked for.
			if i, j := strings.Index(sr.stderr, "left"), strings.Index(sr.stderr, "Type your"); j >= 0 && (i < 0 || i > j) {
				t.Errorf("the prompt came before the tries left:\n%s", sr.stderr)
			}
			for _, secret := range []string{"1234", "9999", "ABC123", "abc123", "WRONG9", "ABCDEF", "123456", "ａｂｃ１２３", "１２３４"} {
				if strings.Contains(sr.stdout+sr.stderr, secret) {
					t.Errorf("the PIN %q appears in the output", secret)
				}
			}
		})
	}
}

func TestExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"pem", "der", "p7b"} {
		path := filepath.Join(dir, "auth."+f)
		sr := runSimInput(t, "", false, "export", "auth", "--sim", "--format", f, "-o", path)
		if sr.code != 0 {
			t.Fatalf("%s: exit %d: %s", f, sr.code, sr.stderr)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		certs, err := certfile.Decode(certfile.Format(f), data)
		if err != nil {
			t.Fatalf("%s does not parse back: %v", f, err)
		}
		if !bytes.Equal(certs[0].Raw, sr.card.Certificates().Auth) {
			t.Errorf("%s: the exported certificate is not the card's", f)
		}
		if f != "der" && (len(certs) != 2 || !bytes.Equal(certs[1].Raw, sr.card.Certificates().AuthCA)) {
			t.Errorf("%s: the CA is not in the bundle (%d certificates)", f, len(certs))
		}
		// A second export to the same file must not overwrite it.
		again := runSimInput(t, "", false, "export", "auth", "--sim", "valid", "--format", f, "-o", path)
		if again.code != 2 || !strings.Contains(again.stderr, "--force") {
			t.Errorf("%s: overwrote without --force: exit %d %s", f, again.code, again.stderr)
		}
		if forced := runSimInput(t, "", false, "export", "auth", "--sim", "--format", f, "-o", path, "--force"); forced.code != 0 {
			t.Errorf("%s: --force failed: %s", f, forced.stderr)
		}
	}
	for _, f := range []string{"der", "p7b"} {
		sr := runSimInput(t, "", true, "export", "auth", "--sim", "--format", f)
		if sr.code != 2 || sr.stdout != "" {
			t.Errorf("%s written to a terminal: exit %d", f, sr.code)
		}
	}
	sr := runSimInput(t, "", false, "export", "auth-ca", "--sim")
	if certs, err := certfile.Decode(certfile.PEM, []byte(sr.stdout)); err != nil || !bytes.Equal(certs[0].Raw, sr.card.Certificates().AuthCA) {
		t.Errorf("auth-ca export: %v", err)
	}
}

// The signing certificate needs the password; its personal data is in the
// file (the user asked for it) but never on screen.
func TestExportSign(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sign.der")
	sr := runSimInput(t, "ABC123\n", false, "export", "sign", "--sim", "--format", "der", "-o", path, "--lang", "en")
	if sr.code != 0 {
		t.Fatalf("exit %d: %s", sr.code, sr.stderr)
	}
	data, _ := os.ReadFile(path)
	if !bytes.Equal(data, sr.card.Certificates().Sign) {
		t.Error("exported signing certificate differs from the card's")
	}
	if !strings.Contains(sr.stderr, "name, address") {
		t.Errorf("no privacy warning: %s", sr.stderr)
	}
	assertNoPersonalData(t, sr.stdout, sr.stderr)
	if st := sr.card.State(); st.Sign.Verified {
		t.Error("the signing password stayed verified")
	}
	// export's --force is about files: it never spends the last try.
	one := runSimInput(t, "ABC123\n", false, "export", "sign", "--sim", "sign-one-try", "--force", "-o", filepath.Join(t.TempDir(), "x.pem"))
	if one.code != 7 || verifiesWithData(one.card) != 0 {
		t.Errorf("export sign spent the last try: exit %d", one.code)
	}
}

func TestICS(t *testing.T) {
	parse := func(t *testing.T, data string) []ical.Event {
		cal, err := ical.NewDecoder(strings.NewReader(data)).Decode()
		if err != nil {
			t.Fatalf("calendar does not parse: %v\n%s", err, data)
		}
		return cal.Events()
	}
	sr := runSimInput(t, "", false, "ics", "--sim", "valid", "--lang", "en")
	if sr.code != 0 {
		t.Fatalf("exit %d: %s", sr.code, sr.stderr)
	}
	events := parse(t, sr.stdout)
	if len(events) != 2 {
		t.Fatalf("%d events, want 2", len(events))
	}
	d := sr.card.Dates().AuthExpiry
	expiry := window.MustDate(d.Year(), d.Month(), d.Day())
	// Reminders fall on office days: the first one the window is open,
	// and the last one on or before a week before the last office day.
	cal := window.NewCalendar(nil, nil)
	win := window.Rule{Months: 3, Calendar: cal}.Compute(expiry, window.Today(fixedNow))
	week, err := cal.LastOfficeDayOnOrBefore(win.LastOfficeDay.AddDays(-7))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []window.Date{win.FirstOfficeDay, week} {
		start, err := events[i].DateTimeStart(time.UTC)
		if err != nil || start.Format(time.DateOnly) != want.String() {
			t.Errorf("event %d starts %v (%v), want %s", i, start, err, want)
		}
		if len(events[i].Children) != 1 || events[i].Children[0].Name != ical.CompAlarm {
			t.Errorf("event %d has no reminder", i)
		}
	}
	// The same certificate gives the same UIDs (re-import updates); another
	// certificate gives others.
	again := parse(t, runSimInput(t, "", false, "ics", "--sim", "valid").stdout)
	other := parse(t, runSimInput(t, "", false, "ics", "--sim", "window-open").stdout)
	for i := range events {
		uid, _ := events[i].Props.Text(ical.PropUID)
		uid2, _ := again[i].Props.Text(ical.PropUID)
		// The other card's window is open: only its reminder a week
		// before the end is still ahead.
		uid3, _ := other[len(other)-1].Props.Text(ical.PropUID)
		if uid != uid2 || uid == uid3 || uid == "" {
			t.Errorf("UIDs: %q, again %q, other certificate %q", uid, uid2, uid3)
		}
	}
	if len(other) != 1 {
		t.Errorf("open window: %d reminders, want the one still ahead", len(other))
	}
	// An expired certificate's reminders would all be in the past: no
	// file, a reason, and the state's exit code.
	exp := runSimInput(t, "", false, "ics", "--sim", "expired", "--lang", "en")
	if exp.code != 4 || exp.stdout != "" || !strings.Contains(exp.stderr, "no calendar file was written") {
		t.Errorf("ics on an expired certificate: exit %d\n%s%s", exp.code, exp.stdout, exp.stderr)
	}
	assertNoPersonalData(t, sr.stdout, sr.stderr)
	assertCountersUnchanged(t, sr)
}

func TestCheckSign(t *testing.T) {
	sr := runSimInput(t, "ABC123\n", false, "check", "--sim", "--sign", "--lang", "ja")
	if sr.code != 0 || !strings.Contains(sr.stdout, "署名用電子証明書") {
		t.Fatalf("exit %d\n%s%s", sr.code, sr.stdout, sr.stderr)
	}
	assertNoPersonalData(t, sr.stdout, sr.stderr)

	js := runSimInput(t, "ABC123\n", false, "check", "--sim", "--sign", "--json")
	if !strings.Contains(js.stdout, `"sign"`) {
		t.Errorf("--sign --json lacks the signing certificate:\n%s", js.stdout)
	}
	assertNoPersonalData(t, js.stdout, js.stderr)

	shown := runSimInput(t, "ABC123\n", false, "check", "--sim", "--sign", "--show-personal", "--lang", "ja")
	for _, want := range []string{"見本 花子", "霞が関", "1985年(昭和60年)4月1日"} {
		if !strings.Contains(shown.stdout, want) {
			t.Errorf("--show-personal does not show %q:\n%s", want, shown.stdout)
		}
	}
	if st := shown.card.State(); st.Sign.Verified {
		t.Error("the signing password stayed verified after check --sign")
	}

	wrong := runSimInput(t, "WRONG9\n", false, "check", "--sim", "--sign", "--lang", "en")
	if wrong.code != 7 || !strings.Contains(wrong.stdout, "4 of 5 tries left") || !strings.Contains(wrong.stdout, "Authentication certificate") {
		t.Errorf("wrong password: exit %d, want 7 with the auth result and the new count\n%s%s", wrong.code, wrong.stdout, wrong.stderr)
	}
	one := runSimInput(t, "ABC123\n", false, "check", "--sim", "sign-one-try", "--sign")
	if one.code != 7 || verifiesWithData(one.card) != 0 {
		t.Errorf("check --sign used the last try without --force: exit %d", one.code)
	}
}

// What a resident reads from the other commands, in both languages, kept
// as golden files so a wording change is a reviewed diff.
func TestOtherCommandsGolden(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"pin-verify-correct", "1234\n", []string{"pin", "verify", "auth", "--sim"}},
		{"pin-verify-wrong", "9999\n", []string{"pin", "verify", "auth", "--sim"}},
		{"pin-verify-last-try", "ABC123\n", []string{"pin", "verify", "sign", "--sim", "sign-one-try"}},
		{"pin-verify-locked", "1234\n", []string{"pin", "verify", "auth", "--sim", "auth-locked"}},
		{"readers-sim", "", []string{"readers", "--sim", "juki"}},
		{"ics", "", []string{"ics", "--sim", "valid"}},
		{"ics-open", "", []string{"ics", "--sim", "window-open"}},
		{"export-sign", "ABC123\n", []string{"export", "sign", "--sim", "-o", os.DevNull}},
		{"check-sign-child", "ABC123\n", []string{"check", "--sign", "--sim", "child"}},
		{"pin-status-child", "", []string{"pin", "--sim", "child"}},
		{"pin-status-face-auth", "", []string{"pin", "--sim", "face-auth"}},
		{"pin-verify-sign-child", "ABC123\n", []string{"pin", "verify", "sign", "--sim", "child"}},
		{"export-sign-face-auth", "ABC123\n", []string{"export", "sign", "--sim", "face-auth", "-o", os.DevNull}},
		{"pin-verify-letters-only", "ABCDEF\n", []string{"pin", "verify", "sign", "--sim"}},
	}
	for _, tt := range tests {
		for _, lang := range []string{"ja", "en"} {
			sr := runSimInput(t, tt.stdin, false, append(tt.args, "--lang", lang)...)
			golden(t, tt.name+"."+lang+".txt", sr.stdout+"--- stderr ---\n"+sr.stderr)
		}
	}
}

// export and ics name the card the way check does when the certificate is
// refused or missing, instead of calling it unreadable.
func TestExportAndICSNameTheCard(t *testing.T) {
	for profile, problem := range map[string]string{
		"juki": "juki_card", "smartphone": "smartphone", "no-cert": "no_certificate", "not-jpki": "not_jpki",
	} {
		for _, cmd := range [][]string{{"export", "auth"}, {"ics"}} {
			sr := runSim(t, nil, nil, append(cmd, "--sim", profile, "--json")...)
			if sr.code != 6 || !strings.Contains(sr.stdout, `"problem": "`+problem+`"`) {
				t.Errorf("%v on %s: exit %d, want 6 and %s:\n%s", cmd, profile, sr.code, problem, sr.stdout)
			}
			assertCountersUnchanged(t, sr)
		}
	}
}
