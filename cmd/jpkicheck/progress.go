package main

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress shows a one-line status with a spinner on a terminal (stderr)
// while the card is read, and nothing at all on a pipe. Every other write
// to the terminal calls clear first so lines never mix.
type progress struct {
	w       io.Writer
	enabled bool

	mu   sync.Mutex
	text string
	stop chan struct{}
	done chan struct{}
}

func newProgress(w io.Writer, enabled bool) *progress {
	return &progress{w: w, enabled: enabled}
}

var spinnerFrames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// say shows text with a spinner until clear is called.
func (p *progress) say(text string) {
	if p == nil || !p.enabled {
		return
	}
	p.clear()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.text = text
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	go p.spin(p.stop, p.done, text)
}

func (p *progress) spin(stop, done chan struct{}, text string) {
	defer close(done)
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for i := 0; ; i++ {
		fmt.Fprintf(p.w, "\r\x1b[2K%s %s", spinnerFrames[i%len(spinnerFrames)], text)
		select {
		case <-stop:
			fmt.Fprint(p.w, "\r\x1b[2K")
			return
		case <-t.C:
		}
	}
}

// clear removes the status line, if one is shown.
func (p *progress) clear() {
	if p == nil || !p.enabled {
		return
	}
	p.mu.Lock()
	stop, done := p.stop, p.done
	p.stop, p.done = nil, nil
	p.mu.Unlock()
	if stop != nil {
		close(stop)
		<-done
	}
}
