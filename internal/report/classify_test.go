package report

import (
	"fmt"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
)

// A status word no rule expects is a card that cannot be read as a My
// Number Card (exit 6), not a generic error (exit 1); the ones with a
// meaning keep it.
func TestClassifyStatusWords(t *testing.T) {
	tests := []struct {
		sw   jpki.SW
		want Problem
	}{
		{0x6F00, Malformed},
		{0x6581, Malformed},
		{0x6282, Malformed},
		{0x9DAD, Malformed},
		{0x6E00, Malformed},
		{0x6983, PINLocked},
	}
	for _, tt := range tests {
		err := fmt.Errorf("checking card: selecting JPKI applet: %w", tt.sw.Err())
		if got := Classify(err).Problem; got != tt.want {
			t.Errorf("%s: %s, want %s", tt.sw, got, tt.want)
		}
		if got := Classify(err).Problem.ExitCode(); got == ExitError {
			t.Errorf("%s: exit %d", tt.sw, got)
		}
	}
}
