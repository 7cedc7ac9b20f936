package jpki

import (
	"bytes"
	"testing"
)

// glitchCard answers the first READ BINARY with a single byte and 90 00,
// then behaves.
type glitchCard struct {
	*fakeCard
	glitched bool
}

func (g *glitchCard) Transmit(apdu []byte) ([]byte, error) {
	resp, err := g.fakeCard.Transmit(apdu)
	if err == nil && !g.glitched && len(apdu) == 5 && apdu[1] == insReadBinary && len(resp) > 3 {
		g.glitched = true
		return append(resp[:1:1], resp[len(resp)-2:]...), nil
	}
	return resp, err
}

// One short answer must not make the rest of a certificate crawl in
// one-byte APDUs (found by FuzzCheckAnswers: 3,974 APDUs for two
// certificates). The read goes on in chunks of at least minLearnedChunk.
func TestReadDERShortAnswerOnce(t *testing.T) {
	const n = 1535
	der := syntheticDER(n)
	f := &glitchCard{fakeCard: &fakeCard{files: map[uint16][]byte{0x000A: padEF(der)}}}
	c := NewCard(f)
	if err := c.selectApplet(); err != nil {
		t.Fatal(err)
	}
	if err := c.selectEF(0x000A); err != nil {
		t.Fatal(err)
	}
	got, err := c.readDER(0x000A, nil)
	if err != nil || !bytes.Equal(got, der) {
		t.Fatalf("read: %v", err)
	}
	reads, _ := readBinaryLog(f.fakeCard)
	if max := 1 + ceilDiv(n-1, minLearnedChunk); len(reads) > max {
		t.Errorf("%d READ BINARY after one short answer, want at most %d", len(reads), max)
	}
}
