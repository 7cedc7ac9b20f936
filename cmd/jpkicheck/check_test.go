package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/source"
)

// simRun runs the CLI like runCLI and also returns the simulated card the
// command opened, with its PIN counters as they were when it was opened.
type simRun struct {
	result
	card   *cardsim.Card
	before cardsim.State
}

// simOpts set up one in-process run on the simulated card.
type simOpts struct {
	vars      map[string]string     // environment variables
	tweak     func(*source.Options) // adjusts the card before it opens
	stdin     string
	stdoutTTY bool
}

func runSimWith(t *testing.T, o simOpts, args ...string) simRun {
	t.Helper()
	var sr simRun
	var stdout, stderr bytes.Buffer
	sr.code = run(context.Background(), args, &env{
		stdin:     strings.NewReader(o.stdin),
		stdout:    &stdout,
		stderr:    &stderr,
		getenv:    func(k string) string { return o.vars[k] },
		now:       func() time.Time { return fixedNow },
		stdoutTTY: o.stdoutTTY,
		openCard: func(ctx context.Context, so source.Options) (*source.Card, error) {
			if o.tweak != nil {
				o.tweak(&so)
			}
			card, err := source.Open(ctx, so)
			if err == nil && card.Sim() != nil {
				sr.card, sr.before = card.Sim(), card.Sim().State()
			}
			return card, err
		},
	})
	sr.stdout, sr.stderr = stdout.String(), stderr.String()
	return sr
}

func runSim(t *testing.T, vars map[string]string, tweak func(*source.Options), args ...string) simRun {
	t.Helper()
	return runSimWith(t, simOpts{vars: vars, tweak: tweak}, args...)
}

// The simulated holder of the signing certificate; these must never show
// unless the user asks to see the signing certificate's contents.
var personal = []string{"見本", "花子", "霞が関", "千代田区", "19850401"}

func assertNoPersonalData(t *testing.T, outputs ...string) {
	t.Helper()
	for _, out := range outputs {
		for _, p := range personal {
			if strings.Contains(out, p) {
				t.Errorf("personal data %q leaked into output:\n%s", p, out)
			}
		}
	}
}

func assertCountersUnchanged(t *testing.T, sr simRun) {
	t.Helper()
	if sr.card == nil {
		t.Fatal("no simulated card was opened")
	}
	after := sr.card.State()
	if after.Auth.TriesLeft != sr.before.Auth.TriesLeft || after.Sign.TriesLeft != sr.before.Sign.TriesLeft ||
		after.Auth.Locked != sr.before.Auth.Locked || after.Sign.Locked != sr.before.Sign.Locked {
		t.Errorf("PIN counters changed: before %+v, after %+v", sr.before, after)
	}
}

// Every profile of the simulated card through the real check flow: the
// exit code a script sees, the words a resident reads (golden files), no
// PIN try spent, no personal data shown.
func TestCheckEveryProfile(t *testing.T) {
	tests := []struct {
		profile string
		code    int
		want    map[string]string // a phrase the resident must see, per language
	}{
		{"valid", 0, map[string]string{"ja": "まだ更新できる期間ではありません", "en": "Renewal is not open yet"}},
		{"window-open", 3, map[string]string{"ja": "更新できる期間です", "en": "Renewal is open until"}},
		{"expired", 4, map[string]string{"ja": "で切れています", "en": "The certificate expired on"}},
		{"juki", 6, map[string]string{"ja": "住基カード", "en": "Basic Resident Registration card"}},
		{"smartphone", 6, map[string]string{"ja": "スマートフォン用電子証明書", "en": "smartphone version"}},
		{"not-jpki", 6, map[string]string{"ja": "マイナンバーカードではないようです", "en": "does not look like a My Number Card"}},
		{"no-cert", 6, map[string]string{"ja": "入っていません", "en": "holds no authentication certificate"}},
		{"garbage-cert", 6, map[string]string{"ja": "正しく読み取れませんでした", "en": "could not be read correctly"}},
		{"auth-locked", 7, map[string]string{"ja": "ロックされています", "en": "is locked"}},
		{"sign-one-try", 0, map[string]string{"ja": "残り1回です", "en": "Only 1 try left"}},
		{"t0", 0, map[string]string{"ja": "まだ更新できる期間ではありません", "en": "Renewal is not open yet"}},
		{"short-le", 0, map[string]string{"ja": "まだ更新できる期間ではありません", "en": "Renewal is not open yet"}},
		// No signing certificate: said so, never "locked", never exit 7 on
		// the signing password's account.
		{"child", 0, map[string]string{"ja": "署名用電子証明書が入っていないため", "en": "has no signing certificate"}},
		// No PIN set at all: the authentication PIN answers like a locked
		// one, and the words say what a face-authentication card shows.
		{"face-auth", 7, map[string]string{"ja": "暗証番号を設定しないカード", "en": "a card with no PINs), this is expected"}},
	}
	for _, tt := range tests {
		for _, lang := range []string{"ja", "en"} {
			t.Run(tt.profile+"."+lang, func(t *testing.T) {
				sr := runSim(t, nil, nil, "check", "--sim", tt.profile, "--lang", lang)
				if sr.code != tt.code {
					t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", sr.code, tt.code, sr.stdout, sr.stderr)
				}
				if !strings.Contains(sr.stdout+sr.stderr, tt.want[lang]) {
					t.Errorf("output lacks %q:\n%s%s", tt.want[lang], sr.stdout, sr.stderr)
				}
				assertCountersUnchanged(t, sr)
				assertNoPersonalData(t, sr.stdout, sr.stderr)
				golden(t, "check-"+tt.profile+"."+lang+".txt", sr.stdout+sr.stderr)
			})
		}
	}
}

// The no-PIN check of a normal card costs exactly: SELECT AP, SELECT 000A,
// ⌈L/256⌉ READ BINARY with nothing read twice, then SELECT + empty VERIFY
// for each PIN. The token is not read.
func TestCheckAPDUSequence(t *testing.T) {
	for _, profile := range []string{"valid", "window-open", "expired"} {
		sr := runSim(t, nil, nil, "check", "--sim", profile, "--json")
		if sr.card == nil {
			t.Fatal("no card")
		}
		l := len(sr.card.Certificates().Auth)
		want := []string{"00A4040C0AD392F000260100000001", "00A4020C02000A"}
		for off := 0; off < l; off += 256 {
			n := min(256, l-off)
			want = append(want, fmt.Sprintf("00B0%04X%02X", off, n&0xFF))
		}
		want = append(want, "00A4020C020018", "00200080", "00A4020C02001B", "00200080")
		var got []string
		for _, e := range sr.card.Exchanges() {
			got = append(got, strings.ToUpper(hex.EncodeToString(e.Command)))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s (L=%d): APDUs\n got %v\nwant %v", profile, l, got, want)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	sr := runSim(t, nil, nil, "check", "--sim", "window-open", "--json")
	if sr.code != 3 {
		t.Errorf("exit code %d, want 3", sr.code)
	}
	var got struct {
		Card struct {
			Type      string `json:"type"`
			Simulated bool   `json:"simulated"`
		} `json:"card"`
		State        string `json:"state"`
		Certificates struct {
			Auth map[string]any `json:"auth"`
			Sign map[string]any `json:"sign"`
		} `json:"certificates"`
		PINs struct {
			Auth struct {
				TriesLeft int  `json:"tries_left"`
				Locked    bool `json:"locked"`
			} `json:"auth"`
			Sign struct {
				TriesLeft int `json:"tries_left"`
			} `json:"sign"`
		} `json:"pins"`
		ExitCode int `json:"exit_code"`
	}
	if err := json.Unmarshal([]byte(sr.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, sr.stdout)
	}
	auth := got.Certificates.Auth
	for _, field := range []string{"not_after", "expiry", "today", "opens", "state", "days_until_open", "days_left", "days_since_expiry", "issuer", "ca_recognised", "trust"} {
		if _, ok := auth[field]; !ok {
			t.Errorf("certificates.auth lacks %q: %v", field, auth)
		}
	}
	if got.Certificates.Sign != nil {
		t.Error("the signing certificate appears without --sign")
	}
	notAfter, _ := time.Parse(time.RFC3339, auth["not_after"].(string))
	if notAfter.Hour() != 14 || notAfter.Minute() != 59 || !strings.HasSuffix(auth["not_after"].(string), "Z") {
		t.Errorf("not_after %v is not 14:59:59Z in UTC", auth["not_after"])
	}
	if want := notAfter.In(time.FixedZone("JST", 9*3600)).Format(time.DateOnly); auth["expiry"] != want {
		t.Errorf("expiry %v is not not_after's Japan date %s", auth["expiry"], want)
	}
	if got.Card.Type != "my_number_card" || !got.Card.Simulated || got.State != "open" || got.ExitCode != 3 {
		t.Errorf("card/state/exit: %+v", got)
	}
	if auth["state"] != "open" || auth["ca_recognised"] != true || auth["trust"] != "user_supplied" {
		t.Errorf("auth: %v", auth)
	}
	if got.PINs.Auth.TriesLeft != 3 || got.PINs.Sign.TriesLeft != 5 {
		t.Errorf("pins: %+v", got.PINs)
	}
	assertNoPersonalData(t, sr.stdout)
}

func TestCheckQuickSkipsTheRest(t *testing.T) {
	sr := runSim(t, nil, nil, "check", "--sim", "valid", "--quick", "--lang", "en")
	if sr.code != 0 || !strings.Contains(sr.stdout, "not checked (--quick)") {
		t.Errorf("quick: %d\n%s%s", sr.code, sr.stdout, sr.stderr)
	}
	reads := 0
	for _, e := range sr.card.Exchanges() {
		if e.Command[1] == 0xB0 {
			reads++
		}
	}
	if reads != 1 {
		t.Errorf("--quick read %d chunks, want 1", reads)
	}
}

func TestDemo(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		sr := runSim(t, nil, nil, "demo", "--lang", lang)
		if sr.code != 0 {
			t.Errorf("demo exit %d: %s", sr.code, sr.stderr)
		}
		for _, want := range []string{"window-open", "expired", "not-jpki"} {
			if !strings.Contains(sr.stdout, want) {
				t.Errorf("demo output does not mention profile %s", want)
			}
		}
		assertCountersUnchanged(t, sr)
		assertNoPersonalData(t, sr.stdout, sr.stderr)
		golden(t, "demo."+lang+".txt", sr.stdout)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"check", "--sim", "nonsense"},
		{"check", "--trust-ca", "/nonexistent/ca.pem", "--sim"},
		{"check", "--wait", "soon"},
		{"check", "extra"},
	} {
		r := runCLI(t, nil, append(args, "--lang", "en")...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, "jpkicheck: ") {
			t.Errorf("%v: code %d stdout %q stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

// A card removed in the middle of the read ends in "card removed", exit 5,
// and never in a date that was not read.
func TestCheckCardRemovedMidRead(t *testing.T) {
	full := runSim(t, nil, nil, "check", "--sim", "valid", "--json")
	total := len(full.card.Exchanges())
	// Removal after the last APDU leaves a complete answer.
	if sr := runSim(t, nil, func(o *source.Options) { o.SimOptions.RemoveAfter = total }, "check", "--sim", "valid", "--json"); sr.code != 0 || sr.stdout != full.stdout {
		t.Errorf("removed after all %d APDUs: exit %d, output differs: %s", total, sr.code, sr.stderr)
	}
	for n := 1; n < total; n++ {
		sr := runSim(t, nil, func(o *source.Options) { o.SimOptions.RemoveAfter = n }, "check", "--sim", "valid", "--lang", "en", "--json")
		if sr.code != 5 || !strings.Contains(sr.stderr, "removed") {
			t.Errorf("removed after %d APDUs: exit %d, stderr %q", n, sr.code, sr.stderr)
		}
		// A script gets the problem, never a date that was not read.
		if !strings.Contains(sr.stdout, `"problem": "card_removed"`) || strings.Contains(sr.stdout, "expiry") {
			t.Errorf("removed after %d APDUs: stdout is not just the error object: %s", n, sr.stdout)
		}
		assertCountersUnchanged(t, sr)
	}
}
