package jpki

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestCommandEncode(t *testing.T) {
	data300 := bytes.Repeat([]byte{0xAB}, 300)
	tests := []struct {
		name string
		cmd  command
		want string // spaced hex; "..." stands for the data
	}{
		{"case 1 empty VERIFY", command{INS: 0x20, P2: 0x80}, "00 20 00 80"},
		{"case 2S Le 00 = 256", command{INS: 0xB0, Ne: 256}, "00 B0 00 00 00"},
		{"case 2S Le 20", command{INS: 0xB0, P1: 0x01, P2: 0x02, Ne: 32}, "00 B0 01 02 20"},
		{"case 2S Le 1", command{INS: 0xB0, Ne: 1}, "00 B0 00 00 01"},
		{"case 3S SELECT AP", command{INS: 0xA4, P1: 0x04, P2: 0x0C, Data: mustHex("D392F000260100000001")},
			"00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"},
		{"case 3S SELECT EF", command{INS: 0xA4, P1: 0x02, P2: 0x0C, Data: []byte{0x00, 0x0A}}, "00 A4 02 0C 02 00 0A"},
		{"case 4S", command{CLA: 0x80, INS: 0x01, P1: 2, P2: 3, Data: []byte{9}, Ne: 256}, "80 01 02 03 01 09 00"},
		{"case 2E Ne 257", command{INS: 0xB0, Ne: 257}, "00 B0 00 00 00 01 01"},
		{"case 2E Ne 65536", command{INS: 0xB0, Ne: 65536}, "00 B0 00 00 00 00 00"},
		{"case 2E forced", command{INS: 0xB0, P1: 0x01, Ne: 0x80, Extended: true}, "00 B0 01 00 00 00 80"},
		{"case 3E forced", command{INS: 0x01, Data: []byte{1, 2}, Extended: true}, "00 01 00 00 00 00 02 01 02"},
		{"case 4E forced", command{INS: 0x01, Data: []byte{1}, Ne: 256, Extended: true}, "00 01 00 00 00 00 01 01 01 00"},
		{"case 1 ignores Extended", command{INS: 0x20, P2: 0x80, Extended: true}, "00 20 00 80"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cmd.encode()
			if err != nil {
				t.Fatal(err)
			}
			if s := spacedHexTest(got); s != tt.want {
				t.Errorf("Encode = %s, want %s", s, tt.want)
			}
		})
	}

	t.Run("case 3E by size", func(t *testing.T) {
		got, err := command{INS: 0xD0, Data: data300}.encode()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got[:7], mustHex("00 D0 00 00 00 01 2C")) || !bytes.Equal(got[7:], data300) {
			t.Errorf("Encode = % X", got[:8])
		}
	})
	t.Run("case 4E by size", func(t *testing.T) {
		got, err := command{INS: 0xD0, Data: data300, Ne: 2}.encode()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got[len(got)-2:], []byte{0x00, 0x02}) || len(got) != 4+3+300+2 {
			t.Errorf("Encode tail = % X, len %d", got[len(got)-2:], len(got))
		}
	})
	for _, bad := range []command{
		{Ne: -1},
		{Ne: 65537},
		{Data: make([]byte, 65536)},
	} {
		if _, err := bad.encode(); err == nil {
			t.Errorf("Encode(Ne %d, %d data bytes) succeeded", bad.Ne, len(bad.Data))
		}
	}
}

func TestParseCommand(t *testing.T) {
	tests := []struct {
		in   string
		want command
	}{
		{"00 20 00 80", command{INS: 0x20, P2: 0x80}},
		{"00 B0 00 00 00", command{INS: 0xB0, Ne: 256}},
		{"00 B0 7F 00 80", command{INS: 0xB0, P1: 0x7F, Ne: 128}},
		{"00 A4 02 0C 02 00 0A", command{INS: 0xA4, P1: 2, P2: 0x0C, Data: []byte{0, 0x0A}}},
		{"00 20 00 80 04 31 32 33 34", command{INS: 0x20, P2: 0x80, Data: []byte("1234")}},
		{"80 01 02 03 01 09 00", command{CLA: 0x80, INS: 1, P1: 2, P2: 3, Data: []byte{9}, Ne: 256}},
		{"00 B0 00 00 00 00 00", command{INS: 0xB0, Ne: 65536, Extended: true}},
		{"00 B0 00 10 00 06 00", command{INS: 0xB0, P2: 0x10, Ne: 0x600, Extended: true}},
		{"00 01 00 00 00 00 02 01 02", command{INS: 1, Data: []byte{1, 2}, Extended: true}},
		{"00 01 00 00 00 00 01 01 01 00", command{INS: 1, Data: []byte{1}, Ne: 256, Extended: true}},
	}
	for _, tt := range tests {
		got, err := parseCommand(mustHex(tt.in))
		if err != nil {
			t.Errorf("ParseCommand(%s): %v", tt.in, err)
			continue
		}
		if got.CLA != tt.want.CLA || got.INS != tt.want.INS || got.P1 != tt.want.P1 || got.P2 != tt.want.P2 ||
			!bytes.Equal(got.Data, tt.want.Data) || got.Ne != tt.want.Ne || got.Extended != tt.want.Extended {
			t.Errorf("ParseCommand(%s) = %+v, want %+v", tt.in, got, tt.want)
		}
		back, err := got.encode()
		if err != nil || !bytes.Equal(back, mustHex(tt.in)) {
			t.Errorf("Encode(ParseCommand(%s)) = % X, %v", tt.in, back, err)
		}
	}
	for _, bad := range []string{
		"", "00", "00 B0 00", // too short
		"00 A4 02 0C 02 00",          // Lc 2, one byte
		"00 A4 02 0C 02 00 0A 00 00", // Lc 2, three bytes after
		"00 B0 00 00 00 00",          // extended marker, one byte
		"00 01 00 00 00 00 00 01",    // extended Lc 0
		"00 01 00 00 00 00 03 01",    // extended Lc 3, one byte
	} {
		if c, err := parseCommand(mustHex(bad)); err == nil {
			t.Errorf("ParseCommand(%s) = %+v, want an error", bad, c)
		}
	}
}

func TestParseResponse(t *testing.T) {
	tests := []struct {
		in   string
		data string
		sw   SW
	}{
		{"90 00", "", swSuccess},
		{"01 02 03 90 00", "01 02 03", swSuccess},
		{"6A 82", "", swNotFound},
		{"63 C2", "", 0x63C2},
		{"AA 62 82", "AA", swEndOfFile},
	}
	for _, tt := range tests {
		r, err := parseResponse(mustHex(tt.in))
		if err != nil {
			t.Errorf("ParseResponse(%s): %v", tt.in, err)
			continue
		}
		if !bytes.Equal(r.Data, mustHex(tt.data)) || r.SW != tt.sw {
			t.Errorf("ParseResponse(%s) = % X %s", tt.in, r.Data, r.SW)
		}
		if (r.Err() == nil) != (tt.sw == swSuccess) {
			t.Errorf("ParseResponse(%s).Err() = %v", tt.in, r.Err())
		}
	}
	for _, bad := range []string{"", "90"} {
		if _, err := parseResponse(mustHex(bad)); !errors.Is(err, ErrProtocol) {
			t.Errorf("ParseResponse(%q) error = %v, want ErrProtocol", bad, err)
		}
	}
}

func TestStatusErrors(t *testing.T) {
	tests := []struct {
		sw   SW
		want error // nil: matches no sentinel
		text string
	}{
		{0x6A82, ErrNotFound, "card status 6A82: file or application not found"},
		{0x6982, ErrSecurityStatus, "card status 6982: security status not satisfied"},
		{0x6983, ErrLocked, "card status 6983: PIN blocked"},
		{0x6984, ErrLocked, "card status 6984: PIN blocked"},
		{0x63C0, ErrLocked, "card status 63C0: PIN blocked"},
		{0x6700, errWrongLength, "card status 6700: wrong length"},
		{0x6B00, errOffset, "card status 6B00: offset outside the file"},
		{0x6986, errNoCurrentEF, "card status 6986: no current elementary file"},
		{0x6A86, errWrongP1P2, "card status 6A86: incorrect parameters P1-P2"},
		{0x6D00, errINSNotSupported, "card status 6D00: instruction not supported"},
		{0x6E00, errCLANotSupported, "card status 6E00: class not supported"},
		{0x63C2, nil, "card status 63C2: verification failed, 2 tries left"},
		{0x6F00, nil, "card status 6F00"},
	}
	sentinels := []error{ErrNotFound, ErrSecurityStatus, ErrLocked, errWrongLength, errOffset,
		errNoCurrentEF, errWrongP1P2, errINSNotSupported, errCLANotSupported}
	for _, tt := range tests {
		err := tt.sw.Err()
		var se *StatusError
		if !errors.As(err, &se) || se.SW != tt.sw {
			t.Errorf("%s.Err() = %#v, want *StatusError", tt.sw, err)
		}
		if err.Error() != tt.text {
			t.Errorf("%s: Error() = %q, want %q", tt.sw, err, tt.text)
		}
		for _, s := range sentinels {
			if got := errors.Is(err, s); got != (s == tt.want) {
				t.Errorf("errors.Is(%s, %v) = %v", tt.sw, s, got)
			}
		}
		wrapped := errorsJoinContext(err)
		if tt.want != nil && !errors.Is(wrapped, tt.want) {
			t.Errorf("wrapped %s lost its sentinel", tt.sw)
		}
	}
	if !errors.Is(SW(0x6983).Err(), ErrLocked) {
		t.Error("6983 does not match ErrLocked")
	}
	if swSuccess.Err() != nil {
		t.Error("9000 is an error")
	}
	if sw := SW(0x6A82); sw.sw1() != 0x6A || sw.sw2() != 0x82 || sw.String() != "6A82" {
		t.Errorf("SW accessors: %02X %02X %s", sw.sw1(), sw.sw2(), sw)
	}
}

func errorsJoinContext(err error) error {
	return errors.Join(errors.New("context"), err)
}

func TestWrongPINAndCardTypeErrors(t *testing.T) {
	e := &WrongPINError{PIN: AuthPIN, TriesLeft: 2}
	if !errors.Is(e, ErrWrongPIN) || errors.Is(e, ErrLocked) || e.Error() != "wrong authentication PIN: 2 tries left" {
		t.Errorf("WrongPINError{2}: %v", e)
	}
	e0 := &WrongPINError{PIN: SignPIN}
	if !errors.Is(e0, ErrWrongPIN) || !errors.Is(e0, ErrLocked) || !strings.Contains(e0.Error(), "now locked") {
		t.Errorf("WrongPINError{0}: %v", e0)
	}
	ct := &CardTypeError{Type: CardJuki, Token: "JPKIAPICCTOKEN"}
	if !errors.Is(ct, ErrNotMyNumberCard) || ct.Error() != "not a My Number Card: juki_card" {
		t.Errorf("CardTypeError: %v", ct)
	}
}

// FuzzParseResponse: never panics; data and SW always reassemble the input.
func FuzzParseResponse(f *testing.F) {
	for _, s := range []string{"", "90", "9000", "0102039000", "6A82", "61FF", "FFFFFFFF"} {
		f.Add(mustHex(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := parseResponse(b)
		if len(b) < 2 {
			if err == nil {
				t.Fatal("no error for a response without SW")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		back := append(append([]byte(nil), r.Data...), r.SW.sw1(), r.SW.sw2())
		if !bytes.Equal(back, b) {
			t.Fatalf("% X -> % X", b, back)
		}
		if cap(r.Data) != len(r.Data) {
			t.Fatal("Data has spare capacity into the SW")
		}
	})
}

// FuzzParseCommand: never panics; what parses re-encodes to the same bytes.
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"0020 0080", "00B0000000", "00A4020C02000A", "0001000000000101 0100", "00B0000000 0000", "00"} {
		f.Add(mustHex(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := parseCommand(b)
		if err != nil {
			return
		}
		back, err := c.encode()
		if err != nil {
			t.Fatalf("Encode(ParseCommand(% X)): %v", b, err)
		}
		if !bytes.Equal(back, b) {
			t.Fatalf("% X -> %+v -> % X", b, c, back)
		}
	})
}
