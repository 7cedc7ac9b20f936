//go:build linux || darwin || freebsd || netbsd || openbsd

package main

import (
	"context"
	"fmt"
	"io"

	"golang.org/x/sys/unix"
)

// readNoEcho reads one line from the terminal fd with echo off. Echo goes
// off before ready is called (which prints the prompt), so nothing typed
// after the prompt appears shows. The terminal stays in line mode with
// signals on: Ctrl-C and Ctrl-\ reach the process as signals, and Ctrl-D
// at the start of the line ends the input (io.EOF), which golang.org/x/term
// would ignore. restore puts the terminal back as it was; it is safe to
// call more than once and from another goroutine.
func readNoEcho(ctx context.Context, fd int, ready func()) (line func() ([]byte, error), restore func(), err error) {
	saved, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the terminal's settings: %w", err)
	}
	quiet := *saved
	quiet.Lflag &^= unix.ECHO
	quiet.Lflag |= unix.ICANON | unix.ISIG
	quiet.Iflag |= unix.ICRNL
	if err := unix.IoctlSetTermios(fd, ioctlSetTermios, &quiet); err != nil {
		return nil, nil, fmt.Errorf("turning echo off: %w", err)
	}
	restore = func() { unix.IoctlSetTermios(fd, ioctlSetTermios, saved) }
	ready()
	line = func() ([]byte, error) {
		var got []byte
		buf := make([]byte, 256)
		defer clear(buf)
		for {
			n, err := unix.Read(fd, buf)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				clear(got)
				return nil, err
			}
			if n == 0 {
				// Ctrl-D: on an empty line the input ends; after some
				// characters it only hands them over, and a second Ctrl-D
				// ends it.
				clear(got)
				return nil, io.EOF
			}
			got = append(got, buf[:n]...)
			if got[len(got)-1] == '\n' {
				return got[:len(got)-1], nil
			}
		}
	}
	return line, restore, nil
}
