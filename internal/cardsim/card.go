package cardsim

import (
	"bytes"
	"crypto/x509"
	"encoding/binary"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// ErrRemoved is returned by Transmit once the card is gone: removed with
// Remove, after Options.RemoveAfter APDUs, or by a fault middleware. It is
// the only error Transmit returns; every card answer, even a refusal, is a
// status word.
var ErrRemoved = errors.New("cardsim: card removed")

const (
	maxAuthTries = 3 // 利用者証明用電子証明書 PIN: 4 digits, 3 tries
	maxSignTries = 5 // 署名用電子証明書 password: 6–16 A-Z0-9, 5 tries
)

// Options configure a card. The zero value is a valid My Number Card
// (profile Valid) as of today in Japan; explicit fields override the
// profile's choices.
type Options struct {
	Profile Profile
	// Today is the day the card lives in; only its calendar date (read in
	// its own location) is used. Zero means today in Japan.
	Today time.Time
	// AuthExpiry and SignExpiry override the certificates' expiry dates
	// (calendar date only). Setting AuthExpiry alone moves both, as the two
	// are normally issued together.
	AuthExpiry, SignExpiry time.Time
	// AuthPIN is the 4-digit authentication PIN (default "1234");
	// SignPassword the 6–16 character A-Z0-9 signing password (default
	// "ABC123").
	AuthPIN, SignPassword string
	// AuthTries and SignTries set the initial tries left (0 = locked);
	// nil keeps the profile's value (3 and 5 unless the profile says
	// otherwise). Use Tries to take the address of a constant.
	AuthTries, SignTries *int
	// MaxLe is the largest short Le the card serves (1–256; 0 = the
	// profile's, 256 unless short-le).
	MaxLe int
	// Extended enables extended-length APDUs (READ BINARY with a 3-byte Le
	// field); without it they answer 67 00.
	Extended bool
	// RemoveAfter, when positive, removes the card right after it has
	// answered that many APDUs: the next Transmit returns ErrRemoved.
	RemoveAfter int
	// Name and Address override the fictitious holder in the signing
	// certificate.
	Name, Address string
	// AuthDER, if set, is served as the authentication certificate (EF
	// 000A) instead of the one the card would make, byte for byte (a real
	// certificate, say); AuthCADER likewise for its CA (EF 000B). The
	// card's other files stay as the profile has them. When AuthDER parses
	// as a certificate, Dates reports its validity (in Japan).
	AuthDER, AuthCADER []byte
	// ATR overrides the answer to reset (see ATRByName for the real ones).
	ATR []byte
	// Quirks switch on named deviations from a real card's behaviour,
	// mostly what earlier versions of this simulator did (see Quirks).
	Quirks []Quirk
	// TruncateAbove, when positive, models a reader that mangles long
	// answers: a response with more than TruncateAbove data bytes arrives
	// cut to its first TruncateAbove bytes, without a status word.
	TruncateAbove int
	// Log, if set, receives one line per APDU: the command and the response
	// in hex, separated by a space. The data of VERIFY (and other
	// PIN-carrying commands) is masked as ** per byte. Events that are not
	// APDUs get a line of their own starting with "# ": "# power on",
	// "# power off", "# warm reset", and "# select <applet>" after each
	// successful SELECT of an applet, e.g. "# select JPKI AP".
	Log io.Writer
	// OnStateChange is called with the new state whenever the PIN counters,
	// verified flags or presence change. It runs synchronously inside
	// Transmit/Reset/PowerOff/PowerOn/Remove and may call State and Stats,
	// not Transmit.
	OnStateChange func(State)
	// Middleware wraps the card's answers, outermost first (fault injection
	// from tests); a profile's own middleware sits inside these.
	Middleware []Middleware
}

// Tries returns &n, for Options.AuthTries and SignTries.
func Tries(n int) *int { return &n }

// Handler answers one command APDU with response data followed by SW1 SW2.
// A non-nil error means the card is gone: Transmit then reports ErrRemoved
// and the card stays removed.
type Handler func(cmd []byte) ([]byte, error)

// Middleware wraps a Handler to change what the card answers, e.g. to
// inject faults. A middleware that blocks should also watch c.Removed() so
// that removing the card ends the wait.
type Middleware func(c *Card, next Handler) Handler

// PINState is one PIN's counter as the card keeps it. Verified is whether
// the PIN is verified right now: it lasts until the card is powered off or
// another application is selected. Unset marks a PIN that was never set
// (its other fields are then zero but MaxTries).
type PINState struct {
	TriesLeft int  `json:"tries_left"`
	MaxTries  int  `json:"max_tries"`
	Locked    bool `json:"locked"`
	Verified  bool `json:"verified"`
	Unset     bool `json:"unset,omitempty"`
}

// State is the part of the card that outlives a single APDU.
type State struct {
	Auth    PINState `json:"auth"`
	Sign    PINState `json:"sign"`
	Removed bool     `json:"removed"`
}

// Stats counts what crossed the card's contacts since New. Resets counts
// warm resets; PowerOffs and PowerOns the times the card lost and got its
// power (New inserts it powered, which is not counted).
type Stats struct {
	APDUs     int   `json:"apdus"`
	BytesIn   int64 `json:"bytes_in"`
	BytesOut  int64 `json:"bytes_out"`
	Resets    int   `json:"resets"`
	PowerOffs int   `json:"power_offs"`
	PowerOns  int   `json:"power_ons"`
}

// Exchange is one command and the card's response (data || SW1 SW2), with
// PIN data masked to 0x2A ('*') bytes.
type Exchange struct {
	Command  []byte
	Response []byte
}

// Certificates are the DER certificates the card holds (before padding).
// A missing file is nil; Auth is the malformed blob in garbage-cert.
type Certificates struct {
	Auth, AuthCA, Sign, SignCA []byte
}

// Dates are the civil dates (midnight UTC) the card was built from. A juki
// card has no authentication certificate; its Auth dates repeat the Sign ones.
type Dates struct {
	Today      time.Time
	AuthIssued time.Time
	AuthExpiry time.Time
	SignIssued time.Time
	SignExpiry time.Time
}

// Card is one simulated card. It is safe for concurrent use; commands are
// answered one at a time, as on a real card.
type Card struct {
	profile     Profile
	atr         []byte
	apps        []*applet
	auth, sign  *pinRef
	maxLe       int
	extended    bool
	t0          bool
	removeAfter int
	log         io.Writer
	onChange    func(State)
	certs       Certificates
	caPEM       []byte
	dates       Dates
	quirks      map[Quirk]bool
	handler     Handler

	txMu sync.Mutex // serialises Transmit, Reset and Remove notifications

	mu         sync.Mutex // guards everything below
	app        *applet
	cur        *ef
	pending    []byte  // T=0: data waiting for GET RESPONSE
	pendingSW  [2]byte // the status word that follows it
	powered    bool
	fresh      bool     // no APDU yet since the card was powered on
	events     []string // log lines of the APDU being answered
	stats      Stats
	exchanges  []Exchange
	removed    bool
	gone       chan struct{}
	lastState  State
	removeOnce sync.Once
}

// New builds a card. It takes a few milliseconds: keys are pre-generated,
// only certificates are signed.
func New(o Options) (*Card, error) {
	spec, ok := lookupProfile(o.Profile)
	if !ok {
		return nil, fmt.Errorf("unknown profile %q", o.Profile)
	}
	today := todayInJapan()
	if !o.Today.IsZero() {
		today = civil(o.Today)
	}
	p := defaultPlan(today)
	spec.plan(&p)

	if !o.AuthExpiry.IsZero() {
		p.setExpiry(civil(o.AuthExpiry))
		if !p.authCert { // juki keeps its signing certificate dates
			p.signExpiry, p.signIssue = civil(o.AuthExpiry), issuedFor(civil(o.AuthExpiry), today, 3)
		}
	}
	if !o.SignExpiry.IsZero() {
		p.signExpiry = civil(o.SignExpiry)
		p.signIssue = issuedFor(p.signExpiry, today, 5)
	}
	if o.AuthTries != nil {
		p.authTries = *o.AuthTries
	}
	if o.SignTries != nil {
		p.signTries = *o.SignTries
	}
	if o.MaxLe != 0 {
		p.maxLe = o.MaxLe
	}
	p.extended = p.extended || o.Extended

	authPIN, signPW := o.AuthPIN, o.SignPassword
	if authPIN == "" {
		authPIN = "1234"
	}
	if signPW == "" {
		signPW = "ABC123"
	}
	if err := checkPINs(authPIN, signPW); err != nil {
		return nil, err
	}
	switch {
	case p.authTries < 0 || p.authTries > maxAuthTries:
		return nil, fmt.Errorf("auth tries %d out of range 0–%d", p.authTries, maxAuthTries)
	case p.signTries < 0 || p.signTries > maxSignTries:
		return nil, fmt.Errorf("sign tries %d out of range 0–%d", p.signTries, maxSignTries)
	case p.maxLe < 1 || p.maxLe > 256:
		return nil, fmt.Errorf("max Le %d out of range 1–256", p.maxLe)
	case o.RemoveAfter < 0:
		return nil, fmt.Errorf("remove-after %d is negative", o.RemoveAfter)
	}

	quirks, err := quirkSet(o.Quirks)
	if err != nil {
		return nil, err
	}
	if o.TruncateAbove < 0 {
		return nil, fmt.Errorf("truncate-above %d is negative", o.TruncateAbove)
	}
	if o.ATR != nil {
		if err := checkATR(o.ATR); err != nil {
			return nil, err
		}
		p.atr = append([]byte(nil), o.ATR...)
	}

	h := holder{name: o.Name, address: o.Address, birth: defaultHolderBirth, sex: defaultHolderSex}
	if h.name == "" {
		h.name = defaultHolderName
	}
	if h.address == "" {
		h.address = defaultHolderAddress
	}

	c := &Card{
		profile:     spec.name,
		atr:         p.atr,
		auth:        &pinRef{value: []byte(authPIN), max: maxAuthTries, left: p.authTries, unset: p.authUnset},
		sign:        &pinRef{value: []byte(signPW), max: maxSignTries, left: p.signTries, unset: p.signUnset},
		maxLe:       p.maxLe,
		extended:    p.extended,
		t0:          p.t0,
		removeAfter: o.RemoveAfter,
		log:         o.Log,
		onChange:    o.OnStateChange,
		quirks:      quirks,
		powered:     true,
		fresh:       true,
		gone:        make(chan struct{}),
		dates: Dates{Today: today, AuthIssued: p.authIssue, AuthExpiry: p.authExpiry,
			SignIssued: p.signIssue, SignExpiry: p.signExpiry},
	}
	if p.jpki {
		if err := c.buildJPKI(&p, h); err != nil {
			return nil, err
		}
	}
	if p.otherAPs {
		for _, ap := range otherAPs {
			c.apps = append(c.apps, &applet{name: ap.name, aid: ap.aid, files: map[uint16]*ef{}})
		}
	}
	if spec.build != nil {
		spec.build(c)
	}
	if p.jpki && (o.AuthDER != nil || o.AuthCADER != nil) {
		c.serveAuth(o.AuthDER, o.AuthCADER)
	}

	c.handler = c.respond
	var mws []Middleware
	if o.TruncateAbove > 0 {
		// The reader sits outside everything the card does.
		mws = append(mws, truncateResponses(o.TruncateAbove))
	}
	mws = append(append(mws, o.Middleware...), spec.middleware...)
	for i := len(mws) - 1; i >= 0; i-- {
		c.handler = mws[i](c, c.handler)
	}
	c.lastState = c.stateLocked()
	return c, nil
}

func checkPINs(authPIN, signPW string) error {
	if len(authPIN) != 4 || !allIn(authPIN, "0123456789") {
		return fmt.Errorf("auth PIN must be 4 digits")
	}
	if len(signPW) < 6 || len(signPW) > 16 || !allIn(signPW, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") {
		return fmt.Errorf("sign password must be 6–16 characters A-Z 0-9")
	}
	return nil
}

func allIn(s, set string) bool {
	for _, r := range s {
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return true
}

// certEFSize is the size of a certificate EF: the certificate is followed by
// padding, as on real cards, so a reader must use the DER length. 2 KiB fits
// every certificate the card makes unless a very long address is chosen.
const certEFSize = 2048

func padded(der []byte, size int, pad byte) []byte {
	for size < len(der) {
		size += 256
	}
	out := bytes.Repeat([]byte{pad}, size)
	copy(out, der)
	return out
}

func (c *Card) buildJPKI(p *plan, h holder) error {
	keys, err := loadKeys()
	if err != nil {
		return err
	}
	// The CAs must cover their certificates; beyond that their dates only
	// need to look like a CA's ten years.
	first, last := p.authIssue, p.authExpiry
	if p.signIssue.Before(first) {
		first = p.signIssue
	}
	if p.signExpiry.After(last) {
		last = p.signExpiry
	}
	caFrom := caNotBefore(first.AddDate(-1, 0, 0))
	caTo := notAfter(last.AddDate(1, 0, 0))
	if t := caFrom.AddDate(10, 0, 0); t.After(caTo) {
		caTo = notAfter(civil(t))
	}
	authCA, err := makeCA(kindAuth, keys.authCA, caFrom, caTo)
	if err != nil {
		return err
	}
	signCA, err := makeCA(kindSign, keys.signCA, caFrom, caTo)
	if err != nil {
		return err
	}
	authDER, err := makeUser(kindAuth, authCA, keys.authCA, keys.authUser, p.authIssue, p.authExpiry, h)
	if err != nil {
		return err
	}
	signDER, err := makeUser(kindSign, signCA, keys.signCA, keys.signUser, p.signIssue, p.signExpiry, h)
	if err != nil {
		return err
	}
	if p.garbageAuth {
		authDER = garble(authDER)
	}

	files := map[uint16]*ef{
		0x0006: {id: 0x0006, data: tokenInfo(p.token, p.tokenPad)},
		0x0018: {id: 0x0018, pin: c.auth},
		0x001B: {id: 0x001B, pin: c.sign},
		0x0017: {id: 0x0017, access: accessNever},
		0x001A: {id: 0x001A, access: accessNever},
	}
	var pemBuf bytes.Buffer
	add := func(present bool, id uint16, der []byte, access accessRule, dst *[]byte) {
		if !present {
			return
		}
		files[id] = &ef{id: id, data: padded(der, certEFSize, 0x00), access: access}
		*dst = der
	}
	authAccess := accessFree
	if p.authCertNeedsPIN {
		authAccess = accessAuthPIN
	}
	add(p.authCert, 0x000A, authDER, authAccess, &c.certs.Auth)
	add(p.authCA, 0x000B, authCA.Raw, accessFree, &c.certs.AuthCA)
	add(p.signCert, 0x0001, signDER, accessSignPIN, &c.certs.Sign)
	add(p.signCA, 0x0002, signCA.Raw, accessFree, &c.certs.SignCA)
	if p.certFlags {
		// Which certificates the card holds, 8F = present
		// (docs/protocol.md, "Files inside the JPKI AP").
		flag := func(present bool) byte {
			if present {
				return 0x8F
			}
			return 0x00
		}
		files[0x0008] = &ef{id: 0x0008, data: []byte{flag(p.signCert), flag(p.authCert), 0x00}}
	}
	for _, ca := range [][]byte{c.certs.AuthCA, c.certs.SignCA} {
		if ca != nil {
			_ = pem.Encode(&pemBuf, &pem.Block{Type: "CERTIFICATE", Bytes: ca})
		}
	}
	c.caPEM = pemBuf.Bytes()
	c.apps = append(c.apps, &applet{name: jpkiName, aid: jpkiAID, files: files, jpki: true})
	return nil
}

// serveAuth puts the given authentication certificate and CA into EF 000A
// and 000B (nil keeps the card's own), as free files.
func (c *Card) serveAuth(der, caDER []byte) {
	files := c.jpkiApplet().files
	if der != nil {
		der = bytes.Clone(der)
		files[0x000A] = &ef{id: 0x000A, data: padded(der, certEFSize, 0x00), access: files[0x000A].accessOr(accessFree)}
		c.certs.Auth = der
		if x, err := x509.ParseCertificate(der); err == nil {
			c.dates.AuthIssued = civil(x.NotBefore.In(jst))
			c.dates.AuthExpiry = civil(x.NotAfter.In(jst))
		}
		if f := files[0x0008]; f != nil {
			f.data[1] = 0x8F
		}
	}
	if caDER != nil {
		caDER = bytes.Clone(caDER)
		files[0x000B] = &ef{id: 0x000B, data: padded(caDER, certEFSize, 0x00)}
		c.certs.AuthCA = caDER
	}
	var pemBuf bytes.Buffer
	for _, ca := range [][]byte{c.certs.AuthCA, c.certs.SignCA} {
		if ca != nil {
			_ = pem.Encode(&pemBuf, &pem.Block{Type: "CERTIFICATE", Bytes: ca})
		}
	}
	c.caPEM = pemBuf.Bytes()
}

// accessOr is f's access rule, or def when there is no such file.
func (f *ef) accessOr(def accessRule) accessRule {
	if f == nil {
		return def
	}
	return f.access
}

// tokenInfo is EF 0006: a 160-byte PKCS#11 CK_TOKEN_INFO with 4-byte
// big-endian CK_ULONGs, whose first 32 bytes are the label
// (docs/protocol.md, "Files inside the JPKI AP"). Only the label matters to
// a host; the rest is made up to look like a token's, and says it is
// simulated.
func tokenInfo(label string, pad byte) []byte {
	text := func(s string, n int) []byte {
		return padded([]byte(s), n, ' ')[:n]
	}
	const unavailable = 0xFFFFFFFF // CK_UNAVAILABLE_INFORMATION
	out := padded([]byte(label), 32, pad)[:32]
	out = append(out, text("jpkicheck simulated card", 32)...) // manufacturerID
	out = append(out, text("JPKI AP", 16)...)                  // model
	out = append(out, text("SIMULATED", 16)...)                // serialNumber
	for _, v := range []uint32{
		0x0000040D,  // flags: RNG, write protected, user PIN initialised, token initialised
		0,           // ulMaxSessionCount: effectively infinite
		unavailable, // ulSessionCount
		0,           // ulMaxRwSessionCount
		unavailable, // ulRwSessionCount
		16, 4,       // ulMaxPinLen, ulMinPinLen
		unavailable, unavailable, unavailable, unavailable, // public and private memory
	} {
		out = binary.BigEndian.AppendUint32(out, v)
	}
	out = append(out, 1, 0, 1, 0)       // hardware and firmware version 1.0
	return append(out, text("", 16)...) // utcTime: the token has no clock
}

// garble breaks a certificate inside while keeping its outer SEQUENCE
// header, so a reader fetches exactly the right number of bytes and only
// the parser can notice.
func garble(der []byte) []byte {
	out := append([]byte(nil), der...)
	if len(out) > 64 {
		out[4] = 0xA5 // TBSCertificate is no longer a SEQUENCE
		for i := 20; i < 60; i++ {
			out[i] ^= 0x5A
		}
	}
	return out
}

// Transmit sends one command APDU and returns the response data followed by
// SW1 SW2, like a PC/SC transmit. The only error is ErrRemoved.
func (c *Card) Transmit(apdu []byte) ([]byte, error) {
	c.txMu.Lock()
	defer c.txMu.Unlock()
	if c.isRemoved() {
		return nil, ErrRemoved
	}
	c.mu.Lock()
	if !c.powered {
		// A reader powers the card up before it sends a command.
		c.powerOnLocked()
		c.mu.Unlock()
		c.logEvents("power on")
	} else {
		c.mu.Unlock()
	}
	cmd := append([]byte(nil), apdu...)
	resp, err := c.handler(cmd)
	if err != nil {
		c.remove()
		c.notify()
		return nil, ErrRemoved
	}
	resp = append([]byte(nil), resp...)

	masked := maskPIN(apdu)
	c.mu.Lock()
	events := c.events
	c.events = nil
	c.stats.APDUs++
	c.stats.BytesIn += int64(len(apdu))
	c.stats.BytesOut += int64(len(resp))
	if len(c.exchanges) == maxExchanges {
		// A long-running jpkisim must not grow without bound; tests that
		// look at exchanges send far fewer.
		c.exchanges = append(c.exchanges[:0], c.exchanges[maxExchanges/2:]...)
	}
	c.exchanges = append(c.exchanges, Exchange{Command: masked, Response: append([]byte(nil), resp...)})
	n := c.stats.APDUs
	c.mu.Unlock()
	if c.log != nil {
		fmt.Fprintf(c.log, "%s %X\n", logHex(apdu), resp)
	}
	c.logEvents(events...)
	if c.removeAfter > 0 && n >= c.removeAfter {
		c.remove()
	}
	c.notify()
	return resp, nil
}

// logEvents writes one "# event" line per event to the log. Callers hold
// txMu, so event lines and APDU lines keep their order.
func (c *Card) logEvents(events ...string) {
	if c.log == nil {
		return
	}
	for _, e := range events {
		fmt.Fprintf(c.log, "# %s\n", e)
	}
}

// ATR is the answer to reset: the classic contact ATR of a My Number Card
// unless Options.ATR chose another, a generic one for not-jpki.
func (c *Card) ATR() []byte { return append([]byte(nil), c.atr...) }

// Profile is the profile the card was built from.
func (c *Card) Profile() Profile { return c.profile }

// reset is a warm reset (SCARD_RESET_CARD): nothing is selected any more,
// but verified PINs stay verified, as on real cards (docs/protocol.md,
// "Verified state"), and counters are kept. A removed card stays removed.
func (c *Card) reset() {
	c.txMu.Lock()
	defer c.txMu.Unlock()
	c.mu.Lock()
	done := !c.removed
	if done {
		c.app, c.cur, c.pending = nil, nil, nil
		c.stats.Resets++
	}
	c.mu.Unlock()
	if done {
		c.logEvents("warm reset")
	}
	c.notify()
}

// PowerOff takes the card's power away (SCARD_UNPOWER_CARD, or a reader
// that lets an idle card rest): everything volatile is lost, nothing
// selected and no PIN verified; counters are kept. The next PowerOn or
// Transmit powers it up again. A removed card stays removed.
func (c *Card) PowerOff() {
	c.txMu.Lock()
	defer c.txMu.Unlock()
	c.mu.Lock()
	done := !c.removed
	if done {
		c.clearVolatileLocked()
		c.powered = false
		c.stats.PowerOffs++
	}
	c.mu.Unlock()
	if done {
		c.logEvents("power off")
	}
	c.notify()
}

// powerOn powers the card up. Activating the contacts is a cold reset, so
// a card that still had power loses its volatile state all the same.
func (c *Card) powerOn() {
	c.txMu.Lock()
	defer c.txMu.Unlock()
	c.mu.Lock()
	done := !c.removed
	if done {
		c.powerOnLocked()
	}
	c.mu.Unlock()
	if done {
		c.logEvents("power on")
	}
	c.notify()
}

func (c *Card) powerOnLocked() {
	c.clearVolatileLocked()
	c.powered, c.fresh = true, true
	c.stats.PowerOns++
}

// clearVolatileLocked forgets what a card keeps only while powered.
func (c *Card) clearVolatileLocked() {
	c.app, c.cur, c.pending = nil, nil, nil
	c.auth.verified, c.sign.verified = false, false
}

// Remove takes the card out of the reader for good: Transmit returns
// ErrRemoved from now on and Removed is closed. It does not wait for a
// command in progress, so it also ends a card that hangs.
func (c *Card) Remove() {
	c.remove()
	// A Transmit in progress will notify when it returns; if none is, tell
	// the observer now. TryLock avoids waiting for a hanging command.
	if c.txMu.TryLock() {
		c.notify()
		c.txMu.Unlock()
	}
}

func (c *Card) remove() {
	c.removeOnce.Do(func() {
		c.mu.Lock()
		c.removed = true
		// Out of the reader is out of power: nothing stays verified.
		c.clearVolatileLocked()
		c.powered = false
		c.mu.Unlock()
		close(c.gone)
	})
}

// Removed is closed when the card is removed.
func (c *Card) Removed() <-chan struct{} { return c.gone }

func (c *Card) isRemoved() bool {
	select {
	case <-c.gone:
		return true
	default:
		return false
	}
}

// State returns the PIN counters, verified flags and presence.
func (c *Card) State() State {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stateLocked()
}

func (c *Card) stateLocked() State {
	return State{Auth: c.auth.state(), Sign: c.sign.state(), Removed: c.removed}
}

// notify calls OnStateChange if the state differs from the last one
// reported. Callers hold txMu, so observers see changes in order.
func (c *Card) notify() {
	c.mu.Lock()
	s := c.stateLocked()
	changed := s != c.lastState
	c.lastState = s
	c.mu.Unlock()
	if changed && c.onChange != nil {
		c.onChange(s)
	}
}

// Stats returns the APDU count and bytes exchanged so far.
func (c *Card) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// maxExchanges bounds the history Exchanges returns.
const maxExchanges = 10000

// Exchanges returns the APDUs answered so far, in order, with PIN data
// masked, so tests can assert exact command sequences. Past 10,000 APDUs
// only the most recent are kept; Stats keeps counting.
func (c *Card) Exchanges() []Exchange {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Exchange, len(c.exchanges))
	copy(out, c.exchanges)
	return out
}

// CAPEM returns the card's test CA certificates (authentication CA, then
// signing CA) as PEM, for a host's --trust-ca.
func (c *Card) CAPEM() []byte { return append([]byte(nil), c.caPEM...) }

// Certificates returns the DER certificates stored on the card.
func (c *Card) Certificates() Certificates { return c.certs }

// Dates returns the civil dates the card's certificates were made from.
func (c *Card) Dates() Dates { return c.dates }

// pinCarrying lists instructions whose data is a PIN: VERIFY, CHANGE
// REFERENCE DATA, RESET RETRY COUNTER (ISO/IEC 7816-4 §11.5).
func pinCarrying(ins byte) bool {
	return ins == 0x20 || ins == 0x21 || ins == 0x24 || ins == 0x2C
}

// maskPIN returns a copy of apdu with everything after the header and the
// length byte replaced by '*' when it may carry a PIN.
func maskPIN(apdu []byte) []byte {
	out := append([]byte(nil), apdu...)
	if len(out) > 5 && pinCarrying(out[1]) {
		for i := 5; i < len(out); i++ {
			out[i] = '*'
		}
	}
	return out
}

func logHex(apdu []byte) string {
	const digits = "0123456789ABCDEF"
	mask := len(apdu) > 5 && pinCarrying(apdu[1])
	b := make([]byte, 0, 2*len(apdu))
	for i, v := range apdu {
		if mask && i >= 5 {
			b = append(b, '*', '*')
			continue
		}
		b = append(b, digits[v>>4], digits[v&0x0F])
	}
	return string(b)
}
