package source

import (
	"context"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

// Readers is where a kiosk's cards come from: the PC/SC readers watched
// all day, or the simulated reader (Sim).
type Readers interface {
	// Watch reports reader and card changes until ctx ends, then closes
	// the channel. It starts with the current state (readers, then the
	// cards already in them), so the watcher builds its view from events
	// alone.
	Watch(ctx context.Context) <-chan Event
	// Connect connects to the card in the named reader. ctx bounds the
	// card's use: once it ends, its commands fail and one on its way is
	// abandoned. No PIN can be sent to it (it is never Exclusive).
	Connect(ctx context.Context, reader string) (*Card, error)
}

// Event is one change in the readers.
type Event struct {
	Kind   EventKind
	Reader string // the reader's name; "" for the service's events
	Err    error  // ServiceGone: the failure that revealed it
}

// EventKind says what changed.
type EventKind int

const (
	CardInserted  EventKind = iota + 1 // a card is in Reader
	CardRemoved                        // the card left Reader
	ReaderAdded                        // Reader appeared (a CardInserted follows if it holds a card)
	ReaderRemoved                      // Reader is gone (after a CardRemoved if it held one)
	ServiceGone                        // the PC/SC service stopped: every reader with it
	ServiceBack                        // the service is back; the readers follow
)

// NewReaders returns the readers the options name: the PC/SC readers, or
// for o.Sim the simulated reader with that card in it. Only the readers
// matching o.Reader are reported; cards are opened with o.Timeout and the
// protocol options.
func NewReaders(o Options) (Readers, error) {
	if o.Sim == "" {
		return pcscReaders{o}, nil
	}
	s := NewSim(o)
	if err := s.Insert(o.Sim); err != nil {
		return nil, err
	}
	return s, nil
}

// selects reports whether the options keep the event's reader.
func (o Options) selects(ev Event) bool {
	return ev.Reader == "" || o.Reader == "" || strings.Contains(strings.ToLower(ev.Reader), strings.ToLower(o.Reader))
}

// pcscReaders are the PC/SC readers. pcsc.Watch rides out service
// restarts and readers coming and going.
type pcscReaders struct{ o Options }

func (r pcscReaders) Watch(ctx context.Context) <-chan Event {
	in := pcsc.Watch(ctx)
	out := make(chan Event)
	go func() {
		defer close(out)
		for pev := range in {
			ev := Event{Kind: eventKinds[pev.Kind], Reader: pev.Reader.Name, Err: pev.Err}
			if ev.Kind == 0 || !r.o.selects(ev) {
				continue
			}
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

var eventKinds = map[pcsc.EventKind]EventKind{
	pcsc.CardInserted:  CardInserted,
	pcsc.CardRemoved:   CardRemoved,
	pcsc.ReaderAdded:   ReaderAdded,
	pcsc.ReaderRemoved: ReaderRemoved,
	pcsc.ServiceGone:   ServiceGone,
	pcsc.ServiceBack:   ServiceBack,
}

func (r pcscReaders) Connect(ctx context.Context, reader string) (*Card, error) {
	c, err := Connect(ctx, reader, r.o)
	if err != nil {
		return nil, err
	}
	c.abandon = true
	return c, nil
}
