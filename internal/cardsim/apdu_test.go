package cardsim

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"
)

// hx decodes hex written with or without spaces; tests only.
func hx(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

func TestParseCommand(t *testing.T) {
	tests := []struct {
		name     string
		raw      string
		wantErr  bool
		data     string
		ne       int
		hasLe    bool
		extended bool
	}{
		{name: "case 1", raw: "00 20 00 80"},
		{name: "case 2 short", raw: "00 B0 00 00 04", ne: 4, hasLe: true},
		{name: "case 2 short Le 00 is 256", raw: "00 B0 00 00 00", ne: 256, hasLe: true},
		{name: "case 3 short", raw: "00 A4 02 0C 02 00 0A", data: "000A"},
		{name: "case 4 short", raw: "00 A4 04 00 02 3F 00 00", data: "3F00", ne: 256, hasLe: true},
		{name: "case 4 short Le 10", raw: "00 A4 04 00 02 3F 00 10", data: "3F00", ne: 16, hasLe: true},
		{name: "case 2 extended", raw: "00 B0 00 00 00 06 00", ne: 0x600, hasLe: true, extended: true},
		{name: "case 2 extended 0000 is 65536", raw: "00 B0 00 00 00 00 00", ne: 65536, hasLe: true, extended: true},
		{name: "case 3 extended", raw: "00 20 00 80 00 00 02 31 32", data: "3132", extended: true},
		{name: "case 4 extended", raw: "00 A4 04 00 00 00 01 AA 01 00", data: "AA", ne: 256, hasLe: true, extended: true},
		{name: "case 4 extended Le 0000", raw: "00 A4 04 00 00 00 01 AA 00 00", data: "AA", ne: 65536, hasLe: true, extended: true},
		{name: "too short", raw: "00 A4 04", wantErr: true},
		{name: "empty", raw: "", wantErr: true},
		{name: "Lc longer than data", raw: "00 A4 02 0C 03 00 0A", wantErr: true},
		{name: "Lc shorter than data", raw: "00 A4 02 0C 01 00 0A 00 00", wantErr: true},
		{name: "extended header cut", raw: "00 B0 00 00 00 06", wantErr: true},
		{name: "extended Lc 0 with data", raw: "00 B0 00 00 00 00 00 01", wantErr: true},
		{name: "extended Lc mismatch", raw: "00 20 00 80 00 00 03 31 32", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseCommand(hx(t, tt.raw))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("parseCommand(%s) = %+v, want error", tt.raw, c)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseCommand(%s): %v", tt.raw, err)
			}
			if !bytes.Equal(c.data, hx(t, tt.data)) || c.ne != tt.ne || c.hasLe != tt.hasLe || c.extended != tt.extended {
				t.Errorf("parseCommand(%s) = data %X ne %d hasLe %v ext %v, want %s %d %v %v",
					tt.raw, c.data, c.ne, c.hasLe, c.extended, tt.data, tt.ne, tt.hasLe, tt.extended)
			}
		})
	}
}

// FuzzParseCommand checks the parser never panics and that what it accepts
// re-encodes to the same bytes.
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"00200080", "00B0000000", "00A4040C0AD392F000260100000001",
		"00B00000000600", "002000800000023132", "00A404000000 01AA0100", "00", ""} {
		b, _ := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		c, err := parseCommand(raw)
		if err != nil {
			return
		}
		if got := encodeCommand(c); !bytes.Equal(got, raw) {
			t.Fatalf("parse(%X) re-encodes to %X", raw, got)
		}
	})
}

// encodeCommand is the inverse of parseCommand, for the fuzz round trip.
func encodeCommand(c command) []byte {
	out := []byte{c.cla, c.ins, c.p1, c.p2}
	if c.extended {
		out = append(out, 0)
		if len(c.data) > 0 {
			out = append(out, byte(len(c.data)>>8), byte(len(c.data)))
			out = append(out, c.data...)
		}
		if c.hasLe {
			out = append(out, byte(c.ne>>8), byte(c.ne)) // 65536 wraps to 0000
		}
		return out
	}
	if len(c.data) > 0 {
		out = append(out, byte(len(c.data)))
		out = append(out, c.data...)
	}
	if c.hasLe {
		out = append(out, byte(c.ne)) // 256 wraps to 00
	}
	return out
}

// FuzzTransmit feeds arbitrary APDU sequences to a card: no panics, every
// answer ends in a status word, counters stay in range.
func FuzzTransmit(f *testing.F) {
	f.Add([]byte("\x00\xA4\x04\x0C\x0A\xD3\x92\xF0\x00\x26\x01\x00\x00\x00\x01"), []byte("\x00\xA4\x02\x0C\x02\x00\x18"), []byte("\x00\x20\x00\x80\x04\x31\x32\x33\x35"))
	f.Add([]byte("\x00\xA4\x04\x0C\x0A\xD3\x92\xF0\x00\x26\x01\x00\x00\x00\x01"), []byte("\x00\xA4\x02\x0C\x02\x00\x0A"), []byte("\x00\xB0\x05\xF0\x00"))
	f.Add([]byte("\x00\xC0\x00\x00\x00"), []byte("\x80\x2A\x00\x80"), []byte("\x00\xB0\x00\x00\x00\x10\x00"))
	card, err := New(Options{Profile: T0, Today: fixedToday, Extended: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b, c []byte) {
		card.reset()
		for _, apdu := range [][]byte{a, b, c} {
			resp, err := card.Transmit(apdu)
			if err != nil {
				t.Fatalf("Transmit(%X): %v", apdu, err)
			}
			if len(resp) < 2 {
				t.Fatalf("Transmit(%X) = %X, no status word", apdu, resp)
			}
		}
		s := card.State()
		if s.Auth.TriesLeft < 0 || s.Sign.TriesLeft < 0 {
			t.Fatalf("counter below zero: %+v", s)
		}
	})
}
