package cardsim

import (
	"bytes"
	"crypto/subtle"
)

// jpkiAID is the JPKI applet (公的個人認証 AP).
var jpkiAID = []byte{0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01}

// jpkiName names the JPKI applet in the log.
const jpkiName = "JPKI AP"

// otherAPs are the My Number Card's other applets (docs/protocol.md, "The
// applet"). They can be selected, which leaves the JPKI applet and ends its
// security state, but their contents are not simulated: inside them every
// EF is missing (6A 82) and nothing is current (69 86).
var otherAPs = []struct {
	name string
	aid  []byte
}{
	{"券面事項入力補助AP", []byte{0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08}},
	{"券面AP", []byte{0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02}},
	{"AP D3921000310001010100", []byte{0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x01, 0x00}},
}

// Instructions (ISO/IEC 7816-4 §11).
const (
	insSelect      = 0xA4
	insReadBinary  = 0xB0
	insVerify      = 0x20
	insGetResponse = 0xC0
)

// Status words. The card keeps its own table, independent of the host's.
var (
	swOK          = []byte{0x90, 0x00}
	swEndOfFile   = []byte{0x62, 0x82}
	swWrongLength = []byte{0x67, 0x00}
	swSecurity    = []byte{0x69, 0x82}
	swBlockedISO  = []byte{0x69, 0x83}
	swBlocked     = []byte{0x69, 0x84} // also a PIN that was never set
	swNoData      = []byte{0x69, 0x85}
	swNoCurrentEF = []byte{0x69, 0x86}
	swNotFound    = []byte{0x6A, 0x82}
	swWrongP1P2   = []byte{0x6A, 0x86}
	swOffset      = []byte{0x6B, 0x00}
	swINS         = []byte{0x6D, 0x00}
	swCLA         = []byte{0x6E, 0x00}
	swNoPrecise   = []byte{0x6F, 0x00}
)

type accessRule int

const (
	accessFree    accessRule = iota
	accessAuthPIN            // after VERIFY of the authentication PIN
	accessSignPIN            // after VERIFY of the signing password
	accessNever              // private keys: never readable
)

// ef is one elementary file of an applet.
type ef struct {
	id     uint16
	data   []byte
	access accessRule
	pin    *pinRef // set for the PIN EFs, which hold no readable data
}

type applet struct {
	name  string // for the log
	aid   []byte
	files map[uint16]*ef
	jpki  bool // holds the PINs: selecting it keeps their verified state
}

// pinRef is a PIN's reference data and retry counter.
type pinRef struct {
	value    []byte
	max      int
	left     int
	verified bool
	// unset is a PIN that was never set (a child's signing password, both
	// PINs of a face-authentication card): every VERIFY answers 69 84 and
	// nothing ever changes.
	unset bool
}

func (p *pinRef) state() PINState {
	if p.unset {
		return PINState{MaxTries: p.max, Unset: true}
	}
	return PINState{TriesLeft: p.left, MaxTries: p.max, Locked: p.left == 0, Verified: p.verified}
}

// triesSW is 63 Cx with x = tries left.
func (p *pinRef) triesSW() []byte { return []byte{0x63, 0xC0 | byte(p.left)} }

// respond is the core card: it answers one command APDU. Middleware wraps it.
func (c *Card) respond(raw []byte) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	resp := c.dispatch(raw)
	// A T=0 card cannot send data in the response to a case-2 command; it
	// announces it with 61 xx and the host fetches it with GET RESPONSE.
	if c.t0 && len(resp) > 2 && (len(raw) < 2 || raw[1] != insGetResponse) {
		c.pending = append([]byte(nil), resp[:len(resp)-2]...)
		copy(c.pendingSW[:], resp[len(resp)-2:])
		return moreData(len(c.pending)), nil
	}
	return resp, nil
}

// moreData is 61 xx, where 00 stands for 256 or more.
func moreData(n int) []byte {
	if n >= 256 {
		return []byte{0x61, 0x00}
	}
	return []byte{0x61, byte(n)}
}

func (c *Card) dispatch(raw []byte) []byte {
	if c.fresh {
		c.fresh = false
		if c.quirks[firstAPDU6F00] {
			// One card answered the first command after an unpower this
			// way (docs/protocol.md, "Verified state"); nothing is done.
			c.pending = nil
			return swNoPrecise
		}
	}
	if len(raw) < 4 {
		c.pending = nil
		return swWrongLength
	}
	if raw[0] != 0x00 {
		// Only the interindustry class without secure messaging, chaining
		// or logical channels: the JPKI reading commands need nothing else.
		c.pending = nil
		return swCLA
	}
	ins := raw[1]
	if ins != insGetResponse {
		c.pending = nil // any other command discards undelivered data
	}
	switch ins {
	case insSelect, insReadBinary, insVerify, insGetResponse:
	default:
		return swINS
	}
	cmd, err := parseCommand(raw)
	if err != nil {
		return swWrongLength
	}
	if cmd.extended && !c.extended {
		return swWrongLength
	}
	switch ins {
	case insSelect:
		return c.selectFile(cmd)
	case insReadBinary:
		return c.readBinary(cmd)
	case insVerify:
		return c.verify(cmd)
	default:
		return c.getResponse(cmd)
	}
}

func (c *Card) selectFile(cmd command) []byte {
	if len(cmd.data) == 0 {
		return swWrongLength
	}
	switch cmd.p1 {
	case 0x04: // by DF name (AID)
		var app *applet
		for _, a := range c.apps {
			if bytes.Equal(a.aid, cmd.data) {
				app = a
			}
		}
		if app == nil {
			return swNotFound // also what other drivers' probes get
		}
		if cmd.p2 != 0x0C {
			return swWrongP1P2 // no FCI: the card is only known to answer P2=0C
		}
		if cmd.hasLe {
			return swWrongLength
		}
		// Selecting another application ends the JPKI applet's security
		// state; selecting the JPKI applet again, even from no selection
		// after a warm reset, keeps it (docs/protocol.md, "Verified
		// state"): OpenSC's logout by re-selecting is not a logout.
		if !app.jpki || c.quirks[reselectClearsPINs] {
			c.auth.verified, c.sign.verified = false, false
		}
		c.app, c.cur = app, nil
		c.events = append(c.events, "select "+app.name)
		return swOK
	case 0x02: // EF under the current DF, by file identifier
		if len(cmd.data) != 2 {
			return swWrongLength
		}
		if cmd.p2 != 0x0C {
			return swWrongP1P2
		}
		if cmd.hasLe {
			return swWrongLength
		}
		if c.app == nil {
			return swNotFound // the EFs live inside the applet
		}
		f, ok := c.app.files[uint16(cmd.data[0])<<8|uint16(cmd.data[1])]
		if !ok {
			return swNotFound
		}
		c.cur = f
		return swOK
	default:
		return swWrongP1P2
	}
}

func (c *Card) readBinary(cmd command) []byte {
	if cmd.p1&0x80 != 0 {
		return swWrongP1P2 // short EF identifiers are not supported
	}
	if !cmd.hasLe || len(cmd.data) > 0 {
		return swWrongLength
	}
	f := c.cur
	if f == nil {
		return swNoCurrentEF
	}
	if f.pin != nil || f.access == accessNever {
		return swSecurity
	}
	if (f.access == accessAuthPIN && !c.auth.verified) || (f.access == accessSignPIN && !c.sign.verified) {
		return swSecurity
	}
	if !cmd.extended && cmd.ne > c.maxLe {
		return swWrongLength
	}
	off := int(cmd.p1)<<8 | int(cmd.p2)
	if off >= len(f.data) {
		return swOffset
	}
	end := off + cmd.ne
	sw := swOK
	if end > len(f.data) {
		// Real cards send what is left with 90 00 (docs/protocol.md, "Reading a certificate").
		end = len(f.data)
		if c.quirks[endOfFile6282] {
			sw = swEndOfFile
		}
	}
	return append(append([]byte(nil), f.data[off:end]...), sw...)
}

func (c *Card) verify(cmd command) []byte {
	if cmd.p1 != 0x00 || cmd.p2 != 0x80 {
		return swWrongP1P2
	}
	if cmd.hasLe {
		return swWrongLength
	}
	if c.cur == nil || c.cur.pin == nil {
		return swNoCurrentEF
	}
	p := c.cur.pin
	if p.unset {
		return swBlocked
	}
	if p.left == 0 {
		if c.quirks[blocked6983] {
			return swBlockedISO
		}
		return swBlocked
	}
	if len(cmd.data) == 0 {
		// Tries left; spends nothing and changes nothing. A PIN verified
		// in this power session says so with 90 00 (docs/protocol.md,
		// "Verified state").
		if p.verified && !c.quirks[emptyVerify63Cx] {
			return swOK
		}
		return p.triesSW()
	}
	if subtle.ConstantTimeCompare(cmd.data, p.value) == 1 {
		p.left, p.verified = p.max, true
		return swOK
	}
	p.left--
	p.verified = false
	return p.triesSW()
}

func (c *Card) getResponse(cmd command) []byte {
	if cmd.p1 != 0 || cmd.p2 != 0 {
		c.pending = nil
		return swWrongP1P2
	}
	if !cmd.hasLe || len(cmd.data) > 0 {
		c.pending = nil
		return swWrongLength
	}
	if c.pending == nil {
		return swNoData
	}
	n := len(c.pending)
	if cmd.ne > n {
		// Le must not ask for more than is waiting (ISO/IEC 7816-3 §12.2.5);
		// 6C tells the exact count and keeps the data.
		return []byte{0x6C, byte(n)}
	}
	out := append([]byte(nil), c.pending[:cmd.ne]...)
	if rest := c.pending[cmd.ne:]; len(rest) > 0 {
		c.pending = rest
		return append(out, moreData(len(rest))...)
	}
	sw := c.pendingSW
	c.pending = nil
	return append(out, sw[:]...)
}
