package rig_test

import (
	"testing"
	"time"

	"github.com/ebfe/scard"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// The virtual card sees what pcscd does to its power: a client's
// SCARD_UNPOWER_CARD at once, pcscd's own power-off of an idle card a
// little after the last client left, and a power-up (answered with the
// ATR again) when the next client connects.
func TestVirtualCardPower(t *testing.T) {
	tests := []struct {
		name       string
		disp       scard.Disposition
		offAtOnce  bool
		offByThen  time.Duration // pcscd's idle power-off
		wantResets int
	}{
		{"unpower", scard.UnpowerCard, true, 0, 0},
		{"leave", scard.LeaveCard, false, 2 * time.Second, 0},
		{"reset", scard.ResetCard, false, 2 * time.Second, 1},
	}
	r := rig.Start(t, rig.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vc := r.InsertCard(t, 0, rig.VirtualCard{})
			sc, err := scard.EstablishContext()
			if err != nil {
				t.Fatal(err)
			}
			defer sc.Release()
			h, err := sc.Connect(r.ReaderName(0), scard.ShareShared, scard.ProtocolAny)
			if err != nil {
				t.Fatal(err)
			}
			offs, ons := vc.PowerOffs(), vc.PowerOns()
			if err := h.Disconnect(tt.disp); err != nil {
				t.Fatal(err)
			}
			if got := vc.PowerOffAfter(offs, 100*time.Millisecond); got != tt.offAtOnce {
				t.Errorf("power-off within 100 ms of the disconnect: %v, want %v", got, tt.offAtOnce)
			}
			if vc.Resets() != tt.wantResets {
				t.Errorf("%d resets, want %d", vc.Resets(), tt.wantResets)
			}
			if tt.offByThen > 0 {
				t0 := time.Now()
				for vc.PowerOffs() == offs && time.Since(t0) < tt.offByThen {
					time.Sleep(20 * time.Millisecond)
				}
				if vc.PowerOffs() == offs {
					t.Fatalf("pcscd did not power the idle card off within %v", tt.offByThen)
				}
				t.Logf("pcscd powered the idle card off %v after the last client left", time.Since(t0).Round(10*time.Millisecond))
			}
			h, err = sc.Connect(r.ReaderName(0), scard.ShareShared, scard.ProtocolAny)
			if err != nil {
				t.Fatalf("connect after the power-off: %v", err)
			}
			defer h.Disconnect(scard.LeaveCard)
			if vc.PowerOns() != ons+1 {
				t.Errorf("%d power-ons for the next connection, want 1", vc.PowerOns()-ons)
			}
			if st, err := h.Status(); err != nil || string(st.Atr) != string(rig.ClassicATR) {
				t.Errorf("after power-up: %+v, %v", st, err)
			}
			if rsp, err := h.Transmit([]byte{0x00, 0xA4, 0x04, 0x00}); err != nil || len(rsp) != 2 {
				t.Errorf("command after power-up: %X, %v", rsp, err)
			}
			h.Disconnect(scard.LeaveCard)
			vc.WaitRemoved(t)
		})
	}
}
