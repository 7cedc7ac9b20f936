package bench

import (
	"encoding/hex"
	"fmt"
	"strings"
)

// Traffic is what one client exchanged with the card, counted from
// jpkisim's --log (one line per APDU: command hex, space, response hex with
// SW1 SW2; PIN bytes masked as "**", still one byte each).
type Traffic struct {
	APDUs    int
	Sent     int // command bytes
	Received int // response bytes, SW included
	// ReadData is the data READ BINARY returned (SW excluded) and Reread the
	// part of it at offsets an earlier READ BINARY of the same file had
	// already returned: a header read twice shows up here.
	ReadData, Reread int
}

// Bytes is everything that crossed the link in both directions.
func (t Traffic) Bytes() int { return t.Sent + t.Received }

// Add sums two clients' traffic, for "the same information" obtained with
// two OpenSC commands.
func (t Traffic) Add(u Traffic) Traffic {
	return Traffic{t.APDUs + u.APDUs, t.Sent + u.Sent, t.Received + u.Received, t.ReadData + u.ReadData, t.Reread + u.Reread}
}

// ParseLog counts the APDUs in a stretch of jpkisim's log, skipping its
// "# ..." event lines.
func ParseLog(text string) (Traffic, error) {
	var t Traffic
	// READ BINARY ranges per selected EF, to see bytes read twice.
	var ef string
	seen := map[string][][2]int{}
	for i, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			// jpkisim's event lines ("# power off", "# select JPKI AP")
			// sit between the APDUs; they cross no link.
			continue
		}
		cmdHex, respHex, ok := strings.Cut(line, " ")
		if !ok || len(cmdHex)%2 != 0 || len(respHex)%2 != 0 || len(respHex) < 4 {
			return Traffic{}, fmt.Errorf("log line %d: want \"<command hex> <response hex>\", got %q", i+1, line)
		}
		t.APDUs++
		t.Sent += len(cmdHex) / 2
		t.Received += len(respHex) / 2
		cmd, err := hex.DecodeString(strings.ReplaceAll(cmdHex, "*", "0"))
		if err != nil || len(cmd) < 4 {
			return Traffic{}, fmt.Errorf("log line %d: command %q", i+1, cmdHex)
		}
		sw := respHex[len(respHex)-4:]
		switch {
		case cmd[1] == 0xA4 && sw == "9000":
			// SELECT: a new current file (or applet) from here on.
			ef = strings.ToUpper(cmdHex)
		case cmd[1] == 0xB0 && (sw == "9000" || sw == "6282"):
			n := len(respHex)/2 - 2
			off := int(cmd[2])<<8 | int(cmd[3])
			t.ReadData += n
			for _, r := range seen[ef] {
				t.Reread += max(0, min(off+n, r[1])-max(off, r[0]))
			}
			seen[ef] = append(seen[ef], [2]int{off, off + n})
		}
	}
	return t, nil
}
