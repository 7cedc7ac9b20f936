package pcsc_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ebfe/scard"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/pcsc/pcsctest"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// Tests in this file run the real stack (see stack_test.go) and cover what
// a command that sends a VERIFY relies on: holding the card alone, taking
// its power away at the end, and telling a failed transmission from a
// card that left.

// otherProgram connects to the reader the way another program would: its
// own context, shared.
func otherProgram(t *testing.T, reader string) *scard.Card {
	t.Helper()
	sc, err := scard.EstablishContext()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sc.Release() })
	h, err := sc.Connect(reader, scard.ShareShared, scard.ProtocolAny)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Disconnect(scard.LeaveCard) })
	return h
}

func TestExclusive(t *testing.T) {
	tests := []struct {
		name  string
		other bool          // another program is connected, shared, when Exclusive is called
		tx    time.Duration // and inside a transaction it ends after this long
	}{
		{"another program connected", true, 0},
		{"another program inside a transaction", true, 300 * time.Millisecond},
		{"no other program", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rig.Start(t, rig.Options{})
			vc := r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
			ctx := context.Background()
			card, err := pcsc.Connect(ctx, r.ReaderName(0), 0)
			if err != nil {
				t.Fatal(err)
			}
			defer card.Close()
			var other *scard.Card
			if tt.other {
				other = otherProgram(t, r.ReaderName(0))
			}
			if tt.tx > 0 {
				if err := other.BeginTransaction(); err != nil {
					t.Fatal(err)
				}
				go func() {
					time.Sleep(tt.tx)
					other.EndTransaction(scard.LeaveCard)
				}()
			}
			offs, resets := vc.PowerOffs(), vc.Resets()

			t0 := time.Now()
			err = card.Exclusive(ctx)
			took := time.Since(t0)
			if tt.other {
				// pcscd lets a connection wait for another program's
				// transaction to end (so does Transmit); then it refuses.
				if !errors.Is(err, pcsc.ErrSharingViolation) || took < tt.tx || took > tt.tx+time.Second {
					t.Fatalf("Exclusive with another program connected = %v after %v, want pcsc.ErrSharingViolation after %v", err, took, tt.tx)
				}
				t.Logf("refused: %v after %v", err, took.Round(time.Microsecond))
				if n := len(vc.APDUs()); n != 0 {
					t.Errorf("the card got %d commands from a refused Exclusive", n)
				}
				// Both connections still work, shared.
				if _, err := card.Transmit(selectAP); err != nil {
					t.Errorf("Transmit after a refused Exclusive: %v", err)
				}
				if _, err := other.Transmit(selectAP); err != nil {
					t.Errorf("the other program after a refused Exclusive: %v", err)
				}
				if readers, _ := pcsc.Readers(); readers[0].Exclusive {
					t.Errorf("reader after a refused Exclusive: %+v", readers[0])
				}
			} else {
				if err != nil {
					t.Fatalf("Exclusive: %v", err)
				}
				t.Logf("exclusive after %v", took.Round(time.Microsecond))
				if readers, _ := pcsc.Readers(); !readers[0].Exclusive {
					t.Errorf("reader after Exclusive: %+v, want exclusive", readers[0])
				}
				// Nobody else gets in, shared or exclusive.
				if _, err := pcsc.Connect(ctx, r.ReaderName(0), 0); !errors.Is(err, pcsc.ErrSharingViolation) {
					t.Errorf("another connection while exclusive = %v, want pcsc.ErrSharingViolation", err)
				}
				if _, err := pcsctest.HoldExclusive(ctx, r.ReaderName(0)); !errors.Is(err, pcsc.ErrSharingViolation) {
					t.Errorf("another exclusive connection while exclusive = %v, want pcsc.ErrSharingViolation", err)
				}
				if err := card.Exclusive(ctx); err != nil {
					t.Errorf("Exclusive again: %v", err)
				}
				if err := card.Do(func(tx pcsc.Transmitter) error { _, err := tx.Transmit(selectAP); return err }); err != nil {
					t.Errorf("Do while exclusive: %v", err)
				}
			}
			// The card kept its power and was not reset: what it had
			// selected (or verified) is as it was.
			if vc.PowerOffs() != offs || vc.Resets() != resets {
				t.Errorf("Exclusive cost %d power-offs and %d resets, want none", vc.PowerOffs()-offs, vc.Resets()-resets)
			}
			if err := card.Close(); err != nil {
				t.Fatal(err)
			}
			// Closed, the card is free for others again.
			again, err := pcsc.Connect(ctx, r.ReaderName(0), 0)
			if err != nil {
				t.Fatalf("Connect after the exclusive card was closed: %v", err)
			}
			again.Close()
			if err := card.Exclusive(ctx); !errors.Is(err, pcsc.ErrClosed) {
				t.Errorf("Exclusive after Close = %v, want pcsc.ErrClosed", err)
			}
		})
	}
}

func TestExclusiveInsideDo(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
	card, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer card.Close()
	var inside error
	err = card.Do(func(tx pcsc.Transmitter) error {
		inside = card.Exclusive(context.Background())
		_, err := tx.Transmit(selectAP)
		return err
	})
	if inside == nil {
		t.Error("Exclusive inside Do succeeded")
	}
	if err != nil {
		t.Errorf("Do after a refused Exclusive inside it: %v", err)
	}
	if readers, _ := pcsc.Readers(); readers[0].Exclusive {
		t.Error("card exclusive after Exclusive inside Do")
	}
}

func TestCloseUnpower(t *testing.T) {
	tests := []struct {
		name        string
		exclusive   bool
		close       func(*pcsc.Card) error
		wantUnpower bool
	}{
		{"CloseUnpower", false, (*pcsc.Card).CloseUnpower, true},
		{"CloseUnpower when exclusive", true, (*pcsc.Card).CloseUnpower, true},
		{"Close", false, (*pcsc.Card).Close, false},
		{"Close when exclusive", true, (*pcsc.Card).Close, false},
	}
	r := rig.Start(t, rig.Options{})
	vc := r.InsertCard(t, 0, rig.VirtualCard{Handle: echo})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			card, err := pcsc.Connect(ctx, r.ReaderName(0), 0)
			if err != nil {
				t.Fatal(err)
			}
			if tt.exclusive {
				if err := card.Exclusive(ctx); err != nil {
					t.Fatal(err)
				}
			}
			err = card.Do(func(tx pcsc.Transmitter) error { _, err := tx.Transmit(selectAP); return err })
			if err != nil {
				t.Fatal(err)
			}
			offs, ons := vc.PowerOffs(), vc.PowerOns()
			t0 := time.Now()
			if err := tt.close(card); err != nil {
				t.Fatal(err)
			}
			took := time.Since(t0)
			// pcscd sends the power-off before it answers the disconnect,
			// and powers an idle card off by itself only 0.4–0.8 s after
			// the last client leaves.
			if got := vc.PowerOffAfter(offs, 100*time.Millisecond); got != tt.wantUnpower {
				t.Errorf("power-off within 100 ms of %s (which took %v): %v, want %v", tt.name, took, got, tt.wantUnpower)
			}
			t.Logf("%s took %v", tt.name, took.Round(time.Microsecond))
			if err := tt.close(card); err != nil {
				t.Errorf("second close: %v", err)
			}
			// The card powers up and answers again for the next connection.
			next, err := pcsc.Connect(ctx, r.ReaderName(0), 0)
			if err != nil {
				t.Fatalf("Connect after %s: %v", tt.name, err)
			}
			defer next.Close()
			if rsp, err := next.Transmit(selectAP); err != nil || len(rsp) != 3 {
				t.Errorf("Transmit after %s: %X, %v", tt.name, rsp, err)
			}
			if tt.wantUnpower && vc.PowerOns() == ons {
				t.Errorf("the next connection did not power the card up again")
			}
		})
	}

	// A card that left is closed without a word.
	gone := r.InsertCard(t, 1, rig.VirtualCard{Handle: echo})
	card, err := pcsc.Connect(context.Background(), r.ReaderName(1), 0)
	if err != nil {
		t.Fatal(err)
	}
	gone.WaitRemoved(t)
	if err := card.CloseUnpower(); err != nil {
		t.Errorf("CloseUnpower of a card that left: %v", err)
	}
}

func TestTransmissionError(t *testing.T) {
	tests := []struct {
		name string
		// fail makes the exchange after the first one fail.
		fail     func(vc *rig.InsertedCard)
		want     error
		usable   bool // the next command gets through again
		wantCode uint32
	}{
		{"link broken mid command while the card stays", func(vc *rig.InsertedCard) { vc.GlitchNext(1) }, pcsc.ErrTransmission, true, 0},
		{"card pulled out between commands", func(vc *rig.InsertedCard) { vc.Remove() }, pcsc.ErrCardRemoved, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, vc, card := echoCard(t)
			if _, err := card.Transmit(selectAP); err != nil {
				t.Fatal(err)
			}
			tt.fail(vc)
			t0 := time.Now()
			rsp, err := card.Transmit(selectAP)
			if !errors.Is(err, tt.want) || rsp != nil {
				t.Fatalf("Transmit = %X, %v; want %v", rsp, err, tt.want)
			}
			t.Logf("%v after %v", err, time.Since(t0).Round(time.Millisecond))
			if tt.want == pcsc.ErrTransmission && errors.Is(err, pcsc.ErrCardRemoved) {
				t.Errorf("a transmission error also says the card was removed")
			}
			_, err = card.Transmit(selectAP)
			if tt.usable && err != nil {
				t.Errorf("next Transmit: %v", err)
			}
			if !tt.usable && !errors.Is(err, pcsc.ErrCardRemoved) {
				t.Errorf("next Transmit = %v, want pcsc.ErrCardRemoved", err)
			}
		})
	}
}

// TestNotTransacted produces SCARD_E_NOT_TRANSACTED with the card present:
// another program's command breaks vpcd's link to the card, and a command
// sent before pcscd's next poll finds no link (vpcd fails to send it); the
// card is back at that poll, never reported gone.
func TestNotTransacted(t *testing.T) {
	r, vc, card := echoCard(t)
	other := otherProgram(t, r.ReaderName(0))
	// pcscd may poll between the two commands (a ~0.2 ms window every
	// 400 ms) and mend the link first; then the command goes through, and
	// the case is tried again.
	for attempt := 0; attempt < 5; attempt++ {
		vc.GlitchNext(1)
		if rsp, err := other.Transmit(selectAP); err != nil || len(rsp) != 0 {
			t.Fatalf("glitched command of the other program = %X, %v; want an empty answer", rsp, err)
		}
		t0 := time.Now()
		_, err := card.Transmit(selectAP)
		if err == nil {
			t.Logf("pcscd mended the link before the command; again")
			continue
		}
		code, _ := pcsc.Code(err)
		if !errors.Is(err, pcsc.ErrTransmission) || errors.Is(err, pcsc.ErrCardRemoved) || scard.Error(code) != scard.ErrNotTransacted {
			t.Fatalf("Transmit = %v; want pcsc.ErrTransmission from SCARD_E_NOT_TRANSACTED", err)
		}
		t.Logf("%v after %v", err, time.Since(t0).Round(time.Millisecond))
		if _, err := card.Transmit(selectAP); err != nil {
			t.Errorf("Transmit once the link is back: %v", err)
		}
		return
	}
	t.Fatal("no SCARD_E_NOT_TRANSACTED in 5 attempts")
}

func TestOpenMuteCard(t *testing.T) {
	tests := []struct {
		name    string
		mute    int // power-ups the card does not answer (the first at insertion)
		wait    time.Duration
		wantErr error
		minTook time.Duration
	}{
		{"mute at insertion only", 1, 0, nil, 0},
		{"mute for three power-ups with a wait", 3, 3 * time.Second, nil, 0},
		{"mute for three power-ups without a wait", 3, 0, pcsc.ErrUnresponsiveCard, 0},
		{"mute for good", 1000, 700 * time.Millisecond, pcsc.ErrUnresponsiveCard, 700 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rig.Start(t, rig.Options{})
			vc := r.InsertCard(t, 0, rig.VirtualCard{Handle: echo, Mute: tt.mute})
			if readers, _ := pcsc.Readers(); !readers[0].Mute {
				t.Fatalf("reader with a mute card: %+v", readers[0])
			}
			t0 := time.Now()
			card, err := pcsc.Open(context.Background(), pcsc.Options{Wait: tt.wait})
			took := time.Since(t0)
			t.Logf("Open: %v after %v, %d power-ups", err, took.Round(time.Millisecond), vc.PowerOns())
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Open = %v", err)
				}
				defer card.Close()
				if _, err := card.Transmit(selectAP); err != nil {
					t.Errorf("Transmit: %v", err)
				}
				return
			}
			// Each look at the readers takes pcsc-lite ~0.4 s while a
			// card without an ATR is in one, so the last round may end
			// well after the wait.
			if limit := tt.wait + 3*time.Second; !errors.Is(err, tt.wantErr) || took < tt.minTook || took > limit {
				t.Errorf("Open = %v after %v; want %v after %v–%v", err, took, tt.wantErr, tt.minTook, limit)
			}
		})
	}
}
