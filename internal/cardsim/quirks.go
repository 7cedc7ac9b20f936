package cardsim

import (
	"fmt"
	"slices"
	"strings"
)

// Quirk names a deviation from how a real My Number Card behaves, for fault
// tests: most are what earlier versions of this simulator did, so a host
// can be tested against both answers. Options.Quirks and jpkisim --quirk
// switch them on.
type Quirk string

// The quirks.
const (
	// reselectClearsPINs: selecting the JPKI applet again ends the verified
	// state, as OpenSC assumes. Real cards keep it until they are powered
	// off or another application is selected.
	reselectClearsPINs Quirk = "reselect-clears-pins"
	// emptyVerify63Cx: an empty VERIFY on a PIN verified in this power
	// session answers 63 Cx (tries left) instead of 90 00.
	emptyVerify63Cx Quirk = "empty-verify-63cx"
	// blocked6983: a VERIFY on a blocked PIN answers 69 83 (ISO's
	// "authentication method blocked") instead of the card's 69 84.
	blocked6983 Quirk = "blocked-6983"
	// endOfFile6282: a READ BINARY that runs past the end of the EF ends
	// its data with 62 82 (ISO's "end of file reached") instead of 90 00.
	endOfFile6282 Quirk = "end-of-file-6282"
	// firstAPDU6F00: the first command after every power-on is answered
	// 6F 00 and not carried out, as one real card did after an unpower
	// (docs/protocol.md, "Verified state").
	firstAPDU6F00 Quirk = "first-apdu-6f00"
)

// QuirkInfo describes one quirk for help texts and listings.
type QuirkInfo struct {
	Name        Quirk  `json:"name"`
	Description string `json:"description"`
}

var quirkTable = []QuirkInfo{
	{reselectClearsPINs, "re-SELECT of the JPKI AP clears verified PINs (real cards keep them)"},
	{emptyVerify63Cx, "empty VERIFY on a verified PIN answers 63 Cx, not 90 00"},
	{blocked6983, "VERIFY on a blocked PIN answers 69 83, not 69 84"},
	{endOfFile6282, "READ BINARY past the end of the EF answers the rest with 62 82, not 90 00"},
	{firstAPDU6F00, "the first APDU after each power-on answers 6F 00 and is not carried out"},
}

// Quirks lists the quirks with a line on each.
func Quirks() []QuirkInfo { return slices.Clone(quirkTable) }

// ParseQuirks reads a comma-separated list of quirk names ("" is none).
func ParseQuirks(list string) ([]Quirk, error) {
	var out []Quirk
	for name := range strings.SplitSeq(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		out = append(out, Quirk(name))
	}
	if _, err := quirkSet(out); err != nil {
		return nil, err
	}
	return out, nil
}

func quirkSet(qs []Quirk) (map[Quirk]bool, error) {
	set := map[Quirk]bool{}
	for _, q := range qs {
		if !slices.ContainsFunc(quirkTable, func(i QuirkInfo) bool { return i.Name == q }) {
			return nil, fmt.Errorf("unknown quirk %q", q)
		}
		set[q] = true
	}
	return set, nil
}
