package pcsc

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/ebfe/scard"
)

// pnpReader is the pseudo-reader whose state changes when a reader is
// plugged in or out; listing it in GetStatusChange wakes us for new readers.
const pnpReader = `\\?PnP?\Notification`

// Reader is a reader and what is in it.
type Reader struct {
	Name        string
	CardPresent bool
	ATR         []byte // the card's ATR; nil when no card is present
	InUse       bool   // another handle (any program) is connected to the card
	Exclusive   bool   // a program holds the card exclusively
	Mute        bool   // a card is there but did not answer the reset
}

// flagMask keeps the state flags of a reader state. pcsc-lite puts an event
// counter in the high 16 bits of dwEventState, so flags are tested bitwise
// after masking and whole values are never compared.
const flagMask = 0xFFFF

func stateFlags(s scard.StateFlag) scard.StateFlag { return s & flagMask }

// eventCount is pcsc-lite's per-reader count of card events; a change with
// the card present both times means it was swapped between two looks.
func eventCount(s scard.StateFlag) uint16 { return uint16(s >> 16) }

// readerFromState decodes one reader state. After a removal pcsc-lite still
// reports the old ATR, so the ATR is kept only while a card is present.
func readerFromState(rs scard.ReaderState) Reader {
	f := stateFlags(rs.EventState)
	r := Reader{
		Name:        rs.Reader,
		CardPresent: f&scard.StatePresent != 0,
		InUse:       f&scard.StateInuse != 0,
		Exclusive:   f&scard.StateExclusive != 0,
		Mute:        f&scard.StateMute != 0,
	}
	if r.CardPresent && len(rs.Atr) > 0 {
		r.ATR = bytes.Clone(rs.Atr)
	}
	return r
}

// Readers lists the readers and their cards. No reader at all is an empty
// list, not an error.
func Readers() ([]Reader, error) {
	sc, err := establish()
	if err != nil {
		return nil, err
	}
	type result struct {
		readers []Reader
		err     error
	}
	done := make(chan result, 1)
	go func() {
		defer sc.Release() // also when the answer comes too late
		rs, err := readersOf(sc)
		done <- result{rs, err}
	}()
	timer := time.NewTimer(serviceTimeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.readers, r.err
	case <-timer.C:
		return nil, serviceStalled("listing readers")
	}
}

// serviceTimeout bounds the calls to the PC/SC service that are not calls
// on a card (those have the card's timeout). pcsc-lite's client waits on
// the daemon's socket without a limit, so a daemon that is stopped
// (SIGSTOP) or stuck in a reader driver hung jpkicheck for ever: check and
// readers were still waiting after 25 s (test/e2e,
// TestStalledDaemon). A working service answers in milliseconds.
var serviceTimeout = DefaultTimeout

// serviceStalled reports a service that did not answer in time as a
// service that is not available: restarting it is what helps.
func serviceStalled(op string) error {
	return &opError{Op: fmt.Sprintf("%s (no answer within %v)", op, serviceTimeout), Err: ErrNoService}
}

// establish connects to the service within serviceTimeout. A context that
// arrives after the caller gave up is released, not leaked.
func establish() (*scard.Context, error) {
	type result struct {
		sc  *scard.Context
		err error
	}
	done := make(chan result, 1)
	var mu sync.Mutex
	late := false
	go func() {
		sc, err := scard.EstablishContext()
		mu.Lock()
		defer mu.Unlock()
		if late {
			if err == nil {
				sc.Release()
			}
			return
		}
		done <- result{sc, err}
	}()
	timer := time.NewTimer(serviceTimeout)
	defer timer.Stop()
	var r result
	select {
	case r = <-done:
	case <-timer.C:
		mu.Lock()
		defer mu.Unlock()
		select {
		case r = <-done: // it made it after all
		default:
			late = true
			return nil, serviceStalled("connecting to the pc/sc service")
		}
	}
	if r.err != nil {
		return nil, wrap("connecting to the pc/sc service", r.err)
	}
	return r.sc, nil
}

func listNames(sc *scard.Context) ([]string, error) {
	names, err := sc.ListReaders()
	if errors.Is(err, scard.ErrNoReadersAvailable) {
		return nil, nil
	}
	if err != nil {
		return nil, wrap("listing readers", err)
	}
	return names, nil
}

func readersOf(sc *scard.Context) ([]Reader, error) {
	for attempt := 0; ; attempt++ {
		names, err := listNames(sc)
		if err != nil || len(names) == 0 {
			return nil, err
		}
		states := make([]scard.ReaderState, len(names))
		for i, n := range names {
			states[i] = scard.ReaderState{Reader: n, CurrentState: scard.StateUnaware}
		}
		err = sc.GetStatusChange(states, 0)
		if errors.Is(err, scard.ErrUnknownReader) && attempt < 3 {
			continue // unplugged between the two calls: list again
		}
		if err != nil {
			return nil, wrap("reading reader states", err)
		}
		out := make([]Reader, 0, len(states))
		for _, rs := range states {
			if stateFlags(rs.EventState)&(scard.StateUnknown|scard.StateIgnore) != 0 {
				continue
			}
			out = append(out, readerFromState(rs))
		}
		return out, nil
	}
}

// Matches reports whether the reader is selected by want, a
// case-insensitive part of its name ("" selects every reader), as --reader
// selects readers everywhere.
func (r Reader) Matches(want string) bool { return matches(r.Name, want) }

// matches reports whether a reader name is selected by want, a
// case-insensitive substring ("" selects every reader).
func matches(name, want string) bool {
	return want == "" || strings.Contains(strings.ToLower(name), strings.ToLower(want))
}
