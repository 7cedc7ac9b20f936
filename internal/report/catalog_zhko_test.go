package report

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// zhko are the Chinese and Korean catalogues, with what each must read as.
var zhko = []struct {
	c      *Catalog
	script *unicode.RangeTable // the language's own letters
	date   string              // 2027-01-10 in the language's long form
	revoke string              // the signing certificate is revoked automatically
}{
	{&zh, unicode.Han, "2027年1月10日（星期日）", "自动失效"},
	{&ko, unicode.Hangul, "2027년 1월 10일(일)", "자동으로 효력을 잃"},
}

// Both catalogues define every message, the kiosk part included: a nil
// func or an empty string would reach a resident as a crash or a blank
// line.
func TestZhKoComplete(t *testing.T) {
	for _, l := range zhko {
		missing(reflect.ValueOf(l.c).Elem(), "", func(name string) {
			t.Errorf("%s catalogue: %s is missing", l.c.Lang, name)
		})
	}
}

func TestZhKoDates(t *testing.T) {
	for _, l := range zhko {
		if got := l.c.Date(window.MustDate(2027, 1, 10)); got != l.date {
			t.Errorf("%s: Date(2027-01-10) = %q, want %q", l.c.Lang, got, l.date)
		}
		if got := l.c.DateEra(window.MustDate(1990, 5, 1)); !strings.Contains(got, "1990") || !strings.Contains(got, "平成2年") {
			t.Errorf("%s: DateEra(1990-05-01) = %q", l.c.Lang, got)
		}
	}
}

// zhkoTexts calls every function of c with representative inputs (every
// window state, every Problem, every PIN state, every office-file mistake)
// and returns what it said, named by the call. Sentences that may be
// empty by contract (PINWarning when nothing is wrong, HelpMore for a
// command without extra flags) are left out when empty.
func zhkoTexts(c *Catalog) map[string]string {
	out := map[string]string{}
	add := func(name, s string) { out[name] = s }
	maybe := func(name, s string) {
		if s != "" {
			out[name] = s
		}
	}
	e := window.MustDate(2027, 3, 15)
	windows := map[string]window.Window{
		"not-yet-open":      window.Compute(e, window.MustDate(2026, 6, 1)),
		"opens-tomorrow":    window.Compute(e, window.MustDate(2026, 12, 15)),
		"opens-in-days":     window.Compute(e, window.MustDate(2026, 11, 20)),
		"open":              window.Compute(e, window.MustDate(2027, 1, 4)),
		"open-last-day":     window.Compute(e, e),
		"expired-yesterday": window.Compute(e, window.MustDate(2027, 3, 16)),
		"expired":           window.Compute(e, window.MustDate(2027, 9, 1)),
		"abroad":            window.Rule{Months: 12}.Compute(e, window.MustDate(2026, 6, 1)),
		"abroad-open":       window.Rule{Months: 12}.Compute(e, window.MustDate(2026, 6, 1).AddMonths(5)),
	}
	for name, w := range windows {
		add("State/"+name, c.StateSentence(w))
		for _, cert := range []jpki.CertFile{0, jpki.AuthCert, jpki.SignCert} {
			for i, p := range c.Advice(Situation{Window: w, Cert: cert}) {
				add("Advice/"+name+"/"+string(rune('0'+cert))+"/"+string(rune('0'+i)), p)
			}
			card := Situation{Window: w, Cert: cert, CardExpiry: e}
			for i, p := range c.Advice(card) {
				add("AdviceCard/"+name+"/"+string(rune('0'+cert))+"/"+string(rune('0'+i)), p)
			}
		}
		add("ICSOpensSummary/"+name, c.ICSOpensSummary(w))
		add("ICSOpensDescription/"+name, c.ICSOpensDescription(w))
		add("ICSWeekSummary/"+name, c.ICSWeekSummary(w))
		add("ICSWeekDescription/"+name, c.ICSWeekDescription(w))
		add("ICSNothingAhead/"+name, c.ICSNothingAhead(w))
		add("ExpiryOfficeClosed/"+name, c.ExpiryOfficeClosed(w))
	}
	today := window.MustDate(2027, 1, 4)
	for name, card := range map[string]window.Date{"later": window.MustDate(2030, 3, 15), "same": e, "expired": window.MustDate(2026, 12, 1), "soon": window.MustDate(2027, 3, 20)} {
		if r := NewCardExpiry(card, e, today, nil); r != nil {
			add("CardExpiry/"+name, c.CardExpiry(*r))
		}
	}
	add("CardExpiry/not-yet", c.CardExpiry(CardExpiryReport{Window: window.Compute(e, window.MustDate(2026, 6, 1)), NewCardNeeded: true}))
	add("WindowRange", c.WindowRange(e, e))
	add("OfficeDays", c.OfficeDays(e, e))
	add("MonthsNote/3", c.MonthsNote(3))
	add("MonthsNote/12", c.MonthsNote(12))
	add("ClockWrong", c.ClockWrong(e, today))
	for _, k := range []window.ParseErrorKind{window.Empty, window.NoSuchDay, window.YearRange, window.BadFormat} {
		add("BadDate/"+string(rune('0'+k)), c.BadDate("--expiry", &window.ParseError{Kind: k, Input: "2027-02-30"}))
	}
	add("MissingFlag", c.MissingFlag("--expiry", "--expiry 2027-03-15"))
	add("BadMonths", c.BadMonths("99"))
	add("BadLang", c.BadLang("fr"))
	add("UnknownFlag", c.UnknownFlag("--x"))
	add("FlagNeedsValue", c.FlagNeedsValue("--expiry", ""))
	add("FlagNeedsValue/example", c.FlagNeedsValue("--expiry", "--expiry 2027-03-15"))
	add("BadFlag", c.BadFlag("detail"))
	add("UnexpectedArgs", c.UnexpectedArgs("a b"))
	add("UnknownCommand", c.UnknownCommand("chek"))
	add("BadTrustCA", c.BadTrustCA("ca.pem", "x"))
	add("UnknownProfile", c.UnknownProfile("x", "a, b"))
	add("HintHelp", c.HintHelp("check "))
	for _, kind := range []jpki.CertFile{jpki.AuthCert, jpki.SignCert} {
		add("CertTitle/"+string(rune('0'+kind)), c.CertTitle(kind))
	}
	for _, s := range []jpki.TrustStatus{jpki.TrustNotChecked, jpki.TrustBuiltIn, jpki.TrustUserSupplied, jpki.TrustCardCA, jpki.TrustInvalid, jpki.TrustUnknownIssuer} {
		add("TrustText/"+string(rune('0'+s)), c.TrustText(&CertReport{Trust: Trust{Status: s}, CA: "CN=Test CA"}))
		add("TrustText/sim/"+string(rune('0'+s)), c.TrustText(&CertReport{Trust: Trust{Status: s}, simulated: true}))
	}
	add("TrustText/pending", c.TrustText(&CertReport{Trust: TrustPending}))
	pins := map[string]*PINReport{
		"ok":       {State: jpki.PINStateOK.String(), TriesLeft: 3, MaxTries: 3},
		"last-try": {State: jpki.PINStateLastTry.String(), TriesLeft: 1, MaxTries: 3},
		"locked":   {State: jpki.PINStateLocked.String(), Locked: true, MaxTries: 3},
		"maybe-no": {State: jpki.PINStateLocked.String(), Locked: true, MaxTries: 3, maybeNoPIN: true},
		"not-set":  {State: jpki.PINStateNotSet.String()},
		"verified": {State: jpki.PINStateVerified.String()},
		"unknown":  {Unknown: true},
	}
	for _, pin := range []jpki.PIN{jpki.AuthPIN, jpki.SignPIN} {
		p := string(rune('0' + pin))
		add("PINName/"+p, c.PINName(pin))
		add("PINPrompt/"+p, c.PINPrompt(pin))
		add("PINCorrect/"+p, c.PINCorrect(pin))
		for name, r := range pins {
			add("PINTries/"+p+"/"+name, c.PINTries(r))
			if w := c.PINWarning(pin, r); w != "" || name != "ok" && name != "unknown" {
				add("PINWarning/"+p+"/"+name, w)
			}
		}
	}
	for _, pr := range []Problem{NoService, NoReader, NoCard, UnknownReader, CardRemoved, CardInUse, CardMute, CardTimeout, CardLink,
		NotJPKI, JukiCard, Smartphone, UnknownToken, NoCertificate, Malformed, PINLocked, PINWrong, PINLastTry, PINDeclined,
		PINFormat, PINMissing, PINNotSet, PINBusy, Cancelled, ClockWrong, Usage, RemindersPast, Internal} {
		for _, pin := range []jpki.PIN{jpki.AuthPIN, jpki.SignPIN} {
			for _, d := range []Details{
				{Problem: pr, PIN: pin, TriesLeft: 2, Reader: "x", Readers: []string{"A", "B"}, Token: "T"},
				{Problem: pr, PIN: pin, MaybeNoPIN: true, FormatReason: jpki.PINFormatNeedsLetterAndDigit},
			} {
				name := string(pr) + "/" + string(rune('0'+pin)) + "/" + map[bool]string{false: "a", true: "b"}[d.MaybeNoPIN]
				add("ProblemMessage/"+name, c.ProblemMessage(d))
				for _, goos := range []string{"linux", "windows", "darwin"} {
					add("ProblemHint/"+name+"/"+goos, c.ProblemHint(d, goos))
				}
			}
		}
	}
	// An error no Problem names is shown as it is, in whatever words it has.
	add("ProblemMessage/err", c.ProblemMessage(Details{Problem: Internal, Err: errors.New("读取 失败 읽기 실패")}))
	add("Simulated", c.Simulated("expired"))
	add("InsertCard/none", c.InsertCard(nil))
	add("InsertCard/some", c.InsertCard([]string{"A", "B"}))
	add("SexName/1", c.SexName("1"))
	add("SexName/2", c.SexName("2"))
	add("PINUsage", c.PINUsage("x"))
	add("ExportUsage", c.ExportUsage("x"))
	add("BadFormat", c.BadFormat("x"))
	add("BinaryToTerminal", c.BinaryToTerminal("der"))
	add("FileExists", c.FileExists("a.pem"))
	add("Exported", c.Exported("auth", "a.pem"))
	add("ICSWritten", c.ICSWritten("a.ics"))
	add("DidYouMean", c.DidYouMean("check"))
	for _, card := range []string{"my_number_card", "juki_card", "smartphone_android", "smartphone_ios", "unknown"} {
		add("ReaderCard/"+card, c.ReaderCard(true, card, ""))
	}
	add("ReaderCard/absent", c.ReaderCard(false, "", ""))
	add("ReaderCard/problem", c.ReaderCard(true, "", string(CardMute)))
	add("DemoMore", c.DemoMore("a, b"))
	for _, cmd := range []string{"", "window", "check", "demo", "pin"} {
		maybe("HelpMore/"+cmd, c.HelpMore(cmd))
	}
	add("DemoSecrets", c.DemoSecrets("1234", "ABC123"))
	add("DidYouMeanProfile", c.DidYouMeanProfile("expired"))
	add("BadWait", c.BadWait("x"))
	add("CannotWrite/folder", c.CannotWrite("x/a.ics", true))
	add("CannotWrite", c.CannotWrite("a.ics", false))
	for _, k := range []string{"missing", "not_pem", "unreadable"} {
		add("TrustCAReason/"+k, c.TrustCAReason(k))
	}
	k := c.Kiosk
	add("Kiosk.Listening", k.Listening("http://127.0.0.1:8080/"))
	add("Kiosk.ListenWarning", k.ListenWarning("0.0.0.0:8080"))
	add("Kiosk.OpenBrowser", k.OpenBrowser("http://127.0.0.1:1/"))
	add("Kiosk.BrowserFailed", k.BrowserFailed("http://127.0.0.1:1/"))
	add("Kiosk.BadListen", k.BadListen("x", "y"))
	add("Kiosk.BadLinger", k.BadLinger("x"))
	add("Kiosk.ListenRefused", k.ListenRefused("0.0.0.0:8080"))
	add("Kiosk.LANToken", k.LANToken("http://h/?t=x"))
	add("Kiosk.ClockWrong", k.ClockWrong("2001-01-01"))
	for _, kind := range []string{"", "unknown_field", "unknown_language", "missing_equals", "missing_key", "duplicate", "empty_value",
		"too_long", "control_char", "unreadable", "bad_utf8", "utf16", "too_big", "no_fields", "only_english",
		"bad_date", "bad_range", "open_and_closed", "too_many_dates", "bad_setting"} {
		add("Kiosk.OfficeError/"+kind, k.OfficeError(OfficeProblem{Kind: kind, Field: "name", Value: "v", Limit: 3, Other: 2}))
	}
	add("Kiosk.OfficeError/suggest", k.OfficeError(OfficeProblem{Kind: "unknown_field", Field: "flor", Suggest: "floor"}))
	add("Kiosk.OfficeError/voice", k.OfficeError(OfficeProblem{Kind: "bad_setting", Field: "voice", Value: "x"}))
	strs(reflect.ValueOf(c).Elem(), "", add)
	return out
}

// strs adds every string field of v, nested structs included.
func strs(v reflect.Value, prefix string, add func(name, s string)) {
	for i := 0; i < v.NumField(); i++ {
		f, name := v.Field(i), prefix+v.Type().Field(i).Name
		switch f.Kind() {
		case reflect.Struct:
			strs(f, name+".", add)
		case reflect.String:
			if name != "Lang" {
				add(name, f.String())
			}
		}
	}
}

// Every sentence is there, well formed, and in the language: it has the
// language's own letters, and Japanese kana (but in the language button,
// which names Japanese in Japanese) only inside （…）, (…) or “…”,
// where an official Japanese term follows its translation.
func TestZhKoTexts(t *testing.T) {
	for _, l := range zhko {
		texts := zhkoTexts(l.c)
		if len(texts) < 300 {
			t.Fatalf("%s: only %d texts collected", l.c.Lang, len(texts))
		}
		for name, s := range texts {
			switch {
			case strings.TrimSpace(s) == "":
				t.Errorf("%s %s is empty", l.c.Lang, name)
			case strings.Contains(s, "%!"):
				t.Errorf("%s %s is malformed: %s", l.c.Lang, name, s)
			case name == "BadFlag" || name == "ErrorPrefix" || strings.HasPrefix(name, "Kiosk.Page.LangButton"):
				// BadFlag passes its detail on; the prefix is the program's
				// name; the button names Japanese in Japanese.
			case !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(l.script, r) }):
				t.Errorf("%s %s has none of the language's letters: %s", l.c.Lang, name, s)
			}
			if kana := kanaOutside(s); kana != "" && !strings.HasPrefix(name, "Kiosk.Page.LangButton") {
				t.Errorf("%s %s has Japanese outside parentheses (%q): %s", l.c.Lang, name, kana, s)
			}
		}
	}
}

// kanaOutside returns the first kana not inside brackets or quotes.
func kanaOutside(s string) string {
	depth := 0
	for _, r := range s {
		switch r {
		case '（', '(', '“', '「':
			depth++
		case '）', ')', '”', '」':
			depth--
		default:
			if depth <= 0 && (unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) && r != 'ー' && r != '・' {
				return string(r)
			}
		}
	}
	return ""
}

// The rules TestAdviceBySituation holds the Japanese and English to hold
// for these catalogues too: the insurance grace period is said under the
// authentication certificate only, revocation always with the signing
// certificate, and nobody abroad is sent to the city office.
func TestZhKoAdviceBySituation(t *testing.T) {
	e := window.MustDate(2027, 1, 10)
	expired := window.Compute(e, window.MustDate(2027, 2, 1))
	open := window.Compute(e, window.MustDate(2026, 12, 1))
	for _, l := range zhko {
		c := l.c
		auth := strings.Join(c.Advice(Situation{Window: expired, Cert: jpki.AuthCert}), " ")
		sign := strings.Join(c.Advice(Situation{Window: expired, Cert: jpki.SignCert}), " ")
		if grace := c.Date(window.MustDate(2027, 4, 30)); !strings.Contains(auth, grace) || strings.Contains(sign, grace) {
			t.Errorf("%s: the insurance grace period (until %s) belongs under the authentication certificate only:\nauth: %s\nsign: %s", c.Lang, grace, auth, sign)
		}
		for _, w := range []window.Window{expired, open, window.Compute(e, window.MustDate(2025, 1, 1))} {
			if s := strings.Join(c.Advice(Situation{Window: w, Cert: jpki.SignCert}), " "); !strings.Contains(s, l.revoke) {
				t.Errorf("%s, %s: no word of revocation with the signing certificate: %s", c.Lang, w.State, s)
			}
		}
		abroad := window.Rule{Months: 12}.Compute(e, window.MustDate(2026, 6, 1))
		for _, w := range []window.Window{abroad, window.Rule{Months: 12}.Compute(e, window.MustDate(2027, 2, 1))} {
			if s := strings.Join(c.Advice(Situation{Window: w, Cert: jpki.AuthCert}), " ") + strings.Join(c.Advice(Situation{Window: w, Cert: jpki.SignCert}), " ") + c.MonthsNote(12); strings.Contains(s, "市区町村の窓口") {
				t.Errorf("%s: a window of %d months sends people abroad to the city office: %s", c.Lang, w.Months, s)
			}
		}
	}
}
