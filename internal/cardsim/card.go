package cardsim

import (
	"bytes"
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
	// T0 makes the card answer data with 61 xx and serve it through GET
	// RESPONSE, whatever the profile.
	T0 bool
	// RemoveAfter, when positive, removes the card right after it has
	// answered that many APDUs: the next Transmit returns ErrRemoved.
	RemoveAfter int
	// Name and Address override the fictitious holder in the signing
	// certificate.
	Name, Address string
	// Log, if set, receives one line per APDU: the command and the response
	// in hex, separated by a space. The data of VERIFY (and other
	// PIN-carrying commands) is masked as ** per byte.
	Log io.Writer
	// OnStateChange is called with the new state whenever the PIN counters,
	// verified flags or presence change. It runs synchronously inside
	// Transmit/Reset/Remove and may call State and Stats, not Transmit.
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

// PINState is one PIN's counter as the card keeps it.
type PINState struct {
	TriesLeft int  `json:"tries_left"`
	MaxTries  int  `json:"max_tries"`
	Locked    bool `json:"locked"`
	Verified  bool `json:"verified"`
}

// State is the part of the card that outlives a single APDU.
type State struct {
	Auth    PINState `json:"auth"`
	Sign    PINState `json:"sign"`
	Removed bool     `json:"removed"`
}

// Stats counts what crossed the card's contacts since New.
type Stats struct {
	APDUs    int   `json:"apdus"`
	BytesIn  int64 `json:"bytes_in"`
	BytesOut int64 `json:"bytes_out"`
	Resets   int   `json:"resets"`
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
	handler     Handler

	txMu sync.Mutex // serialises Transmit, Reset and Remove notifications

	mu         sync.Mutex // guards everything below
	app        *applet
	cur        *ef
	pending    []byte  // T=0: data waiting for GET RESPONSE
	pendingSW  [2]byte // the status word that follows it
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
	p.t0 = p.t0 || o.T0
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
		auth:        &pinRef{value: []byte(authPIN), max: maxAuthTries, left: p.authTries},
		sign:        &pinRef{value: []byte(signPW), max: maxSignTries, left: p.signTries},
		maxLe:       p.maxLe,
		extended:    p.extended,
		t0:          p.t0,
		removeAfter: o.RemoveAfter,
		log:         o.Log,
		onChange:    o.OnStateChange,
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
		for _, aid := range otherAIDs {
			c.apps = append(c.apps, &applet{aid: aid, files: map[uint16]*ef{}})
		}
	}
	if spec.build != nil {
		spec.build(c)
	}

	c.handler = c.respond
	mws := append(append([]Middleware(nil), o.Middleware...), spec.middleware...)
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
	caFrom := notBefore(first.AddDate(-1, 0, 0))
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
		0x0006: {id: 0x0006, data: padded([]byte(p.token), 32, p.tokenPad)},
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
	for _, ca := range [][]byte{c.certs.AuthCA, c.certs.SignCA} {
		if ca != nil {
			_ = pem.Encode(&pemBuf, &pem.Block{Type: "CERTIFICATE", Bytes: ca})
		}
	}
	c.caPEM = pemBuf.Bytes()
	c.apps = append(c.apps, &applet{aid: jpkiAID, files: files})
	return nil
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
	if c.removeAfter > 0 && n >= c.removeAfter {
		c.remove()
	}
	c.notify()
	return resp, nil
}

// ATR is the answer to reset: the classic contact ATR of a My Number Card,
// another one for not-jpki.
func (c *Card) ATR() []byte { return append([]byte(nil), c.atr...) }

// Profile is the profile the card was built from.
func (c *Card) Profile() Profile { return c.profile }

// Reset power-cycles the card: nothing selected, no PIN verified, counters
// kept. A removed card stays removed.
func (c *Card) Reset() {
	c.txMu.Lock()
	defer c.txMu.Unlock()
	c.mu.Lock()
	if !c.removed {
		c.app, c.cur, c.pending = nil, nil, nil
		c.auth.verified, c.sign.verified = false, false
		c.stats.Resets++
	}
	c.mu.Unlock()
	c.notify()
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
