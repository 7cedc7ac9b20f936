package bench

import (
	"strings"
	"testing"
)

// A check as jpkisim logs it, with a 300-byte certificate: two chunks.
func checkLog(certLen int) string {
	first := strings.Repeat("AB", min(certLen, 256))
	rest := strings.Repeat("CD", certLen-min(certLen, 256))
	return "00A4040C0AD392F000260100000001 9000\n" +
		"00A4020C02000A 9000\n" +
		"00B0000000 " + first + "9000\n" +
		"00B001002C " + rest + "9000\n" +
		"00A4020C020018 9000\n" +
		"00200080 63C3\n" +
		"00A4020C02001B 9000\n" +
		"00200080 63C5\n"
}

func TestParseLogMatchesMinimum(t *testing.T) {
	got, err := ParseLog(checkLog(300))
	if err != nil {
		t.Fatal(err)
	}
	if want := MinCheck(300); got != want {
		t.Errorf("ParseLog = %+v, MinCheck = %+v", got, want)
	}
	if got.APDUs != 2+2+4 || got.ReadData != 300 || got.Reread != 0 {
		t.Errorf("counts %+v", got)
	}
}

func TestParseLogReread(t *testing.T) {
	// OpenSC's way: a 4-byte header, then the file again from offset 0.
	log := "00A4020C02000A 9000\n" +
		"00B0000004 308201289000\n" +
		"00B0000000 " + strings.Repeat("00", 256) + "9000\n" +
		"00B0010030 " + strings.Repeat("00", 48) + "9000\n" +
		// Another file: its offsets are its own.
		"00A4020C02000B 9000\n" +
		"00B0000004 308201009000\n" +
		// A refused read returns no data.
		"00B0100000 6B00\n"
	got, err := ParseLog(log)
	if err != nil {
		t.Fatal(err)
	}
	if got.APDUs != 7 || got.ReadData != 4+256+48+4 || got.Reread != 4 {
		t.Errorf("ParseLog = %+v, want 7 APDUs, 312 bytes read, 4 re-read", got)
	}
}

func TestParseLogMaskedPIN(t *testing.T) {
	got, err := ParseLog("0020008004******** 9000\n")
	if err != nil || got.Sent != 9 || got.Received != 2 {
		t.Errorf("ParseLog = %+v, %v", got, err)
	}
}

func TestParseLogErrors(t *testing.T) {
	for _, bad := range []string{"00A4", "00A4 9", "0 9000", "00 9000", "ZZZZZZZZ 9000", "00A4020C02000A 90"} {
		if _, err := ParseLog(bad + "\n"); err == nil {
			t.Errorf("ParseLog(%q) accepted", bad)
		}
	}
	if got, err := ParseLog(""); err != nil || got != (Traffic{}) {
		t.Errorf("empty log: %+v, %v", got, err)
	}
}

func TestMinimums(t *testing.T) {
	// The formulas: 2 + ⌈L/256⌉ + 4 APDUs with the signature check,
	// 2 + 1 + 4 with --quick; pin status is 1 + 2 × 2.
	for _, l := range []int{200, 256, 257, 1535, 1600} {
		k := (l + 255) / 256
		if got := MinCheck(l).APDUs; got != 2+k+4 {
			t.Errorf("MinCheck(%d) = %d APDUs, want %d", l, got, 2+k+4)
		}
		if got := MinQuick(l).APDUs; got != 7 {
			t.Errorf("MinQuick(%d) = %d APDUs", l, got)
		}
		if got := MinRead(l); got.APDUs != 2+k || got.ReadData != l || got.Bytes() != 15+2+7+2+5*k+l+2*k {
			t.Errorf("MinRead(%d) = %+v", l, got)
		}
	}
	if got := MinPINs(); got.APDUs != 5 || got.Bytes() != 17+2*(9+6) {
		t.Errorf("MinPINs = %+v", got)
	}
	// The simulated card's certificate: 1535 bytes, 6 chunks.
	if got := MinCheck(1535).Bytes(); got != 17+9+30+1535+7*6 {
		t.Errorf("MinCheck(1535) = %d bytes", got)
	}
}

// jpkisim's log carries the card's events between the APDUs; they are not
// traffic, and a SELECT's file survives them.
func TestParseLogSkipsEvents(t *testing.T) {
	log := "# power on\n" +
		"00A4040C0AD392F000260100000001 9000\n# select JPKI AP\n" +
		"00A4020C02000A 9000\n" +
		"00B0000004 30820100" + "9000\n# warm reset\n" +
		"00B0000004 30820100" + "9000\n# power off\n"
	got, err := ParseLog(log)
	if err != nil {
		t.Fatalf("ParseLog: %v", err)
	}
	if got.APDUs != 4 || got.Sent != 15+7+5+5 || got.ReadData != 8 || got.Reread != 4 {
		t.Errorf("ParseLog = %+v, want 4 APDUs, 32 bytes sent, 8 read, 4 re-read", got)
	}
}
