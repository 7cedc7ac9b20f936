package cardsim

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"os"
	"strings"
	"testing"
	"time"
)

// EF 0008 says which certificates the card holds: byte 0 signing, byte 1
// authentication, 8F = present.
func TestCertificateFlags(t *testing.T) {
	tests := []struct {
		profile Profile
		want    string // data and SW of READ BINARY, or the SELECT's SW
	}{
		{Valid, "8F8F009000"},
		{WindowOpen, "8F8F009000"},
		{Child, "008F009000"},
		{FaceAuth, "008F009000"},
		{NoCert, "8F00009000"},
		{Smartphone, "8F8F009000"},
		{Juki, "6A82"}, // a 住基 card predates it
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			c := newCard(t, Options{Profile: tt.profile})
			run(t, c, s(selAP, "9000"))
			got := tx(t, c, selFlags)
			if swOf(got) == "9000" {
				got = tx(t, c, read256)
			}
			if g := strings.ToUpper(hexs(got)); g != tt.want {
				t.Errorf("EF 0008: %s, want %s", g, tt.want)
			}
		})
	}
}

func hexs(b []byte) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 0, 2*len(b))
	for _, v := range b {
		out = append(out, digits[v>>4], digits[v&0x0F])
	}
	return string(out)
}

// The token EF is a 160-byte CK_TOKEN_INFO: a space-padded label first.
func TestTokenInfo(t *testing.T) {
	c := newCard(t, Options{})
	run(t, c, s(selAP, "9000"), s(selToken, "9000"))
	resp := tx(t, c, read256)
	data := resp[:len(resp)-2]
	if len(data) != 160 {
		t.Fatalf("EF 0006 is %d bytes, want 160", len(data))
	}
	if got := string(data[:32]); got != "JPKIAPICCTOKEN2"+strings.Repeat(" ", 17) {
		t.Errorf("label %q", got)
	}
	// ulMaxPinLen and ulMinPinLen, 4-byte big-endian at 116 and 120.
	if !bytes.Equal(data[116:124], []byte{0, 0, 0, 16, 0, 0, 0, 4}) {
		t.Errorf("PIN lengths % X", data[116:124])
	}
}

// A PIN that was never set answers 69 84 to every VERIFY, empty or not,
// and nothing about it ever changes; the certificates that exist are
// readable as on any card.
func TestUnsetPINs(t *testing.T) {
	tests := []struct {
		profile    Profile
		steps      []step
		authUnset  bool
		authTries  int
		signAbsent bool
	}{
		{Child, []step{
			s(selAP, "9000"), s(selSignPIN, "9000"),
			s(triesLeft, "6984"), s(verifyABC, "6984"), s(verifyBad, "6984"), s(triesLeft, "6984"),
			s(selSign, "6A82"), s(selSignCA, "6A82"),
			s(selAuthPIN, "9000"), s(triesLeft, "63C3"), s(verify1234, "9000"), s(triesLeft, "9000"),
			s(selAuth, "9000"), sd(read4, "9000", 4), s(selAuthCA, "9000"),
		}, false, 3, true},
		{FaceAuth, []step{
			s(selAP, "9000"),
			s(selAuthPIN, "9000"), s(triesLeft, "6984"), s(verify1234, "6984"), s(verify9999, "6984"), s(triesLeft, "6984"),
			s(selSignPIN, "9000"), s(triesLeft, "6984"), s(verifyABC, "6984"),
			s(selSign, "6A82"), s(selSignCA, "6A82"),
			s(selAuth, "9000"), sd(read256, "9000", 256), s(selAuthCA, "9000"), sd(read4, "9000", 4),
		}, true, 0, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.profile), func(t *testing.T) {
			c := newCard(t, Options{Profile: tt.profile})
			before := c.State()
			for range 3 {
				run(t, c, tt.steps...)
				c.PowerOff()
			}
			st := c.State()
			if !st.Sign.Unset || st.Sign.Verified || st.Sign.Locked || st.Sign.TriesLeft != 0 || st != before {
				t.Errorf("state %+v, was %+v; want the signing password unset and unchanged", st, before)
			}
			if st.Auth.Unset != tt.authUnset || st.Auth.TriesLeft != tt.authTries {
				t.Errorf("auth PIN %+v, want unset %v, %d tries", st.Auth, tt.authUnset, tt.authTries)
			}
			if certs := c.Certificates(); certs.Sign != nil || certs.SignCA != nil || certs.Auth == nil || certs.AuthCA == nil {
				t.Errorf("certificates: sign %v, sign CA %v, auth %v, auth CA %v", certs.Sign != nil, certs.SignCA != nil, certs.Auth != nil, certs.AuthCA != nil)
			}
			if bytes.Count(c.CAPEM(), []byte("BEGIN CERTIFICATE")) != 1 {
				t.Errorf("CAPEM should hold the authentication CA only")
			}
		})
	}
}

// Power, reset and applet selection are logged as "# ..." lines between
// the APDU lines, in the order they happened, and counted in Stats.
func TestEventLog(t *testing.T) {
	var log strings.Builder
	c := newCard(t, Options{Log: &log})
	run(t, c, s(selAP, "9000"))
	c.reset()
	run(t, c, s("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "9000"))
	c.PowerOff()
	run(t, c, s(selAP, "9000")) // powers the card up first
	c.PowerOff()
	c.powerOn()
	run(t, c, s("00 A4 04 0C 05 A0 00 00 00 03", "6A82"), s("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02", "9000"))
	want := []string{
		"00A4040C0AD392F000260100000001 9000",
		"# select JPKI AP",
		"# warm reset",
		"00A4040C0AD3921000310001010408 9000",
		"# select 券面事項入力補助AP",
		"# power off",
		"# power on",
		"00A4040C0AD392F000260100000001 9000",
		"# select JPKI AP",
		"# power off",
		"# power on",
		"00A4040C05A000000003 6A82",
		"00A4040C0AD3921000310001010402 9000",
		"# select 券面AP",
	}
	if got := strings.Split(strings.TrimSuffix(log.String(), "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if st := c.Stats(); st.APDUs != 5 || st.Resets != 1 || st.PowerOffs != 2 || st.PowerOns != 2 {
		t.Errorf("stats %+v, want 5 APDUs, 1 reset, 2 power offs, 2 power ons", st)
	}
	// A removed card does not count resets or power changes any more.
	c.Remove()
	c.reset()
	c.PowerOff()
	c.powerOn()
	if st := c.Stats(); st.Resets != 1 || st.PowerOffs != 2 || st.PowerOns != 2 {
		t.Errorf("stats after removal %+v", st)
	}
}

// The state observer hears of every change of the verified flags: power
// off and selecting another application included.
func TestStateChangesOnPowerAndSelect(t *testing.T) {
	var verified []bool
	c := newCard(t, Options{OnStateChange: func(s State) { verified = append(verified, s.Auth.Verified) }})
	run(t, c, s(selAP, "9000"), s(selAuthPIN, "9000"), s(verify1234, "9000"))
	c.reset()
	run(t, c, s(selAP, "9000"), s("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "9000"), s(selAP, "9000"), s(selAuthPIN, "9000"), s(verify1234, "9000"))
	c.PowerOff()
	if got, want := verified, []bool{true, false, true, false}; !equalBools(got, want) {
		t.Errorf("verified over the changes: %v, want %v", got, want)
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// With the quirk, the first APDU after each power-on answers 6F 00 and is
// not carried out; a warm reset is not a power-on.
func TestFirstAPDU6F00(t *testing.T) {
	tests := []struct {
		name   string
		quirks []Quirk
		before func(c *Card)
		first  string
	}{
		{"new card", []Quirk{firstAPDU6F00}, func(c *Card) {}, "6F00"},
		{"after power off (implicit power on)", []Quirk{firstAPDU6F00}, func(c *Card) { c.PowerOff() }, "6F00"},
		{"after power off and on", []Quirk{firstAPDU6F00}, func(c *Card) { c.PowerOff(); c.powerOn() }, "6F00"},
		{"after warm reset", []Quirk{firstAPDU6F00}, func(c *Card) { c.reset() }, "9000"},
		{"without the quirk", nil, func(c *Card) { c.PowerOff(); c.powerOn() }, "9000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCard(t, Options{Quirks: tt.quirks})
			if tt.name != "new card" {
				tx(t, c, selAP) // whatever the first answer, the card is in use
			}
			tt.before(c)
			run(t, c, s(selAP, tt.first))
			if tt.first == "6F00" {
				// Not carried out: the applet is not selected.
				run(t, c, s(selAuth, "6A82"), s(selAP, "9000"), s(selAuth, "9000"))
			} else {
				run(t, c, s(selAuth, "9000"))
			}
		})
	}
}

// A reader that truncates long answers: more than N data bytes arrive as
// the first N bytes and no status word; shorter ones are untouched.
func TestTruncateAbove(t *testing.T) {
	good := newCard(t, Options{})
	cert := good.Certificates().Auth
	tests := []struct {
		name string
		n    int
		apdu string
		want []byte
	}{
		{"SELECT untouched", 236, selAuth, []byte{0x90, 0x00}},
		{"READ 200 untouched", 236, "00 B0 00 00 C8", append(bytes.Clone(cert[:200]), 0x90, 0x00)},
		{"READ 236 untouched", 236, "00 B0 00 00 EC", append(bytes.Clone(cert[:236]), 0x90, 0x00)},
		{"READ 237 cut", 236, "00 B0 00 00 ED", cert[:236]},
		{"READ 256 cut", 236, read256, cert[:236]},
		{"READ 256 cut at 128", 128, read256, cert[:128]},
		{"error SW untouched", 1, "00 B0 7F 00 10", []byte{0x6B, 0x00}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log strings.Builder
			c := newCard(t, Options{TruncateAbove: tt.n, Log: &log})
			run(t, c, s(selAP, "9000"), s(selAuth, "9000"))
			got, err := c.Transmit(hx(t, tt.apdu))
			if err != nil || !bytes.Equal(got, tt.want) {
				t.Fatalf("answer %d bytes %X…, want %d bytes %X…", len(got), got[:min(8, len(got))], len(tt.want), tt.want[:min(8, len(tt.want))])
			}
			// The log shows what the host got.
			if !strings.HasSuffix(log.String(), " "+hexs(tt.want)+"\n") {
				t.Errorf("log does not end with the truncated answer")
			}
		})
	}
	if _, err := New(Options{TruncateAbove: -1}); err == nil {
		t.Error("negative TruncateAbove accepted")
	}
}

func TestATRChoice(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"default", Options{}, "3B E0 00 FF 81 31 FE 45 14"},
		{"classic", Options{ATR: mustATR(t, "classic")}, "3B E0 00 FF 81 31 FE 45 14"},
		{"2024", Options{ATR: mustATR(t, "2024")}, "3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B"},
		{"contactless", Options{ATR: mustATR(t, "contactless")}, "3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F"},
		{"any ATR", Options{ATR: hx(t, "3B C5 FF 81 31 FB 45 80 73 C6 01 00 00")}, "3B C5 FF 81 31 FB 45 80 73 C6 01 00 00"},
		{"child keeps the classic ATR", Options{Profile: Child}, "3B E0 00 FF 81 31 FE 45 14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newCard(t, tt.opts).ATR(); !bytes.Equal(got, hx(t, tt.want)) {
				t.Errorf("ATR %X, want %s", got, tt.want)
			}
		})
	}
	if _, err := ATRByName("gold"); err == nil {
		t.Error("unknown ATR name accepted")
	}
	for _, bad := range [][]byte{{0x3B}, {0x00, 0x11}, bytes.Repeat([]byte{0x3B}, 34)} {
		if _, err := New(Options{ATR: bad}); err == nil {
			t.Errorf("ATR %X accepted", bad)
		}
	}
	// The returned ATR is a copy.
	a := mustATR(t, "classic")
	a[0] = 0
	if b := mustATR(t, "classic"); b[0] != 0x3B {
		t.Error("ATRByName hands out its table")
	}
}

func mustATR(t *testing.T, name string) []byte {
	t.Helper()
	atr, err := ATRByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return atr
}

// The link derived from the ATR: classic at the default 9600 etu/s, the
// 2024 card (TA1=13) four times faster, contactless the NFC model.
func TestLinkForATR(t *testing.T) {
	tests := []struct {
		atr  string
		want Link
	}{
		{"3B E0 00 FF 81 31 FE 45 14", Link{Baud: 9600}},
		{"3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B", Link{Baud: 38400}},
		{"3B C5 FF 81 31 FB 45 80 73 C6 01 00 00", Link{Baud: 9600}}, // no TA1 either
		{"3B 9A 18 81 31 FB 46 80", Link{Baud: 115200}},              // TA1=18: D=12
		{"3B 9A 1A 81 31 FB 46 80", Link{Baud: 9600}},                // TA1=1A: reserved D, default rate
		{"3B 9A 71 81 31 FB 46 80", Link{Baud: 9600}},                // TA1=71: reserved F, default rate
		{"3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F", nfcLink},
	}
	for _, tt := range tests {
		if got := LinkForATR(hx(t, tt.atr)); got != tt.want {
			t.Errorf("LinkForATR(%s) = %+v, want %+v", tt.atr, got, tt.want)
		}
	}
	// A 1.6 KB certificate in 7 READ BINARYs costs a quarter of the time.
	classic, y2024 := LinkForATR(mustATR(t, "classic")), LinkForATR(mustATR(t, "2024"))
	if a, b := classic.cost(5, 258)*7, y2024.cost(5, 258)*7; a-4*b > time.Microsecond || a < 2*time.Second {
		t.Errorf("certificate read: classic %v, 2024 %v; want ~2 s and a quarter of it", a, b)
	}
}

// A real certificate served as EF 000A reads back byte for byte, with its
// CA in EF 000B; the rest of the card is the profile's.
func TestRealAuthCertificate(t *testing.T) {
	der, err := os.ReadFile("testdata/real/real-auth-cert-2019.cer")
	if err != nil {
		t.Fatal(err)
	}
	caDER, err := os.ReadFile("testdata/real/real-auth-ca-2015.cer")
	if err != nil {
		t.Fatal(err)
	}
	if len(der) != 1573 {
		t.Fatalf("testdata certificate is %d bytes, want 1573", len(der))
	}
	c := newCard(t, Options{AuthDER: der, AuthCADER: caDER})
	if got := readEF(t, c, selAuth, 256); !bytes.Equal(got, der) {
		t.Errorf("EF 000A differs from the real certificate (%d bytes read)", len(got))
	}
	if got := readEF(t, c, selAuthCA, 256); !bytes.Equal(got, caDER) {
		t.Errorf("EF 000B differs from the real CA (%d bytes read)", len(got))
	}
	if certs := c.Certificates(); !bytes.Equal(certs.Auth, der) || !bytes.Equal(certs.AuthCA, caDER) {
		t.Error("Certificates() does not report the served DER")
	}
	d := c.Dates()
	if got := d.AuthExpiry.Format(time.DateOnly) + " " + d.AuthIssued.Format(time.DateOnly); got != "2024-05-02 2019-07-26" {
		t.Errorf("dates %s, want expiry 2024-05-02 and issue 2019-07-26 (JST)", got)
	}
	// The CA verifies the certificate, and CAPEM holds it first.
	block, _ := pem.Decode(c.CAPEM())
	if block == nil || !bytes.Equal(block.Bytes, caDER) {
		t.Fatal("CAPEM does not start with the real CA")
	}
	if err := parse(t, der).CheckSignatureFrom(parse(t, caDER)); err != nil {
		t.Errorf("real certificate against its CA: %v", err)
	}
	// The rest of the card is untouched: flags, token, the simulated
	// signing certificate behind the password.
	run(t, c, s(selAP, "9000"), s(selFlags, "9000"), s(read256, "9000"), s(selSign, "9000"), s(read4, "6982"),
		s(selSignPIN, "9000"), s(verifyABC, "9000"), s(selSign, "9000"), sd(read4, "9000", 4))

	// Alone, AuthDER keeps the card's own CA; a card without the
	// certificate gains it, and EF 0008 says so.
	c = newCard(t, Options{Profile: NoCert, AuthDER: der})
	if got := readEF(t, c, selAuth, 200); !bytes.Equal(got, der) {
		t.Error("no-cert card with AuthDER does not serve it")
	}
	if got := tx(t, c, selFlags); swOf(got) != "9000" || !bytes.Equal(tx(t, c, read256), hx(t, "8F 8F 00 90 00")) {
		t.Error("EF 0008 does not report the served certificate")
	}
	if _, err := x509.ParseCertificate(c.Certificates().AuthCA); err != nil {
		t.Errorf("own CA lost: %v", err)
	}
}

func TestQuirksListed(t *testing.T) {
	qs := Quirks()
	if len(qs) != 5 {
		t.Errorf("%d quirks, want 5", len(qs))
	}
	var names []string
	for _, q := range qs {
		if q.Description == "" {
			t.Errorf("quirk %q has no description", q.Name)
		}
		if _, err := New(Options{Quirks: []Quirk{q.Name}, Today: fixedToday}); err != nil {
			t.Errorf("New with %s: %v", q.Name, err)
		}
		names = append(names, string(q.Name))
	}
	got, err := ParseQuirks(" " + strings.Join(names, " , ") + ",")
	if err != nil || len(got) != len(qs) {
		t.Errorf("ParseQuirks(all) = %v, %v", got, err)
	}
	for _, bad := range []string{"nope", "end-of-file-6282,nope", "END-OF-FILE-6282"} {
		if _, err := ParseQuirks(bad); err == nil {
			t.Errorf("ParseQuirks(%q) accepted", bad)
		}
	}
	if got, err := ParseQuirks(""); err != nil || got != nil {
		t.Errorf("ParseQuirks(\"\") = %v, %v", got, err)
	}
	if _, err := New(Options{Quirks: []Quirk{"nope"}}); err == nil {
		t.Error("New accepted an unknown quirk")
	}
}
