package cardsim

import (
	"context"
	"errors"
	"net"
	"sync"
	"testing"
	"time"
)

func TestLinkCost(t *testing.T) {
	ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	tests := []struct {
		name      string
		link      Link
		cmd, resp int
		want      time.Duration
		zero      bool
		desc      string
	}{
		{name: "none", link: Link{}, cmd: 5, resp: 258, want: 0, zero: true, desc: "no delay"},
		// 11 etu at 9600 etu/s: 1.1458 ms per byte (docs/protocol.md, "Known ATRs").
		{name: "contact one byte", link: Link{Baud: 9600}, cmd: 1, resp: 0, want: 1145833, desc: "9600 baud"},
		// SELECT AP: 15 bytes out, 90 00 back.
		{name: "contact SELECT AP", link: Link{Baud: 9600}, cmd: 15, resp: 2, want: 19479166, desc: "9600 baud"},
		// A full READ BINARY: 5 + 256 + 2 bytes ≈ 301 ms.
		{name: "contact READ BINARY 256", link: Link{Baud: 9600}, cmd: 5, resp: 258, want: ms(301.354166)},
		{name: "delay only", link: Link{APDUDelay: 10 * time.Millisecond}, cmd: 5, resp: 258, want: 10 * time.Millisecond, desc: "10ms per APDU"},
		// NFC: 10 ms + 263 × 11 / 106000 s = 10 ms + 27.29 ms.
		{name: "nfc READ BINARY 256", link: Link{APDUDelay: 10 * time.Millisecond, Baud: 106000}, cmd: 5, resp: 258, want: 37292452, desc: "10ms per APDU, 106000 baud"},
		{name: "largest vpcd message at 1 baud", link: Link{Baud: 1}, cmd: 0xFFFF, resp: 0xFFFF, want: 2 * 0xFFFF * 11 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.link.cost(tt.cmd, tt.resp)
			if d := got - tt.want; d < -time.Microsecond || d > time.Microsecond {
				t.Errorf("Cost(%d, %d) = %v, want %v", tt.cmd, tt.resp, got, tt.want)
			}
			if tt.link.Zero() != tt.zero {
				t.Errorf("Zero() = %v", tt.link.Zero())
			}
			if tt.desc != "" && tt.link.String() != tt.desc {
				t.Errorf("String() = %q, want %q", tt.link.String(), tt.desc)
			}
		})
	}
}

func TestLinkValidate(t *testing.T) {
	for _, l := range []Link{{APDUDelay: -time.Millisecond}, {Baud: -1}} {
		if l.Validate() == nil {
			t.Errorf("%+v accepted", l)
		}
	}
	if err := (Link{APDUDelay: time.Millisecond, Baud: 9600}).Validate(); err != nil {
		t.Error(err)
	}
}

// TestServeVPCDLink checks what ServeVPCD asks the link to wait for each
// message, through the linkWait hook: every APDU waits its Cost counted
// from its arrival, with the real command and reply sizes; control
// messages (ATR polls, power) never wait.
func TestServeVPCDLink(t *testing.T) {
	type wait struct {
		d     time.Duration
		since time.Time
	}
	var (
		mu    sync.Mutex
		waits []wait
	)
	orig := linkWait
	linkWait = func(ctx context.Context, card *Card, since time.Time, d time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		waits = append(waits, wait{d, since})
	}
	t.Cleanup(func() { linkWait = orig })

	link := Link{APDUDelay: 10 * time.Millisecond, Baud: 9600}
	card := newCard(t, Options{})
	r := newFakeReader(t)
	conn, err := net.Dial("tcp", r.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { done <- ServeVPCD(ctx, conn, card, link) }()
	r.accept()

	before := time.Now()
	r.send([]byte{vpcdPowerOn})
	r.send([]byte{vpcdGetATR})
	if _, err := r.recv(); err != nil {
		t.Fatal(err)
	}
	r.exchange(selAP)
	r.exchange(selAuth)
	read := r.exchange("00 B0 00 00 00")
	r.send([]byte{vpcdGetATR})
	if _, err := r.recv(); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := waitErr(t, done); !errors.Is(err, context.Canceled) {
		t.Fatalf("ServeVPCD: %v", err)
	}

	want := []time.Duration{
		link.cost(15, 2),
		link.cost(7, 2),
		link.cost(5, len(read)),
	}
	mu.Lock()
	defer mu.Unlock()
	if len(waits) != len(want) {
		t.Fatalf("%d waits, want %d (one per APDU, none for control messages)", len(waits), len(want))
	}
	for i, w := range waits {
		if w.d != want[i] {
			t.Errorf("APDU %d waited %v, want %v", i, w.d, want[i])
		}
		if w.since.Before(before) || w.since.After(time.Now()) {
			t.Errorf("APDU %d: wait counted from %v, outside the exchange", i, w.since)
		}
	}
	if len(read) != 258 {
		t.Errorf("READ BINARY answered %d bytes, want 256 + SW", len(read))
	}
}

// TestServeVPCDNoLink: with the zero Link nothing waits.
func TestServeVPCDNoLink(t *testing.T) {
	orig := linkWait
	called := false
	linkWait = func(context.Context, *Card, time.Time, time.Duration) { called = true }
	t.Cleanup(func() { linkWait = orig })
	r := newFakeReader(t)
	done := serveTo(context.Background(), t, r, newCard(t, Options{}))
	r.exchange(selAP)
	r.conn.Close()
	waitErr(t, done)
	if called {
		t.Error("linkWait called without a link")
	}
}

// TestLinkWaitEndsEarly: a long modelled wait ends when the context ends or
// the card is removed, so jpkisim exits promptly under --baud 1.
func TestLinkWaitEndsEarly(t *testing.T) {
	card := newCard(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	linkWait(ctx, card, time.Now(), time.Hour) // returns: ctx done

	card.Remove()
	linkWait(context.Background(), card, time.Now(), time.Hour) // returns: removed

	linkWait(context.Background(), newCard(t, Options{}), time.Now().Add(-time.Hour), time.Minute) // already due
}
