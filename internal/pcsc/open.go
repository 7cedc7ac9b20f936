package pcsc

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Options choose the card Open connects to.
type Options struct {
	// Reader selects readers whose name contains it (case-insensitive).
	// "" means every reader; the first one holding a card wins.
	Reader string
	// Wait is how long to wait for a card, and for a reader when there is
	// none yet. 0 means do not wait.
	Wait time.Duration
	// Timeout bounds each exchange with the card; 0 means DefaultTimeout.
	Timeout time.Duration
	// OnWaiting is called once, when Open starts waiting, with the names of
	// the readers it waits on (empty while there is no reader at all), so
	// the caller can ask for the card.
	OnWaiting func(readers []string)
}

// Open connects to a card the way a command-line tool wants: the first
// selected reader holding a card, or else the first card inserted within
// o.Wait. It fails with ErrNoService when the service is not running,
// ErrNoReader when there is no reader (after waiting for one), ErrNoCard
// when no card came, an *UnknownReaderError (ErrUnknownReader) when
// o.Reader matches none of the readers there are, and with the connection
// errors of Connect (ErrSharingViolation, ErrUnresponsiveCard ...). A card
// that is there but does not answer its power-up yet is tried again until
// o.Wait is over, and is then ErrUnresponsiveCard. The caller closes the
// card.
func Open(ctx context.Context, o Options) (*Card, error) {
	deadline := time.Now().Add(o.Wait)
	waiting := false
	backoff := 50 * time.Millisecond
	for {
		readers, err := Readers()
		if err != nil {
			return nil, err
		}
		cands, err := selectReaders(readers, o.Reader)
		if err != nil {
			return nil, err
		}
		if r, ok := withCard(cands); ok {
			card, err := Connect(ctx, r.Name, o.Timeout)
			if err == nil {
				return card, nil
			}
			// A card moving on an NFC reader flickers in and out: if it left
			// between the look and the connection, wait for it again. One
			// still sliding into a contact reader can be mute at first:
			// power it up again a little later.
			if !(errors.Is(err, ErrNoCard) || errors.Is(err, ErrCardRemoved) || notReadyYet(err)) || !time.Now().Before(deadline) {
				return nil, err
			}
			if !sleep(ctx, min(backoff, time.Until(deadline))) {
				return nil, fmt.Errorf("waiting for a card: %w", ctx.Err())
			}
			backoff = min(2*backoff, 400*time.Millisecond)
			continue
		}
		if !time.Now().Before(deadline) {
			return nil, notFound(readers, cands)
		}
		if !waiting {
			waiting = true
			if o.OnWaiting != nil {
				names := make([]string, len(cands))
				for i, r := range cands {
					names[i] = r.Name
				}
				o.OnWaiting(names)
			}
		}
		wctx, cancel := context.WithDeadline(ctx, deadline)
		_, err = WaitForCard(wctx, o.Reader)
		cancel()
		switch {
		case ctx.Err() != nil:
			return nil, fmt.Errorf("waiting for a card: %w", ctx.Err())
		case err != nil && !errors.Is(err, context.DeadlineExceeded):
			return nil, err
		}
		// A card arrived, or the wait is over: look again and decide.
	}
}

// selectReaders keeps the readers matching want. A name that matches none
// of the readers there are is an error at once (a typo is likelier than a
// reader about to be plugged in); with no reader at all, there is nothing
// to compare with yet.
func selectReaders(readers []Reader, want string) ([]Reader, error) {
	var out []Reader
	for _, r := range readers {
		if matches(r.Name, want) {
			out = append(out, r)
		}
	}
	if len(out) == 0 && len(readers) > 0 {
		names := make([]string, len(readers))
		for i, r := range readers {
			names[i] = r.Name
		}
		return nil, &UnknownReaderError{Want: want, Readers: names}
	}
	return out, nil
}

// withCard picks the first reader with a card, preferring one no other
// program holds exclusively.
func withCard(readers []Reader) (Reader, bool) {
	for _, r := range readers {
		if r.CardPresent && !r.Exclusive {
			return r, true
		}
	}
	for _, r := range readers {
		if r.CardPresent {
			return r, true
		}
	}
	return Reader{}, false
}

func notFound(readers, cands []Reader) error {
	if len(readers) == 0 {
		return &opError{Op: "looking for a card", Err: ErrNoReader}
	}
	names := make([]string, len(cands))
	for i, r := range cands {
		names[i] = r.Name
	}
	return &opError{Op: fmt.Sprintf("looking for a card in %q", names), Err: ErrNoCard}
}
