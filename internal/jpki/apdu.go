package jpki

import (
	"errors"
	"fmt"
)

// Instruction bytes used by this package (ISO/IEC 7816-4 §11). The
// write-type instructions are listed so the card guard can refuse them.
const (
	insSelect      = 0xA4
	insReadBinary  = 0xB0
	insReadBinOdd  = 0xB1
	insGetResponse = 0xC0
	insVerify      = 0x20
	insVerifyOdd   = 0x21
)

// command is an ISO/IEC 7816-4 command APDU.
//
// Ne is the number of response bytes expected (Le in the encoded form):
// 0 means the command has no Le field; 1–256 fit a short APDU (256 is
// encoded as 00); up to 65536 needs an extended APDU (65536 is 00 00).
// Encode picks the short form whenever it can, unless Extended is set.
type command struct {
	CLA, INS, P1, P2 byte
	Data             []byte
	Ne               int
	Extended         bool

	// grant marks the one VERIFY-with-data command jpki.Verify builds; the
	// card refuses every other VERIFY that carries data. Unexported so no
	// other package can forge it; TestOnlyVerifyBuildsVerifyWithData keeps
	// the rest of this package honest.
	grant *verifyGrant
}

// Limits of ISO/IEC 7816-3 §12.1.3.
const (
	maxShortData = 255
	maxShortNe   = 256
	maxExtData   = 65535
	maxExtNe     = 65536
)

// encode returns the command's bytes. It reports an error for a length that
// no encoding can carry.
func (c command) encode() ([]byte, error) {
	if len(c.Data) > maxExtData {
		return nil, fmt.Errorf("encoding APDU: %d data bytes exceed %d", len(c.Data), maxExtData)
	}
	if c.Ne < 0 || c.Ne > maxExtNe {
		return nil, fmt.Errorf("encoding APDU: Ne %d outside 0..%d", c.Ne, maxExtNe)
	}
	out := make([]byte, 4, 4+3+len(c.Data)+3)
	out[0], out[1], out[2], out[3] = c.CLA, c.INS, c.P1, c.P2
	short := !c.Extended && len(c.Data) <= maxShortData && c.Ne <= maxShortNe
	switch {
	case len(c.Data) == 0 && c.Ne == 0: // case 1
	case short:
		if len(c.Data) > 0 { // cases 3S, 4S
			out = append(out, byte(len(c.Data)))
			out = append(out, c.Data...)
		}
		if c.Ne > 0 { // cases 2S, 4S; 256 wraps to 00
			out = append(out, byte(c.Ne))
		}
	default:
		out = append(out, 0x00) // extended marker
		if len(c.Data) > 0 {    // cases 3E, 4E
			out = append(out, byte(len(c.Data)>>8), byte(len(c.Data)))
			out = append(out, c.Data...)
		}
		if c.Ne > 0 { // cases 2E, 4E; 65536 wraps to 00 00
			out = append(out, byte(c.Ne>>8), byte(c.Ne))
		}
	}
	return out, nil
}

// parseCommand decodes a command APDU (short or extended, cases 1–4). It is
// the inverse of Encode, meant for test cards and trace tools.
func parseCommand(b []byte) (command, error) {
	if len(b) < 4 {
		return command{}, fmt.Errorf("parsing APDU: %d bytes, need at least 4", len(b))
	}
	c := command{CLA: b[0], INS: b[1], P1: b[2], P2: b[3]}
	body := b[4:]
	switch {
	case len(body) == 0: // case 1
		return c, nil
	case len(body) == 1: // case 2S
		c.Ne = shortNe(body[0])
		return c, nil
	case body[0] != 0: // case 3S or 4S
		lc := int(body[0])
		switch len(body) {
		case 1 + lc:
			c.Data = append([]byte(nil), body[1:]...)
			return c, nil
		case 2 + lc:
			c.Data = append([]byte(nil), body[1:1+lc]...)
			c.Ne = shortNe(body[1+lc])
			return c, nil
		}
		return command{}, fmt.Errorf("parsing APDU: Lc %d does not match %d body bytes", lc, len(body))
	case len(body) == 3: // case 2E
		c.Extended = true
		c.Ne = extNe(body[1], body[2])
		return c, nil
	case len(body) > 3: // case 3E or 4E
		c.Extended = true
		lc := int(body[1])<<8 | int(body[2])
		if lc == 0 {
			return command{}, errors.New("parsing APDU: extended Lc of 0")
		}
		switch len(body) {
		case 3 + lc:
			c.Data = append([]byte(nil), body[3:]...)
			return c, nil
		case 5 + lc:
			c.Data = append([]byte(nil), body[3:3+lc]...)
			c.Ne = extNe(body[3+lc], body[4+lc])
			return c, nil
		}
		return command{}, fmt.Errorf("parsing APDU: extended Lc %d does not match %d body bytes", lc, len(body))
	}
	return command{}, fmt.Errorf("parsing APDU: malformed %d-byte body", len(body))
}

func shortNe(le byte) int {
	if le == 0 {
		return maxShortNe
	}
	return int(le)
}

func extNe(hi, lo byte) int {
	n := int(hi)<<8 | int(lo)
	if n == 0 {
		return maxExtNe
	}
	return n
}

// response is a response APDU split into its data and status word.
type response struct {
	Data []byte
	SW   SW
}

// parseResponse splits a response APDU (data followed by SW1 SW2). Data
// aliases b.
func parseResponse(b []byte) (response, error) {
	if len(b) < 2 {
		return response{}, fmt.Errorf("%w: response of %d bytes", errNoStatusWord, len(b))
	}
	n := len(b) - 2
	return response{Data: b[:n:n], SW: SW(uint16(b[n])<<8 | uint16(b[n+1]))}, nil
}

// errNoStatusWord: a response that ends in no plausible status word, as
// when a reader cuts a long answer short. It matches ErrProtocol.
var errNoStatusWord = fmt.Errorf("%w: no plausible status word", ErrProtocol)

// plausible reports a status word ISO/IEC 7816-3 §10.3.1 allows: SW1 61–6F
// or 90–9F. Anything else is most likely data from a cut-off answer.
func (sw SW) plausible() bool {
	sw1 := sw.sw1()
	return (sw1 >= 0x61 && sw1 <= 0x6F) || (sw1 >= 0x90 && sw1 <= 0x9F)
}

// Err returns nil for 90 00 and the status word as an error otherwise.
func (r response) Err() error { return r.SW.Err() }
