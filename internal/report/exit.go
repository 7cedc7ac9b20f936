package report

import "github.com/jpkicheck/jpkicheck/internal/window"

// Exit codes, as documented in --help and the README. Scripts rely on them.
const (
	ExitOK          = 0 // fine, renewal not yet open
	ExitError       = 1 // any other error
	ExitUsage       = 2 // usage error or bad input
	ExitWindowOpen  = 3 // renewal window open
	ExitExpired     = 4 // certificate expired
	ExitNoCard      = 5 // no PC/SC service, no reader or no card
	ExitNotMyNumber = 6 // not a My Number Card, or not readable as one
	ExitPIN         = 7 // PIN locked or refused
)

// ExitForState maps a renewal state to its exit code.
func ExitForState(s window.State) int {
	switch s {
	case window.Open:
		return ExitWindowOpen
	case window.Expired:
		return ExitExpired
	}
	return ExitOK
}

// CombineExit is the exit code of a check whose report says state and
// whose further step (the signing certificate read with --sign) failed
// with problem: an expired certificate is the bigger news and wins, as
// the README's precedence says; otherwise the failure's code, since the
// step asked for did not happen.
func CombineExit(state, problem int) int {
	if state == ExitExpired {
		return ExitExpired
	}
	return problem
}
