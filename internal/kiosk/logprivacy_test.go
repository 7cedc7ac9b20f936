package kiosk

import (
	"regexp"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/source"
)

// logDate matches a date in any form a log line could carry one.
var logDate = regexp.MustCompile(`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年|\d{1,2}月\d{1,2}日|(?:令和|平成|昭和)`)

// Over a soak of every simulated card, the kiosk's log says what happened
// and how long it took, and never a date: a certificate's expiry is its
// holder's birthday.
func TestLogCarriesNoDates(t *testing.T) {
	h := start(t, nil)
	h.waitScreen(ScreenWaiting)
	for range 3 {
		for _, p := range source.Profiles() {
			h.resetHistory()
			if err := h.sim.Insert(p.Name); err != nil {
				t.Fatal(err)
			}
			h.wait("an answer to "+p.Name, func(s Status) bool {
				return (s.Screen == ScreenResult && !s.Pending) || s.Screen == ScreenError
			})
			h.sim.Remove()
			h.waitScreen(ScreenWaiting)
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.logs) < 3*len(source.Profiles()) {
		t.Fatalf("only %d log lines", len(h.logs))
	}
	for _, line := range h.logs {
		if d := logDate.FindString(line); d != "" {
			t.Errorf("log line carries a date (%s): %s", d, line)
		}
		if strings.Contains(line, "expires") {
			t.Errorf("log line names an expiry: %s", line)
		}
	}
}
