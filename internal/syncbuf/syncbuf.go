// Package syncbuf has the two small concurrency-safe writers the commands
// and their tests keep needing: a buffer that can be read while a process
// or goroutine still writes to it, and a writer that keeps concurrent
// writes (log lines) whole.
package syncbuf

import (
	"bytes"
	"io"
	"sync"
)

// Buffer is a bytes.Buffer safe for concurrent Write and String.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns everything written so far.
func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Writer serialises writes to W, so lines written by different goroutines
// never interleave.
type Writer struct {
	mu sync.Mutex
	W  io.Writer
}

func (s *Writer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.W.Write(p)
}
