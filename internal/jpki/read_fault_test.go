package jpki

import (
	"bytes"
	"errors"
	"testing"
)

// Reader faults: the reader, not the card, fails a READ BINARY.
type fault int

const (
	noFault   fault = iota
	dropped         // transport error; the card never saw the command
	reset           // transport error, and the reader reset the card
	truncated       // the answer cut after 236 bytes, status word lost
)

// faultyReader puts faults on the READ BINARY commands of a fake card, by
// their order (0 = the first READ BINARY).
type faultyReader struct {
	*fakeCard
	faults map[int]fault
	reads  int
}

func (r *faultyReader) Transmit(apdu []byte) ([]byte, error) {
	if len(apdu) < 2 || apdu[1] != insReadBinary {
		return r.fakeCard.Transmit(apdu)
	}
	n := r.reads
	r.reads++
	switch r.faults[n] {
	case dropped:
		r.fakeCard.log = append(r.fakeCard.log, append([]byte(nil), apdu...))
		return nil, errReader
	case reset:
		r.fakeCard.log = append(r.fakeCard.log, append([]byte(nil), apdu...))
		r.applet, r.curOK = false, false
		return nil, errReader
	case truncated:
		resp, err := r.fakeCard.Transmit(apdu)
		if err == nil && len(resp) > 236 {
			resp = resp[:236]
		}
		return resp, err
	}
	return r.fakeCard.Transmit(apdu)
}

func TestReadDERReaderFaults(t *testing.T) {
	reselect := []string{cmdSelectAP, cmdSelectAuth}
	for _, tc := range []struct {
		name   string
		n      int // DER length
		faults map[int]fault
		opts   []CardOption
		ext    bool // the card takes extended READ BINARY
		want   []string
		err    error
	}{
		{
			name: "transport error at Le 256: select again, then Le 236",
			n:    600, faults: map[int]fault{0: dropped},
			want: seq("00 B0 00 00 00", reselect, "00 B0 00 00 EC", "00 B0 00 EC EC", "00 B0 01 D8 80"),
		},
		{
			name: "reader reset the card",
			n:    600, faults: map[int]fault{0: reset},
			want: seq("00 B0 00 00 00", reselect, "00 B0 00 00 EC", "00 B0 00 EC EC", "00 B0 01 D8 80"),
		},
		{
			name: "answer cut at 236 bytes: Le 236, no select needed",
			n:    600, faults: map[int]fault{0: truncated},
			want: seq("00 B0 00 00 00", "00 B0 00 00 EC", "00 B0 00 EC EC", "00 B0 01 D8 80"),
		},
		{
			name: "a later chunk cut: the same offset again at Le 236",
			n:    600, faults: map[int]fault{1: truncated},
			want: seq("00 B0 00 00 00", "00 B0 01 00 00", "00 B0 01 00 EC", "00 B0 01 EC 6C"),
		},
		{
			name: "236 fails too: Le 128",
			n:    300, faults: map[int]fault{0: dropped, 1: truncated},
			want: seq("00 B0 00 00 00", reselect, "00 B0 00 00 EC", "00 B0 00 00 80", "00 B0 00 80 80", "00 B0 01 00 2C"),
		},
		{
			name: "128 fails too: give up",
			n:    300, faults: map[int]fault{0: dropped, 1: dropped, 2: dropped},
			want: seq("00 B0 00 00 00", reselect, "00 B0 00 00 EC", reselect, "00 B0 00 00 80"),
			err:  errReader,
		},
		{
			name: "a last short read fails: no smaller Le to try",
			n:    300, faults: map[int]fault{1: dropped},
			want: seq("00 B0 00 00 00", "00 B0 01 00 2C"),
			err:  errReader,
		},
		{
			name: "extended read refused with 69 85: short reads",
			n:    600, opts: []CardOption{WithExtendedRead()},
			want: seq("00 B0 00 00 00", "00 B0 01 00 00 01 58", "00 B0 01 00 00", "00 B0 02 00 58"),
		},
		{
			name: "extended read lost: select again, short reads",
			n:    600, opts: []CardOption{WithExtendedRead()}, ext: true, faults: map[int]fault{1: dropped},
			want: seq("00 B0 00 00 00", "00 B0 01 00 00 01 58", reselect, "00 B0 01 00 00", "00 B0 02 00 58"),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			der := syntheticDER(tc.n)
			f := &fakeCard{files: map[uint16][]byte{0x000A: padEF(der)}, extended: tc.ext}
			if !tc.ext {
				f.extendedSW = 0x6985
			}
			r := &faultyReader{fakeCard: f, faults: tc.faults}
			c := NewCard(r, tc.opts...)
			if err := c.selectApplet(); err != nil {
				t.Fatal(err)
			}
			if err := c.selectEF(0x000A); err != nil {
				t.Fatal(err)
			}
			f.log = nil
			got, err := c.readDER(0x000A, nil)
			if tc.err != nil {
				if !errors.Is(err, tc.err) || got != nil {
					t.Errorf("read %d bytes, %v; want %v", len(got), err, tc.err)
				}
			} else if err != nil || !bytes.Equal(got, der) {
				t.Errorf("read %d bytes, %v; want the %d-byte DER", len(got), err, tc.n)
			}
			checkCommands(t, f, tc.want)
		})
	}
}
