package rig_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/rig"
)

var selectJPKI = []byte{0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01}

func TestPrivateDaemon(t *testing.T) {
	_, statErr := os.Stat("/run/pcscd/pcscd.comm")
	systemSocket := statErr == nil

	t0 := time.Now()
	r := rig.Start(t, rig.Options{})
	t.Logf("rig.Start took %v", time.Since(t0).Round(time.Millisecond))
	if got := os.Getenv(rig.SocketEnv); got != r.Socket() {
		t.Errorf("%s = %q in the test process, want %q", rig.SocketEnv, got, r.Socket())
	}
	found := 0
	for _, kv := range r.Env() {
		if strings.HasPrefix(kv, rig.SocketEnv+"=") {
			found++
			if kv != rig.SocketEnv+"="+r.Socket() {
				t.Errorf("Env has %q", kv)
			}
		}
	}
	if found != 1 {
		t.Errorf("Env sets %s %d times", rig.SocketEnv, found)
	}
	if r.Port(1) != r.Port(0)+1 || r.Port(0) == 35963 {
		t.Errorf("vpcd ports %d/%d: want a private consecutive pair", r.Port(0), r.Port(1))
	}
	readers, err := pcsc.Readers()
	if err != nil || len(readers) != 2 || readers[0].Name != r.ReaderName(0) || readers[1].Name != r.ReaderName(1) {
		t.Fatalf("readers of the private daemon: %+v, %v", readers, err)
	}

	t0 = time.Now()
	r.StopPCSCD()
	stop := time.Since(t0)
	t0 = time.Now()
	r.StartPCSCD()
	t.Logf("stop %v, start %v", stop.Round(time.Microsecond), time.Since(t0).Round(time.Millisecond))

	// The machine's own socket is neither created nor removed.
	_, statErr = os.Stat("/run/pcscd/pcscd.comm")
	if (statErr == nil) != systemSocket {
		t.Errorf("/run/pcscd/pcscd.comm existed: %v before, %v after", systemSocket, statErr == nil)
	}
}

func TestChildProcessesUseTheRig(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	r.InsertCard(t, 1, rig.VirtualCard{})
	if _, err := exec.LookPath("opensc-tool"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("opensc-tool missing under CI=true")
		}
		t.Skip("opensc-tool not installed (apt-get install opensc)")
	}
	res := r.Run(t, 20*time.Second, "opensc-tool", "--list-readers")
	if res.Code != 0 || !strings.Contains(res.Stdout, r.ReaderName(0)) || !strings.Contains(res.Stdout, r.ReaderName(1)) {
		t.Fatalf("opensc-tool -l: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	// Its line for reader 1 says a card is there.
	for _, line := range strings.Split(res.Stdout, "\n") {
		if strings.Contains(line, r.ReaderName(1)) && !strings.Contains(line, "Yes") {
			t.Errorf("opensc-tool does not see the card: %q", line)
		}
	}
}

func TestSimCard(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	sim := r.StartCardWith(t, rig.CardOptions{Reader: 1})
	card, err := pcsc.Connect(context.Background(), r.ReaderName(1), 0)
	if err != nil {
		t.Fatal(err)
	}
	rsp, err := card.Transmit(selectJPKI)
	if err != nil || !bytes.Equal(rsp, []byte{0x90, 0x00}) {
		t.Fatalf("SELECT JPKI AP: %X, %v", rsp, err)
	}
	card.Close()

	lines := sim.LogLines(t)
	if len(lines) == 0 || !strings.Contains(strings.ToUpper(strings.ReplaceAll(lines[len(lines)-1], " ", "")), "00A4040C0AD392F000260100000001") {
		t.Errorf("jpkisim log: %q", lines)
	}
	var state map[string]any
	if err := json.Unmarshal(sim.StateJSON(t), &state); err != nil || len(state) == 0 {
		t.Errorf("jpkisim state: %v, %v", state, err)
	}
	if ca, err := os.ReadFile(sim.CAPath); err != nil || !bytes.Contains(ca, []byte("BEGIN CERTIFICATE")) {
		t.Errorf("jpkisim --ca-out: %v", err)
	}

	// The card stays in across a daemon restart (jpkisim reconnects).
	t0 := time.Now()
	r.RestartPCSCD()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := pcsc.WaitForCard(ctx, r.ReaderName(1)); err != nil {
		t.Fatalf("jpkisim card after a pcscd restart: %v", err)
	}
	t.Logf("jpkisim card back %v after the restart began", time.Since(t0).Round(time.Millisecond))

	sim.Stop(t)
	sim.WaitRemoved(t)
	select {
	case <-sim.Exited():
	default:
		t.Error("jpkisim still running after Stop")
	}
}

func TestSimCardRemoveAfter(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	sim := r.StartCard(t, "--remove-after", "2")
	card, err := pcsc.Connect(context.Background(), r.ReaderName(0), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer card.Close()
	var answers int
	err = card.Do(func(tx pcsc.Transmitter) error {
		for i := 0; i < 4; i++ {
			if _, err := tx.Transmit(selectJPKI); err != nil {
				return err
			}
			answers++
		}
		return nil
	})
	if !errors.Is(err, pcsc.ErrCardRemoved) || answers != 2 {
		t.Fatalf("reading a card that leaves after 2 APDUs: %d answers, %v", answers, err)
	}
	t.Logf("jpkisim --remove-after 2: %v", err)
	sim.WaitRemoved(t)
}

func TestBuildAndRun(t *testing.T) {
	r := rig.Start(t, rig.Options{})
	bin := rig.Build(t, "./cmd/jpkisim")
	if again := rig.Build(t, "./cmd/jpkisim"); again != bin {
		t.Errorf("second Build gave %q, want the cached %q", again, bin)
	}
	res := r.Run(t, 0, bin, "--list-profiles")
	if res.Code != 0 || !strings.Contains(res.Stdout, "valid") {
		t.Errorf("jpkisim --list-profiles: exit %d\n%s%s", res.Code, res.Stdout, res.Stderr)
	}
	res = r.Run(t, 0, bin, "--no-such-flag")
	if res.Code != 2 {
		t.Errorf("jpkisim with a bad flag: exit %d, want 2", res.Code)
	}
}

func TestNoReadersAndQuiet(t *testing.T) {
	r := rig.Start(t, rig.Options{NoReaders: true, Quiet: true})
	if readers, err := pcsc.Readers(); err != nil || len(readers) != 0 {
		t.Fatalf("Readers() = %v, %v", readers, err)
	}
	r.StopPCSCD()
	r.SetReaders(true)
	r.StartPCSCD()
	r.InsertCard(t, 0, rig.VirtualCard{}).WaitRemoved(t)
	if strings.Contains(r.Log(), "APDU:") {
		t.Error("a quiet daemon logged APDUs")
	}
}

// Subtest names become part of t.TempDir paths; pcscd's reader.conf parser
// breaks on "," and "#", so the rig must keep such names out of its config.
func TestSubtestNameWithCommaAndHash(t *testing.T) {
	for _, name := range []string{"a,b", "#1", "x, #y"} {
		t.Run(name, func(t *testing.T) {
			r := rig.Start(t, rig.Options{Quiet: true})
			if strings.ContainsAny(r.Dir(), ",#") {
				t.Errorf("rig directory %q holds the test's name", r.Dir())
			}
			readers, err := pcsc.Readers()
			if err != nil || len(readers) != 2 {
				t.Errorf("readers of a rig started in subtest %q: %+v, %v", name, readers, err)
			}
		})
	}
}
