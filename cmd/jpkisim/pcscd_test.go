package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// simState reads jpkisim's --state file.
func simState(t *testing.T, sim *rig.SimCard) cardsim.State {
	t.Helper()
	var st cardsim.State
	if err := json.Unmarshal(sim.StateJSON(t), &st); err != nil {
		t.Fatalf("state: %v", err)
	}
	return st
}

// openscTool runs opensc-tool against reader 0 with the given pcsc
// reader-driver settings (disconnect_action and so on), so the test can
// make pcscd see SCardDisconnect and SCardReconnect with each disposition.
func openscTool(t *testing.T, r *rig.Rig, pcscConf string, args ...string) {
	t.Helper()
	conf := filepath.Join(t.TempDir(), "opensc.conf")
	if err := os.WriteFile(conf, []byte("app default {\n reader_driver pcsc {\n"+pcscConf+"\n }\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := r.Command("opensc-tool", append([]string{"-r", "0", "-c", "default"}, args...)...)
	cmd.Env = append(cmd.Env, "OPENSC_CONF="+conf)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("opensc-tool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// Through the real pcscd and vpcd, what a client does to the card reaches
// it as power off or warm reset, and the verified state follows real
// cards: SCARD_UNPOWER_CARD (disconnect or reconnect) ends it, a warm
// reset (SCARD_RESET_CARD) keeps it, and so does another program's SELECT
// of the JPKI applet. A connection (the one that sent the VERIFY) stays
// open throughout, so pcscd does not power the card off on its own.
func TestPCSCDPowerAndReset(t *testing.T) {
	if _, err := exec.LookPath("opensc-tool"); err != nil {
		t.Skip("opensc-tool not installed (scripts/deps.sh test)")
	}
	const selectJPKI = "00:A4:04:0C:0A:D3:92:F0:00:26:01:00:00:00:01"
	tests := []struct {
		name     string // SCardDisconnect or SCardReconnect with SCARD_<name>_CARD; no parentheses (pcscd's config path)
		conf     string
		args     []string
		verified bool
		events   []string // the card's events after the VERIFY
	}{
		{"disconnect_LEAVE_by_another_program", "disconnect_action = leave;", []string{"-s", selectJPKI}, true,
			[]string{"select JPKI AP"}},
		{"disconnect_RESET", "disconnect_action = reset;", []string{"-s", selectJPKI}, true,
			[]string{"select JPKI AP", "warm reset"}},
		{"reconnect_RESET", "", []string{"--reset=warm"}, true,
			[]string{"warm reset"}},
		{"disconnect_UNPOWER", "disconnect_action = unpower;", []string{"-s", selectJPKI}, false,
			[]string{"select JPKI AP", "power off"}},
		{"reconnect_UNPOWER", "", []string{"--reset=cold"}, false,
			[]string{"power off", "power on"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rig.Start(t, rig.Options{})
			sim := r.StartCard(t)
			c, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			for _, apdu := range [][]byte{selAP, selAuthPIN, verify1234} {
				if resp, err := c.Transmit(apdu); err != nil || string(resp) != "\x90\x00" {
					t.Fatalf("%X: %X, %v", apdu, resp, err)
				}
			}
			before := len(sim.Events(t))
			if !simState(t, sim).Auth.Verified {
				t.Fatal("state file: not verified after VERIFY")
			}
			openscTool(t, r, tt.conf, tt.args...)
			// pcscd passes controls on without waiting for the card: give
			// the last one a moment to arrive.
			deadline := time.Now().Add(2 * time.Second)
			var events []string
			for {
				events = sim.Events(t)[before:]
				if slices.Equal(events, tt.events) || time.Now().After(deadline) {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			if !slices.Equal(events, tt.events) {
				t.Errorf("card events %q, want %q", events, tt.events)
			}
			if got := simState(t, sim).Auth.Verified; got != tt.verified {
				t.Errorf("verified %v after %s, want %v", got, tt.name, tt.verified)
			}
		})
	}
}

// pcscd powers an idle card off by itself shortly after the last client
// leaves with SCARD_LEAVE_CARD, which ends a verified PIN on Linux (but
// Windows does not do it, so a host must not rely on it).
func TestPCSCDPowersIdleCardOff(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	sim := r.StartCard(t)
	c, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, apdu := range [][]byte{selAP, selAuthPIN, verify1234} {
		if _, err := c.Transmit(apdu); err != nil {
			t.Fatal(err)
		}
	}
	before := len(sim.Events(t))
	c.Close()
	left := time.Now()
	if !simState(t, sim).Auth.Verified {
		t.Fatal("SCardDisconnect(SCARD_LEAVE_CARD) ended the verified state at once")
	}
	for simState(t, sim).Auth.Verified && time.Since(left) < 5*time.Second {
		time.Sleep(5 * time.Millisecond)
	}
	idle := time.Since(left)
	if events := sim.Events(t)[before:]; !slices.Equal(events, []string{"power off"}) {
		t.Errorf("events after the last client left: %q, want power off", events)
	}
	if idle < 200*time.Millisecond || idle > 3*time.Second {
		t.Errorf("pcscd powered the idle card off after %v, want ~0.4–0.8 s", idle)
	}
	t.Logf("pcscd powered the idle card off %v after the last client left", idle.Round(time.Millisecond))

	// The rig's LogLines are the APDUs alone, as its callers parse them;
	// Timeline has the events between them.
	apdus, all := sim.LogLines(t), sim.Timeline(t)
	if len(apdus) != 3 || len(all) != len(apdus)+len(sim.Events(t)) {
		t.Errorf("LogLines %q, Timeline %q", apdus, all)
	}
	for _, l := range apdus {
		if strings.HasPrefix(l, "#") {
			t.Errorf("LogLines has the event %q", l)
		}
	}
}
