package kiosk

import "github.com/jpkicheck/jpkicheck/internal/window"

// Timeline places today on a bar from left to right: the time before the
// renewal window, the window itself (opening day to expiry day), and the
// time after expiry. Positions are in a 0–1000 coordinate space the page
// scales; the page only draws what is computed here.
type Timeline struct {
	Opens  int    `json:"opens"`  // the window's first day
	Expiry int    `json:"expiry"` // the expiry day, the window's last
	Today  int    `json:"today"`
	Where  string `json:"where"` // before, inside or after
}

// The bar's geometry. The window takes the middle half, so "you are in it"
// reads at a glance; outside it, distance is compressed (a year or more
// away sits at the far end).
const (
	tlLeft   = 40
	tlOpens  = 300
	tlExpiry = 780
	tlRight  = 960
	tlMargin = 20  // keeps an outside marker visibly off the boundary
	tlFar    = 365 // days at which an outside marker reaches the end
)

// NewTimeline places w's today on the bar.
func NewTimeline(w window.Window) Timeline {
	t := Timeline{Opens: tlOpens, Expiry: tlExpiry}
	switch w.State {
	case window.NotYetOpen:
		t.Where = "before"
		t.Today = tlOpens - tlMargin - scale(w.DaysUntilOpen, tlOpens-tlLeft-2*tlMargin)
	case window.Expired:
		t.Where = "after"
		t.Today = tlExpiry + tlMargin + scale(w.DaysSinceExpiry, tlRight-tlExpiry-2*tlMargin)
	default:
		t.Where = "inside"
		t.Today = tlOpens
		if span := w.Expiry.DaysSince(w.Opens); span > 0 {
			t.Today += (tlExpiry - tlOpens) * w.Today.DaysSince(w.Opens) / span
		}
	}
	return t
}

// scale maps 1…tlFar days (and beyond) to 0…width.
func scale(days, width int) int {
	return width * (min(max(days, 1), tlFar) - 1) / (tlFar - 1)
}
