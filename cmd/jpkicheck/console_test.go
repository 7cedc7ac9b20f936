package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLaunchedAlone(t *testing.T) {
	const self = 4242
	tests := []struct {
		name string
		pids []uint32
		want bool
	}{
		{"double-clicked in Explorer: the console is ours alone", []uint32{self}, true},
		{"started from cmd.exe", []uint32{self, 1000}, false},
		{"started from PowerShell in Windows Terminal", []uint32{self, 2000, 3000}, false},
		{"listed after the shell", []uint32{1000, self}, false},
		{"GetConsoleProcessList failed", nil, false},
		{"a console of another process only", []uint32{1000}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := launchedAlone(tt.pids, self); got != tt.want {
				t.Errorf("launchedAlone(%v) = %v, want %v", tt.pids, got, tt.want)
			}
		})
	}
}

// countingReader records whether the program waited for Enter.
type countingReader struct {
	reads int
	r     *strings.Reader
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.reads++
	return c.r.Read(p)
}

func TestDoubleClick(t *testing.T) {
	tests := []struct {
		name        string
		cs          consoleSetup
		args        []string
		vars        map[string]string
		interrupted bool
		wantArgs    []string
		wantSay     string // on stderr before the command, "" for nothing
		wantWait    bool
	}{
		{name: "from a shell, no arguments: the check as always",
			args: nil, wantArgs: nil},
		{name: "from a shell with arguments: unchanged",
			args: []string{"readers"}, wantArgs: []string{"readers"}},
		{name: "double-clicked: the home page, in English",
			cs: consoleSetup{doubleClick: true}, vars: map[string]string{"LANG": "en_US.UTF-8"},
			wantArgs: []string{"ui"}, wantSay: "Closing this window stops jpkicheck", wantWait: true},
		{name: "double-clicked on a Japanese system",
			cs: consoleSetup{doubleClick: true}, vars: map[string]string{"LANG": "ja_JP.UTF-8"},
			wantArgs: []string{"ui"}, wantSay: "このウィンドウを閉じると jpkicheck は終了します", wantWait: true},
		{name: "a shortcut with arguments runs them and keeps the answer on screen",
			cs: consoleSetup{doubleClick: true}, args: []string{"demo", "--lang", "ja"},
			wantArgs: []string{"demo", "--lang", "ja"}, wantWait: true},
		{name: "closed with Ctrl-C or the window's close button: no prompt",
			cs: consoleSetup{doubleClick: true}, interrupted: true,
			wantArgs: []string{"ui"}, wantSay: "Closing this window", wantWait: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			in := &countingReader{r: strings.NewReader("\n")}
			e := &env{stdin: in, stdout: &bytes.Buffer{}, stderr: &stderr,
				getenv: func(k string) string { return tt.vars[k] }, now: time.Now}
			args, finish := applyConsole(tt.cs, tt.args, e)
			if !slices.Equal(args, tt.wantArgs) {
				t.Errorf("args = %q, want %q", args, tt.wantArgs)
			}
			said := stderr.String()
			if tt.wantSay == "" && said != "" || !strings.Contains(said, tt.wantSay) {
				t.Errorf("before the command: %q, want %q", said, tt.wantSay)
			}
			ctx, cancel := context.WithCancel(context.Background())
			if tt.interrupted {
				cancel()
			}
			finish(ctx)
			cancel()
			prompt := strings.Contains(stderr.String(), "Enter")
			if waited := in.reads > 0; waited != tt.wantWait || prompt != tt.wantWait {
				t.Errorf("waited for Enter: %v (prompt %v), want %v; stderr %q", waited, prompt, tt.wantWait, stderr.String())
			}
		})
	}
}

// A command run from a double-click shows its whole answer, then the
// prompt, and returns once Enter is pressed.
func TestDoubleClickedCommandWaitsAfterItsAnswer(t *testing.T) {
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader("\n"), stdout: &stdout, stderr: &stderr,
		getenv: func(string) string { return "" }, now: func() time.Time { return fixedNow }}
	args, finish := applyConsole(consoleSetup{doubleClick: true}, []string{"window", "--expiry", "2027-03-15", "--today", "2026-12-20"}, e)
	ctx := context.Background()
	run(ctx, args, e)
	if !strings.Contains(stdout.String(), "2027") {
		t.Fatalf("no answer: %q %q", stdout.String(), stderr.String())
	}
	finish(ctx)
	if !strings.HasSuffix(stderr.String(), "Press Enter to close this window.") {
		t.Errorf("stderr ends %q, want the Enter prompt", stderr.String())
	}
}

// A console that cannot interpret escape sequences gets plain text and no
// spinner, even on a terminal.
func TestConsoleWithoutEscapeSequences(t *testing.T) {
	args := []string{"window", "--expiry", "2027-03-15", "--today", "2026-12-20"}
	for _, cs := range []consoleSetup{{}, {noColorOut: true, noSpinner: true}} {
		var out bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &out, now: func() time.Time { return fixedNow },
			getenv: func(string) string { return "" }, stdoutTTY: true, stderrTTY: true}
		args, _ := applyConsole(cs, args, e)
		run(context.Background(), args, e)
		escapes := strings.Contains(out.String(), "\x1b[")
		if escapes != !cs.noColorOut {
			t.Errorf("%+v: escape sequences %v in %q", cs, escapes, out.String())
		}
		if e.stderrTTY != !cs.noSpinner {
			t.Errorf("%+v: spinner on stderr %v", cs, e.stderrTTY)
		}
	}
}
