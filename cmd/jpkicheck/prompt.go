package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/jpkicheck/jpkicheck/internal/report"
)

// errPromptEnded: the resident ended the prompt without a PIN (Ctrl-D, or
// Ctrl-\ on a terminal). It is a cancellation: nothing is sent.
var errPromptEnded = fmt.Errorf("prompt ended without a PIN: %w", context.Canceled)

// errNoSecretOnStdin: standard input, not a terminal, ended before a line.
// A script that meant to give a PIN gave none: a usage error, nothing sent.
var errNoSecretOnStdin = fmt.Errorf("standard input ended: %w", report.ErrNoPIN)

// readTerminalSecret prints the prompt (through ready) once echo is off
// and reads one line from the terminal fd. It returns at once when ctx
// ends (Ctrl-C and SIGTERM cancel it), on Ctrl-D and on Ctrl-\ (SIGQUIT,
// which would otherwise end the process with echo left off and a stack
// dump), with the terminal as it was. The read itself cannot be called
// back: it is left behind in its goroutine, and whatever is typed
// afterwards goes nowhere, because the caller returns without sending
// anything.
func readTerminalSecret(ctx context.Context, fd int, ready func()) ([]byte, error) {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGQUIT)
	defer signal.Stop(quit)

	read, restore, err := readNoEcho(ctx, fd, ready)
	if err != nil {
		return nil, fmt.Errorf("reading the terminal: %w", err)
	}
	defer restore()
	type line struct {
		b   []byte
		err error
	}
	got := make(chan line, 1)
	go func() {
		b, err := read()
		got <- line{b, err}
	}()
	select {
	case l := <-got:
		if errors.Is(l.err, io.EOF) {
			return nil, errPromptEnded
		}
		return l.b, l.err
	case <-ctx.Done():
		return nil, fmt.Errorf("at the prompt: %w", context.Cause(ctx))
	case <-quit:
		return nil, errPromptEnded
	}
}

// readSecret asks for a PIN on stderr and reads it: masked from a
// terminal, or the first line of stdin when that is not a terminal (for
// scripts: printf '%s\n' "$PIN" | jpkicheck pin verify auth). Never from
// an argument or the environment, where other users and logs can see it.
// Ctrl-C, Ctrl-D and SIGTERM end it with an error matching
// context.Canceled; the caller then sends nothing.
func (c *cli) readSecret(ctx context.Context, prompt string) ([]byte, error) {
	if c.stdinTTY && c.readPassword != nil {
		secret, err := c.readPassword(ctx, func() { fmt.Fprint(c.stderr, prompt) })
		fmt.Fprintln(c.stderr)
		return secret, err
	}
	fmt.Fprint(c.stderr, prompt)
	type line struct {
		b   []byte
		err error
	}
	got := make(chan line, 1)
	go func() {
		b, err := bufio.NewReader(c.stdin).ReadBytes('\n')
		got <- line{b, err}
	}()
	var l line
	select {
	case l = <-got:
	case <-ctx.Done():
		fmt.Fprintln(c.stderr)
		return nil, fmt.Errorf("at the prompt: %w", context.Cause(ctx))
	}
	if len(l.b) == 0 && l.err != nil {
		fmt.Fprintln(c.stderr)
		return nil, errNoSecretOnStdin
	}
	if !c.stdinTTY {
		// Nothing was echoed: end the prompt's line.
		fmt.Fprintln(c.stderr)
	}
	return bytes.TrimRight(l.b, "\r\n"), nil
}
