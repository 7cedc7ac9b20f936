package source

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

// simTransmitter is the simulated card as the protocol code sees it: its
// removal is pcsc.ErrCardRemoved, as a real card's is, so that nothing
// above this package tells the two apart.
type simTransmitter struct{ c *cardsim.Card }

func (t simTransmitter) Transmit(apdu []byte) ([]byte, error) {
	rsp, err := t.c.Transmit(apdu)
	return rsp, simError(err)
}

func simError(err error) error {
	if errors.Is(err, cardsim.ErrRemoved) {
		return fmt.Errorf("simulated card: %w (%w)", pcsc.ErrCardRemoved, err)
	}
	return err
}

// Profile is one of the simulated card's profiles.
type Profile struct {
	Name        string
	Description string // one line
}

// DefaultProfile is the simulated card a bare --sim means: a valid My
// Number Card, renewal not yet open.
const DefaultProfile = string(cardsim.Valid)

// Profiles lists the simulated card's profiles with a line on each.
func Profiles() []Profile {
	var out []Profile
	for _, p := range cardsim.Profiles() {
		out = append(out, Profile{Name: string(p.Name), Description: p.Description})
	}
	return out
}

// IsProfile reports whether name is one of Profiles.
func IsProfile(name string) bool {
	for _, p := range cardsim.Profiles() {
		if string(p.Name) == name {
			return true
		}
	}
	return false
}

// simReaderName is the name of the simulated card's reader in a Sim.
const simReaderName = "jpkicheck simulated reader"

// Sim is the simulated card's reader as Readers: Insert puts a card in,
// Remove takes it out. The kiosk's --sim runs on it (card in from the
// start, for demos and screenshots), and so do the kiosk's tests, which
// also play the reader and the service going away.
type Sim struct {
	opts Options

	mu       sync.Mutex
	card     *cardsim.Card
	queue    []Event
	wake     chan struct{}
	watching bool
}

// NewSim returns an empty simulated reader. The options' Today, SimOptions
// and protocol options apply to every card inserted; its Reader filters
// the reader out as it would a real one.
func NewSim(o Options) *Sim { return &Sim{opts: o} }

// Insert puts a new simulated card with the profile into the reader
// (taking out the one there, if any).
func (s *Sim) Insert(profile string) error {
	o := s.opts.SimOptions
	o.Profile, o.Today = cardsim.Profile(profile), s.opts.Today
	card, err := cardsim.New(o)
	if err != nil {
		return fmt.Errorf("making the simulated card: %w", err)
	}
	s.mu.Lock()
	s.removeLocked()
	s.card = card
	s.pushLocked(simEvent(CardInserted))
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
	s.pushLocked(simEvent(CardRemoved))
}

// LoseContact plays a card that stops answering as if removed while the
// reader still reports it (another program reset it, an NFC card slid
// away and back): its commands fail, and no event comes.
func (s *Sim) LoseContact() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.card != nil {
		s.card.Remove()
	}
}

// Unplug plays the reader being unplugged (true; a card in it is removed
// first) or plugged back in (false).
func (s *Sim) Unplug(unplug bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !unplug {
		s.pushLocked(simEvent(ReaderAdded))
		return
	}
	s.removeLocked()
	s.pushLocked(simEvent(ReaderRemoved))
}

// StopService plays the PC/SC service stopping (stop true: every reader
// and card is gone with it) or coming back with the reader.
func (s *Sim) StopService(stop bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !stop {
		s.pushLocked(Event{Kind: ServiceBack})
		s.pushLocked(simEvent(ReaderAdded))
		return
	}
	if s.card != nil {
		s.card.Remove()
		s.card = nil
	}
	s.pushLocked(Event{Kind: ServiceGone, Err: errors.New("simulated service stop")})
}

// pushLocked queues an event for the watcher, if there is one: its first
// events describe the reader as it is when it starts watching.
func (s *Sim) pushLocked(ev Event) {
	if !s.watching || !s.opts.selects(ev) {
		return
	}
	s.queue = append(s.queue, ev)
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Watch implements Readers. There is one watcher at a time.
func (s *Sim) Watch(ctx context.Context) <-chan Event {
	s.mu.Lock()
	s.watching = true
	s.wake = make(chan struct{}, 1)
	s.queue = nil
	s.pushLocked(simEvent(ReaderAdded))
	if s.card != nil {
		s.pushLocked(simEvent(CardInserted))
	}
	wake := s.wake
	s.mu.Unlock()

	out := make(chan Event)
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
func simEvent(k EventKind) Event { return Event{Kind: k, Reader: simReaderName} }

// Connect implements Readers.
func (s *Sim) Connect(ctx context.Context, reader string) (*Card, error) {
	s.mu.Lock()
	card := s.card
	s.mu.Unlock()
	if reader != simReaderName || card == nil {
		return nil, fmt.Errorf("connecting to the simulated card: %w", pcsc.ErrCardRemoved)
	}
	return simulated(ctx, card, simReaderName, s.opts)
}
