package syncbuf

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// Concurrent writers never lose or split a write, and String can run
// meanwhile (go test -race is the real check).
func TestConcurrentWrites(t *testing.T) {
	var b Buffer
	var out bytes.Buffer
	w := &Writer{W: &out}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				b.Write([]byte("line\n"))
				w.Write([]byte("line\n"))
				_ = b.String()
			}
		}()
	}
	wg.Wait()
	for name, s := range map[string]string{"Buffer": b.String(), "Writer": out.String()} {
		if n := strings.Count(s, "line\n"); n != 800 || len(s) != 800*5 {
			t.Errorf("%s: %d whole lines in %d bytes, want 800", name, n, len(s))
		}
	}
}
