package pcsc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ebfe/scard"
)

// Tests in this file need no PC/SC service.

func TestErrorMapping(t *testing.T) {
	alive := serviceGone
	defer func() { serviceGone = alive }()
	serviceGone = func() bool { return false }
	tests := []struct {
		code scard.Error
		want error
	}{
		{scard.ErrNoService, ErrNoService},
		{scard.ErrServiceStopped, ErrNoService},
		{scard.ErrCommError, ErrNoService},
		{scard.ErrNoReadersAvailable, ErrNoReader},
		{scard.ErrReaderUnavailable, ErrNoReader},
		{scard.ErrUnknownReader, ErrUnknownReader},
		{scard.ErrNoSmartcard, ErrNoCard},
		{scard.ErrRemovedCard, ErrCardRemoved},
		{scard.ErrNotTransacted, ErrTransmission},
		{scard.ErrCommDataLost, ErrTransmission},
		{scard.ErrResetCard, ErrCardReset},
		{scard.ErrSharingViolation, ErrSharingViolation},
		{scard.ErrTimeout, ErrTimeout},
		{scard.ErrUnresponsiveCard, ErrUnresponsiveCard},
		{scard.ErrUnpoweredCard, ErrUnresponsiveCard},
		{scard.ErrUnsupportedCard, ErrUnresponsiveCard},
		{scard.ErrProtoMismatch, ErrUnresponsiveCard},
		{scard.ErrCancelled, context.Canceled},
		{scard.ErrInternalError, ErrPCSC},
		{scard.ErrInvalidHandle, ErrPCSC},
		{scard.ErrSecurityViolation, ErrPCSC},
	}
	for _, tt := range tests {
		err := wrap("doing something", tt.code)
		if !errors.Is(err, tt.want) {
			t.Errorf("wrap(%#x) = %v, want errors.Is %v", uint32(tt.code), err, tt.want)
		}
		var se scard.Error
		if errors.As(err, &se) {
			t.Errorf("wrap(%#x) leaks scard.Error to callers", uint32(tt.code))
		}
		code, ok := rawCode(err)
		if !ok || code != uint32(tt.code) {
			t.Errorf("rawCode(wrap(%#x)) = %#x, %v", uint32(tt.code), code, ok)
		}
		if !strings.HasPrefix(err.Error(), "doing something: ") || !strings.Contains(err.Error(), fmt.Sprintf("0x%08X", uint32(tt.code))) {
			t.Errorf("message %q lacks the context or the raw code", err)
		}
	}

	// The code pcsc-lite gives the call in flight while its daemon exits
	// means a lost service only when the service is indeed gone (polkit
	// builds also use it for "access denied").
	serviceGone = func() bool { return true }
	if err := wrap("x", scard.ErrSecurityViolation); !errors.Is(err, ErrNoService) {
		t.Errorf("security violation with the service gone = %v, want ErrNoService", err)
	}
}

func TestTransmissionFailure(t *testing.T) {
	noSW := &opError{Op: "transmitting (response without a status word)", Err: ErrTransmission}
	tests := []struct {
		name     string
		err      error
		present  bool
		want     error
		wantCode uint32
	}{
		{"not transacted, card still there", wrap("transmitting", scard.ErrNotTransacted), true, ErrTransmission, uint32(scard.ErrNotTransacted)},
		{"not transacted, card gone", wrap("transmitting", scard.ErrNotTransacted), false, ErrCardRemoved, uint32(scard.ErrNotTransacted)},
		{"data lost, card still there", wrap("transmitting", scard.ErrCommDataLost), true, ErrTransmission, uint32(scard.ErrCommDataLost)},
		{"data lost, card gone", wrap("transmitting", scard.ErrCommDataLost), false, ErrCardRemoved, uint32(scard.ErrCommDataLost)},
		{"no status word, card still there", noSW, true, ErrTransmission, 0},
		{"no status word, card gone", noSW, false, ErrCardRemoved, 0},
		{"removal stays removal", wrap("transmitting", scard.ErrRemovedCard), true, ErrCardRemoved, uint32(scard.ErrRemovedCard)},
		{"other failures untouched", wrap("transmitting", scard.ErrTimeout), false, ErrTimeout, uint32(scard.ErrTimeout)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := transmissionFailure(tt.err, tt.present)
			if !errors.Is(got, tt.want) {
				t.Errorf("transmissionFailure(%v, present %v) = %v, want %v", tt.err, tt.present, got, tt.want)
			}
			if tt.want != ErrTransmission && errors.Is(got, ErrTransmission) || tt.want != ErrCardRemoved && errors.Is(got, ErrCardRemoved) {
				t.Errorf("transmissionFailure(%v, present %v) = %v: means both", tt.err, tt.present, got)
			}
			if code, _ := rawCode(got); code != tt.wantCode {
				t.Errorf("code %#x, want %#x", code, tt.wantCode)
			}
			if !strings.HasPrefix(got.Error(), "transmitting") {
				t.Errorf("message %q lost its operation", got)
			}
		})
	}
	if ErrTransmission.Error() != "transmission to the card failed" {
		t.Errorf("ErrTransmission = %q", ErrTransmission)
	}
}

func TestNotReadyYet(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{wrap("connecting", scard.ErrUnpoweredCard), true},
		{wrap("connecting", scard.ErrUnresponsiveCard), true},
		{wrap("connecting", scard.ErrUnsupportedCard), false},
		{wrap("connecting", scard.ErrProtoMismatch), false},
		{wrap("connecting", scard.ErrInvalidAtr), false},
		{wrap("connecting", scard.ErrSharingViolation), false},
		{&opError{Op: "connecting", Err: ErrUnresponsiveCard}, false},
		{errors.New("plain"), false},
	}
	for _, tt := range tests {
		if got := notReadyYet(tt.err); got != tt.want {
			t.Errorf("notReadyYet(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	err := wrap(`connecting to "R"`, scard.ErrSharingViolation)
	want := `connecting to "R": card is in use by another program (SCARD_E_SHARING_VIOLATION 0x8010000B)`
	if err.Error() != want {
		t.Errorf("got  %q\nwant %q", err, want)
	}
	if wrap("x", nil) != nil {
		t.Error("wrap(nil) != nil")
	}
	plain := errors.New("plain")
	if err := wrap("op", plain); !errors.Is(err, plain) || err.Error() != "op: plain" {
		t.Errorf("wrap of a non-PC/SC error = %v", err)
	}
	if _, ok := rawCode(wrap("op", plain)); ok {
		t.Error("Code of a non-PC/SC error reported a code")
	}
	if got := codeName(0x80100099); got != "0x80100099" {
		t.Errorf("CodeName(unknown) = %q", got)
	}
	u := &UnknownReaderError{Want: "pasori", Readers: []string{"A", "B"}}
	if !errors.Is(u, ErrUnknownReader) || !strings.Contains(u.Error(), `"A" "B"`) {
		t.Errorf("UnknownReaderError = %v", u)
	}
	if !contextLost(wrap("x", scard.ErrInvalidHandle)) || !contextLost(wrap("x", scard.ErrNoService)) ||
		!contextLost(&opError{Op: "x", Err: ErrPCSC, Code: uint32(scard.ErrSecurityViolation)}) || contextLost(wrap("x", scard.ErrRemovedCard)) {
		t.Error("contextLost misclassifies")
	}
}

func TestStateMasking(t *testing.T) {
	// pcsc-lite's counter in the high 16 bits must not hide or fake flags.
	const counter = 0x0005 << 16
	rs := scard.ReaderState{
		Reader:     "R",
		EventState: counter | scard.StatePresent | scard.StateInuse | scard.StateChanged,
		Atr:        []byte{0x3B, 0x00},
	}
	r := readerFromState(rs)
	want := Reader{Name: "R", CardPresent: true, InUse: true, ATR: []byte{0x3B, 0x00}}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("readerFromState = %+v, want %+v", r, want)
	}
	if eventCount(rs.EventState) != 5 {
		t.Errorf("eventCount = %d", eventCount(rs.EventState))
	}
	if stateFlags(rs.EventState) != scard.StatePresent|scard.StateInuse|scard.StateChanged {
		t.Errorf("stateFlags = %#x", stateFlags(rs.EventState))
	}
	// An empty reader with a counter stays empty, and the ATR pcsc-lite
	// leaves behind after a removal is dropped.
	empty := readerFromState(scard.ReaderState{Reader: "R", EventState: 0x0020<<16 | scard.StateEmpty, Atr: []byte{0x3B}})
	if empty.CardPresent || empty.ATR != nil {
		t.Errorf("empty reader decoded as %+v (stale ATR or counter taken for a flag)", empty)
	}
	mute := readerFromState(scard.ReaderState{Reader: "R", EventState: 0x10000 | scard.StatePresent | scard.StateMute | scard.StateExclusive})
	if !mute.Mute || !mute.Exclusive || mute.InUse {
		t.Errorf("mute/exclusive decoded as %+v", mute)
	}
}

func snap(name string, present bool, atr string, count uint16) snapshot {
	r := Reader{Name: name, CardPresent: present}
	if present {
		r.ATR = []byte(atr)
	}
	return snapshot{r: r, count: count, countOK: true}
}

func kinds(evs []Event) string {
	var b strings.Builder
	for _, e := range evs {
		fmt.Fprintf(&b, "%s %s; ", e.Kind, e.Reader.Name)
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	noCount := func(s snapshot) snapshot { s.countOK = false; return s }
	tests := []struct {
		name     string
		old, cur []snapshot
		want     string
	}{
		{"first look", nil, []snapshot{snap("A", false, "", 0), snap("B", true, "x", 1)},
			"reader added A; reader added B; card inserted B; "},
		{"nothing", []snapshot{snap("A", true, "x", 1)}, []snapshot{snap("A", true, "x", 1)}, ""},
		{"insert", []snapshot{snap("A", false, "", 0)}, []snapshot{snap("A", true, "x", 1)}, "card inserted A; "},
		{"remove", []snapshot{snap("A", true, "x", 1)}, []snapshot{snap("A", false, "", 2)}, "card removed A; "},
		{"swap seen by counter", []snapshot{snap("A", true, "x", 1)}, []snapshot{snap("A", true, "x", 3)},
			"card removed A; card inserted A; "},
		{"swap seen by ATR", []snapshot{snap("A", true, "x", 1)}, []snapshot{noCount(snap("A", true, "y", 0))},
			"card removed A; card inserted A; "},
		{"counters of another daemon are not compared", []snapshot{noCount(snap("A", true, "x", 7))}, []snapshot{snap("A", true, "x", 1)}, ""},
		{"reader unplugged with card", []snapshot{snap("A", true, "x", 1), snap("B", false, "", 0)}, []snapshot{snap("B", false, "", 0)},
			"card removed A; reader removed A; "},
		{"reader plugged", []snapshot{snap("A", false, "", 0)}, []snapshot{snap("A", false, "", 0), snap("C", false, "", 0)},
			"reader added C; "},
	}
	for _, tt := range tests {
		if got := kinds(diff(tt.old, tt.cur)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	evs := diff(nil, []snapshot{snap("B", true, "atr", 1)})
	if !bytes.Equal(evs[1].Reader.ATR, []byte("atr")) {
		t.Errorf("CardInserted carries ATR %x", evs[1].Reader.ATR)
	}
}

func TestSelectReaders(t *testing.T) {
	readers := []Reader{
		{Name: "Sony FeliCa Port/PaSoRi 3.0"},
		{Name: "Virtual PCD 00 00", CardPresent: true, Exclusive: true},
		{Name: "Virtual PCD 00 01", CardPresent: true},
	}
	got, err := selectReaders(readers, "virtual")
	if err != nil || len(got) != 2 {
		t.Fatalf("selectReaders(virtual) = %v, %v", got, err)
	}
	if r, ok := withCard(got); !ok || r.Name != "Virtual PCD 00 01" {
		t.Errorf("withCard prefers %q, want the reader not held exclusively", r.Name)
	}
	if r, ok := withCard(got[:1]); !ok || r.Name != "Virtual PCD 00 00" {
		t.Errorf("withCard with only an exclusive card = %q, %v", r.Name, ok)
	}
	if _, ok := withCard(readers[:1]); ok {
		t.Error("withCard found a card in an empty reader")
	}
	_, err = selectReaders(readers, "acr122")
	var u *UnknownReaderError
	if !errors.As(err, &u) || len(u.Readers) != 3 || u.Want != "acr122" {
		t.Errorf("unmatched reader: %v", err)
	}
	if got, err := selectReaders(nil, "acr122"); err != nil || got != nil {
		t.Errorf("no readers at all: %v, %v (want nothing, no error: wait for one)", got, err)
	}
	if err := notFound(nil, nil); !errors.Is(err, ErrNoReader) {
		t.Errorf("notFound without readers = %v", err)
	}
	if err := notFound(readers, readers[:1]); !errors.Is(err, ErrNoCard) {
		t.Errorf("notFound with readers = %v", err)
	}
}

func TestEventKindString(t *testing.T) {
	for k := CardInserted; k <= ServiceBack; k++ {
		if strings.Contains(k.String(), "unknown") {
			t.Errorf("EventKind(%d) has no name", k)
		}
	}
}
