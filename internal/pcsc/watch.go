package pcsc

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"time"

	"github.com/ebfe/scard"
)

// EventKind says what changed.
type EventKind int

// The kinds of Event.
const (
	CardInserted  EventKind = iota + 1 // a card is in Reader (Reader.ATR, Reader.Mute)
	CardRemoved                        // the card left Reader
	ReaderAdded                        // Reader appeared (a CardInserted follows if it holds a card)
	ReaderRemoved                      // Reader is gone (after a CardRemoved if it held one)
	ServiceGone                        // the PC/SC service stopped; Err says how it showed
	ServiceBack                        // the service is back; changes during the outage follow
)

func (k EventKind) String() string {
	switch k {
	case CardInserted:
		return "card inserted"
	case CardRemoved:
		return "card removed"
	case ReaderAdded:
		return "reader added"
	case ReaderRemoved:
		return "reader removed"
	case ServiceGone:
		return "service gone"
	case ServiceBack:
		return "service back"
	}
	return "unknown event"
}

// Event is one change seen by Watch.
type Event struct {
	Kind   EventKind
	Reader Reader // the reader as it is after the event; zero for service events
	Err    error  // for ServiceGone: the failure that revealed it
}

// Timing of the watch loop. GetStatusChange is woken by Cancel for a
// prompt exit; maxWait only bounds how long a reader plugged in during
// pcsc-lite 1.9's blind spot (between our ListReaders and the daemon
// counting readers for the PnP pseudo-reader) can go unnoticed.
const (
	defaultMaxWait    = 5 * time.Second
	defaultRetry      = 250 * time.Millisecond
	cancelRepeatEvery = 20 * time.Millisecond
)

// Watch reports reader and card changes until ctx ends, then closes the
// channel. It starts with the current state as events (ReaderAdded, then
// CardInserted for each card already in), so a consumer can build its view
// from events alone. It survives the service going away and coming back
// (ServiceGone, ServiceBack, then the differences), and keeps doing so for
// as long as ctx lives: it is meant for a kiosk that runs all day. A card
// swapped between two looks shows as CardRemoved then CardInserted.
//
// Events are delivered in order; the loop waits for the consumer.
func Watch(ctx context.Context) <-chan Event {
	ch := make(chan Event, 16)
	go func() {
		defer close(ch)
		w := newWatcher()
		w.run(ctx, false, func(_ []Reader, evs []Event) bool {
			for _, ev := range evs {
				select {
				case ch <- ev:
				case <-ctx.Done():
					return false
				}
			}
			return true
		})
	}()
	return ch
}

// WaitForCard waits until a card is in a reader whose name contains reader
// (case-insensitive; "" means any reader) and returns that reader; a card
// already present counts. Readers plugged in while waiting are seen. It
// fails at once with ErrNoService when the service is not running, but
// rides out a restart once it has started waiting. A mute card counts as a
// card (Reader.Mute), so the caller can say it does not respond.
//
// It returns at most serviceTimeout after ctx ends: SCardCancel and
// GetStatusChange wait on the daemon without a limit, so a daemon that
// stalls during the wait would otherwise hold the caller for ever
// (test/e2e, TestStalledDaemon). The abandoned wait ends by itself
// when the daemon answers again.
func WaitForCard(ctx context.Context, reader string) (Reader, error) {
	type result struct {
		r   Reader
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := waitForCard(ctx, reader)
		done <- result{r, err}
	}()
	select {
	case res := <-done:
		return res.r, res.err
	case <-ctx.Done():
	}
	timer := time.NewTimer(serviceTimeout)
	defer timer.Stop()
	select {
	case res := <-done:
		return res.r, res.err
	case <-timer.C:
		return Reader{}, serviceStalled("waiting for a card")
	}
}

// waitForCard is WaitForCard without the bound on a stalled daemon.
func waitForCard(ctx context.Context, reader string) (Reader, error) {
	var found Reader
	w := newWatcher()
	err := w.run(ctx, true, func(cur []Reader, _ []Event) bool {
		for _, r := range cur {
			if r.CardPresent && matches(r.Name, reader) {
				found = r
				return false
			}
		}
		return true
	})
	if found.Name != "" {
		return found, nil
	}
	return Reader{}, err
}

// WaitForRemoval waits until the reader with exactly this name holds no
// card, or is gone. It returns at once if that is already so.
func WaitForRemoval(ctx context.Context, reader string) error {
	w := newWatcher()
	done := false
	err := w.run(ctx, true, func(cur []Reader, _ []Event) bool {
		for _, r := range cur {
			if r.Name == reader && r.CardPresent {
				return true
			}
		}
		done = true
		return false
	})
	if done {
		return nil
	}
	return err
}

// entry is one reader in the GetStatusChange list, with the last state
// pcsc-lite reported for it (flags and event counter) once seen.
type entry struct {
	name  string
	state scard.StateFlag
	atr   []byte
	seen  bool
}

// snapshot is what the diff compares: a reader, and its event counter when
// it can be compared with the previous one.
type snapshot struct {
	r       Reader
	count   uint16
	countOK bool
}

type watcher struct {
	mu sync.Mutex // guards sc between the loop and the canceller
	sc *scard.Context

	entries  []entry
	fresh    bool // no look taken on this context yet
	pnpState scard.StateFlag
	known    []snapshot
	down     bool // ServiceGone was reported and ServiceBack not yet

	maxWait time.Duration
	retry   time.Duration
	rounds  int // GetStatusChange calls, for tests that check it does not spin
}

func newWatcher() *watcher {
	return &watcher{maxWait: defaultMaxWait, retry: defaultRetry}
}

// run loops until onRound returns false, ctx ends, or (with failFast) the
// service is missing at the start. onRound gets the readers as they are
// after each change, and the events that led there.
func (w *watcher) run(ctx context.Context, failFast bool, onRound func([]Reader, []Event) bool) error {
	stop := w.cancelOn(ctx)
	defer stop()
	defer w.drop()
	started := false
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if w.sc == nil {
			if err := w.connect(); err != nil {
				if failFast && !started {
					return err
				}
				if !w.down {
					w.down = true
					if !onRound(w.current(), []Event{{Kind: ServiceGone, Err: err}}) {
						return nil
					}
				}
				if !sleep(ctx, w.retry) {
					return ctx.Err()
				}
				continue
			}
			started = true
		}

		err := w.wait()
		var evs []Event
		switch {
		case err == nil || errors.Is(err, ErrTimeout):
		case errors.Is(err, context.Canceled):
			continue // our Cancel; the loop head decides
		case contextLost(err):
			w.drop()
			w.down = true
			if !onRound(w.current(), []Event{{Kind: ServiceGone, Err: err}}) {
				return nil
			}
			continue
		default:
			// Unexpected: start over with a fresh context after a pause
			// rather than spin on a failing call.
			w.drop()
			if !sleep(ctx, w.retry) {
				return ctx.Err()
			}
			continue
		}
		if w.down {
			w.down = false
			evs = append(evs, Event{Kind: ServiceBack})
		}
		cur := w.snapshots()
		evs = append(evs, diff(w.known, cur)...)
		w.known = cur
		if !onRound(w.current(), evs) {
			return nil
		}
	}
}

// connect establishes a context; the counters of a new daemon restart, so
// they are not compared across a reconnection.
func (w *watcher) connect() error {
	sc, err := establish()
	if err != nil {
		return err
	}
	w.mu.Lock()
	w.sc = sc
	w.mu.Unlock()
	w.entries = nil
	w.fresh = true
	w.pnpState = scard.StateUnaware
	for i := range w.known {
		w.known[i].countOK = false
	}
	return nil
}

// drop releases the context; the canceller never touches a released one.
func (w *watcher) drop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.sc != nil {
		w.sc.Release()
		w.sc = nil
	}
}

// cancelOn wakes a blocked GetStatusChange when ctx ends. SCardCancel only
// wakes a call already waiting, so it is repeated until the loop has left:
// one sent between the loop's ctx check and its next call would be lost.
func (w *watcher) cancelOn(ctx context.Context) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		select {
		case <-done:
			return
		case <-ctx.Done():
		}
		tick := time.NewTicker(cancelRepeatEvery)
		defer tick.Stop()
		for {
			w.mu.Lock()
			if w.sc != nil {
				w.sc.Cancel()
			}
			w.mu.Unlock()
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// wait lists the readers again (a reader may have come or gone since the
// last look) and blocks in GetStatusChange until something differs from
// what we last saw, the PnP pseudo-reader reports a new reader list, or
// maxWait passes.
func (w *watcher) wait() error {
	names, err := listNames(w.sc)
	if err != nil {
		return err
	}
	old := make(map[string]entry, len(w.entries))
	for _, e := range w.entries {
		old[e.name] = e
	}
	w.entries = w.entries[:0:0]
	for _, n := range names {
		e, ok := old[n]
		if !ok {
			e = entry{name: n}
		}
		w.entries = append(w.entries, e)
	}

	states := make([]scard.ReaderState, 0, len(w.entries)+1)
	for _, e := range w.entries {
		cs := scard.StateUnaware
		if e.seen {
			// Hand back the whole state, counter included, so pcsc-lite
			// also reports a card swapped since our last look.
			cs = e.state &^ scard.StateChanged
		}
		states = append(states, scard.ReaderState{Reader: e.name, CurrentState: cs})
	}
	states = append(states, scard.ReaderState{Reader: pnpReader, CurrentState: w.pnpState &^ scard.StateChanged})
	w.rounds++
	timeout := w.maxWait
	if w.fresh {
		// The first look must not block: with no reader yet, only the PnP
		// pseudo-reader is listed and nothing would wake us.
		timeout = 0
		w.fresh = false
	}
	if err := w.sc.GetStatusChange(states, timeout); err != nil {
		if errors.Is(err, scard.ErrUnknownReader) {
			return nil // a reader left between the two calls: list again
		}
		return wrap("waiting for a reader or card change", err)
	}
	for i := range w.entries {
		w.entries[i].state = states[i].EventState
		w.entries[i].atr = states[i].Atr
		w.entries[i].seen = true
	}
	w.pnpState = states[len(states)-1].EventState
	return nil
}

// snapshots are the readers that exist, as last seen.
func (w *watcher) snapshots() []snapshot {
	var out []snapshot
	for _, e := range w.entries {
		if !e.seen || stateFlags(e.state)&(scard.StateUnknown|scard.StateIgnore) != 0 {
			continue
		}
		r := readerFromState(scard.ReaderState{Reader: e.name, EventState: e.state, Atr: e.atr})
		out = append(out, snapshot{r: r, count: eventCount(e.state), countOK: true})
	}
	return out
}

func (w *watcher) current() []Reader {
	out := make([]Reader, len(w.known))
	for i, s := range w.known {
		out[i] = s.r
	}
	return out
}

// diff turns two looks at the readers into events: removals first, then
// additions and changes in reader order.
func diff(old, cur []snapshot) []Event {
	var evs []Event
	byName := make(map[string]snapshot, len(cur))
	for _, s := range cur {
		byName[s.r.Name] = s
	}
	for _, o := range old {
		if _, ok := byName[o.r.Name]; ok {
			continue
		}
		if o.r.CardPresent {
			evs = append(evs, Event{Kind: CardRemoved, Reader: Reader{Name: o.r.Name}})
		}
		evs = append(evs, Event{Kind: ReaderRemoved, Reader: Reader{Name: o.r.Name}})
	}
	prev := make(map[string]snapshot, len(old))
	for _, o := range old {
		prev[o.r.Name] = o
	}
	for _, c := range cur {
		o, existed := prev[c.r.Name]
		if !existed {
			evs = append(evs, Event{Kind: ReaderAdded, Reader: c.r})
			if c.r.CardPresent {
				evs = append(evs, Event{Kind: CardInserted, Reader: c.r})
			}
			continue
		}
		swapped := o.r.CardPresent && c.r.CardPresent &&
			(!bytes.Equal(o.r.ATR, c.r.ATR) || (o.countOK && c.countOK && o.count != c.count))
		switch {
		case o.r.CardPresent && !c.r.CardPresent:
			evs = append(evs, Event{Kind: CardRemoved, Reader: c.r})
		case !o.r.CardPresent && c.r.CardPresent:
			evs = append(evs, Event{Kind: CardInserted, Reader: c.r})
		case swapped:
			evs = append(evs, Event{Kind: CardRemoved, Reader: Reader{Name: c.r.Name}},
				Event{Kind: CardInserted, Reader: c.r})
		}
	}
	return evs
}

// sleep waits d or until ctx ends; it reports whether ctx is still alive.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
