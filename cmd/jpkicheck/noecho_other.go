//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package main

import (
	"context"
	"sync"

	"golang.org/x/term"
)

// readNoEcho reads one line from the console fd without echo, through
// golang.org/x/term, which sets the console mode itself when the read
// starts; Ctrl-C reaches the process as an interrupt. restore puts the
// console back as it was.
func readNoEcho(ctx context.Context, fd int, ready func()) (line func() ([]byte, error), restore func(), err error) {
	saved, err := term.GetState(fd)
	if err != nil {
		return nil, nil, err
	}
	var once sync.Once
	restore = func() { once.Do(func() { term.Restore(fd, saved) }) }
	ready()
	return func() ([]byte, error) { return term.ReadPassword(fd) }, restore, nil
}
