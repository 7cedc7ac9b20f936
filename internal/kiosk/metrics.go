package kiosk

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// outcomeNames are the answers a card read can end in, as /metrics counts
// them, most urgent first: a card whose certificate has expired and whose
// PIN is locked counts once, as expired.
var outcomeNames = []string{"expired", "locked", "open", "fine", "error"}

// latencyBuckets are the read-time histogram's upper bounds in seconds:
// a contact card answers in about 0.2–2 s, a stuck one at the read timeout.
var latencyBuckets = []float64{0.1, 0.25, 0.5, 1, 2, 5, 10}

// Metrics is what an administrator watches a fleet of lobby PCs with:
// whether the reader and the card service are there, how many cards were
// read and how each ended, and how long reading took. It holds counts
// only: nothing about a card, its dates or its holder.
type Metrics struct {
	version string
	now     func() time.Time

	mu       sync.Mutex
	screen   Screen
	since    time.Time // when screen began
	visit    uint64    // the card being read, 0 when none
	started  time.Time // when it was inserted
	counted  bool      // its outcome is in
	outcomes map[string]uint64
	buckets  []uint64 // cumulative counts per latencyBuckets
	count    uint64
	sum      float64
}

// NewMetrics returns empty metrics for a kiosk of the given version.
func NewMetrics(version string) *Metrics {
	return &Metrics{version: version, now: time.Now, outcomes: map[string]uint64{},
		buckets: make([]uint64, len(latencyBuckets)), screen: ScreenNoReader, since: time.Now()}
}

// Observe takes in one status as the machine publishes it (hand it to
// Config.OnStatus). A card counts once, when its answer is complete.
func (m *Metrics) Observe(s Status) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if s.Screen != m.screen {
		m.screen, m.since = s.Screen, now
	}
	if s.Visit == 0 {
		m.visit = 0
		return
	}
	if s.Visit != m.visit {
		m.visit, m.started, m.counted = s.Visit, now, false
	}
	if m.counted {
		return
	}
	var outcome string
	switch {
	case s.Screen == ScreenError:
		outcome = "error"
	case s.Screen == ScreenResult && !s.Pending && s.Report != nil:
		outcome = outcomeOf(s.Report)
	default:
		return
	}
	m.counted = true
	m.outcomes[outcome]++
	took := now.Sub(m.started).Seconds()
	m.count++
	m.sum += took
	for i, le := range latencyBuckets {
		if took <= le {
			m.buckets[i]++
		}
	}
}

// outcomeOf is the most urgent finding on a card: expired, locked (a PIN),
// open (the renewal window) or fine.
func outcomeOf(r *report.CardReport) string {
	if r.State == window.Expired {
		return "expired"
	}
	for _, p := range []*report.PINReport{r.PINs.Auth, r.PINs.Sign} {
		if p != nil && p.Locked {
			return "locked"
		}
	}
	if r.State == window.Open {
		return "open"
	}
	return "fine"
}

// WriteTo writes the metrics in the Prometheus text exposition format
// (version 0.0.4).
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder
	family := func(name, typ, help string) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
	}
	bit := func(ok bool) int {
		if ok {
			return 1
		}
		return 0
	}
	family("jpkicheck_build_info", "gauge", "Always 1; the labels name the build.")
	fmt.Fprintf(&b, "jpkicheck_build_info{version=%q,goversion=%q} 1\n", m.version, runtime.Version())

	family("jpkicheck_kiosk_service_up", "gauge", "1 while the smart card service (PC/SC) answers.")
	fmt.Fprintf(&b, "jpkicheck_kiosk_service_up %d\n", bit(m.screen != ScreenNoService))
	family("jpkicheck_kiosk_reader_up", "gauge", "1 while a card reader the kiosk uses is connected.")
	fmt.Fprintf(&b, "jpkicheck_kiosk_reader_up %d\n", bit(m.screen != ScreenNoService && m.screen != ScreenNoReader))
	family("jpkicheck_kiosk_screen", "gauge", "1 for the screen the page shows now.")
	for _, s := range []Screen{ScreenWaiting, ScreenReading, ScreenResult, ScreenError, ScreenTakeCard, ScreenNoReader, ScreenNoService} {
		fmt.Fprintf(&b, "jpkicheck_kiosk_screen{screen=%q} %d\n", s, bit(s == m.screen))
	}
	family("jpkicheck_kiosk_screen_seconds", "gauge", "How long the page has shown the current screen.")
	fmt.Fprintf(&b, "jpkicheck_kiosk_screen_seconds %.3f\n", m.now().Sub(m.since).Seconds())

	family("jpkicheck_kiosk_cards_total", "counter", "Cards read since start, by outcome (the most urgent finding).")
	for _, o := range outcomeNames {
		fmt.Fprintf(&b, "jpkicheck_kiosk_cards_total{outcome=%q} %d\n", o, m.outcomes[o])
	}
	family("jpkicheck_kiosk_read_seconds", "histogram", "Time from a card's insertion to its complete answer.")
	for i, le := range latencyBuckets {
		fmt.Fprintf(&b, "jpkicheck_kiosk_read_seconds_bucket{le=\"%g\"} %d\n", le, m.buckets[i])
	}
	fmt.Fprintf(&b, "jpkicheck_kiosk_read_seconds_bucket{le=\"+Inf\"} %d\n", m.count)
	fmt.Fprintf(&b, "jpkicheck_kiosk_read_seconds_sum %g\n", m.sum)
	fmt.Fprintf(&b, "jpkicheck_kiosk_read_seconds_count %d\n", m.count)
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// metricsContentType is the text exposition format's media type.
const metricsContentType = "text/plain; version=0.0.4; charset=utf-8"
