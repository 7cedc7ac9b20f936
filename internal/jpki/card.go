package jpki

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Transmitter sends one command APDU and returns the response APDU with
// SW1 SW2 appended. *scard.Card satisfies it, and so does the simulated
// card. Errors it returns (a removed card, say) reach the caller wrapped,
// so errors.Is against the transmitter's own sentinels keeps working.
type Transmitter interface {
	Transmit(apdu []byte) ([]byte, error)
}

// Card is a session with one card through a Transmitter. It handles the
// transport details (61 xx, 6C xx), counts what was sent, traces each
// APDU, remembers what the card told it about its limits, and refuses
// commands that could spend a PIN try or change the card.
//
// A Card is not safe for concurrent use; a card serves one sequence at a
// time anyway.
type Card struct {
	tx    Transmitter
	trace func(TraceEvent)
	now   func() time.Time

	extended    bool // try one extended READ BINARY for a certificate's rest
	extendedBad bool // the card or reader refused it once; don't try again
	chunk       int  // largest READ BINARY the card serves, learned from its answers

	// What the card has selected, as far as we know. Transport errors
	// forget it, because a reset card has lost it too.
	appletSelected bool
	ef             uint16
	efKnown        bool

	started bool // the session's first APDU has been sent

	// What the card said about the certificates it holds: EF 0008, read at
	// most once and only when it decides an answer (holdings.go), and a
	// SELECT of the signing certificate's file answered 6A 82.
	holdingsRead    bool
	holdings        *CertHoldings
	holdingsErr     error
	signCertMissing bool

	stats exchangeStats
}

// CardOption configures NewCard.
type CardOption func(*Card)

// WithTrace calls fn after every APDU exchanged, including GET RESPONSE
// and re-sent commands. The PIN bytes of a VERIFY and the data read from
// the signing certificate file never reach fn (see TraceEvent).
func WithTrace(fn func(TraceEvent)) CardOption {
	return func(c *Card) { c.trace = fn }
}

// WithExtendedRead lets certificate reads fetch everything after the first
// chunk in one extended-length READ BINARY. Newer cards declare extended
// lengths, but support is per command and per reader, so any answer but
// success (any status word, or a transport error) turns it off for the
// rest of the session and the read continues with short APDUs.
func WithExtendedRead() CardOption {
	return func(c *Card) { c.extended = true }
}

// NewCard starts a session on t.
func NewCard(t Transmitter, opts ...CardOption) *Card {
	c := &Card{tx: t, now: time.Now, chunk: maxShortNe}
	for _, o := range opts {
		o(c)
	}
	return c
}

// exchangeStats counts the APDUs a session exchanged. Bytes are whole APDUs as
// sent and received, SW included.
type exchangeStats struct {
	APDUs         int
	BytesSent     int
	BytesReceived int
	Elapsed       time.Duration // time spent in Transmit
}

// sub returns s − t, the cost of what happened between two snapshots.
func (s exchangeStats) sub(t exchangeStats) exchangeStats {
	return exchangeStats{
		APDUs:         s.APDUs - t.APDUs,
		BytesSent:     s.BytesSent - t.BytesSent,
		BytesReceived: s.BytesReceived - t.BytesReceived,
		Elapsed:       s.Elapsed - t.Elapsed,
	}
}

// totals returns the running totals of the session.
func (c *Card) totals() exchangeStats { return c.stats }

// TraceEvent is one APDU exchange, for --trace style logging.
type TraceEvent struct {
	// Command is the APDU as sent, except that a VERIFY with a PIN is cut
	// to its 4-byte header (CommandMasked): neither the PIN nor its length
	// is traced.
	Command       []byte
	CommandMasked bool
	// Response is the APDU as received, except that data read from the
	// signing certificate file (name, address, birth date) is withheld:
	// Response then holds only SW1 SW2 and ResponseWithheld counts the
	// data bytes left out.
	Response         []byte
	ResponseWithheld int
	Duration         time.Duration
	Err              error // the transmitter's error, if any
}

// String renders the event on one line: command → response (duration).
func (e TraceEvent) String() string {
	var b strings.Builder
	b.WriteString(spacedHex(e.Command))
	if e.CommandMasked {
		b.WriteString(" <PIN masked>")
	}
	b.WriteString(" → ")
	switch {
	case e.Err != nil:
		b.WriteString("error: " + e.Err.Error())
	case e.ResponseWithheld > 0:
		fmt.Fprintf(&b, "<%d bytes of personal data withheld> %s", e.ResponseWithheld, spacedHex(e.Response))
	default:
		b.WriteString(spacedHex(e.Response))
	}
	fmt.Fprintf(&b, " (%s)", e.Duration.Round(time.Microsecond))
	return b.String()
}

func spacedHex(b []byte) string {
	s := strings.ToUpper(hex.EncodeToString(b))
	var out strings.Builder
	for i := 0; i < len(s); i += 2 {
		if i > 0 {
			out.WriteByte(' ')
		}
		out.WriteString(s[i : i+2])
	}
	return out.String()
}

// Bounds on the 61 xx loop: a card that keeps saying "more data" must end
// in an error, not a hang or unbounded memory.
const maxGetResponses = 64

// exchange sends one command through the session: counted, traced, with
// 61 xx and 6C xx handled (the one place that handles them), and through
// the guard that refuses a VERIFY with data (use Verify) and every command
// that writes to the card. The response's status word is returned as is,
// not as an error.
func (c *Card) exchange(cmd command) (response, error) {
	if err := c.guard(&cmd); err != nil {
		return response{}, err
	}
	withhold := c.readsSigningCert(cmd)
	first := !c.started
	c.started = true
	resp, err := c.send(cmd, withhold)
	if err != nil {
		return response{}, err
	}
	// 6F 00 to the first command after a power-on was seen once on a real
	// card (docs/protocol.md, "Verified state"): send that command once
	// more. Only the session's first APDU, only once, and never a VERIFY
	// that carries a PIN.
	if first && resp.SW == swCardMute && cmd.grant == nil {
		if resp, err = c.send(cmd, withhold); err != nil {
			return response{}, err
		}
	}

	// 6C xx: wrong Le, the card names the right one. Re-send once. Only a
	// command that expects data has an Le to correct, and a VERIFY with a
	// PIN is never sent twice.
	if resp.SW.sw1() == swWrongLe && cmd.Ne > 0 && cmd.grant == nil {
		cmd.Ne = shortNe(resp.SW.sw2())
		cmd.Extended = false
		if resp, err = c.send(cmd, withhold); err != nil {
			return response{}, err
		}
		if resp.SW.sw1() == swWrongLe {
			return response{}, fmt.Errorf("%w: a second 6C xx (%s) after correcting Le", ErrProtocol, resp.SW)
		}
	}

	if resp.SW.sw1() != swMoreData {
		c.track(cmd, resp.SW)
		return resp, nil
	}
	// 61 xx: T=0 style, the data waits for GET RESPONSE. A command that
	// expects no data has completed; don't fetch what we didn't ask for.
	if cmd.Ne == 0 {
		resp = response{SW: swSuccess}
		c.track(cmd, resp.SW)
		return resp, nil
	}
	data := append([]byte(nil), resp.Data...)
	for rounds := 0; resp.SW.sw1() == swMoreData; rounds++ {
		if rounds == maxGetResponses {
			return response{}, fmt.Errorf("%w: more than %d GET RESPONSE rounds", ErrProtocol, maxGetResponses)
		}
		get := command{CLA: 0x00, INS: insGetResponse, Ne: shortNe(resp.SW.sw2())}
		if resp, err = c.send(get, withhold); err != nil {
			return response{}, err
		}
		if len(data)+len(resp.Data) > cmd.Ne {
			return response{}, fmt.Errorf("%w: card sent more than the %d bytes asked for", ErrProtocol, cmd.Ne)
		}
		data = append(data, resp.Data...)
		if resp.SW.sw1() == swWrongLe {
			return response{}, fmt.Errorf("%w: 6C xx (%s) to GET RESPONSE", ErrProtocol, resp.SW)
		}
	}
	resp.Data = data
	c.track(cmd, resp.SW)
	return resp, nil
}

// send transmits one APDU and accounts for it.
func (c *Card) send(cmd command, withhold bool) (response, error) {
	raw, err := cmd.encode()
	if err != nil {
		return response{}, err
	}
	start := c.now()
	out, err := c.tx.Transmit(raw)
	elapsed := c.now().Sub(start)

	c.stats.APDUs++
	c.stats.BytesSent += len(raw)
	c.stats.BytesReceived += len(out)
	c.stats.Elapsed += elapsed

	if c.trace != nil {
		ev := TraceEvent{Command: raw, Response: out, Duration: elapsed, Err: err}
		if cmd.grant != nil {
			ev.Command, ev.CommandMasked = raw[:4:4], true
		}
		if withhold && len(out) > 2 {
			ev.Response, ev.ResponseWithheld = out[len(out)-2:], len(out)-2
		}
		ev.Command = append([]byte(nil), ev.Command...)
		ev.Response = append([]byte(nil), ev.Response...)
		c.trace(ev)
	}
	if cmd.grant != nil {
		clear(raw) // our copy of the PIN; the transmitter's is out of reach
	}

	if err != nil {
		c.forget()
		return response{}, fmt.Errorf("transmitting APDU %02X %02X: %w", cmd.CLA, cmd.INS, err)
	}
	resp, err := parseResponse(out)
	if err != nil {
		return response{}, err
	}
	// The transmitter may reuse its buffer.
	resp.Data = append([]byte(nil), resp.Data...)
	return resp, nil
}

// forget drops what we believed the card had selected.
func (c *Card) forget() {
	c.appletSelected, c.efKnown = false, false
}

// track follows SELECTs sent through exchange or the package's own calls.
func (c *Card) track(cmd command, sw SW) {
	if cmd.INS != insSelect {
		return
	}
	switch {
	case cmd.P1 == 0x04 && sw == swSuccess && string(cmd.Data) == string(jpkiAID[:]):
		c.appletSelected, c.efKnown = true, false
	case cmd.P1 == 0x02 && len(cmd.Data) == 2:
		// A failed SELECT EF may or may not keep the old one current; our
		// reads always SELECT first, so unknown is the safe belief.
		c.ef, c.efKnown = uint16(cmd.Data[0])<<8|uint16(cmd.Data[1]), sw == swSuccess
		if c.ef == efSignCert && sw == swNotFound && c.appletSelected {
			c.signCertMissing = true
		}
	default:
		// Any other SELECT (another applet, the MF, a path) may leave the
		// JPKI applet: the next command must select it again.
		c.forget()
	}
}

// readsSigningCert reports whether cmd reads the signing certificate's file,
// whose data a trace must not show. A failed SELECT of that file still
// counts: then we don't know what is current.
func (c *Card) readsSigningCert(cmd command) bool {
	if cmd.INS != insReadBinary && cmd.INS != insReadBinOdd {
		return false
	}
	if cmd.INS == insReadBinary && cmd.P1&0x80 != 0 { // short EF identifier in P1
		return cmd.P1&0x1F == byte(efSignCert)
	}
	return c.ef == efSignCert
}

// guard refuses what this tool must never send: a VERIFY carrying data
// that Verify did not build (or already sent once), and commands that
// change the card. Card-side PIN counters are the resident's, and a read
// tool has no business writing.
func (c *Card) guard(cmd *command) error {
	switch cmd.INS {
	case insVerify, insVerifyOdd:
		if len(cmd.Data) == 0 {
			if cmd.grant != nil {
				return fmt.Errorf("%w: VERIFY grant on a command without a PIN", ErrRefused)
			}
			return nil
		}
		if cmd.grant == nil {
			return fmt.Errorf("%w: VERIFY with data outside jpki.Verify", ErrRefused)
		}
		if cmd.grant.used {
			return fmt.Errorf("%w: VERIFY sent a second time", ErrRefused)
		}
		cmd.grant.used = true
		return nil
	case 0x0E, 0x0F, // ERASE BINARY
		0x24,       // CHANGE REFERENCE DATA
		0x2C,       // RESET RETRY COUNTER
		0x44, 0x04, // ACTIVATE / DEACTIVATE FILE
		0xD6, 0xD7, // UPDATE BINARY
		0xDA, 0xDB, // PUT DATA
		0xDC, 0xDD, // UPDATE RECORD
		0xE0, 0xE2, // CREATE FILE, APPEND RECORD
		0xE4, 0xE6, 0xFE: // DELETE FILE, TERMINATE DF, TERMINATE CARD
		return fmt.Errorf("%w: instruction %02X changes the card", ErrRefused, cmd.INS)
	}
	if cmd.grant != nil {
		return fmt.Errorf("%w: VERIFY grant on instruction %02X", ErrRefused, cmd.INS)
	}
	return nil
}

// verifyGrant is the mark Verify puts on its command. It is not zero-sized
// so that two grants never share an address.
type verifyGrant struct {
	used bool
}

// statusErr wraps a non-success status word with what was being done.
func statusErr(sw SW, format string, args ...any) error {
	return fmt.Errorf(format+": %w", append(args, sw.Err())...)
}

// isTransport reports an error from the transmitter rather than from the
// card's status word or our own checks.
func isTransport(err error) bool {
	var se *StatusError
	return err != nil && !errors.As(err, &se) && !errors.Is(err, ErrProtocol) && !errors.Is(err, ErrRefused)
}
