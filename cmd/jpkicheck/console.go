package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/jpkicheck/jpkicheck/internal/report"
)

// consoleSetup is what main learns about the console before running a
// command: whether the program was started by a double-click, and whether
// the console can show colour and the spinner.
type consoleSetup struct {
	// doubleClick: the program owns its console, so no shell is waiting
	// behind it and the window closes as soon as the program exits.
	doubleClick bool
	// noColorOut and noSpinner: the console cannot interpret the escape
	// sequences the colours (stdout) and the spinner (stderr) write.
	noColorOut, noSpinner bool
}

// launchedAlone reports whether the console's process list (from
// GetConsoleProcessList) holds this process only. A shell (cmd.exe,
// PowerShell, Windows Terminal's shell) is always in the list of a console
// it started the program in; Explorer gives a double-clicked console
// program a console of its own. An empty list means the call failed:
// treat it as a shell, which changes nothing.
func launchedAlone(pids []uint32, self uint32) bool {
	return len(pids) == 1 && pids[0] == self
}

// doubleClickArgs turns the arguments of a double-clicked program into the
// command to run: with no arguments, the home page (ui), which opens the
// browser; anything else (a shortcut with arguments) runs as given.
func doubleClickArgs(args []string) []string {
	if len(args) == 0 {
		return []string{"ui"}
	}
	return args
}

// consoleText is what the console says when there is no shell behind it.
// It lives here rather than in internal/report: only a double-clicked
// Windows program says it.
type consoleText struct {
	PageOpening string // before ui opens the browser
	PressEnter  string // the command ended; the window closes on Enter
}

var consoleTexts = map[report.Lang]consoleText{
	report.Ja: {
		PageOpening: "jpkicheck のページをブラウザーで開きます。このウィンドウを閉じると jpkicheck は終了します。",
		PressEnter:  "Enter キーを押すと、このウィンドウを閉じます。",
	},
	report.En: {
		PageOpening: "Opening the jpkicheck page in your browser. Closing this window stops jpkicheck.",
		PressEnter:  "Press Enter to close this window.",
	},
}

func consoleTextFor(l report.Lang) consoleText {
	if t, ok := consoleTexts[l]; ok {
		return t
	}
	if l.Tag() == "ja" { // easy Japanese: a reader of it reads these two lines
		return consoleTexts[report.Ja]
	}
	return consoleTexts[report.En]
}

// startConsole prepares the console and the arguments for run. It returns
// the arguments to run and a function to call with run's result before
// exiting: for a double-clicked program it keeps the window open until
// Enter, unless the user interrupted the command (Ctrl-C, closing the
// window), in which case there is nobody to read the answer.
func startConsole(args []string, e *env) ([]string, func(ctx context.Context)) {
	return applyConsole(setupConsole(), args, e)
}

// applyConsole is startConsole for a given console, so that tests can
// play every console on any system.
func applyConsole(cs consoleSetup, args []string, e *env) ([]string, func(ctx context.Context)) {
	if cs.noColorOut {
		// The colour decision reads NO_COLOR: a console that shows escape
		// sequences as text gets the plain output pipes get.
		getenv := e.getenv
		e.getenv = func(k string) string {
			if k == "NO_COLOR" {
				return "1"
			}
			return getenv(k)
		}
	}
	if cs.noSpinner {
		e.stderrTTY = false
	}
	if !cs.doubleClick {
		return args, func(context.Context) {}
	}
	text := consoleTextFor(langFor(args, e.getenv))
	args = doubleClickArgs(args)
	if len(args) > 0 && args[0] == "ui" {
		fmt.Fprintln(e.stderr, text.PageOpening)
	}
	return args, func(ctx context.Context) {
		if ctx.Err() == nil {
			waitEnter(e.stdin, e.stderr, text.PressEnter)
		}
	}
}

// waitEnter asks for Enter and returns when a line (or end of input)
// arrives.
func waitEnter(in io.Reader, out io.Writer, prompt string) {
	fmt.Fprintf(out, "\n%s", prompt)
	bufio.NewReader(in).ReadString('\n')
}
