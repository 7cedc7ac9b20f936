package pcsc_test

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/ebfe/scard"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/pcsc/pcsctest"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// Tests in this file run the real stack: libpcsclite, a private pcscd and
// vpcd, with virtual cards served from the test process (rig.InsertCard).

var selectAP = []byte{0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01}

// echo answers every command with its INS byte and 90 00, so a test can
// tell which command a response belongs to.
func echo(apdu []byte) []byte { return []byte{apdu[1], 0x90, 0x00} }

// echoCard starts a rig with an echoing card in its first reader and
// connects to it (shared); the connection is closed when the test ends.
func echoCard(t *testing.T) (*rig.Rig, *rig.InsertedCard, *pcsc.Card) {
	t.Helper()
	r := rig.Start(t, rig.Options{})
	vc := r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
	card, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { card.Close() })
	return r, vc, card
}

func TestReadersAndCardState(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	readers, err := pcsc.Readers()
	if err != nil {
		t.Fatal(err)
	}
	if len(readers) != 2 || readers[0].Name != r.ReaderName(0) || readers[1].Name != r.ReaderName(1) {
		t.Fatalf("pcsc.Readers() = %+v", readers)
	}
	for _, rd := range readers {
		if rd.CardPresent || rd.ATR != nil || rd.InUse {
			t.Errorf("empty reader reported as %+v", rd)
		}
	}

	atr := []byte{0x3B, 0x88, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09}
	r.InsertCard(t, 1, rig.VirtualCard{ATR: atr, Handle: echo})
	readers, err = pcsc.Readers()
	if err != nil {
		t.Fatal(err)
	}
	if readers[0].CardPresent || !readers[1].CardPresent || !bytes.Equal(readers[1].ATR, atr) {
		t.Fatalf("after insertion: %+v", readers)
	}

	card, err := pcsc.Connect(context.Background(), r.ReaderName(1), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer card.Close()
	if !bytes.Equal(card.ATR(), atr) || card.Reader() != r.ReaderName(1) {
		t.Errorf("card ATR %X reader %q", card.ATR(), card.Reader())
	}
	readers, _ = pcsc.Readers()
	if !readers[1].InUse || readers[1].Exclusive {
		t.Errorf("connected reader: %+v, want in use, not exclusive", readers[1])
	}
}

func TestTransmitRoundTrip(t *testing.T) {
	_, vc, card := echoCard(t)
	const n = 200
	t0 := time.Now()
	for i := 0; i < n; i++ {
		rsp, err := card.Transmit([]byte{0x00, 0xB0, byte(i >> 8), byte(i), 0x00})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(rsp, []byte{0xB0, 0x90, 0x00}) {
			t.Fatalf("response %X", rsp)
		}
	}
	per := time.Since(t0) / n
	t.Logf("transmit round trip: %v per APDU over %d APDUs", per, n)
	if per > 5*time.Millisecond {
		t.Errorf("%v per APDU: the ~40 ms Nagle/delayed-ACK stall is back?", per)
	}
	if got := len(vc.APDUs()); got != n {
		t.Errorf("card saw %d APDUs, want %d", got, n)
	}
	if _, err := card.Transmit([]byte{0x00}); err == nil {
		t.Error("a 1-byte APDU was sent")
	}
}

func TestWaitForCardInsertedLater(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	type result struct {
		rd  pcsc.Reader
		err error
		at  time.Time
	}
	res := make(chan result, 1)
	go func() {
		rd, err := pcsc.WaitForCard(context.Background(), "00 01")
		res <- result{rd, err, time.Now()}
	}()
	time.Sleep(300 * time.Millisecond)
	select {
	case got := <-res:
		t.Fatalf("pcsc.WaitForCard returned before any card: %+v", got)
	default:
	}
	r.InsertCard(t, 0, rig.VirtualCard{Async: true}) // the wrong reader: must not end the wait
	time.Sleep(700 * time.Millisecond)
	select {
	case got := <-res:
		t.Fatalf("pcsc.WaitForCard(00 01) returned for a card in 00 00: %+v", got)
	default:
	}
	inserted := time.Now()
	r.InsertCard(t, 1, rig.VirtualCard{Async: true})
	select {
	case got := <-res:
		if got.err != nil || got.rd.Name != r.ReaderName(1) || !got.rd.CardPresent {
			t.Fatalf("pcsc.WaitForCard = %+v, %v", got.rd, got.err)
		}
		t.Logf("insertion seen %v after the card connected to vpcd", got.at.Sub(inserted).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		t.Fatal("pcsc.WaitForCard did not see the card within 5 s")
	}

	// A card already there counts at once.
	t0 := time.Now()
	rd, err := pcsc.WaitForCard(context.Background(), "")
	if err != nil || !rd.CardPresent || time.Since(t0) > time.Second {
		t.Errorf("pcsc.WaitForCard with a card present: %+v, %v after %v", rd, err, time.Since(t0))
	}
}

func TestWaitCancelled(t *testing.T) {
	rig.Start(t, rig.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	res := make(chan error, 1)
	go func() {
		_, err := pcsc.WaitForCard(ctx, "")
		res <- err
	}()
	time.Sleep(200 * time.Millisecond)
	t0 := time.Now()
	cancel()
	select {
	case err := <-res:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled wait: %v", err)
		}
		t.Logf("cancelled wait returned %v after cancel", time.Since(t0).Round(time.Microsecond))
	case <-time.After(2 * time.Second):
		t.Fatal("pcsc.WaitForCard ignored the cancelled context for 2 s")
	}

	// A deadline ends the wait the same way.
	ctx, cancel = context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	t0 = time.Now()
	if _, err := pcsc.WaitForCard(ctx, ""); !errors.Is(err, context.DeadlineExceeded) || time.Since(t0) > 2*time.Second {
		t.Errorf("wait with a deadline: %v after %v", err, time.Since(t0))
	}
}

func TestWaitForRemoval(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	vc := r.InsertCard(t, 0, rig.VirtualCard{})
	res := make(chan error, 1)
	go func() { res <- pcsc.WaitForRemoval(context.Background(), r.ReaderName(0)) }()
	time.Sleep(200 * time.Millisecond)
	select {
	case err := <-res:
		t.Fatalf("pcsc.WaitForRemoval returned with the card in: %v", err)
	default:
	}
	removed := time.Now()
	vc.Remove()
	select {
	case err := <-res:
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("removal seen after %v", time.Since(removed).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		t.Fatal("removal not seen within 5 s")
	}
	if err := pcsc.WaitForRemoval(context.Background(), r.ReaderName(1)); err != nil {
		t.Errorf("pcsc.WaitForRemoval on an empty reader: %v", err)
	}
}

// collect reads events until want has been seen in order (other events may
// come between), or fails after timeout.
func collect(t *testing.T, ch <-chan pcsc.Event, timeout time.Duration, want ...string) {
	t.Helper()
	deadline := time.After(timeout)
	var seen []string
	for len(want) > 0 {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatalf("watch channel closed; seen %q, still waiting for %q", seen, want)
			}
			s := ev.Kind.String() + " " + ev.Reader.Name
			seen = append(seen, s)
			if s == want[0] || (ev.Reader.Name == "" && ev.Kind.String() == want[0]) {
				want = want[1:]
			}
		case <-deadline:
			t.Fatalf("after %v: seen %q, still waiting for %q", timeout, seen, want)
		}
	}
}

func TestWatch(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	r0, r1 := r.ReaderName(0), r.ReaderName(1)
	ctx, cancel := context.WithCancel(context.Background())
	ch := pcsc.Watch(ctx)
	collect(t, ch, 2*time.Second, "reader added "+r0, "reader added "+r1)

	vc := r.InsertCard(t, 1, rig.VirtualCard{Async: true})
	collect(t, ch, 3*time.Second, "card inserted "+r1)
	vc.Remove()
	collect(t, ch, 3*time.Second, "card removed "+r1)

	// The service restarts while the loop runs: it reports the outage and
	// sees the next card.
	r.RestartPCSCD()
	collect(t, ch, 3*time.Second, "service gone", "service back")
	r.InsertCard(t, 0, rig.VirtualCard{Async: true})
	collect(t, ch, 3*time.Second, "card inserted "+r0)

	// A longer outage: gone until the daemon is back, however long.
	r.StopPCSCD()
	collect(t, ch, 3*time.Second, "service gone")
	time.Sleep(time.Second)
	r.StartPCSCD()
	collect(t, ch, 3*time.Second, "service back")

	cancel()
	deadline := time.After(2 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("pcsc.Watch did not close its channel within 2 s of cancel")
		}
	}
}

func TestWatchReadersComeAndGo(t *testing.T) {
	// pcscd 1.9.9 reads reader.conf.d only at start, so vpcd readers come
	// and go with a restart; a USB reader would come through the PnP
	// pseudo-reader without one, which vpcd cannot show.
	r := rig.Start(t, rig.Options{NoReaders: true})
	if rd, err := pcsc.Readers(); err != nil || len(rd) != 0 {
		t.Fatalf("pcsc.Readers() without readers = %v, %v; want an empty list", rd, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := pcsc.Watch(ctx)
	r.StopPCSCD()
	r.SetReaders(true)
	r.StartPCSCD()
	collect(t, ch, 3*time.Second, "service gone", "service back", "reader added "+r.ReaderName(0), "reader added "+r.ReaderName(1))
	r.StopPCSCD()
	r.SetReaders(false)
	r.StartPCSCD()
	collect(t, ch, 3*time.Second, "service gone", "service back", "reader removed "+r.ReaderName(0), "reader removed "+r.ReaderName(1))
}

func TestWatchDoesNotSpin(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	r.InsertCard(t, 0, rig.VirtualCard{})
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	rounds, calls := pcsc.CountRounds(ctx)
	// One round for the first look, then nothing changes.
	if rounds > 3 || calls > 3 {
		t.Errorf("%d rounds (%d GetStatusChange calls) in 1.5 s with nothing changing", rounds, calls)
	}
}

func TestRemovedMidRead(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	n := 0
	r.InsertCard(t, 0, rig.VirtualCard{Handle: func(apdu []byte) []byte {
		n++
		if n == 3 {
			return nil // pulled out while answering the third command
		}
		return echo(apdu)
	}})
	card, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer card.Close()
	var got [][]byte
	err = card.Do(func(tx pcsc.Transmitter) error {
		for i := 0; i < 5; i++ {
			rsp, err := tx.Transmit([]byte{0x00, 0xB0, 0x00, byte(i), 0x00})
			if err != nil {
				return err
			}
			got = append(got, rsp)
		}
		return nil
	})
	if !errors.Is(err, pcsc.ErrCardRemoved) {
		t.Fatalf("Do = %v, want pcsc.ErrCardRemoved", err)
	}
	t.Logf("removal mid-read: %v", err)
	if len(got) != 2 {
		t.Errorf("%d answers before the removal, want 2 whole ones: %X", len(got), got)
	}
	_, err = card.Transmit(selectAP)
	if !errors.Is(err, pcsc.ErrCardRemoved) {
		t.Errorf("next Transmit = %v, want pcsc.ErrCardRemoved", err)
	}
	t.Logf("next command: %v", err)
	if err := card.Close(); err != nil {
		t.Errorf("Close after removal: %v", err)
	}
}

func TestRemovedWhileCardThinks(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	thinking := make(chan struct{})
	release := make(chan struct{})
	defer close(release)
	vc := r.InsertCard(t, 0, rig.VirtualCard{Handle: func(apdu []byte) []byte {
		close(thinking)
		<-release
		return echo(apdu)
	}})
	card, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer card.Close()
	go func() {
		<-thinking
		vc.Remove()
	}()
	t0 := time.Now()
	rsp, err := card.Transmit(selectAP)
	if !errors.Is(err, pcsc.ErrCardRemoved) || rsp != nil {
		t.Fatalf("Transmit = %X, %v; want no answer and pcsc.ErrCardRemoved", rsp, err)
	}
	t.Logf("removed while computing: %v after %v", err, time.Since(t0).Round(time.Millisecond))
}

func TestServiceStopped(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
	card, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer card.Close()
	r.StopPCSCD()
	for i := 0; i < 2; i++ {
		_, err := card.Transmit(selectAP)
		if !errors.Is(err, pcsc.ErrNoService) {
			t.Errorf("Transmit with pcscd stopped = %v, want pcsc.ErrNoService", err)
		}
		if i == 0 {
			t.Logf("transmit, pcscd stopped: %v", err)
		}
	}
	if _, err := pcsc.Readers(); !errors.Is(err, pcsc.ErrNoService) {
		t.Errorf("pcsc.Readers() = %v, want pcsc.ErrNoService", err)
	}
	if _, err := pcsc.Open(context.Background(), pcsc.Options{Wait: time.Second}); !errors.Is(err, pcsc.ErrNoService) {
		t.Errorf("pcsc.Open = %v, want pcsc.ErrNoService", err)
	} else {
		t.Logf("open, no service: %v", err)
	}
	if _, err := pcsc.WaitForCard(context.Background(), ""); !errors.Is(err, pcsc.ErrNoService) {
		t.Errorf("pcsc.WaitForCard = %v, want pcsc.ErrNoService at once", err)
	}
	if err := card.Close(); err != nil {
		t.Errorf("Close with the service gone: %v", err)
	}

	// A new context works once the daemon is back.
	r.StartPCSCD()
	if rd, err := pcsc.Readers(); err != nil || len(rd) != 2 {
		t.Errorf("pcsc.Readers() after restart = %v, %v", rd, err)
	}
	card, err = pcsc.Open(context.Background(), pcsc.Options{Wait: 3 * time.Second})
	if err != nil {
		t.Fatalf("pcsc.Open after restart: %v", err)
	}
	defer card.Close()
	if _, err := card.Transmit(selectAP); err != nil {
		t.Errorf("Transmit after restart: %v", err)
	}
}

func TestSharingViolation(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
	// Another program, with its own context, holds the card exclusively.
	other, err := scard.EstablishContext()
	if err != nil {
		t.Fatal(err)
	}
	defer other.Release()
	held, err := other.Connect(r.ReaderName(0), scard.ShareExclusive, scard.ProtocolAny)
	if err != nil {
		t.Fatal(err)
	}
	readers, _ := pcsc.Readers()
	if !readers[0].Exclusive {
		t.Errorf("reader held exclusively reported as %+v", readers[0])
	}
	_, err = pcsc.Open(context.Background(), pcsc.Options{})
	if !errors.Is(err, pcsc.ErrSharingViolation) {
		t.Fatalf("pcsc.Open = %v, want pcsc.ErrSharingViolation", err)
	}
	t.Logf("card held exclusively: %v", err)
	held.Disconnect(scard.LeaveCard)
	card, err := pcsc.Open(context.Background(), pcsc.Options{})
	if err != nil {
		t.Fatalf("pcsc.Open once released: %v", err)
	}
	card.Close()
}

// pcsctest.HoldExclusive stands in for another program holding the card: everyone
// else is refused until it lets go.
func TestHoldExclusive(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	ctx := context.Background()
	if _, err := pcsctest.HoldExclusive(ctx, r.ReaderName(0)); !errors.Is(err, pcsc.ErrNoCard) {
		t.Errorf("HoldExclusive on an empty reader = %v, want pcsc.ErrNoCard", err)
	}
	r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
	release, err := pcsctest.HoldExclusive(ctx, r.ReaderName(0))
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if readers, _ := pcsc.Readers(); len(readers) == 0 || !readers[0].Exclusive {
		t.Errorf("reader held with HoldExclusive reported as %+v", readers)
	}
	if _, err := pcsc.Connect(ctx, r.ReaderName(0), 0); !errors.Is(err, pcsc.ErrSharingViolation) {
		t.Errorf("Connect while held = %v, want pcsc.ErrSharingViolation", err)
	}
	if _, err := pcsctest.HoldExclusive(ctx, r.ReaderName(0)); !errors.Is(err, pcsc.ErrSharingViolation) {
		t.Errorf("second HoldExclusive = %v, want pcsc.ErrSharingViolation", err)
	}
	release()
	release() // a second call does nothing
	card, err := pcsc.Connect(ctx, r.ReaderName(0), 0)
	if err != nil {
		t.Fatalf("Connect once released: %v", err)
	}
	card.Close()
}

func TestTimeout(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	release := make(chan struct{})
	var once sync.Once
	unblock := func() { once.Do(func() { close(release) }) }
	defer unblock()
	vc := r.InsertCard(t, 0, rig.VirtualCard{Handle: func(apdu []byte) []byte {
		if apdu[1] == 0xB0 {
			<-release // never answers a READ BINARY
		}
		return echo(apdu)
	}})
	before := runtime.NumGoroutine()
	const bound = 300 * time.Millisecond
	for i := 0; i < 3; i++ {
		card, err := pcsc.Connect(context.Background(), r.ReaderName(0), bound)
		if i > 0 {
			// The reader still has the first unanswered command: refused
			// at once rather than queued behind it.
			if !errors.Is(err, pcsc.ErrTimeout) {
				t.Fatalf("pcsc.Connect to a stuck reader = %v, want pcsc.ErrTimeout", err)
			}
			if i == 1 {
				t.Logf("connect to stuck reader: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := card.Transmit(selectAP); err != nil {
			t.Fatal(err)
		}
		t0 := time.Now()
		_, err = card.Transmit([]byte{0x00, 0xB0, 0x00, 0x00, 0x00})
		took := time.Since(t0)
		if !errors.Is(err, pcsc.ErrTimeout) || took < bound || took > bound+2*time.Second {
			t.Fatalf("Transmit to a silent card = %v after %v, want pcsc.ErrTimeout after ~%v", err, took, bound)
		}
		t.Logf("silent card: %v after %v", err, took.Round(time.Millisecond))
		t0 = time.Now()
		if _, err := card.Transmit(selectAP); !errors.Is(err, pcsc.ErrTimeout) || time.Since(t0) > 200*time.Millisecond {
			t.Errorf("Transmit on an abandoned handle = %v after %v, want pcsc.ErrTimeout at once", err, time.Since(t0))
		}
		if err := card.Do(func(pcsc.Transmitter) error { return nil }); !errors.Is(err, pcsc.ErrTimeout) {
			t.Errorf("Do on an abandoned handle = %v", err)
		}
		t0 = time.Now()
		card.Close()
		if time.Since(t0) > 200*time.Millisecond {
			t.Errorf("Close of an abandoned handle took %v", time.Since(t0))
		}
	}
	if pcsc.StuckCount() != 1 {
		t.Errorf("%d abandoned calls in flight, want 1", pcsc.StuckCount())
	}
	if extra := runtime.NumGoroutine() - before; extra > 3 {
		t.Errorf("%d more goroutines after 3 attempts", extra)
	}

	// Pulling the card out ends the abandoned call; everything is released
	// and the reader is usable again.
	vc.WaitRemoved(t)
	deadline := time.Now().Add(3 * time.Second)
	for pcsc.StuckCount() != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if pcsc.StuckCount() != 0 {
		t.Fatal("abandoned call still in flight 3 s after the card was removed")
	}
	unblock()
	r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
	card, err := pcsc.Connect(context.Background(), r.ReaderName(0), bound)
	if err != nil {
		t.Fatalf("pcsc.Connect after the silent card left: %v", err)
	}
	defer card.Close()
	if _, err := card.Transmit([]byte{0x00, 0xB0, 0x00, 0x00, 0x00}); err != nil {
		t.Errorf("Transmit to the new card: %v", err)
	}
	time.Sleep(50 * time.Millisecond)
	if extra := runtime.NumGoroutine() - before; extra > 2 {
		t.Errorf("%d goroutines left behind after the silent card left", extra)
	}
}

func TestTransactionKeepsOthersOut(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	vc := r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
	mine, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	theirs, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer theirs.Close()

	theirsDone := make(chan error, 1)
	err = mine.Do(func(tx pcsc.Transmitter) error {
		if _, err := tx.Transmit([]byte{0x00, 0xA4, 0x00, 0x00, 0x00}); err != nil {
			return err
		}
		go func() {
			_, err := theirs.Transmit([]byte{0x00, 0xCA, 0x00, 0x00, 0x00})
			theirsDone <- err
		}()
		time.Sleep(300 * time.Millisecond)
		_, err := tx.Transmit([]byte{0x00, 0xB0, 0x00, 0x00, 0x00})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := <-theirsDone; err != nil {
		t.Fatal(err)
	}
	var ins []byte
	for _, a := range vc.APDUs() {
		ins = append(ins, a[1])
	}
	if !bytes.Equal(ins, []byte{0xA4, 0xB0, 0xCA}) {
		t.Errorf("card saw INS %X, want A4 B0 (the transaction) before CA (the other handle)", ins)
	}
}

func TestResetByAnotherProgram(t *testing.T) {
	r, vc, card := echoCard(t)
	resetByOther := func() {
		other, err := scard.EstablishContext()
		if err != nil {
			t.Fatal(err)
		}
		defer other.Release()
		h, err := other.Connect(r.ReaderName(0), scard.ShareShared, scard.ProtocolAny)
		if err != nil {
			t.Fatal(err)
		}
		h.Disconnect(scard.ResetCard)
	}

	resetByOther()
	_, err := card.Transmit(selectAP)
	if !errors.Is(err, pcsc.ErrCardReset) {
		t.Fatalf("Transmit after a reset = %v, want pcsc.ErrCardReset", err)
	}
	t.Logf("reset by another program: %v", err)
	if _, err := card.Transmit(selectAP); err != nil {
		t.Errorf("Transmit after the reset was reported: %v", err)
	}

	// Do reconnects once by itself before starting its sequence.
	resetByOther()
	err = card.Do(func(tx pcsc.Transmitter) error {
		_, err := tx.Transmit(selectAP)
		return err
	})
	if err != nil {
		t.Errorf("Do after a reset: %v", err)
	}
	if vc.Resets() != 2 {
		t.Errorf("card saw %d resets, want 2", vc.Resets())
	}
}

func TestOpen(t *testing.T) {
	r := rig.Start(t, rig.Options{})

	_, err := pcsc.Open(context.Background(), pcsc.Options{})
	if !errors.Is(err, pcsc.ErrNoCard) {
		t.Fatalf("pcsc.Open with empty readers, no wait = %v, want pcsc.ErrNoCard", err)
	}
	t.Logf("no card: %v", err)

	_, err = pcsc.Open(context.Background(), pcsc.Options{Reader: "acr122"})
	var u *pcsc.UnknownReaderError
	if !errors.As(err, &u) || len(u.Readers) != 2 {
		t.Fatalf("pcsc.Open with an unmatched reader = %v", err)
	}
	t.Logf("unknown reader: %v", err)

	var waitingCalls [][]string
	var mu sync.Mutex
	go func() {
		time.Sleep(400 * time.Millisecond)
		r.InsertCard(t, 1, rig.VirtualCard{Async: true, Handle: echo})
	}()
	t0 := time.Now()
	card, err := pcsc.Open(context.Background(), pcsc.Options{Reader: "pcd 00 01", Wait: 5 * time.Second, OnWaiting: func(readers []string) {
		mu.Lock()
		waitingCalls = append(waitingCalls, readers)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatalf("pcsc.Open waiting for a card: %v", err)
	}
	t.Logf("pcsc.Open: card inserted 400 ms in, connected after %v", time.Since(t0).Round(time.Millisecond))
	defer card.Close()
	if card.Reader() != r.ReaderName(1) {
		t.Errorf("pcsc.Open picked %q", card.Reader())
	}
	if len(waitingCalls) != 1 || len(waitingCalls[0]) != 1 || waitingCalls[0][0] != r.ReaderName(1) {
		t.Errorf("OnWaiting calls: %q", waitingCalls)
	}
	if err := card.Do(func(tx pcsc.Transmitter) error { _, err := tx.Transmit(selectAP); return err }); err != nil {
		t.Error(err)
	}

	// Wait expires with no card in the selected reader.
	t0 = time.Now()
	_, err = pcsc.Open(context.Background(), pcsc.Options{Reader: "00 00", Wait: 300 * time.Millisecond})
	if !errors.Is(err, pcsc.ErrNoCard) || time.Since(t0) < 300*time.Millisecond || time.Since(t0) > 2*time.Second {
		t.Errorf("pcsc.Open with Wait and no card = %v after %v", err, time.Since(t0))
	}

	// Cancelled while waiting.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := pcsc.Open(ctx, pcsc.Options{Reader: "00 00", Wait: time.Minute}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("pcsc.Open with a cancelled ctx = %v", err)
	}
}

func TestOpenNoReader(t *testing.T) {
	r := rig.Start(t, rig.Options{NoReaders: true})
	if _, err := pcsc.Open(context.Background(), pcsc.Options{}); !errors.Is(err, pcsc.ErrNoReader) {
		t.Errorf("pcsc.Open without readers = %v, want pcsc.ErrNoReader", err)
	}
	called := 0
	t0 := time.Now()
	_, err := pcsc.Open(context.Background(), pcsc.Options{Reader: "pasori", Wait: 300 * time.Millisecond, OnWaiting: func(readers []string) {
		called++
		if len(readers) != 0 {
			t.Errorf("OnWaiting(%q), want no readers", readers)
		}
	}})
	if !errors.Is(err, pcsc.ErrNoReader) || called != 1 || time.Since(t0) < 300*time.Millisecond {
		t.Errorf("pcsc.Open waiting without readers = %v after %v, OnWaiting called %d times", err, time.Since(t0), called)
	}
	t.Logf("no reader: %v", err)
	_ = r
}

func TestWatchStartsWithoutService(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	r.StopPCSCD()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := pcsc.Watch(ctx)
	select {
	case ev := <-ch:
		if ev.Kind != pcsc.ServiceGone || !errors.Is(ev.Err, pcsc.ErrNoService) {
			t.Fatalf("first event without a service: %+v", ev)
		}
		t.Logf("watch without service: %v: %v", ev.Kind, ev.Err)
	case <-time.After(2 * time.Second):
		t.Fatal("no ServiceGone within 2 s")
	}
	r.StartPCSCD()
	collect(t, ch, 3*time.Second, "service back", "reader added "+r.ReaderName(0), "reader added "+r.ReaderName(1))
}

func TestWaitForCardAcrossRestart(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	res := make(chan error, 1)
	go func() {
		_, err := pcsc.WaitForCard(context.Background(), "")
		res <- err
	}()
	time.Sleep(200 * time.Millisecond)
	r.RestartPCSCD()
	time.Sleep(300 * time.Millisecond)
	select {
	case err := <-res:
		t.Fatalf("WaitForCard ended by the restart: %v", err)
	default:
	}
	inserted := time.Now()
	r.InsertCard(t, 1, rig.VirtualCard{Async: true})
	select {
	case err := <-res:
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("card after a restart seen in %v", time.Since(inserted).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		t.Fatal("WaitForCard missed the card inserted after a pcscd restart")
	}
}

func TestDoEndsTransactionOnPanic(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
	card, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() { recover() }()
		card.Do(func(pcsc.Transmitter) error { panic("boom") })
	}()
	// The transaction was ended: another handle gets through at once.
	other, err := pcsc.Connect(context.Background(), r.ReaderName(0), 500*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Transmit(selectAP); err != nil {
		t.Errorf("other handle after a panicking Do: %v", err)
	}
	other.Close()
	if err := card.Do(func(tx pcsc.Transmitter) error { _, err := tx.Transmit(selectAP); return err }); err != nil {
		t.Errorf("Do after a panicking Do: %v", err)
	}
	if err := card.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := card.Transmit(selectAP); !errors.Is(err, pcsc.ErrClosed) {
		t.Errorf("Transmit after Close = %v, want ErrClosed", err)
	}
}
