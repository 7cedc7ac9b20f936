package kiosk

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
	"github.com/jpkicheck/jpkicheck/internal/report"
)

// SimReader is the name of the simulated card's reader.
const SimReader = "jpkicheck simulated reader"

// Sim is a Source holding jpkicheck's built-in simulated card, in one
// simulated reader: Insert puts a card in, Remove takes it out. The kiosk's
// --sim runs on it (card in from the start, for demos and screenshots), and
// so do the state-machine tests.
type Sim struct {
	// Today is the day the cards' dates are relative to; zero means today
	// in Japan.
	Today time.Time

	mu       sync.Mutex
	card     *cardsim.Card
	queue    []pcsc.Event
	wake     chan struct{}
	watching bool
}

// Insert puts a new simulated card with the options' profile into the
// reader (taking out the one there, if any).
func (s *Sim) Insert(o cardsim.Options) error {
	if o.Today.IsZero() {
		o.Today = s.Today
	}
	card, err := cardsim.New(o)
	if err != nil {
		return fmt.Errorf("making the simulated card: %w", err)
	}
	s.mu.Lock()
	s.removeLocked()
	s.card = card
	s.pushLocked(simEvent(pcsc.CardInserted))
	s.mu.Unlock()
	return nil
}

// Remove takes the card out; a command waiting on a hanging card ends.
func (s *Sim) Remove() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.removeLocked()
}

func (s *Sim) removeLocked() {
	if s.card == nil {
		return
	}
	s.card.Remove()
	s.card = nil
	s.pushLocked(simEvent(pcsc.CardRemoved))
}

// Card is the card in the reader, or nil.
func (s *Sim) Card() *cardsim.Card {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.card
}

// Unplug plays the reader being unplugged (true; a card in it is removed
// first) or plugged back in (false).
func (s *Sim) Unplug(unplug bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !unplug {
		s.pushLocked(simEvent(pcsc.ReaderAdded))
		return
	}
	s.removeLocked()
	s.pushLocked(simEvent(pcsc.ReaderRemoved))
}

// StopService plays the PC/SC service stopping (stop true: every reader
// and card is gone with it) or coming back with the reader.
func (s *Sim) StopService(stop bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !stop {
		s.pushLocked(pcsc.Event{Kind: pcsc.ServiceBack})
		s.pushLocked(simEvent(pcsc.ReaderAdded))
		return
	}
	if s.card != nil {
		s.card.Remove()
		s.card = nil
	}
	s.pushLocked(pcsc.Event{Kind: pcsc.ServiceGone, Err: errors.New("simulated service stop")})
}

// pushLocked queues an event for the watcher, if there is one: its first
// events describe the reader as it is when it starts watching.
func (s *Sim) pushLocked(ev pcsc.Event) {
	if !s.watching {
		return
	}
	s.queue = append(s.queue, ev)
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Events implements Source. There is one watcher at a time.
func (s *Sim) Events(ctx context.Context) <-chan pcsc.Event {
	s.mu.Lock()
	s.watching = true
	s.wake = make(chan struct{}, 1)
	s.queue = []pcsc.Event{simEvent(pcsc.ReaderAdded)}
	if s.card != nil {
		s.queue = append(s.queue, simEvent(pcsc.CardInserted))
	}
	wake := s.wake
	s.mu.Unlock()

	out := make(chan pcsc.Event)
	go func() {
		defer close(out)
		defer func() {
			s.mu.Lock()
			s.watching, s.queue = false, nil
			s.mu.Unlock()
		}()
		for {
			s.mu.Lock()
			evs := s.queue
			s.queue = nil
			s.mu.Unlock()
			for _, ev := range evs {
				select {
				case out <- ev:
				case <-ctx.Done():
					return
				}
			}
			select {
			case <-wake:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// simEvent is a change of the simulated reader.
func simEvent(k pcsc.EventKind) pcsc.Event {
	r := pcsc.Reader{Name: SimReader}
	if k == pcsc.CardInserted {
		r.CardPresent = true
	}
	return pcsc.Event{Kind: k, Reader: r}
}

// Connect implements Source.
func (s *Sim) Connect(ctx context.Context, reader string) (Card, error) {
	s.mu.Lock()
	card := s.card
	s.mu.Unlock()
	if reader != SimReader || card == nil {
		return nil, fmt.Errorf("connecting to the simulated card: %w", cardsim.ErrRemoved)
	}
	return simCard{card}, nil
}

type simCard struct{ c *cardsim.Card }

func (c simCard) Do(ctx context.Context, fn func(jpki.Transmitter) error) error {
	return fn(ctxSim{c.c, ctx})
}

func (c simCard) Info() report.CardInfo {
	return report.CardInfo{Simulated: true, Profile: string(c.c.Profile())}
}

func (c simCard) TrustPEM() []byte { return c.c.CAPEM() }
func (c simCard) Close() error     { return nil }

// ctxSim refuses commands once ctx has ended, as a PC/SC card abandoned by
// the kiosk does. A command already waiting on a hanging card ends only
// when the card is removed, like a real one.
type ctxSim struct {
	c   *cardsim.Card
	ctx context.Context
}

func (t ctxSim) Transmit(apdu []byte) ([]byte, error) {
	if err := t.ctx.Err(); err != nil {
		return nil, fmt.Errorf("simulated card: %w", err)
	}
	return t.c.Transmit(apdu)
}
