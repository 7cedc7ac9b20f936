package cardsim

import "errors"

// command is one parsed command APDU (ISO/IEC 7816-3 §12.1 cases 1–4, short
// and extended).
type command struct {
	cla, ins, p1, p2 byte
	data             []byte
	// ne is the maximum response length the host accepts; 0 with hasLe
	// false means no response data expected (cases 1 and 3).
	ne       int
	hasLe    bool
	extended bool
}

var errMalformed = errors.New("malformed command APDU")

// parseCommand decodes raw into a command. It never panics, whatever raw is:
// the parser is fed by fuzzing and by whatever a host or vpcd sends.
func parseCommand(raw []byte) (command, error) {
	if len(raw) < 4 {
		return command{}, errMalformed
	}
	c := command{cla: raw[0], ins: raw[1], p1: raw[2], p2: raw[3]}
	body := raw[4:]
	switch {
	case len(body) == 0: // case 1
		return c, nil
	case len(body) == 1: // case 2 short; Le 00 means 256
		c.hasLe = true
		c.ne = int(body[0])
		if c.ne == 0 {
			c.ne = 256
		}
		return c, nil
	case body[0] != 0: // case 3 or 4 short
		lc := int(body[0])
		switch len(body) {
		case 1 + lc:
			c.data = body[1:]
			return c, nil
		case 2 + lc:
			c.data = body[1 : 1+lc]
			c.hasLe = true
			c.ne = int(body[1+lc])
			if c.ne == 0 {
				c.ne = 256
			}
			return c, nil
		}
		return command{}, errMalformed
	}
	// body[0] == 0 and more than one byte: extended length.
	c.extended = true
	if len(body) < 3 {
		return command{}, errMalformed
	}
	n := int(body[1])<<8 | int(body[2])
	if len(body) == 3 { // case 2 extended; Le 0000 means 65536
		c.hasLe = true
		c.ne = n
		if c.ne == 0 {
			c.ne = 65536
		}
		return c, nil
	}
	if n == 0 {
		return command{}, errMalformed
	}
	switch len(body) {
	case 3 + n:
		c.data = body[3:]
		return c, nil
	case 5 + n:
		c.data = body[3 : 3+n]
		c.hasLe = true
		c.ne = int(body[3+n])<<8 | int(body[4+n])
		if c.ne == 0 {
			c.ne = 65536
		}
		return c, nil
	}
	return command{}, errMalformed
}
