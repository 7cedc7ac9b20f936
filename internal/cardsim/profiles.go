package cardsim

import (
	"bytes"
	"slices"
	"time"
)

// Profile names a ready-made card. Dates in profiles are relative to
// Options.Today so a profile means the same thing whenever tests run.
type Profile string

// The profiles. The zero Profile is Valid.
const (
	Valid       Profile = "valid"
	WindowOpen  Profile = "window-open"
	Expired     Profile = "expired"
	Juki        Profile = "juki"
	Smartphone  Profile = "smartphone"
	NotJPKI     Profile = "not-jpki"
	NoCert      Profile = "no-cert"
	GarbageCert Profile = "garbage-cert"
	AuthLocked  Profile = "auth-locked"
	SignOneTry  Profile = "sign-one-try"
	T0          Profile = "t0"
	ShortLe     Profile = "short-le"
	Child       Profile = "child"
	FaceAuth    Profile = "face-auth"
)

// ProfileInfo describes one profile for help texts and listings.
type ProfileInfo struct {
	Name        Profile `json:"name"`
	Description string  `json:"description"`
}

// profileSpec is one row of the profile table. To add a profile (fault
// injection included), add a row: plan adjusts the card before its
// certificates and files are made, build adjusts the finished card (its EF
// contents, say), and middleware wraps the card's answers (random status
// words, truncation, a card that hangs until Remove).
type profileSpec struct {
	name       Profile
	desc       string
	plan       func(*plan)
	build      func(*Card)
	middleware []Middleware
}

// profiles is the table, in the order Profiles lists them.
var profiles = []profileSpec{
	{name: Valid, desc: "My Number Card, both certificates valid for about 3 more years; renewal window not open",
		plan: func(p *plan) {}},
	{name: WindowOpen, desc: "certificates expire in 40 days; renewal window open",
		plan: func(p *plan) { p.setExpiry(p.today.AddDate(0, 0, 40)) }},
	{name: Expired, desc: "certificates expired 20 days ago",
		plan: func(p *plan) { p.setExpiry(p.today.AddDate(0, 0, -20)) }},
	{name: Juki, desc: "old Basic Resident Registration card (住基カード): token JPKIAPICCTOKEN, only a signing certificate, expired years ago",
		plan: func(p *plan) {
			p.token, p.tokenPad = "JPKIAPICCTOKEN", 0x00
			p.otherAPs = false
			// EF 0008 is known from My Number Cards only.
			p.certFlags = false
			// Before 2016 JPKI had no user-authentication certificate, and
			// signing certificates ran three years.
			p.authCert, p.authCA = false, false
			p.signExpiry = p.today.AddDate(-8, 0, 0)
			p.signIssue = issuedFor(p.signExpiry, p.today, 3)
			p.authExpiry, p.authIssue = p.signExpiry, p.signIssue
		}},
	{name: Smartphone, desc: "smartphone JPKI (token JPKIAPGPSETOKEN): even the authentication certificate needs the PIN",
		plan: func(p *plan) {
			p.token = "JPKIAPGPSETOKEN"
			p.otherAPs = false
			p.authCertNeedsPIN = true
		}},
	{name: NotJPKI, desc: "a smart card without the JPKI applet (SELECT answers 6A 82)",
		plan: func(p *plan) {
			p.jpki, p.otherAPs = false, false
			p.atr = []byte{0x3B, 0x80, 0x80, 0x01, 0x01}
		}},
	{name: NoCert, desc: "JPKI applet without the authentication certificate EF 000A",
		plan: func(p *plan) { p.authCert = false }},
	{name: GarbageCert, desc: "EF 000A holds malformed DER (consistent outer length, broken inside)",
		plan: func(p *plan) { p.garbageAuth = true }},
	{name: AuthLocked, desc: "authentication PIN locked (0 tries left)",
		plan: func(p *plan) { p.authTries = 0 }},
	{name: SignOneTry, desc: "signing password has 1 try left",
		plan: func(p *plan) { p.signTries = 1 }},
	{name: T0, desc: "answers data with 61 xx and serves it through GET RESPONSE, like a T=0 card",
		plan: func(p *plan) { p.t0 = true }},
	{name: ShortLe, desc: "accepts Le up to 128 only (67 00 above)",
		plan: func(p *plan) { p.maxLe = 128 }},
	{name: Child, desc: "card of a child under 15: no signing certificate (EF 0001/0002 absent, EF 0008 00 8F 00), signing password never set (VERIFY answers 69 84)",
		plan: func(p *plan) {
			p.signCert, p.signCA = false, false
			p.signUnset = true
		}},
	{name: FaceAuth, desc: "face-authentication card (顔認証マイナンバーカード): authentication certificate only, no PIN set at all (VERIFY answers 69 84)",
		plan: func(p *plan) {
			p.signCert, p.signCA = false, false
			p.authUnset, p.signUnset = true, true
		}},
}

// Profiles lists every profile with a one-line description.
func Profiles() []ProfileInfo {
	out := make([]ProfileInfo, len(profiles))
	for i, p := range profiles {
		out[i] = ProfileInfo{Name: p.name, Description: p.desc}
	}
	return out
}

func lookupProfile(name Profile) (profileSpec, bool) {
	if name == "" {
		name = Valid
	}
	for _, p := range slices.Concat(profiles, faultProfiles) {
		if p.name == name {
			return p, true
		}
	}
	return profileSpec{}, false
}

// plan is the card's design before certificates and files are made.
type plan struct {
	today                 time.Time
	authIssue, authExpiry time.Time
	signIssue, signExpiry time.Time
	token                 string
	tokenPad              byte
	jpki, otherAPs        bool
	authCert, authCA      bool
	signCert, signCA      bool
	garbageAuth           bool
	authCertNeedsPIN      bool
	certFlags             bool // EF 0008 exists
	authUnset, signUnset  bool // the PIN was never set
	authTries, signTries  int
	maxLe                 int
	t0, extended          bool
	atr                   []byte
}

// classicATR is the My Number Card's ATR in a contact reader.
var classicATR = []byte{0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14}

func defaultPlan(today time.Time) plan {
	p := plan{
		today:    today,
		token:    "JPKIAPICCTOKEN2",
		tokenPad: ' ',
		jpki:     true, otherAPs: true,
		authCert: true, authCA: true, signCert: true, signCA: true,
		certFlags: true,
		authTries: maxAuthTries, signTries: maxSignTries,
		maxLe: 256,
		atr:   classicATR,
	}
	p.setExpiry(today.AddDate(3, 0, 0))
	return p
}

// setExpiry gives both certificates the same expiry, as when they are
// issued together.
func (p *plan) setExpiry(expiry time.Time) {
	p.authExpiry = expiry
	p.authIssue = issuedFor(expiry, p.today, 5)
	p.signExpiry, p.signIssue = p.authExpiry, p.authIssue
}

// jpkiFile returns an EF of the JPKI applet, or nil; for build hooks that
// tamper with file contents (a wrong DER length, an EF shorter than its
// certificate).
func (c *Card) jpkiFile(id uint16) *ef {
	if a := c.jpkiApplet(); a != nil {
		return a.files[id]
	}
	return nil
}

// jpkiApplet returns the JPKI applet, or nil on a card without it.
func (c *Card) jpkiApplet() *applet {
	for _, a := range c.apps {
		if bytes.Equal(a.aid, jpkiAID) {
			return a
		}
	}
	return nil
}
