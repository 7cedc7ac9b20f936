package jpki

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// rawCard answers from a script, one response per APDU, for transport
// edge cases the fake card does not model.
type rawCard struct {
	script [][]byte
	log    [][]byte
}

func (r *rawCard) Transmit(apdu []byte) ([]byte, error) {
	r.log = append(r.log, append([]byte(nil), apdu...))
	if len(r.script) == 0 {
		return sw(0x6F00), nil
	}
	out := r.script[0]
	r.script = r.script[1:]
	return out, nil
}

func TestExchange61Loop(t *testing.T) {
	f := &fakeCard{files: map[uint16][]byte{0x000A: bytes.Repeat([]byte{7}, 600)}, t0: true, t0Piece: 100}
	c := NewCard(f)
	if err := c.selectApplet(); err != nil {
		t.Fatal(err)
	}
	if err := c.selectEF(0x000A); err != nil {
		t.Fatal(err)
	}
	resp, err := c.exchange(command{INS: 0xB0, Ne: 256})
	if err != nil || resp.SW != swSuccess || len(resp.Data) != 256 {
		t.Fatalf("Exchange = %d bytes %s, %v", len(resp.Data), resp.SW, err)
	}
	// READ BINARY → 61 00, then GET RESPONSE 00 → 100 + 61 9C, 9C → 100 + 61 38, 38 → 56 + 9000.
	want := []string{"00 B0 00 00 00", "00 C0 00 00 00", "00 C0 00 00 9C", "00 C0 00 00 38"}
	if got := f.commands()[2:]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("commands = %q, want %q", got, want)
	}
	if c.totals().APDUs != 6 {
		t.Errorf("Stats().APDUs = %d, want 6", c.totals().APDUs)
	}
}

func TestExchangeEndless61(t *testing.T) {
	f := &fakeCard{files: map[uint16][]byte{0x000A: make([]byte, 600)}, t0: true, endless61: true}
	c := NewCard(f)
	_ = c.selectApplet()
	_ = c.selectEF(0x000A)
	before := len(f.log)
	_, err := c.exchange(command{INS: 0xB0, Ne: 256})
	if !errors.Is(err, ErrProtocol) {
		t.Fatalf("err = %v, want ErrProtocol", err)
	}
	// The byte bound trips first: 256 bytes fill Ne, the next round overflows it.
	if n := len(f.log) - before; n > 3 {
		t.Errorf("%d APDUs before giving up", n)
	}

	// A card that answers 61 00 with no data forever hits the round bound.
	script := [][]byte{sw(0x6100)}
	for range 100 {
		script = append(script, sw(0x6100))
	}
	r := &rawCard{script: script}
	_, err = NewCard(r).exchange(command{INS: 0xB0, Ne: 256})
	if !errors.Is(err, ErrProtocol) || len(r.log) != 1+maxGetResponses {
		t.Errorf("err = %v after %d APDUs, want ErrProtocol after %d", err, len(r.log), 1+maxGetResponses)
	}
}

func TestExchange6C(t *testing.T) {
	r := &rawCard{script: [][]byte{sw(0x6C10), append(make([]byte, 16), 0x90, 0x00)}}
	resp, err := NewCard(r).exchange(command{INS: 0xB0, Ne: 256})
	if err != nil || len(resp.Data) != 16 {
		t.Fatalf("Exchange = %d bytes, %v", len(resp.Data), err)
	}
	if got := spacedHexTest(r.log[1]); got != "00 B0 00 00 10" {
		t.Errorf("re-sent %s, want 00 B0 00 00 10", got)
	}

	r = &rawCard{script: [][]byte{sw(0x6C10), sw(0x6C08)}}
	if _, err := NewCard(r).exchange(command{INS: 0xB0, Ne: 256}); !errors.Is(err, ErrProtocol) || len(r.log) != 2 {
		t.Errorf("second 6C: err = %v after %d APDUs", err, len(r.log))
	}

	// 6C to a command without Le is passed back, not re-sent.
	r = &rawCard{script: [][]byte{sw(0x6C10)}}
	resp, err = NewCard(r).exchange(command{INS: 0xA4, P1: 2, P2: 0x0C, Data: []byte{0, 1}})
	if err != nil || resp.SW != 0x6C10 || len(r.log) != 1 {
		t.Errorf("6C to case 3: %s, %v, %d APDUs", resp.SW, err, len(r.log))
	}

	// 61 xx to a command that expects no data: done, nothing fetched.
	r = &rawCard{script: [][]byte{sw(0x6110)}}
	resp, err = NewCard(r).exchange(command{INS: 0xA4, P1: 2, P2: 0x0C, Data: []byte{0, 1}})
	if err != nil || resp.SW != swSuccess || len(r.log) != 1 {
		t.Errorf("61 to case 3: %s, %v, %d APDUs", resp.SW, err, len(r.log))
	}

	// More data than asked for is a protocol error, not an over-read.
	r = &rawCard{script: [][]byte{append(make([]byte, 20), 0x90, 0x00)}}
	c := NewCard(r)
	if _, _, err := c.readBinary(0, 16); !errors.Is(err, ErrProtocol) {
		t.Errorf("20 bytes for Le 16: %v", err)
	}
	// No status word at all.
	r = &rawCard{script: [][]byte{{0x90}}}
	if _, err := NewCard(r).exchange(command{INS: 0xB0, Ne: 1}); !errors.Is(err, ErrProtocol) {
		t.Errorf("1-byte response: %v", err)
	}
}

func TestGuard(t *testing.T) {
	refused := []command{
		{INS: 0x20, P2: 0x80, Data: []byte("1234")},
		{INS: 0x21, P2: 0x80, Data: []byte{0x01}},
		{INS: 0x24, P2: 0x80, Data: []byte("12345678")},
		{INS: 0x2C, P1: 0x03, P2: 0x80},
		{INS: 0xD6, Data: []byte{0}},
		{INS: 0xE4},
		{INS: 0xB0, Ne: 1, grant: &verifyGrant{}},
		{INS: 0x20, P2: 0x80, grant: &verifyGrant{}},
	}
	for _, cmd := range refused {
		f := &fakeCard{}
		_, err := NewCard(f).exchange(cmd)
		if !errors.Is(err, ErrRefused) {
			t.Errorf("Exchange(INS %02X, %d data bytes) = %v, want ErrRefused", cmd.INS, len(cmd.Data), err)
		}
		if len(f.log) != 0 {
			t.Errorf("INS %02X reached the card", cmd.INS)
		}
	}
	// The empty VERIFY passes.
	f := newFakeMyNumber(nil, nil, nil, nil)
	c := NewCard(f)
	if _, err := PINTries(c, AuthPIN); err != nil {
		t.Fatal(err)
	}
	// A granted command goes out once, never twice.
	cmd := newVerifyCommand([]byte("9999"))
	if _, err := c.exchange(cmd); err != nil {
		t.Fatal(err)
	}
	before := len(f.log)
	if _, err := c.exchange(cmd); !errors.Is(err, ErrRefused) || len(f.log) != before {
		t.Errorf("second send of a granted VERIFY: %v", err)
	}
	if f.pins[0x0018].tries != 2 {
		t.Errorf("tries = %d, want 2 (one wrong PIN)", f.pins[0x0018].tries)
	}
}

func TestTransportErrorPassesThrough(t *testing.T) {
	p := getPKI(t)
	f := p.card(t, nil)
	f.removeAfter = 3
	_, err := Check(NewCard(f), WithTrust(p.trust(t)))
	if !errors.Is(err, errFakeRemoved) {
		t.Fatalf("err = %v, want the transmitter's error", err)
	}
	if !isTransport(err) {
		t.Error("isTransport = false")
	}
}

func TestTraceMasksPINAndPersonalData(t *testing.T) {
	p := getPKI(t)
	f := p.card(t, nil)
	var events []TraceEvent
	c := NewCard(f, WithTrace(func(e TraceEvent) { events = append(events, e) }))
	cert, err := ReadSignCertificate(c, []byte("abc123"), func(PINStatus) Consent { return Proceed }, WithTrust(p.trust(t)))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != c.totals().APDUs {
		t.Errorf("%d events for %d APDUs", len(events), c.totals().APDUs)
	}
	var all strings.Builder
	masked, withheld := 0, 0
	for _, e := range events {
		line := e.String()
		all.WriteString(line + "\n")
		all.Write(e.Command)
		all.Write(e.Response)
		if e.CommandMasked {
			masked++
			if len(e.Command) != 4 || !strings.Contains(line, "<PIN masked>") {
				t.Errorf("masked VERIFY traced as %q", line)
			}
		}
		if e.ResponseWithheld > 0 {
			withheld += e.ResponseWithheld
			if len(e.Response) != 2 {
				t.Errorf("withheld response still has %d bytes", len(e.Response))
			}
		}
	}
	if masked != 1 {
		t.Errorf("%d masked commands, want 1", masked)
	}
	if withheld != len(cert.DER()) {
		t.Errorf("withheld %d bytes, want the certificate's %d", withheld, len(cert.DER()))
	}
	for _, secret := range []string{"ABC123", "abc123", "414243313233", testName, testAddress, "Taro"} {
		if strings.Contains(all.String(), secret) {
			t.Errorf("trace contains %q", secret)
		}
	}
	// The card did get the upper-cased password.
	if !f.pins[0x001B].verified && f.pins[0x001B].tries != 5 {
		t.Error("password was not accepted")
	}
}

func TestStats(t *testing.T) {
	r := &rawCard{script: [][]byte{mustHex("01 02 90 00")}}
	c := NewCard(r)
	if _, err := c.exchange(command{INS: 0xB0, Ne: 2}); err != nil {
		t.Fatal(err)
	}
	s := c.totals()
	if s.APDUs != 1 || s.BytesSent != 5 || s.BytesReceived != 4 {
		t.Errorf("Stats = %+v", s)
	}
	if d := s.sub(exchangeStats{APDUs: 1, BytesSent: 5, BytesReceived: 4}); d != (exchangeStats{Elapsed: s.Elapsed}) {
		t.Errorf("Sub = %+v", d)
	}
}

// 6F 00 to the first command after a power-on was seen on a real card: that
// one command is sent again, once. Later 6F 00 answers are passed on.
func TestFirstAPDU6F00(t *testing.T) {
	ok := sw(0x9000)
	for _, tc := range []struct {
		name   string
		script [][]byte
		sends  int  // APDUs for the first PINTries step (SELECT AP)
		failed bool // PINTries failed
	}{
		{"first answer 6F 00, then fine", [][]byte{sw(0x6F00), ok, ok, sw(0x63C3)}, 4, false},
		{"6F 00 twice: not a third time", [][]byte{sw(0x6F00), sw(0x6F00)}, 2, true},
		{"6F 00 to the second APDU: not resent", [][]byte{ok, sw(0x6F00)}, 2, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &rawCard{script: tc.script}
			st, err := PINTries(NewCard(r), AuthPIN)
			if (err != nil) != tc.failed || len(r.log) != tc.sends {
				t.Fatalf("PINTries = %+v, %v after %d APDUs; want failed %v after %d", st, err, len(r.log), tc.failed, tc.sends)
			}
			if !tc.failed && (st.TriesLeft != 3 || spacedHexTest(r.log[0]) != spacedHexTest(r.log[1])) {
				t.Errorf("%+v; first two APDUs %q", st, r.log[:2])
			}
		})
	}
	// Never a VERIFY carrying a PIN, even as the session's first APDU.
	r := &rawCard{script: [][]byte{sw(0x6F00), ok}}
	c := NewCard(r)
	if _, err := c.exchange(newVerifyCommand([]byte("1234"))); err != nil || len(r.log) != 1 {
		t.Errorf("granted VERIFY: %v after %d APDUs, want 1", err, len(r.log))
	}
}
