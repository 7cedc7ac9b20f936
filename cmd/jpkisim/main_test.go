package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"encoding/pem"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/syncbuf"
)

// syncBuf collects output that is read while it is still being written.
type syncBuf = syncbuf.Buffer

// reader plays the vpcd driver: it listens and the simulator connects.
type reader struct {
	t    *testing.T
	ln   net.Listener
	conn net.Conn
}

func listen(t *testing.T, addr string) *reader {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return &reader{t: t, ln: ln}
}

func (r *reader) accept() {
	r.t.Helper()
	r.ln.(*net.TCPListener).SetDeadline(time.Now().Add(5 * time.Second))
	c, err := r.ln.Accept()
	if err != nil {
		r.t.Fatalf("accept: %v", err)
	}
	r.conn = c
	r.t.Cleanup(func() { c.Close() })
}

func (r *reader) xfer(apdu ...byte) ([]byte, error) {
	msg := binary.BigEndian.AppendUint16(nil, uint16(len(apdu)))
	if _, err := r.conn.Write(append(msg, apdu...)); err != nil {
		return nil, err
	}
	r.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	var hdr [2]byte
	if _, err := io.ReadFull(r.conn, hdr[:]); err != nil {
		return nil, err
	}
	resp := make([]byte, binary.BigEndian.Uint16(hdr[:]))
	_, err := io.ReadFull(r.conn, resp)
	return resp, err
}

func (r *reader) must(apdu ...byte) []byte {
	r.t.Helper()
	resp, err := r.xfer(apdu...)
	if err != nil {
		r.t.Fatalf("exchange %X: %v", apdu, err)
	}
	return resp
}

var selAP = []byte{0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01}

type result struct {
	code           int
	stdout, stderr string
}

func start(ctx context.Context, args ...string) (<-chan result, *syncBuf) {
	done := make(chan result, 1)
	var stdout bytes.Buffer
	stderr := &syncBuf{}
	go func() {
		code := run(ctx, args, &stdout, stderr)
		done <- result{code, stdout.String(), stderr.String()}
	}()
	return done, stderr
}

func wait(t *testing.T, done <-chan result) result {
	t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("jpkisim did not exit")
		return result{}
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"list profiles", []string{"--list-profiles"}, 0, "window-open"},
		{"help", []string{"--help"}, 0, ""},
		{"no vpcd", nil, 2, ""},
		{"bad flag", []string{"--vpcd", "x:1", "--nope"}, 2, ""},
		{"bad date", []string{"--vpcd", "x:1", "--auth-expiry", "2027/03/15"}, 2, ""},
		{"unknown profile", []string{"--vpcd", "x:1", "--profile", "gold"}, 2, ""},
		{"bad PIN", []string{"--vpcd", "x:1", "--auth-pin", "12"}, 2, ""},
		{"extra argument", []string{"--vpcd", "x:1", "now"}, 2, ""},
		{"negative baud", []string{"--vpcd", "x:1", "--baud", "-9600"}, 2, ""},
		{"negative delay", []string{"--vpcd", "x:1", "--apdu-delay", "-1ms"}, 2, ""},
		{"bad delay", []string{"--vpcd", "x:1", "--apdu-delay", "10"}, 2, ""},
		{"list quirks", []string{"--list-quirks"}, 0, "reselect-clears-pins"},
		{"unknown quirk", []string{"--vpcd", "x:1", "--quirk", "end-of-file-6282,gold"}, 2, ""},
		{"unknown ATR", []string{"--vpcd", "x:1", "--atr", "2025"}, 2, ""},
		{"bad baud", []string{"--vpcd", "x:1", "--baud", "fast"}, 2, ""},
		{"negative truncation", []string{"--vpcd", "x:1", "--truncate-above", "-1"}, 2, ""},
		{"missing auth DER", []string{"--vpcd", "x:1", "--auth-der", "/nonexistent/auth.cer"}, 2, ""},
		{"missing auth CA DER", []string{"--vpcd", "x:1", "--auth-ca-der", "/nonexistent/ca.cer"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.out) {
				t.Errorf("run(%q) = %d, stdout %q, stderr %q", tt.args, code, stdout.String(), stderr.String())
			}
			if code == 2 && !strings.HasPrefix(lastLine(stderr.String()), "jpkisim: ") {
				t.Errorf("error not prefixed: %q", stderr.String())
			}
		})
	}
	var stdout bytes.Buffer
	run(context.Background(), []string{"--list-profiles"}, &stdout, io.Discard)
	for _, p := range append(cardsim.Profiles(), cardsim.FaultProfiles()...) {
		if !strings.Contains(stdout.String(), string(p.Name)) {
			t.Errorf("--list-profiles lacks %s", p.Name)
		}
	}
	for _, p := range []cardsim.Profile{cardsim.Child, cardsim.FaceAuth} {
		if !strings.Contains(stdout.String(), string(p)+" ") {
			t.Errorf("--list-profiles lacks %s", p)
		}
	}
	stdout.Reset()
	run(context.Background(), []string{"--list-quirks"}, &stdout, io.Discard)
	for _, q := range cardsim.Quirks() {
		if !strings.Contains(stdout.String(), string(q.Name)+" ") {
			t.Errorf("--list-quirks lacks %s", q.Name)
		}
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestServeStateLogCA(t *testing.T) {
	dir := t.TempDir()
	statePath, logPath, caPath := filepath.Join(dir, "state.json"), filepath.Join(dir, "apdu.log"), filepath.Join(dir, "ca.pem")
	r := listen(t, "127.0.0.1:0")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done, stderr := start(ctx, "--vpcd", r.ln.Addr().String(), "--profile", "sign-one-try",
		"--state", statePath, "--log", logPath, "--ca-out", caPath, "--sign-password", "secret99")
	r.accept()

	if resp := r.must(selAP...); !bytes.Equal(resp, []byte{0x90, 0x00}) {
		t.Fatalf("SELECT AP: %X", resp)
	}
	r.must(0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x1B)
	// The password flag was upper-cased: SECRET99.
	if resp := r.must(0x00, 0x20, 0x00, 0x80, 0x08, 'S', 'E', 'C', 'R', 'E', 'T', '9', '9'); !bytes.Equal(resp, []byte{0x90, 0x00}) {
		t.Fatalf("VERIFY: %X", resp)
	}
	var st cardsim.State
	b, err := os.ReadFile(statePath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &st); err != nil || st.Sign.TriesLeft != 5 || !st.Sign.Verified {
		t.Fatalf("state %s (%v)", b, err)
	}
	if want := "jpkisim: card inserted into vpcd " + r.ln.Addr().String() + " (profile sign-one-try)\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}

	cancel()
	res := wait(t, done)
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if _, err := r.xfer(selAP...); err == nil {
		t.Error("socket still open after SIGINT")
	}
	logText, _ := os.ReadFile(logPath)
	if !strings.Contains(string(logText), "0020008008**************** 9000\n") || strings.Contains(string(logText), "534543") {
		t.Errorf("log:\n%s", logText)
	}
	// Three APDUs and the applet selection.
	if n := strings.Count(string(logText), "\n"); n != 4 || !strings.Contains(string(logText), "9000\n# select JPKI AP\n") {
		t.Errorf("log has %d lines, want 4:\n%s", n, logText)
	}
	ca, _ := os.ReadFile(caPath)
	if blk, _ := pem.Decode(ca); blk == nil || bytes.Count(ca, []byte("BEGIN CERTIFICATE")) != 2 {
		t.Errorf("ca-out:\n%s", ca)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".state.json.*")); len(m) != 0 {
		t.Errorf("temporary state files left: %v", m)
	}
}

func TestRemoveAfterExits(t *testing.T) {
	r := listen(t, "127.0.0.1:0")
	done, _ := start(context.Background(), "--vpcd", r.ln.Addr().String(), "--remove-after", "2")
	r.accept()
	r.must(selAP...)
	r.must(0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x0A)
	if res := wait(t, done); res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if _, err := r.xfer(selAP...); err == nil {
		t.Error("socket open after remove-after")
	}
}

// TestReconnect: the port is closed at start (pcscd not up), then opens;
// later the reader drops the connection (pcscd restart) and the card comes
// back, reset but with its counters.
func TestReconnect(t *testing.T) {
	probe := listen(t, "127.0.0.1:0")
	addr := probe.ln.Addr().String()
	probe.ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done, stderr := start(ctx, "--vpcd", addr)
	time.Sleep(400 * time.Millisecond) // a few refused dials
	r := listen(t, addr)
	r.accept()
	r.must(selAP...)
	r.must(0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18)
	if resp := r.must(0x00, 0x20, 0x00, 0x80, 0x04, '0', '0', '0', '0'); !bytes.Equal(resp, []byte{0x63, 0xC2}) {
		t.Fatalf("wrong PIN: %X", resp)
	}
	r.conn.Close()
	r.accept()
	if resp := r.must(0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18); !bytes.Equal(resp, []byte{0x6A, 0x82}) {
		t.Fatalf("card not reset on reinsertion: %X", resp)
	}
	r.must(selAP...)
	r.must(0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18)
	if resp := r.must(0x00, 0x20, 0x00, 0x80); !bytes.Equal(resp, []byte{0x63, 0xC2}) {
		t.Fatalf("counter lost across reconnect: %X", resp)
	}
	cancel()
	if res := wait(t, done); res.code != 0 {
		t.Fatalf("exit %d", res.code)
	}
	if n := strings.Count(stderr.String(), "card inserted"); n != 2 {
		t.Errorf("stderr %q: want two insert lines", stderr.String())
	}
}

func TestExitWhileWaitingForReader(t *testing.T) {
	probe := listen(t, "127.0.0.1:0")
	addr := probe.ln.Addr().String()
	probe.ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done, stderr := start(ctx, "--vpcd", addr)
	time.Sleep(200 * time.Millisecond)
	cancel()
	if res := wait(t, done); res.code != 0 || stderr.String() != "" {
		t.Fatalf("exit %d, stderr %q", res.code, stderr.String())
	}
}

// TestLinkFlags: --apdu-delay and --baud reach the served card, and the
// insertion line says which link is modelled. How the model times each
// APDU is tested in internal/cardsim (TestServeVPCDLink).
func TestLinkFlags(t *testing.T) {
	r := listen(t, "127.0.0.1:0")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done, stderr := start(ctx, "--vpcd", r.ln.Addr().String(), "--apdu-delay", "1ms", "--baud", "106000")
	r.accept()
	if resp := r.must(selAP...); !bytes.Equal(resp, []byte{0x90, 0x00}) {
		t.Fatalf("SELECT AP: %X", resp)
	}
	want := "jpkisim: card inserted into vpcd " + r.ln.Addr().String() + " (profile valid, link 1ms per APDU, 106000 baud)\n"
	if stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	cancel()
	if res := wait(t, done); res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
}

// control sends a vpcd control byte that takes no reply.
func (r *reader) control(b byte) {
	r.t.Helper()
	if _, err := r.conn.Write([]byte{0x00, 0x01, b}); err != nil {
		r.t.Fatal(err)
	}
}

// serveArgs starts jpkisim on a fresh reader with args and returns the
// reader, the stderr buffer and a stop function that checks the exit.
func serveArgs(t *testing.T, args ...string) (*reader, *syncBuf) {
	t.Helper()
	r := listen(t, "127.0.0.1:0")
	ctx, cancel := context.WithCancel(context.Background())
	done, stderr := start(ctx, append([]string{"--vpcd", r.ln.Addr().String()}, args...)...)
	r.accept()
	t.Cleanup(func() {
		cancel()
		if res := wait(t, done); res.code != 0 {
			t.Errorf("exit %d: %s", res.code, res.stderr)
		}
	})
	return r, stderr
}

var (
	selAuthEF  = []byte{0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x0A}
	selAuthPIN = []byte{0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18}
	selSignPIN = []byte{0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x1B}
	selKenmen  = []byte{0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08}
	verify1234 = []byte{0x00, 0x20, 0x00, 0x80, 0x04, '1', '2', '3', '4'}
	emptyVer   = []byte{0x00, 0x20, 0x00, 0x80}
	read256    = []byte{0x00, 0xB0, 0x00, 0x00, 0x00}
)

// Each new flag reaches the served card.
func TestCardFlags(t *testing.T) {
	realDER, err := os.ReadFile("../../internal/cardsim/testdata/real/real-auth-cert-2019.cer")
	if err != nil {
		t.Fatal(err)
	}
	realCA, err := os.ReadFile("../../internal/cardsim/testdata/real/real-auth-ca-2015.cer")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, r *reader)
	}{
		{"atr 2024", []string{"--atr", "2024"}, func(t *testing.T, r *reader) {
			if atr := r.must(0x04); !bytes.Equal(atr, []byte{0x3B, 0xDA, 0x13, 0xFF, 0x81, 0x31, 0xFB, 0x46, 0x80, 0x12, 0x39, 0x2F, 0x31, 0xC1, 0x73, 0xC6, 0x01, 0xC0, 0x3B}) {
				t.Errorf("ATR %X", atr)
			}
		}},
		{"atr contactless", []string{"--atr", "contactless"}, func(t *testing.T, r *reader) {
			if atr := r.must(0x04); !bytes.HasPrefix(atr, []byte{0x3B, 0x88, 0x80, 0x01}) {
				t.Errorf("ATR %X", atr)
			}
		}},
		{"quirk first-apdu-6f00", []string{"--quirk", "first-apdu-6f00,end-of-file-6282"}, func(t *testing.T, r *reader) {
			if got := r.must(selAP...); !bytes.Equal(got, []byte{0x6F, 0x00}) {
				t.Errorf("first APDU: %X, want 6F00", got)
			}
			r.must(selAP...)
			r.must(selAuthEF...)
			if got := r.must(0x00, 0xB0, 0x07, 0xF0, 0x00); !bytes.Equal(got[len(got)-2:], []byte{0x62, 0x82}) {
				t.Errorf("read past the end: SW %X, want 6282", got[len(got)-2:])
			}
		}},
		{"truncate-above 100", []string{"--truncate-above", "100"}, func(t *testing.T, r *reader) {
			r.must(selAP...)
			r.must(selAuthEF...)
			if got := r.must(read256...); len(got) != 100 || got[0] != 0x30 {
				t.Errorf("READ BINARY 256 answered %d bytes, want 100 without SW", len(got))
			}
		}},
		{"auth-der", []string{"--auth-der", "../../internal/cardsim/testdata/real/real-auth-cert-2019.cer",
			"--auth-ca-der", "../../internal/cardsim/testdata/real/real-auth-ca-2015.cer"}, func(t *testing.T, r *reader) {
			r.must(selAP...)
			for _, f := range []struct {
				ef   byte
				want []byte
			}{{0x0A, realDER}, {0x0B, realCA}} {
				r.must(0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, f.ef)
				var got []byte
				for off := 0; off < len(f.want); off += 256 {
					resp := r.must(0x00, 0xB0, byte(off>>8), byte(off), 0x00)
					got = append(got, resp[:len(resp)-2]...)
				}
				if !bytes.Equal(got[:len(f.want)], f.want) {
					t.Errorf("EF %02X differs from the file", f.ef)
				}
			}
		}},
		{"profile child", []string{"--profile", "child"}, func(t *testing.T, r *reader) {
			r.must(selAP...)
			r.must(selSignPIN...)
			if got := r.must(emptyVer...); !bytes.Equal(got, []byte{0x69, 0x84}) {
				t.Errorf("empty VERIFY of the unset password: %X", got)
			}
		}},
		{"profile face-auth", []string{"--profile", "face-auth"}, func(t *testing.T, r *reader) {
			r.must(selAP...)
			r.must(selAuthPIN...)
			if got := r.must(verify1234...); !bytes.Equal(got, []byte{0x69, 0x84}) {
				t.Errorf("VERIFY of the unset PIN: %X", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := serveArgs(t, tt.args...)
			tt.check(t, r)
		})
	}
}

// --baud atr takes the link from the card's ATR; --apdu-delay still adds.
func TestBaudFromATR(t *testing.T) {
	tests := []struct {
		args []string
		link string
	}{
		{[]string{"--baud", "atr"}, "9600 baud"},
		{[]string{"--baud", "atr", "--atr", "2024"}, "38400 baud"},
		{[]string{"--baud", "atr", "--atr", "contactless"}, "10ms per APDU, 106000 baud"},
		{[]string{"--baud", "atr", "--atr", "2024", "--apdu-delay", "1ms"}, "1ms per APDU, 38400 baud"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r, stderr := serveArgs(t, tt.args...)
			r.must(0x04)
			if !strings.Contains(stderr.String(), "link "+tt.link+")") {
				t.Errorf("stderr %q, want link %s", stderr.String(), tt.link)
			}
		})
	}
}

// The --state file says whether each PIN is verified right now, and is
// rewritten before the next answer: a VERIFY, a warm reset (kept),
// selecting another applet (cleared) and a power-off (cleared) all show.
func TestStateFollowsVerifiedState(t *testing.T) {
	dir := t.TempDir()
	statePath, logPath := filepath.Join(dir, "state.json"), filepath.Join(dir, "apdu.log")
	r, _ := serveArgs(t, "--state", statePath, "--log", logPath)
	verified := func() bool {
		t.Helper()
		var st cardsim.State
		b, err := os.ReadFile(statePath)
		if err != nil || json.Unmarshal(b, &st) != nil {
			t.Fatalf("state %s: %v", b, err)
		}
		return st.Auth.Verified
	}
	// Control messages take no reply: an ATR request behind them is
	// answered only once they are done.
	settle := func() { r.must(0x04) }
	steps := []struct {
		name string
		do   func()
		want bool
	}{
		{"VERIFY", func() { r.must(selAP...); r.must(selAuthPIN...); r.must(verify1234...) }, true},
		{"empty VERIFY", func() {
			if got := r.must(emptyVer...); !bytes.Equal(got, []byte{0x90, 0x00}) {
				t.Errorf("empty VERIFY when verified: %X", got)
			}
		}, true},
		{"re-select", func() { r.must(selAP...) }, true},
		{"warm reset", func() { r.control(0x02); settle() }, true},
		{"select after the reset", func() { r.must(selAP...) }, true},
		{"other applet", func() { r.must(selKenmen...) }, false},
		{"VERIFY again", func() { r.must(selAP...); r.must(selAuthPIN...); r.must(verify1234...) }, true},
		{"power off", func() { r.control(0x00); settle() }, false},
		{"power on", func() { r.control(0x01); settle() }, false},
	}
	for _, st := range steps {
		st.do()
		if got := verified(); got != st.want {
			t.Fatalf("after %s: verified %v, want %v", st.name, got, st.want)
		}
	}
	logText, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, l := range strings.Split(string(logText), "\n") {
		if e, ok := strings.CutPrefix(l, "# "); ok {
			events = append(events, e)
		}
	}
	want := "select JPKI AP,select JPKI AP,warm reset,select JPKI AP,select 券面事項入力補助AP,select JPKI AP,power off,power on"
	if got := strings.Join(events, ","); got != want {
		t.Errorf("events %s\nwant   %s", got, want)
	}
}
