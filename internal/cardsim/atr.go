package cardsim

import (
	"fmt"
	"slices"
)

// The ATRs real My Number Cards show (docs/protocol.md, "Known ATRs"), by
// the names ATRByName and jpkisim --atr take.
var namedATRs = []struct {
	name string
	atr  []byte
}{
	// No TA1: the default rate, T=1.
	{"classic", classicATR},
	// TA1=13 (Di=4, about four times faster), T=1, extended length.
	{"2024", []byte{0x3B, 0xDA, 0x13, 0xFF, 0x81, 0x31, 0xFB, 0x46, 0x80, 0x12, 0x39, 0x2F, 0x31, 0xC1, 0x73, 0xC6, 0x01, 0xC0, 0x3B}},
	// What a contactless reader builds for the card (ISO 14443-4 type B).
	{"contactless", []byte{0x3B, 0x88, 0x80, 0x01, 0x00, 0x00, 0x05, 0xE0, 0xB3, 0x81, 0xA1, 0x00, 0x7F}},
}

// atrNames lists the names ATRByName knows.
func atrNames() []string {
	out := make([]string, len(namedATRs))
	for i, a := range namedATRs {
		out[i] = a.name
	}
	return out
}

// ATRByName returns a real card's ATR: "classic", "2024" or "contactless".
func ATRByName(name string) ([]byte, error) {
	for _, a := range namedATRs {
		if a.name == name {
			return slices.Clone(a.atr), nil
		}
	}
	return nil, fmt.Errorf("unknown ATR %q (want one of %v)", name, atrNames())
}

// checkATR rejects what no reader would pass on as an ATR.
func checkATR(atr []byte) error {
	if len(atr) < 2 || len(atr) > 33 || (atr[0] != 0x3B && atr[0] != 0x3F) {
		return fmt.Errorf("ATR %X: want 2–33 bytes starting 3B or 3F", atr)
	}
	return nil
}

// atrTA1 returns the ATR's TA1 (ISO/IEC 7816-3 §8.2.2), if it has one.
func atrTA1(atr []byte) (byte, bool) {
	if len(atr) < 3 || atr[1]&0x10 == 0 {
		return 0, false
	}
	return atr[2], true
}

// contactless reports an ATR a contactless reader made up (PC/SC part 3:
// 3B 8n 80 01, no interface bytes of the card's own).
func contactless(atr []byte) bool {
	return len(atr) >= 4 && atr[0] == 0x3B && atr[1]&0xF0 == 0x80 && atr[2] == 0x80 && atr[3] == 0x01
}
