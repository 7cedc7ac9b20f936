package report

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// ptvi are the Portuguese and Vietnamese catalogues, with the long date
// each must give for 10 January 2027, a Sunday.
var ptvi = []struct {
	c    *Catalog
	date string
}{
	{&pt, "10 de janeiro de 2027 (domingo)"},
	{&vi, "Chủ nhật, ngày 10 tháng 1 năm 2027"},
}

// Every field of the Portuguese and Vietnamese catalogues is filled, the
// kiosk's words included.
func TestPtViCatalogsComplete(t *testing.T) {
	for _, l := range ptvi {
		missing(reflect.ValueOf(l.c).Elem(), "", func(name string) {
			t.Errorf("%s catalogue: %s is missing", l.c.Lang, name)
		})
	}
}

func TestPtViDates(t *testing.T) {
	for _, l := range ptvi {
		if got := l.c.Date(window.MustDate(2027, 1, 10)); got != l.date {
			t.Errorf("%s: Date = %q, want %q", l.c.Lang, got, l.date)
		}
		if got := l.c.DateEra(window.MustDate(1990, 5, 1)); !strings.Contains(got, "1990") || !strings.Contains(got, "Heisei 2") {
			t.Errorf("%s: DateEra = %q, want the year and Heisei 2", l.c.Lang, got)
		}
	}
}

// check fails on an empty text or one fmt could not fill in.
func check(t *testing.T, c *Catalog, what, s string) {
	t.Helper()
	if strings.TrimSpace(s) == "" || strings.Contains(s, "%!") {
		t.Errorf("%s: %s = %q", c.Lang, what, s)
	}
}

func TestPtViWindowTexts(t *testing.T) {
	e := window.MustDate(2027, 3, 15)
	days := map[string]window.Date{
		"long before":  window.MustDate(2025, 1, 1),
		"before":       window.MustDate(2026, 11, 1),
		"day before":   window.MustDate(2026, 12, 15),
		"open":         window.MustDate(2026, 12, 20),
		"last day":     e,
		"day after":    window.MustDate(2027, 3, 16),
		"expired":      window.MustDate(2027, 4, 1),
		"long expired": window.MustDate(2028, 1, 1),
	}
	for _, l := range ptvi {
		c := l.c
		for name, today := range days {
			for _, months := range []int{3, 12} {
				w := window.Rule{Months: months}.Compute(e, today)
				check(t, c, name+": state", c.StateSentence(w))
				for _, cert := range []jpki.CertFile{jpki.AuthCert, jpki.SignCert} {
					for _, p := range c.Advice(Situation{Window: w, Cert: cert}) {
						check(t, c, name+": advice", p)
					}
				}
				check(t, c, name+": months note", c.MonthsNote(months))
				check(t, c, name+": ics opens", c.ICSOpensSummary(w)+c.ICSOpensDescription(w))
				check(t, c, name+": ics week", c.ICSWeekSummary(w)+c.ICSWeekDescription(w))
				check(t, c, name+": ics nothing ahead", c.ICSNothingAhead(w))
				if !w.LastOfficeDay.IsZero() {
					check(t, c, name+": office closed", c.ExpiryOfficeClosed(w))
				}
				check(t, c, name+": card expiry", c.CardExpiry(CardExpiryReport{Window: w})+c.CardExpiry(CardExpiryReport{Window: w, NewCardNeeded: true}))
			}
		}
		check(t, c, "window range", c.WindowRange(e, e)+c.OfficeDays(e, e))
		check(t, c, "clock", c.ClockWrong(e, e))
		w := window.Compute(e, window.MustDate(2027, 3, 1))
		w.LastOfficeDay = e.AddDays(-2)
		check(t, c, "office closed", c.ExpiryOfficeClosed(w))
		for _, kind := range []window.ParseErrorKind{window.Empty, window.NoSuchDay, window.YearRange, window.BadFormat} {
			check(t, c, "bad date", c.BadDate("--expiry", &window.ParseError{Kind: kind, Input: "x"}))
		}
	}
}

func TestPtViCardTexts(t *testing.T) {
	pins := []*PINReport{
		{State: "ok", TriesLeft: 3, MaxTries: 3},
		{State: "last_try", TriesLeft: 1, MaxTries: 3},
		{State: "locked", Locked: true, MaxTries: 3},
		{State: "locked", Locked: true, MaxTries: 3, maybeNoPIN: true},
		{State: "not_set"},
		{State: "verified"},
		{Unknown: true},
	}
	for _, l := range ptvi {
		c := l.c
		for _, pin := range []jpki.PIN{jpki.AuthPIN, jpki.SignPIN} {
			check(t, c, "pin name", c.PINName(pin)+c.PINPrompt(pin)+c.PINCorrect(pin))
			for _, p := range pins {
				check(t, c, "pin tries "+p.State, c.PINTries(p))
				if p.State != "ok" && !p.Unknown {
					check(t, c, "pin warning "+p.State, c.PINWarning(pin, p))
				}
			}
		}
		for _, s := range []jpki.TrustStatus{jpki.TrustNotChecked, jpki.TrustBuiltIn, jpki.TrustUserSupplied, jpki.TrustCardCA, jpki.TrustInvalid, jpki.TrustUnknownIssuer} {
			check(t, c, "trust", c.TrustText(&CertReport{Trust: Trust{Status: s}, CA: "CN=Test CA"}))
		}
		check(t, c, "pending", c.TrustText(&CertReport{Trust: TrustPending}))
		check(t, c, "titles", c.CertTitle(jpki.AuthCert)+c.CertTitle(jpki.SignCert))
		for _, card := range []string{"my_number_card", "juki_card", "smartphone_android", "smartphone_ios", "unknown"} {
			check(t, c, "reader card "+card, c.ReaderCard(true, card, ""))
		}
		check(t, c, "reader card", c.ReaderCard(false, "", "")+c.ReaderCard(true, "", string(CardMute)))
		for _, cmd := range []string{"", "window", "check", "demo"} {
			check(t, c, "help more "+cmd, c.HelpMore(cmd))
		}
		for _, kind := range []string{"missing", "unreadable", "not_pem"} {
			check(t, c, "trust-ca reason", c.TrustCAReason(kind))
		}
		check(t, c, "write", c.CannotWrite("a/b.ics", true)+c.CannotWrite("b.ics", false))
	}
}

func TestPtViProblems(t *testing.T) {
	problems := []Problem{NoService, NoReader, NoCard, UnknownReader, CardRemoved, CardInUse, CardMute, CardTimeout,
		CardLink, NotJPKI, JukiCard, Smartphone, UnknownToken, NoCertificate, Malformed, PINLocked, PINWrong,
		PINLastTry, PINDeclined, PINFormat, PINMissing, PINNotSet, PINBusy, Cancelled, Internal}
	for _, l := range ptvi {
		c := l.c
		for _, p := range problems {
			for _, pin := range []jpki.PIN{jpki.AuthPIN, jpki.SignPIN} {
				for _, maybe := range []bool{false, true} {
					d := Details{Problem: p, PIN: pin, MaybeNoPIN: maybe, TriesLeft: 2, Reader: "x", Readers: []string{"A", "B"}, Token: "t"}
					check(t, c, string(p)+": message", c.ProblemMessage(d))
					for _, goos := range []string{"linux", "windows", "darwin"} {
						check(t, c, string(p)+": hint", c.ProblemHint(d, goos))
					}
				}
			}
		}
		check(t, c, "error", c.ProblemMessage(Details{Err: errors.New("boom")}))
		for _, reason := range []jpki.PINFormatReason{jpki.PINFormatNeedsLetterAndDigit} {
			check(t, c, "pin format", c.ProblemMessage(Details{Problem: PINFormat, PIN: jpki.SignPIN, FormatReason: reason}))
		}
	}
}

func TestPtViKiosk(t *testing.T) {
	for _, l := range ptvi {
		c := l.c
		for _, kind := range []string{"unknown_field", "unknown_language", "missing_equals", "missing_key", "duplicate", "empty_value",
			"too_long", "control_char", "unreadable", "bad_utf8", "utf16", "too_big", "no_fields", "only_english",
			"bad_date", "bad_range", "open_and_closed", "too_many_dates", "bad_setting"} {
			got := c.Kiosk.OfficeError(OfficeProblem{Kind: kind, Field: "name"})
			check(t, c, "office error "+kind, got)
			if got == c.Kiosk.OfficeError(OfficeProblem{}) {
				t.Errorf("%s: %s has no wording of its own", c.Lang, kind)
			}
		}
		check(t, c, "office suggest", c.Kiosk.OfficeError(OfficeProblem{Kind: "unknown_field", Field: "flor", Suggest: "floor"}))
		check(t, c, "office voice", c.Kiosk.OfficeError(OfficeProblem{Kind: "bad_setting", Field: "voice", Value: "x"}))
		k := c.Kiosk
		check(t, c, "kiosk", k.Listening("u")+k.ListenWarning("a")+k.OpenBrowser("u")+k.BrowserFailed("u")+
			k.BadListen("a", "d")+k.BadLinger("v")+k.ListenRefused("a")+k.LANToken("u")+k.ClockWrong("2000-01-01"))
	}
}

// The official Japanese terms follow their translation, so that a resident
// can show the screen at the counter.
func TestPtViOfficialTerms(t *testing.T) {
	for _, l := range ptvi {
		c := l.c
		for what, s := range map[string]string{
			"in person": c.BringInPerson, "by proxy": c.BringByProxy, "no form": c.BringByProxyNoForm,
			"pin reset": c.BringByProxyPINReset,
		} {
			if !strings.Contains(s, "マイナンバーカード") && !strings.Contains(s, "照会書兼回答書") {
				t.Errorf("%s %s names no official term in Japanese: %s", c.Lang, what, s)
			}
		}
		w := window.Compute(window.MustDate(2027, 3, 15), window.MustDate(2026, 12, 20))
		if s := strings.Join(c.Advice(Situation{Window: w, Cert: jpki.SignCert}), " "); !strings.Contains(s, "(署名用電子証明書)") || !strings.Contains(s, "(市区町村の窓口)") {
			t.Errorf("%s advice lacks the Japanese terms: %s", c.Lang, s)
		}
	}
}
