package pcsc

import "context"

// Hooks for the real-stack tests in package pcsc_test. They live outside
// this package because internal/rig imports it.

func StuckCount() int { return stuckCount() }

// Code is the raw PC/SC return code behind err, for tests that check which
// code a failure came from.
func Code(err error) (uint32, bool) { return rawCode(err) }

// CountRounds runs a watch loop until ctx ends and returns how many rounds
// it reported and how many GetStatusChange calls it made.
func CountRounds(ctx context.Context) (rounds, calls int) {
	w := newWatcher()
	w.run(ctx, true, func([]Reader, []Event) bool { rounds++; return true })
	return rounds, w.rounds
}
