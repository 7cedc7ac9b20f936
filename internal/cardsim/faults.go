package cardsim

import (
	"math/rand/v2"
	"slices"
)

// Fault profiles: cards that misbehave, for the reliability tests.
// A host must survive each of them without a wrong date, a hang or a spent
// PIN try. They are not listed by Profiles, which names the cards a
// resident might hold; FaultProfiles lists them, New and jpkisim --profile
// accept them.
const (
	// RandomSW replaces the status word of about one answer in three with
	// one drawn from every status word the protocol knows, 61 xx and 6C xx
	// with random lengths, and random bytes; now and then it drops the
	// status word altogether. Seeded, so a run can be repeated.
	RandomSW Profile = "random-sw"
	// Truncated answers READ BINARY with half the bytes asked for (rounded
	// up) and 90 00, without the 62 82 warning: a card (or link) that loses
	// the tail. A host that reads on from where an answer stops still gets
	// the whole certificate.
	Truncated Profile = "truncated"
	// WrongDERLength declares the authentication certificate 16 bytes
	// shorter than it is in its outer DER header.
	WrongDERLength Profile = "wrong-der-length"
	// DERPastEF declares the authentication certificate larger (32752
	// bytes) than its EF (2048 bytes), so a reader that trusts the length
	// gets short answers at the EF's end and then 6B 00.
	DERPastEF Profile = "der-past-ef"
	// Endless61 answers every command that returns data with 61 10, and
	// every GET RESPONSE with 61 10 again and no data: the "more data" loop
	// never ends.
	Endless61 Profile = "endless-61"
	// Wrong6C answers READ BINARY with 6C xx naming a length one less than
	// asked, and keeps doing so for the corrected length.
	Wrong6C Profile = "wrong-6c"
	// Hang never answers the first READ BINARY: the command waits until the
	// card is removed (Card.Remove; jpkisim on SIGINT/SIGTERM).
	Hang Profile = "hang"
)

// faultSeed is RandomSW's seed as a profile; RandomStatusWords takes others.
const faultSeed = 9

// faultProfiles is the second profile table; lookupProfile reads both.
var faultProfiles = []profileSpec{
	{name: RandomSW, desc: "fault: about one answer in three gets a random status word (seeded; sometimes none at all)",
		plan: func(p *plan) {}, middleware: []Middleware{RandomStatusWords(faultSeed)}},
	{name: Truncated, desc: "fault: READ BINARY returns half the bytes asked for (rounded up) with 90 00, no 62 82",
		plan: func(p *plan) {}, middleware: []Middleware{truncateReads}},
	{name: WrongDERLength, desc: "fault: EF 000A's DER header declares 16 bytes fewer than the certificate has",
		plan: func(p *plan) {}, build: func(c *Card) { addDERLength(c, -16) }},
	{name: DERPastEF, desc: "fault: EF 000A's DER header declares 32752 bytes, more than the 2048-byte EF",
		plan: func(p *plan) {}, build: func(c *Card) { setDERLength(c, 0x7FF0-4) }},
	{name: Endless61, desc: "fault: answers data with 61 10 and every GET RESPONSE with 61 10 again, for ever",
		plan: func(p *plan) {}, middleware: []Middleware{endlessMoreData}},
	{name: Wrong6C, desc: "fault: READ BINARY answers 6C xx with a length one less than asked, every time",
		plan: func(p *plan) {}, middleware: []Middleware{wrongLe}},
	{name: Hang, desc: "fault: never answers the first READ BINARY (waits until the card is removed)",
		plan: func(p *plan) {}, middleware: []Middleware{hangOnRead}},
}

// FaultProfiles lists the fault-injection profiles with a line on each.
func FaultProfiles() []ProfileInfo {
	out := make([]ProfileInfo, len(faultProfiles))
	for i, p := range faultProfiles {
		out[i] = ProfileInfo{Name: p.name, Description: p.desc}
	}
	return out
}

func isReadBinary(cmd []byte) bool { return len(cmd) >= 4 && cmd[1] == insReadBinary }

// randomSWs are the status words RandomSW draws from: every one in
// docs/protocol.md, the PIN counter answers, and a few nobody expects.
var randomSWs = [][2]byte{
	{0x90, 0x00}, {0x62, 0x82}, {0x63, 0xC0}, {0x63, 0xC1}, {0x63, 0xC3},
	{0x67, 0x00}, {0x69, 0x82}, {0x69, 0x83}, {0x69, 0x84}, {0x69, 0x85},
	{0x69, 0x86}, {0x6A, 0x82}, {0x6A, 0x86}, {0x6B, 0x00}, {0x6D, 0x00},
	{0x6E, 0x00}, {0x6F, 0x00}, {0x64, 0x00}, {0x65, 0x81},
}

// RandomStatusWords is RandomSW's middleware with a seed of the caller's,
// so tests can walk many fault sequences in-process. The answers depend
// only on the seed and the commands received.
func RandomStatusWords(seed uint64) Middleware {
	return func(c *Card, next Handler) Handler {
		rng := rand.New(rand.NewPCG(seed, 0x6a706b69))
		return func(cmd []byte) ([]byte, error) {
			resp, err := next(cmd)
			if err != nil || rng.IntN(3) != 0 {
				return resp, err
			}
			data := resp[:len(resp)-2]
			switch k := rng.IntN(16); {
			case k == 0: // no status word, or half of one
				return slices.Clone(data[:min(len(data), rng.IntN(2))]), nil
			case k == 1:
				return append(slices.Clone(data), 0x61, byte(rng.IntN(256))), nil
			case k == 2:
				return append(slices.Clone(data), 0x6C, byte(rng.IntN(256))), nil
			case k == 3:
				return append(slices.Clone(data), byte(rng.IntN(256)), byte(rng.IntN(256))), nil
			default:
				sw := randomSWs[rng.IntN(len(randomSWs))]
				return append(slices.Clone(data), sw[0], sw[1]), nil
			}
		}
	}
}

// truncateResponses models a reader that mangles long answers (macOS's
// PC/SC layer has been seen to cut long responses from some NFC readers;
// docs/protocol.md, "Readers and operating systems"): an answer with more
// than n data bytes arrives as its first n bytes and nothing else, so what the host takes for a status word is two
// bytes of data. Shorter answers pass untouched. Options.TruncateAbove
// installs it outside every other middleware.
func truncateResponses(n int) Middleware {
	return func(c *Card, next Handler) Handler {
		return func(cmd []byte) ([]byte, error) {
			resp, err := next(cmd)
			if err != nil || len(resp)-2 <= n {
				return resp, err
			}
			return slices.Clone(resp[:n]), nil
		}
	}
}

func truncateReads(c *Card, next Handler) Handler {
	return func(cmd []byte) ([]byte, error) {
		resp, err := next(cmd)
		if err != nil || !isReadBinary(cmd) || len(resp) <= 2 {
			return resp, err
		}
		n := (len(resp) - 1) / 2 // half the data, rounded up: never none
		return append(slices.Clone(resp[:n]), resp[len(resp)-2:]...), nil
	}
}

func endlessMoreData(c *Card, next Handler) Handler {
	return func(cmd []byte) ([]byte, error) {
		if len(cmd) >= 2 && cmd[1] == insGetResponse {
			return []byte{0x61, 0x10}, nil
		}
		resp, err := next(cmd)
		if err != nil || len(resp) <= 2 {
			return resp, err
		}
		return []byte{0x61, 0x10}, nil
	}
}

func wrongLe(c *Card, next Handler) Handler {
	return func(cmd []byte) ([]byte, error) {
		if !isReadBinary(cmd) || len(cmd) != 5 {
			return next(cmd)
		}
		// Le 00 asks for 256; one less is FF. Le 01 gets 6C 00, which
		// names 256: more, not less, and just as wrong.
		return []byte{0x6C, cmd[4] - 1}, nil
	}
}

func hangOnRead(c *Card, next Handler) Handler {
	return func(cmd []byte) ([]byte, error) {
		if !isReadBinary(cmd) {
			return next(cmd)
		}
		<-c.Removed()
		return nil, ErrRemoved
	}
}

// setDERLength rewrites the outer length of EF 000A's certificate, whose
// header the card makes as 30 82 hi lo.
func setDERLength(c *Card, n int) {
	f := c.jpkiFile(0x000A)
	if f == nil || len(f.data) < 4 || f.data[0] != 0x30 || f.data[1] != 0x82 {
		return // a profile without the certificate: nothing to break
	}
	f.data[2], f.data[3] = byte(n>>8), byte(n)
}

func addDERLength(c *Card, delta int) {
	if f := c.jpkiFile(0x000A); f != nil && len(f.data) >= 4 {
		setDERLength(c, (int(f.data[2])<<8|int(f.data[3]))+delta)
	}
}
