package source

import (
	"errors"

	"github.com/jpkicheck/jpkicheck/internal/pcsc"
)

// CheckReader checks at start that o.Reader names a connected reader, so
// that a misspelt name is an error listing the readers instead of a
// kiosk that waits for ever for a reader that is there under another
// name. It is an *pcsc.UnknownReaderError (pcsc.ErrUnknownReader) only
// when readers are connected and none matches: with no reader connected
// yet, or the service not running, a kiosk waits for them (nil).
func CheckReader(o Options) error {
	if o.Reader == "" || o.Sim != "" {
		return nil
	}
	all, err := pcsc.Readers()
	if errors.Is(err, pcsc.ErrNoService) || errors.Is(err, pcsc.ErrNoReader) {
		return nil
	}
	if err != nil {
		return err
	}
	var names []string
	for _, r := range all {
		if r.Matches(o.Reader) {
			return nil
		}
		names = append(names, r.Name)
	}
	if len(names) == 0 {
		return nil
	}
	return &pcsc.UnknownReaderError{Want: o.Reader, Readers: names}
}
