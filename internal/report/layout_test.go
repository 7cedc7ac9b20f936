package report

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// The JSON contract names trust as it always has; the kiosk's clients
// decode it back.
func TestTrustJSON(t *testing.T) {
	for _, tr := range []Trust{TrustPending, {Status: jpki.TrustNotChecked}, {Status: jpki.TrustBuiltIn},
		{Status: jpki.TrustUserSupplied}, {Status: jpki.TrustCardCA}, {Status: jpki.TrustInvalid}, {Status: jpki.TrustUnknownIssuer}} {
		data, err := json.Marshal(tr)
		if err != nil {
			t.Fatal(err)
		}
		if want := `"` + tr.String() + `"`; string(data) != want {
			t.Errorf("%v marshals as %s, want %s", tr, data, want)
		}
		var back Trust
		if err := json.Unmarshal(data, &back); err != nil || back != tr {
			t.Errorf("%s decodes as %v, %v", data, back, err)
		}
	}
	if TrustPending.String() != "pending" || (Trust{Status: jpki.TrustBuiltIn}).String() != "built_in" {
		t.Error("trust names differ from docs/schema/check.schema.json")
	}
}

func testReport(state window.State, trust jpki.TrustStatus, auth, sign jpki.PINStatus) *CardReport {
	today := window.MustDate(2026, 12, 20)
	expiry := map[window.State]window.Date{window.NotYetOpen: window.MustDate(2028, 3, 15),
		window.Open: window.MustDate(2027, 3, 15), window.Expired: window.MustDate(2026, 3, 15)}[state]
	v := jpki.Validity{NotBefore: expiry.Time().AddDate(-5, 0, 0), NotAfter: expiry.Time().Add(15 * time.Hour)}
	r := FromValidity(v, CardInfo{}, today, window.DefaultRule)
	r.Certificates.Auth.setTrust(jpki.Trust{Status: trust})
	r.PINs = NewPINs(auth, sign)
	r.finish()
	return r
}

var (
	ok3    = jpki.PINStatus{PIN: jpki.AuthPIN, State: jpki.PINStateOK, TriesLeft: 3}
	ok5    = jpki.PINStatus{PIN: jpki.SignPIN, State: jpki.PINStateOK, TriesLeft: 5}
	locked = jpki.PINStatus{PIN: jpki.AuthPIN, State: jpki.PINStateLocked, Locked: true}
)

func TestLayoutTerminalAndPage(t *testing.T) {
	c := Messages(En)
	r := testReport(window.Open, jpki.TrustNotChecked, ok3, ok5)
	term := c.Layout(r, LayoutOptions{})
	page := c.Layout(r, LayoutOptions{Page: true})
	tc, pc := term.Certs[0], page.Certs[0]
	if tc.Sentence != c.StateSentence(r.Certificates.Auth.Window) || tc.State != window.Open || tc.Title != c.CertTitle(jpki.AuthCert) {
		t.Errorf("certificate section: %+v", tc)
	}
	if len(tc.Dates) != 2 || len(pc.Dates) != 3 || pc.Dates[2].Label != c.LabelToday {
		t.Errorf("dates: terminal %+v, page %+v; only the page shows today", tc.Dates, pc.Dates)
	}
	if tc.Issuer == nil || pc.Issuer != nil {
		t.Errorf("an unchecked signature: terminal issuer %v, page issuer %v", tc.Issuer, pc.Issuer)
	}
	if term.Bring == nil || term.Bring.Rows[0].Value != c.BringInPerson {
		t.Errorf("renewal open: what to bring %+v", term.Bring)
	}
	if len(term.Warnings) != 0 || term.PINs.Rows[0].Label != c.PINName(jpki.AuthPIN) || term.PINs.Rows[1].Label != c.PINName(jpki.SignPIN) {
		t.Errorf("PINs %+v, warnings %q", term.PINs, term.Warnings)
	}
}

func TestLayoutAlerts(t *testing.T) {
	c := Messages(Ja)
	r := testReport(window.NotYetOpen, jpki.TrustInvalid, locked, ok5)
	l := c.Layout(r, LayoutOptions{Page: true, BringByProxy: "the office's words"})
	if iss := l.Certs[0].Issuer; iss == nil || !iss.Alert {
		t.Errorf("an invalid signature is not an alert: %+v", iss)
	}
	if !l.PINs.Rows[0].Alert || l.PINs.Rows[1].Alert || len(l.Warnings) != 1 || l.Warnings[0] != c.PINWarning(jpki.AuthPIN, r.PINs.Auth) {
		t.Errorf("locked PIN: rows %+v, warnings %q", l.PINs.Rows, l.Warnings)
	}
	if l.Bring == nil || l.Bring.Rows[0].Value != c.BringInPerson || l.Bring.Rows[1].Value != "the office's words" {
		t.Errorf("a locked PIN is a reason to go; the office's words win: %+v", l.Bring)
	}
	if r := testReport(window.NotYetOpen, jpki.TrustBuiltIn, ok3, ok5); c.Layout(r, LayoutOptions{}).Bring != nil {
		t.Error("nothing to bring when there is no reason to go")
	}
	pending := FromValidity(jpki.Validity{NotAfter: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, CardInfo{}, window.MustDate(2026, 1, 1), window.DefaultRule)
	if l := c.Layout(pending, LayoutOptions{Page: true}); l.Certs[0].Issuer == nil || l.PINs != nil {
		t.Errorf("early answer: the issuer row says it is checking, no PINs yet: %+v", l)
	}
}
