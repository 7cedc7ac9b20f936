package cardsim

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

func TestFrameRoundTrip(t *testing.T) {
	a, b := net.Pipe()
	defer a.Close()
	defer b.Close()
	msgs := [][]byte{{0x04}, hx(t, selAP), make([]byte, 0xFFFF), {}}
	go func() {
		for _, m := range msgs {
			if err := writeFrame(a, m); err != nil {
				t.Errorf("writeFrame: %v", err)
			}
		}
	}()
	for _, want := range msgs {
		got, err := readFrame(b)
		if err != nil {
			t.Fatalf("readFrame: %v", err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("got %d bytes, want %d", len(got), len(want))
		}
	}
	if err := writeFrame(io.Discard, make([]byte, 0x10000)); err == nil {
		t.Error("writeFrame accepted 65536 bytes")
	}
}

func TestReadFrameTruncated(t *testing.T) {
	for _, in := range [][]byte{{}, {0x00}, {0x00, 0x05, 0x00, 0xA4}} {
		_, err := readFrame(bytes.NewReader(in))
		if err == nil {
			t.Errorf("readFrame(%X) succeeded", in)
		}
	}
	if _, err := readFrame(bytes.NewReader([]byte{0x00, 0x05, 1})); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("cut body: %v, want ErrUnexpectedEOF", err)
	}
}

// FuzzVPCD feeds an arbitrary byte stream from the "reader": no panics,
// every APDU gets a reply that ends in a status word.
func FuzzVPCD(f *testing.F) {
	f.Add([]byte("\x00\x01\x01\x00\x01\x04\x00\x0F\x00\xA4\x04\x0C\x0A\xD3\x92\xF0\x00\x26\x01\x00\x00\x00\x01"))
	f.Add([]byte("\x00\x01\x02\x00\x00\x00\x02\x00\xB0\xFF\xFF"))
	card, err := New(Options{Today: fixedToday})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, stream []byte) {
		r := bytes.NewReader(stream)
		for {
			msg, err := readFrame(r)
			if err != nil {
				return
			}
			reply, err := vpcdAnswer(simResponder{card}, msg)
			if err != nil {
				t.Fatalf("vpcdAnswer(%X): %v", msg, err)
			}
			if len(msg) > 1 && len(reply) < 2 {
				t.Fatalf("APDU %X got reply %X", msg, reply)
			}
			var buf bytes.Buffer
			if err := writeFrame(&buf, reply); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// fakeReader is the vpcd driver's side: it listens, the card connects.
type fakeReader struct {
	t    *testing.T
	ln   net.Listener
	conn net.Conn
}

func newFakeReader(t *testing.T) *fakeReader {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return &fakeReader{t: t, ln: ln}
}

func (r *fakeReader) accept() {
	r.t.Helper()
	c, err := r.ln.Accept()
	if err != nil {
		r.t.Fatal(err)
	}
	r.conn = c
	r.t.Cleanup(func() { c.Close() })
}

func (r *fakeReader) send(msg []byte) {
	r.t.Helper()
	if err := writeFrame(r.conn, msg); err != nil {
		r.t.Fatal(err)
	}
}

func (r *fakeReader) recv() ([]byte, error) {
	r.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	return readFrame(r.conn)
}

func (r *fakeReader) exchange(apdu string) []byte {
	r.t.Helper()
	r.send(hx(r.t, apdu))
	resp, err := r.recv()
	if err != nil {
		r.t.Fatalf("reply to %s: %v", apdu, err)
	}
	return resp
}

// serveTo dials the fake reader and serves card; the result arrives on the
// returned channel.
func serveTo(ctx context.Context, t *testing.T, r *fakeReader, card *Card) <-chan error {
	conn, err := net.Dial("tcp", r.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- ServeVPCD(ctx, conn, card, Link{}) }()
	r.accept()
	return done
}

func waitErr(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("ServeVPCD did not return")
		return nil
	}
}

func TestServeVPCD(t *testing.T) {
	card := newCard(t, Options{})
	r := newFakeReader(t)
	done := serveTo(context.Background(), t, r, card)

	r.send([]byte{vpcdPowerOn})
	r.send([]byte{vpcdGetATR})
	atr, err := r.recv()
	if err != nil || !bytes.Equal(atr, classicATR) {
		t.Fatalf("ATR %X, %v", atr, err)
	}
	if got := r.exchange(selAP); swOf(got) != "9000" {
		t.Fatalf("SELECT AP: %X", got)
	}
	r.exchange(selSignPIN)
	if got := r.exchange(verifyABC); swOf(got) != "9000" {
		t.Fatalf("VERIFY: %X", got)
	}
	r.send([]byte{vpcdReset}) // no reply; a warm reset keeps the verified state
	if got := r.exchange(selSign); swOf(got) != "6A82" {
		t.Fatalf("EF select after reset: %X, want 6A82 (nothing selected)", got)
	}
	r.exchange(selAP)
	r.exchange(selSign)
	if got := r.exchange(read4); swOf(got) != "9000" {
		t.Fatalf("read after warm reset: %X", got)
	}
	// Power off, then on: still a card, but the password must be given
	// again; unknown controls are ignored.
	r.send([]byte{vpcdPowerOff})
	r.send([]byte{0x7F})
	r.send([]byte{vpcdPowerOn})
	if got := r.exchange(selAuth); swOf(got) != "6A82" {
		t.Fatalf("EF select after power cycle: %X", got)
	}
	r.exchange(selAP)
	r.exchange(selSign)
	if got := r.exchange(read4); swOf(got) != "6982" {
		t.Fatalf("read after power cycle: %X", got)
	}
	if st := card.Stats(); st.Resets != 1 || st.PowerOffs != 1 || st.PowerOns != 2 {
		t.Errorf("stats %+v, want 1 reset, 1 power off, 2 power ons", st)
	}

	r.conn.Close() // pcscd went away
	if err := waitErr(t, done); !errors.Is(err, io.EOF) {
		t.Fatalf("ServeVPCD after reader closed: %v, want EOF", err)
	}
}

func TestServeVPCDRemoveAfter(t *testing.T) {
	// The last answer once raced with closing the socket; a slow state
	// observer (jpkisim writes a file there) made it lose every time.
	slow := func(s State) {
		if s.Removed {
			time.Sleep(20 * time.Millisecond)
		}
	}
	for range 3 {
		card := newCard(t, Options{RemoveAfter: 2, OnStateChange: slow})
		r := newFakeReader(t)
		done := serveTo(context.Background(), t, r, card)
		r.exchange(selAP)
		if got := r.exchange(selAuth); swOf(got) != "9000" { // the last answer still arrives
			t.Fatalf("last answer %X", got)
		}
		if err := waitErr(t, done); !errors.Is(err, ErrRemoved) {
			t.Fatalf("ServeVPCD: %v, want ErrRemoved", err)
		}
		if _, err := r.recv(); err == nil {
			t.Fatal("socket still open after removal")
		}
	}
}

func TestServeVPCDContextAndRemove(t *testing.T) {
	t.Run("context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		r := newFakeReader(t)
		done := serveTo(ctx, t, r, newCard(t, Options{}))
		r.exchange(selAP)
		cancel()
		if err := waitErr(t, done); !errors.Is(err, context.Canceled) {
			t.Fatalf("ServeVPCD: %v", err)
		}
		if _, err := r.recv(); err == nil {
			t.Fatal("socket still open")
		}
	})
	t.Run("remove", func(t *testing.T) {
		card := newCard(t, Options{})
		r := newFakeReader(t)
		done := serveTo(context.Background(), t, r, card)
		card.Remove()
		if err := waitErr(t, done); !errors.Is(err, ErrRemoved) {
			t.Fatalf("ServeVPCD: %v", err)
		}
	})
}

func TestQuickACKOnNonTCP(t *testing.T) {
	a, b := net.Pipe()
	defer a.Close()
	defer b.Close()
	quickACK(a) // must not panic on other conns
}

// recorder is a Responder that notes the controls it got and fails the
// command its fail field names.
type recorder struct {
	controls []string
	fail     error
}

func (r *recorder) PowerOff()            { r.controls = append(r.controls, "off") }
func (r *recorder) PowerOn()             { r.controls = append(r.controls, "on") }
func (r *recorder) Reset()               { r.controls = append(r.controls, "reset") }
func (r *recorder) ATR() ([]byte, error) { return []byte{0x3B, 0x00}, nil }
func (r *recorder) Transmit(apdu []byte) ([]byte, error) {
	if r.fail != nil {
		return nil, r.fail
	}
	return append(apdu, 0x90, 0x00), nil
}

// Any Responder gets the same protocol as the simulated card, and its
// error ends the link and comes back unchanged: the rig's transport faults
// ride on that.
func TestServeResponder(t *testing.T) {
	rd := newFakeReader(t)
	conn, err := net.Dial("tcp", rd.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	done := make(chan error, 1)
	go func() { done <- ServeResponder(context.Background(), conn, rec) }()
	rd.accept()

	rd.send([]byte{vpcdPowerOn})
	rd.send([]byte{vpcdReset})
	rd.send([]byte{vpcdPowerOff})
	rd.send([]byte{vpcdGetATR})
	if atr, err := rd.recv(); err != nil || !bytes.Equal(atr, []byte{0x3B, 0x00}) {
		t.Fatalf("ATR %X, %v", atr, err)
	}
	if got := rd.exchange("00A4"); !bytes.Equal(got, hx(t, "00A49000")) {
		t.Errorf("answer %X", got)
	}
	if got := strings.Join(rec.controls, " "); got != "on reset off" {
		t.Errorf("controls %q, want on reset off", got)
	}
	pulled := errors.New("pulled")
	rec.fail = pulled
	rd.send(hx(t, "00B0"))
	if err := waitErr(t, done); !errors.Is(err, pulled) {
		t.Errorf("ServeResponder returned %v, want the responder's error", err)
	}
	if _, err := rd.recv(); err == nil {
		t.Error("the link stayed open after the responder's error")
	}
}
