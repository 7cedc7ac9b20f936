package kiosk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardcheck"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/office"
	"github.com/jpkicheck/jpkicheck/internal/report"
	"github.com/jpkicheck/jpkicheck/internal/source"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// Defaults for Config.
const (
	// DefaultLinger is how long a result is read before "please take your
	// card" shows over it: a page of answer is 50–110 s of reading for an
	// elderly visitor, and touching the screen extends it.
	DefaultLinger = 60 * time.Second
	// DefaultReadTimeout bounds one whole read. A normal card takes well
	// under a second (about 2 s at the slowest contact rate); one that
	// stops answering gets an error screen instead of a spinner for ever.
	DefaultReadTimeout = 10 * time.Second
)

// Config configures a Machine.
type Config struct {
	// Source is where the cards come from: the readers it reports (those
	// its options select) are the kiosk's, and it traces the commands.
	Source source.Readers
	// Trust is the set of recognised CAs; nil means the built-in J-LIS CAs.
	// It is only read, never changed.
	Trust *jpki.TrustStore
	Rule  window.Rule          // zero: window.DefaultRule
	Today func() window.Date   // nil: today in Japan
	Logf  func(string, ...any) // what happened, without personal data; nil: silent
	// Linger is the reading time: how long a result or error shows before
	// the page asks, over it, for the card to be taken; 0 never asks. The
	// office file's reading_time replaces DefaultLinger (not a Linger set
	// to anything else, which is the administrator's flag).
	Linger time.Duration
	// ReadTimeout bounds one read; 0 means DefaultReadTimeout.
	ReadTimeout time.Duration
	// Quick reads only the expiry (no issuer check; see jpki.ValidityOnly).
	Quick bool
	// Office is the office block; nil shows office.Example().
	Office *office.Office
	// Lang is the page's first language ("" = Japanese).
	Lang report.Lang
	// Home is jpkicheck ui: the language chosen stays when a card leaves
	// (in the lobby it goes back to Lang for the next person).
	Home bool
	// OnStatus, if set, sees every change as it is published, in order,
	// on the machine's goroutine (tests and the soak test watch with it).
	OnStatus func(Status)
}

// Machine is the kiosk's state machine: it watches the Source, reads each
// card that arrives and publishes what the page shows as a Status. It
// keeps nothing about a card once the card has left.
type Machine struct {
	cfg Config

	mu      sync.Mutex
	cur     Status
	json    []byte
	changed chan struct{} // closed and replaced on every change
}

// New returns a Machine; Run starts it.
func New(cfg Config) *Machine {
	if cfg.Rule.Months == 0 {
		cfg.Rule = window.DefaultRule
	}
	if cfg.Today == nil {
		cfg.Today = func() window.Date { return window.Today(time.Now()) }
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if cfg.Office == nil {
		cfg.Office = office.Example()
	}
	if cfg.Office.ReadingTime > 0 && cfg.Linger == DefaultLinger {
		cfg.Linger = cfg.Office.ReadingTime
	}
	if cfg.Lang == "" {
		cfg.Lang = report.Ja
	}
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	m := &Machine{cfg: cfg, changed: make(chan struct{})}
	m.publish(m.render(view{screen: ScreenNoReader}))
	return m
}

// Status returns what the page shows now.
func (m *Machine) Status() Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.cur
}

// Snapshot returns the current status as JSON, its sequence number, and a
// channel closed at the next change.
func (m *Machine) Snapshot() (data []byte, seq uint64, changed <-chan struct{}) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.json, m.cur.Seq, m.changed
}

// publish makes s the current status unless nothing the page shows
// changed; the sequence number counts the changes.
func (m *Machine) publish(s Status) {
	if !m.set(s) {
		return
	}
	if m.cfg.OnStatus != nil {
		m.cfg.OnStatus(m.Status())
	}
}

func (m *Machine) set(s Status) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	s.Seq = m.cur.Seq
	data, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("kiosk: status does not encode: %v", err)) // a bug in the Status types
	}
	if m.json != nil && bytes.Equal(data, m.json) {
		return false
	}
	s.Seq++
	if data, err = json.Marshal(s); err != nil {
		panic(fmt.Sprintf("kiosk: status does not encode: %v", err))
	}
	m.cur, m.json = s, data
	close(m.changed)
	m.changed = make(chan struct{})
	return true
}

// phase is where the card being shown stands.
type phase int

const (
	phaseReading phase = iota + 1
	phaseResult        // rep set; pending until the whole card is read
	phaseError         // problem set
	phaseTakeCard
)

// loop is Run's state: only the loop goroutine touches it.
type loop struct {
	m   *Machine
	ctx context.Context

	service bool
	readers map[string]bool // wanted readers there are → card present

	active  string // the reader whose card is being read or shown
	phase   phase
	rep     *report.CardReport
	pending bool
	problem report.Details
	held    *report.Details // a card_removed error waiting for the removal (removalGrace)
	started time.Time

	visits   uint64 // cards read since start
	readID   int
	cancel   context.CancelFunc
	results  chan readMsg
	deadline *time.Timer
	linger   *time.Timer
}

// readMsg is what a read sends the loop: an early report (the validity
// from the first chunk), the whole report, or the error that ended it.
type readMsg struct {
	id    int
	early *report.CardReport
	rep   *report.CardReport
	err   error
}

// Run drives the machine until ctx ends. It never stops on a card or
// reader problem: those are screens.
func (m *Machine) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	l := &loop{m: m, ctx: ctx, service: true, readers: map[string]bool{}, results: make(chan readMsg, 4)}
	defer l.clearCard()
	events := m.cfg.Source.Watch(ctx)
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				return ctx.Err()
			}
			l.event(ev)
		case msg := <-l.results:
			l.result(msg)
		case <-timerC(l.deadline):
			l.timedOut()
		case <-timerC(l.linger):
			l.linger = nil
			if l.phase == phaseResult || l.phase == phaseError {
				l.phase = phaseTakeCard
				m.cfg.Logf("kiosk: %s: asking for the card to be taken", l.active)
			}
		case <-ctx.Done():
			return ctx.Err()
		}
		m.publish(m.render(l.view()))
	}
}

func timerC(t *time.Timer) <-chan time.Time {
	if t == nil {
		return nil
	}
	return t.C
}

func (l *loop) event(ev source.Event) {
	logf := l.m.cfg.Logf
	name := ev.Reader
	switch ev.Kind {
	case source.ServiceGone:
		logf("kiosk: card service gone: %v", ev.Err)
		l.service = false
		l.clearCard()
		clear(l.readers)
	case source.ServiceBack:
		logf("kiosk: card service back")
		l.service = true
	case source.ReaderAdded:
		logf("kiosk: reader %s connected", name)
		if _, ok := l.readers[name]; !ok {
			l.readers[name] = false
		}
	case source.ReaderRemoved:
		if _, ok := l.readers[name]; ok {
			logf("kiosk: reader %s disconnected", name)
			delete(l.readers, name)
		}
		if name == l.active {
			l.clearCard()
		}
	case source.CardInserted:
		logf("kiosk: %s: card inserted", name)
		l.readers[name] = true
	case source.CardRemoved:
		if _, ok := l.readers[name]; ok {
			logf("kiosk: %s: card removed", name)
			l.readers[name] = false
		}
		if name == l.active {
			l.clearCard()
		}
	}
	if l.active == "" && l.service {
		// One card at a time: the first reader (by name) holding one.
		var names []string
		for r, present := range l.readers {
			if present {
				names = append(names, r)
			}
		}
		if len(names) > 0 {
			slices.Sort(names)
			l.startRead(names[0])
		}
	}
}

// clearCard forgets the card being shown, and stops its read.
func (l *loop) clearCard() {
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
	stopTimer(&l.deadline)
	stopTimer(&l.linger)
	l.readID++ // whatever the old read still sends is ignored
	l.active, l.phase, l.rep, l.pending, l.problem, l.held = "", 0, nil, false, report.Details{}, nil
}

func stopTimer(t **time.Timer) {
	if *t != nil {
		(*t).Stop()
		*t = nil
	}
}

func (l *loop) startRead(reader string) {
	l.clearCard()
	cfg := l.m.cfg
	l.visits++
	l.active, l.phase, l.started = reader, phaseReading, time.Now()
	ctx, cancel := context.WithTimeout(l.ctx, cfg.ReadTimeout)
	l.cancel = cancel
	// The loop's own timer, not just ctx: a card can hang inside a command
	// that does not watch ctx, and the screen must move on regardless.
	l.deadline = time.NewTimer(cfg.ReadTimeout)
	go l.m.read(ctx, l.readID, reader, cfg.Today(), l.results)
}

// read connects to the card and runs the no-PIN check, sending the early
// report as soon as the validity is known and then the whole one.
func (m *Machine) read(ctx context.Context, id int, reader string, today window.Date, out chan<- readMsg) {
	send := func(msg readMsg) {
		msg.id = id
		select {
		case out <- msg:
		case <-ctx.Done():
		}
	}
	err := m.check(ctx, reader, today, func(r *report.CardReport) { send(readMsg{early: r}) },
		func(r *report.CardReport) { send(readMsg{rep: r}) })
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			err = fmt.Errorf("reading the card in %q: no answer within %v: %w", reader, m.cfg.ReadTimeout, source.ErrTimeout)
		}
		send(readMsg{err: err})
	}
}

func (m *Machine) check(ctx context.Context, reader string, today window.Date, early, done func(*report.CardReport)) error {
	r, err := cardcheck.Read(func() (*source.Card, error) {
		return m.cfg.Source.Connect(ctx, reader)
	}, cardcheck.Options{Trust: m.cfg.Trust, Today: today, Rule: m.cfg.Rule, Quick: m.cfg.Quick, Early: early})
	if err != nil {
		return err
	}
	defer r.Card.Close()
	done(r.Report)
	return nil
}

func (l *loop) result(msg readMsg) {
	if msg.id != l.readID || l.active == "" {
		return // from a read that was abandoned
	}
	logf := l.m.cfg.Logf
	took := time.Since(l.started).Round(time.Millisecond)
	switch {
	case msg.early != nil:
		if l.phase == phaseReading {
			l.phase, l.rep, l.pending = phaseResult, msg.early, true
			// State and timing only: the expiry is the holder's birthday.
			logf("kiosk: %s: %s (early answer after %v)", l.active, msg.early.State, took)
		}
		return
	case msg.rep != nil:
		l.phase, l.rep, l.pending = phaseResult, msg.rep, false
		logf("kiosk: %s: %s (exit code %d) after %v", l.active, msg.rep.State, msg.rep.ExitCode, took)
	default:
		d := report.Classify(msg.err)
		logf("kiosk: %s: %s after %v: %v", l.active, d.Problem, took, msg.err)
		if d.Problem == report.CardRemoved && l.held == nil {
			// The card left mid-read (or another program reset it): the
			// removal is on its way and takes the page back to waiting.
			// Only a card that is still there gets to see this error.
			stopTimer(&l.deadline)
			l.held = &d
			l.deadline = time.NewTimer(removalGrace)
			return
		}
		l.phase, l.rep, l.pending, l.problem = phaseError, nil, false, d
	}
	l.finish()
}

// removalGrace is how long a read that failed because the card left
// waits for the removal to be reported (pcscd polls every ~400 ms).
const removalGrace = time.Second

// finish ends a read: the card is let go, and the result lingers.
func (l *loop) finish() {
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
	stopTimer(&l.deadline)
	if l.m.cfg.Linger > 0 {
		l.linger = time.NewTimer(l.m.cfg.Linger)
	}
}

func (l *loop) timedOut() {
	l.deadline = nil
	if l.held != nil {
		l.phase, l.rep, l.pending, l.problem, l.held = phaseError, nil, false, *l.held, nil
		l.finish()
		return
	}
	if l.phase != phaseReading && !(l.phase == phaseResult && l.pending) {
		return
	}
	err := fmt.Errorf("reading the card in %q: no answer within %v: %w", l.active, l.m.cfg.ReadTimeout, source.ErrTimeout)
	l.m.cfg.Logf("kiosk: %s: %v", l.active, err)
	l.readID++
	l.phase, l.rep, l.pending, l.problem = phaseError, nil, false, report.Classify(err)
	l.finish()
}

// view is the part of the loop's state the page shows.
func (l *loop) view() view {
	v := view{rep: l.rep, pending: l.pending, problem: l.problem.Problem}
	switch {
	case !l.service:
		v.screen = ScreenNoService
	case l.active != "":
		v.visit = l.visits
		v.screen = map[phase]Screen{phaseReading: ScreenReading, phaseResult: ScreenResult,
			phaseError: ScreenError, phaseTakeCard: ScreenTakeCard}[l.phase]
	case len(l.readers) == 0:
		v.screen = ScreenNoReader
	default:
		v.screen = ScreenWaiting
	}
	// "Please take your card" is a banner over the answer, not in its
	// place: the resident may still be reading.
	if v.screen != ScreenResult && v.screen != ScreenTakeCard {
		v.rep, v.pending = nil, false
	}
	if v.screen != ScreenError && v.screen != ScreenTakeCard {
		v.problem = ""
	}
	return v
}
