package e2e_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// Cards without a signing certificate — a holder under 15's (child) and a
// face-authentication card (face-auth, no PIN set at all) — through every
// command that talks to a card, in both languages: the signing password
// is never called locked (ロック), and no exit 7 is on its account. The
// face-authentication card's 4-digit PIN answers 69 84, which the card
// does not tell apart from a locked PIN, so commands that report that PIN
// may exit 7 — only while saying so about the 4-digit PIN.
func TestCardsWithoutSigningCertificate(t *testing.T) {
	s := startStack(t)
	commands := []struct {
		args     []string
		stdin    string
		authPIN  bool // reports the authentication PIN (4 digits): exit 7 allowed on face-auth
		signOnly bool // about the signing password alone: never exit 7
	}{
		{args: []string{"check"}, authPIN: true},
		{args: []string{"check", "--sign"}, stdin: "ABC123\n", authPIN: true},
		{args: []string{"pin"}, authPIN: true},
		{args: []string{"pin", "--json"}, authPIN: true},
		{args: []string{"check", "--json"}, authPIN: true},
		{args: []string{"pin", "verify", "auth"}, stdin: "1234\n", authPIN: true},
		{args: []string{"pin", "verify", "sign"}, stdin: "ABC123\n", signOnly: true},
		{args: []string{"export", "auth"}},
		{args: []string{"export", "sign"}, stdin: "ABC123\n", signOnly: true},
		{args: []string{"ics", "-o", "{out}"}},
		{args: []string{"readers"}},
	}
	// What a command says about the 4-digit PIN when it exits 7: check
	// and pin hedge (a face-authentication card has no PIN); pin verify
	// auth states it plainly.
	authLocked := map[string][]string{
		"en": {"The card reports your authentication PIN (4 digits) as locked.", "Your authentication PIN (4 digits) is locked."},
		"ja": {"カードは利用者証明用の暗証番号(数字4桁)をロック中と返しています。", "利用者証明用の暗証番号(数字4桁)はロックされています。"},
	}
	var prev *rig.SimCard
	for i, profile := range []string{"child", "face-auth"} {
		t.Run(profile, func(t *testing.T) {
			sim := s.swapCard(t, prev, i%2, "--profile", profile)
			prev = sim
			defer sim.KeepsPINs(t)()
			for _, c := range commands {
				for _, lang := range []string{"en", "ja"} {
					args := append([]string{}, c.args...)
					for j, a := range args {
						args[j] = strings.ReplaceAll(a, "{out}", filepath.Join(t.TempDir(), "renewal.ics"))
					}
					args = append(args, "--lang", lang)
					what := strings.Join(args, " ")
					res := s.run(t, rig.RunOptions{Stdin: c.stdin}, args...)
					out := res.Stdout + "\n" + res.Stderr
					for _, line := range strings.Split(out, "\n") {
						if mentionsSigningPassword(line) && (strings.Contains(strings.ToLower(line), "locked") || strings.Contains(line, "ロック")) {
							t.Errorf("%s on %s: the signing password called locked: %q", what, profile, line)
						}
					}
					if i := strings.Index(res.Stdout, `"sign": {`); i >= 0 {
						if block := firstBlock(res.Stdout[i:]); strings.Contains(block, `"locked": true`) || strings.Contains(block, `"state": "locked"`) {
							t.Errorf("%s on %s: JSON calls the signing password locked:\n%s", what, profile, block)
						}
					}
					if res.Code == 7 {
						switch {
						case c.signOnly, !c.authPIN, profile != "face-auth":
							t.Errorf("%s on %s: exit 7 on the signing password's account\n%s", what, profile, out)
						case slices.Contains(args, "--json"):
							var v struct {
								PINs struct{ Auth, Sign struct{ State string } }
							}
							if json.Unmarshal([]byte(res.Stdout), &v) != nil || v.PINs.Auth.State != "locked" || v.PINs.Sign.State != "not_set" {
								t.Errorf("%s on %s: exit 7, JSON PIN states %+v; want the 4-digit PIN locked and the signing password not_set\n%s", what, profile, v.PINs, res.Stdout)
							}
						case !slices.ContainsFunc(authLocked[lang], func(m string) bool { return contains(out, m) }):
							t.Errorf("%s on %s: exit 7 without the 4-digit PIN's message %q\n%s", what, profile, authLocked[lang], out)
						}
					}
					t.Logf("%s on %s: exit %d", what, profile, res.Code)
				}
			}
		})
	}
}

// mentionsSigningPassword reports whether a line of output is about the
// signing password, in either language.
func mentionsSigningPassword(line string) bool {
	return strings.Contains(strings.ToLower(line), "signing password") || strings.Contains(line, "署名用パスワード")
}

// firstBlock is s up to its first closing brace.
func firstBlock(s string) string {
	if i := strings.Index(s, "}"); i >= 0 {
		return s[:i]
	}
	return s
}
