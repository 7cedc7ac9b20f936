package jpki

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// fakeCard is a small JPKI card for this package's tests. It decodes APDUs
// by hand (not with parseCommand) so that an encoding bug cannot agree with
// itself. Every knob is a field; the zero value plus files is a plain
// My Number Card.
type fakeCard struct {
	noApplet bool
	files    map[uint16][]byte // EF contents, padding included
	pins     map[uint16]*fakePIN

	maxLe       int    // 0 = 256
	wrongLeSW6C bool   // answer a too-large Le with 6C xx instead of 67 00
	t0          bool   // answer data with 61 xx + GET RESPONSE
	t0Piece     int    // GET RESPONSE serves at most this much per round (0 = all)
	endless61   bool   // GET RESPONSE answers 61 00 forever
	extended    bool   // accept extended READ BINARY
	extendedSW  uint16 // answer to an extended READ BINARY when not (0: 67 00)
	eofWarning  bool   // short read at the end of an EF answers 62 82, not 90 00
	authNeedPIN bool   // smartphone-style: 000A needs the auth PIN
	noKenhojo   bool   // no 券面事項入力補助AP: Logout's SELECT answers 6A 82
	removeAfter int    // >0: Transmit fails after this many APDUs

	// state
	applet  bool
	cur     uint16
	curOK   bool
	pending []byte
	log     [][]byte // every command received
	reads   [][2]int // READ BINARY ranges served: offset, length
}

type fakePIN struct {
	value    string
	tries    int
	verified bool
	unset    bool   // never set: every VERIFY answers 69 84
	lockedSW uint16 // answer of a locked PIN (0: 69 83)
	sticky   bool   // stays verified when another application is selected
}

var errFakeRemoved = errors.New("fake card removed")

func (f *fakeCard) Transmit(apdu []byte) ([]byte, error) {
	f.log = append(f.log, append([]byte(nil), apdu...))
	if f.removeAfter > 0 && len(f.log) > f.removeAfter {
		return nil, errFakeRemoved
	}
	if len(apdu) < 4 {
		return sw(0x6700), nil
	}
	ins, p1, p2 := apdu[1], apdu[2], apdu[3]
	body := apdu[4:]
	var data []byte
	le, ext := -1, false // -1: no Le
	switch {
	case len(body) == 0:
	case len(body) == 1:
		le = int(body[0])
		if le == 0 {
			le = 256
		}
	case body[0] == 0 && len(body) == 3:
		ext = true
		le = int(body[1])<<8 | int(body[2])
		if le == 0 {
			le = 65536
		}
	case body[0] != 0 && len(body) == 1+int(body[0]):
		data = body[1:]
	case body[0] != 0 && len(body) == 2+int(body[0]):
		data = body[1 : len(body)-1]
		le = int(body[len(body)-1])
		if le == 0 {
			le = 256
		}
	default:
		return sw(0x6700), nil
	}

	switch ins {
	case 0xA4:
		return f.selectFile(p1, p2, data, le)
	case 0xB0:
		if ext && !f.extended {
			if f.extendedSW != 0 {
				return sw(f.extendedSW), nil
			}
			return sw(0x6700), nil
		}
		return f.readBinary(int(p1)<<8|int(p2), le, ext)
	case 0xC0:
		if f.endless61 {
			return append(make([]byte, 256), 0x61, 0x00), nil
		}
		if len(f.pending) == 0 {
			return sw(0x6985), nil
		}
		n := min(le, len(f.pending))
		if f.t0Piece > 0 {
			n = min(n, f.t0Piece)
		}
		out := append([]byte(nil), f.pending[:n]...)
		f.pending = f.pending[n:]
		if len(f.pending) > 0 {
			return append(out, 0x61, byte(min(len(f.pending), 256))), nil
		}
		return append(out, 0x90, 0x00), nil
	case 0x20:
		return f.verify(p1, p2, data)
	}
	return sw(0x6D00), nil
}

func (f *fakeCard) selectFile(p1, p2 byte, data []byte, le int) ([]byte, error) {
	if p2 != 0x0C || le >= 0 {
		return sw(0x6A86), nil
	}
	switch p1 {
	case 0x04:
		// As on real cards: selecting the JPKI applet again keeps a verified
		// PIN verified; selecting another application clears it.
		switch {
		case f.noApplet:
			return sw(0x6A82), nil
		case bytes.Equal(data, jpkiAIDBytes):
			f.applet, f.curOK = true, false
			return sw(0x9000), nil
		case bytes.Equal(data, kenhojoAIDBytes) && !f.noKenhojo:
			f.applet, f.curOK = false, false
			for _, p := range f.pins {
				p.verified = p.verified && p.sticky
			}
			return sw(0x9000), nil
		}
		return sw(0x6A82), nil
	case 0x02:
		if !f.applet || len(data) != 2 {
			return sw(0x6A82), nil
		}
		id := uint16(data[0])<<8 | uint16(data[1])
		_, isFile := f.files[id]
		_, isPIN := f.pins[id]
		if !isFile && !isPIN {
			return sw(0x6A82), nil
		}
		f.cur, f.curOK = id, true
		return sw(0x9000), nil
	}
	return sw(0x6A86), nil
}

// jpkiAIDBytes is spelled out again on purpose: the fake must not take
// the AID from the code under test.
var (
	jpkiAIDBytes    = mustHex("D392F000260100000001")
	kenhojoAIDBytes = mustHex("D39210003100010104 08")
)

func (f *fakeCard) readBinary(off, le int, ext bool) ([]byte, error) {
	if !f.curOK {
		return sw(0x6986), nil
	}
	content, ok := f.files[f.cur]
	if !ok {
		return sw(0x6981), nil
	}
	if f.cur == 0x0001 && !f.pins[0x001B].verified {
		return sw(0x6982), nil
	}
	if f.cur == 0x000A && f.authNeedPIN && !f.pins[0x0018].verified {
		return sw(0x6982), nil
	}
	if le < 0 {
		le = 256 // ISO: no Le field on READ BINARY is an error on some cards; be lenient
	}
	maxLe := f.maxLe
	if maxLe == 0 {
		maxLe = 256
	}
	if !ext && le > maxLe {
		if f.wrongLeSW6C {
			return sw(0x6C00 | uint16(byte(maxLe))), nil
		}
		return sw(0x6700), nil
	}
	if off >= len(content) {
		return sw(0x6B00), nil
	}
	end := min(off+le, len(content))
	f.reads = append(f.reads, [2]int{off, end - off})
	out := append([]byte(nil), content[off:end]...)
	status := uint16(0x9000)
	if end-off < le && f.eofWarning {
		status = 0x6282
	}
	if f.t0 {
		f.pending = out
		return sw(0x6100 | uint16(byte(min(len(out), 256)))), nil
	}
	return append(out, byte(status>>8), byte(status)), nil
}

func (f *fakeCard) verify(p1, p2 byte, data []byte) ([]byte, error) {
	if p1 != 0x00 || p2 != 0x80 {
		return sw(0x6A86), nil
	}
	if !f.curOK {
		return sw(0x6986), nil
	}
	p, ok := f.pins[f.cur]
	if !ok {
		return sw(0x6986), nil
	}
	if p.unset {
		return sw(0x6984), nil
	}
	if p.tries == 0 {
		if p.lockedSW != 0 {
			return sw(p.lockedSW), nil
		}
		return sw(0x6983), nil
	}
	if len(data) == 0 {
		if p.verified {
			return sw(0x9000), nil
		}
		return sw(0x63C0 | uint16(p.tries)), nil
	}
	if string(data) == p.value {
		p.tries, p.verified = maxTries(f.cur), true
		return sw(0x9000), nil
	}
	p.tries, p.verified = p.tries-1, false
	return sw(0x63C0 | uint16(p.tries)), nil
}

func maxTries(ef uint16) int {
	if ef == 0x0018 {
		return 3
	}
	return 5
}

func sw(s uint16) []byte { return []byte{byte(s >> 8), byte(s)} }

func mustHex(s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		panic(err)
	}
	return b
}

// commands renders the log as spaced hex, one string per APDU.
func (f *fakeCard) commands() []string {
	out := make([]string, len(f.log))
	for i, c := range f.log {
		out[i] = spacedHexTest(c)
	}
	return out
}

func spacedHexTest(b []byte) string {
	parts := make([]string, len(b))
	for i, x := range b {
		parts[i] = fmt.Sprintf("%02X", x)
	}
	return strings.Join(parts, " ")
}

// newFakeMyNumber returns a My Number Card holding the given certificates,
// each padded to a 2 KiB EF as on real cards, PINs 1234 / ABC123.
func newFakeMyNumber(authCert, authCA, signCert, signCA []byte) *fakeCard {
	f := &fakeCard{
		files: map[uint16][]byte{
			0x0006: append([]byte("JPKIAPICCTOKEN2"), bytes.Repeat([]byte(" "), 17)...),
		},
		pins: map[uint16]*fakePIN{
			0x0018: {value: "1234", tries: 3},
			0x001B: {value: "ABC123", tries: 5},
		},
	}
	for id, der := range map[uint16][]byte{0x000A: authCert, 0x000B: authCA, 0x0001: signCert, 0x0002: signCA} {
		if der != nil {
			f.files[id] = padEF(der)
		}
	}
	// EF 0008: which certificates the card holds, 8F = present.
	f.files[0x0008] = []byte{held(signCert), held(authCert), 0x00}
	return f
}

func held(der []byte) byte {
	if der == nil {
		return 0x00
	}
	return 0x8F
}

func padEF(der []byte) []byte {
	size := 2048
	for size < len(der) {
		size *= 2
	}
	out := make([]byte, size)
	copy(out, der)
	for i := len(der); i < size; i++ {
		out[i] = 0xFF
	}
	return out
}
