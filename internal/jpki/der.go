package jpki

import (
	"fmt"
	"time"
)

// DER tags met on the way to a certificate's validity (X.690, RFC 5280 §4.1).
const (
	tagInteger         = 0x02
	tagSequence        = 0x30
	tagUTCTime         = 0x17
	tagGeneralizedTime = 0x18
	tagVersion         = 0xA0 // [0] EXPLICIT, constructed
)

// maxCertLen bounds a certificate: READ BINARY with the offset in P1-P2
// reaches 32767, so a longer DER cannot be read from a JPKI EF.
const maxCertLen = 0x8000

// parseHeader parses the identifier and length octets of the DER element
// starting b: the tag, the header size, and the content length. Strict DER:
// single-byte tags, definite and minimal lengths. errNotEnoughData means b
// stops inside the header.
func parseHeader(b []byte) (tag byte, hdr, n int, err error) {
	if len(b) < 2 {
		return 0, 0, 0, errNotEnoughData
	}
	tag = b[0]
	if tag&0x1F == 0x1F {
		return 0, 0, 0, fmt.Errorf("%w: multi-byte tag %02X", ErrMalformed, tag)
	}
	l := b[1]
	if l < 0x80 {
		return tag, 2, int(l), nil
	}
	k := int(l & 0x7F)
	switch {
	case k == 0:
		return 0, 0, 0, fmt.Errorf("%w: indefinite length", ErrMalformed)
	case k > 3:
		// Three length octets already say 16 MiB; anything longer cannot
		// be a certificate on a card.
		return 0, 0, 0, fmt.Errorf("%w: %d length octets", ErrMalformed, k)
	case len(b) < 2+k:
		return 0, 0, 0, errNotEnoughData
	case b[2] == 0:
		return 0, 0, 0, fmt.Errorf("%w: length with a leading zero octet", ErrMalformed)
	}
	for _, x := range b[2 : 2+k] {
		n = n<<8 | int(x)
	}
	if n < 0x80 {
		return 0, 0, 0, fmt.Errorf("%w: long form for length %d", ErrMalformed, n)
	}
	return tag, 2 + k, n, nil
}

// certLength reads the total size of the certificate whose first bytes are
// b: its outer SEQUENCE header plus content.
func certLength(b []byte) (int, error) {
	tag, hdr, n, err := parseHeader(b)
	if err != nil {
		return 0, err
	}
	if tag != tagSequence {
		return 0, fmt.Errorf("%w: starts with tag %02X, not a SEQUENCE", ErrMalformed, tag)
	}
	if hdr+n > maxCertLen {
		return 0, fmt.Errorf("%w: DER length %d exceeds the %d bytes a card file can serve", ErrMalformed, hdr+n, maxCertLen)
	}
	return hdr + n, nil
}

// tbsPrefix is what the first chunk of a certificate can tell.
type tbsPrefix struct {
	issuer   []byte // the whole Name element, DER
	validity Validity
}

// derWalker steps through DER elements of a possibly truncated buffer.
// Each element must end inside its parent's declared bounds (malformed
// otherwise) and inside the bytes at hand (errNotEnoughData otherwise).
type derWalker struct {
	b   []byte
	pos int
	end int // declared end of the enclosing element; may exceed len(b)
}

// next reads the header of the next element and returns its tag and the
// declared bounds of its content.
func (w *derWalker) next(want byte, what string) (start, end int, err error) {
	if w.pos >= w.end {
		return 0, 0, fmt.Errorf("%w: %s missing", ErrMalformed, what)
	}
	lim := min(w.end, len(w.b))
	if w.pos >= lim {
		return 0, 0, errNotEnoughData
	}
	tag, hdr, n, err := parseHeader(w.b[w.pos:lim])
	if err == errNotEnoughData && w.end <= len(w.b) {
		return 0, 0, fmt.Errorf("%w: %s header runs past its parent", ErrMalformed, what)
	}
	if err != nil {
		return 0, 0, err
	}
	if tag != want {
		return 0, 0, fmt.Errorf("%w: %s has tag %02X, want %02X", ErrMalformed, what, tag, want)
	}
	start = w.pos + hdr
	end = start + n
	if end > w.end {
		return 0, 0, fmt.Errorf("%w: %s runs past its parent", ErrMalformed, what)
	}
	return start, end, nil
}

// enter descends into the next element, which need not be complete.
func (w *derWalker) enter(want byte, what string) error {
	start, end, err := w.next(want, what)
	if err != nil {
		return err
	}
	w.pos, w.end = start, end
	return nil
}

// take returns the complete content of the next element and steps over it.
func (w *derWalker) take(want byte, what string) ([]byte, error) {
	start, end, err := w.next(want, what)
	if err != nil {
		return nil, err
	}
	if end > len(w.b) {
		return nil, errNotEnoughData
	}
	w.pos = end
	return w.b[start:end], nil
}

// peek returns the tag of the next element, if its first byte is at hand.
func (w *derWalker) peek() (byte, bool) {
	if w.pos >= w.end || w.pos >= len(w.b) {
		return 0, false
	}
	return w.b[w.pos], true
}

// parseTBSPrefix walks a certificate prefix up to and including its
// validity: Certificate → TBSCertificate → [version] serial signature
// issuer validity. It is stricter than crypto/x509 (it wants seconds and Z
// in both time forms) so that whatever it accepts, x509 reads the same;
// anything else it calls malformed and the caller waits for the full parse.
func parseTBSPrefix(b []byte) (tbsPrefix, error) {
	var p tbsPrefix
	tag, hdr, n, err := parseHeader(b)
	if err != nil {
		return p, err
	}
	if tag != tagSequence {
		return p, fmt.Errorf("%w: certificate has tag %02X", ErrMalformed, tag)
	}
	w := &derWalker{b: b, pos: hdr, end: hdr + n}
	if err := w.enter(tagSequence, "TBSCertificate"); err != nil {
		return p, err
	}
	if t, ok := w.peek(); !ok {
		return p, errNotEnoughData
	} else if t == tagVersion {
		if _, err := w.take(tagVersion, "version"); err != nil {
			return p, err
		}
	}
	// The serial number is stepped over, never kept: it identifies the
	// holder to services.
	if _, err = w.take(tagInteger, "serial number"); err != nil {
		return p, err
	}
	if _, err = w.take(tagSequence, "signature algorithm"); err != nil {
		return p, err
	}
	issuerStart := w.pos
	if _, err = w.take(tagSequence, "issuer"); err != nil {
		return p, err
	}
	p.issuer = b[issuerStart:w.pos]
	validity, err := w.take(tagSequence, "validity")
	if err != nil {
		return p, err
	}
	v := &derWalker{b: validity, end: len(validity)}
	if p.validity.NotBefore, err = v.time("notBefore"); err != nil {
		return p, err
	}
	if p.validity.NotAfter, err = v.time("notAfter"); err != nil {
		return p, err
	}
	if v.pos != v.end {
		return p, fmt.Errorf("%w: extra data in validity", ErrMalformed)
	}
	return p, nil
}

// earlyValidity is parseTBSPrefix for callers that only want the dates.
func earlyValidity(b []byte) (Validity, error) {
	p, err := parseTBSPrefix(b)
	return p.validity, err
}

// time reads a UTCTime or GeneralizedTime element; the walker's buffer is
// complete here, so a short element is malformed, not "not enough data".
func (w *derWalker) time(what string) (time.Time, error) {
	t, ok := w.peek()
	if !ok {
		return time.Time{}, fmt.Errorf("%w: %s missing", ErrMalformed, what)
	}
	if t != tagUTCTime && t != tagGeneralizedTime {
		return time.Time{}, fmt.Errorf("%w: %s has tag %02X", ErrMalformed, what, t)
	}
	s, err := w.take(t, what)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %s truncated", ErrMalformed, what)
	}
	tm, ok := parseDERTime(t, s)
	if !ok {
		return time.Time{}, fmt.Errorf("%w: %s %q is not a DER time", ErrMalformed, what, s)
	}
	return tm, nil
}

// parseDERTime accepts exactly YYMMDDHHMMSSZ (UTCTime) and
// YYYYMMDDHHMMSSZ (GeneralizedTime), the forms RFC 5280 §4.1.2.5 allows.
// UTCTime years 50–99 are 19xx.
func parseDERTime(tag byte, s []byte) (time.Time, bool) {
	var year int
	switch {
	case tag == tagUTCTime && len(s) == 13:
		yy, ok := digits(s[0:2])
		if !ok {
			return time.Time{}, false
		}
		year = 2000 + yy
		if yy >= 50 {
			year = 1900 + yy
		}
		s = s[2:]
	case tag == tagGeneralizedTime && len(s) == 15:
		y, ok := digits(s[0:4])
		if !ok {
			return time.Time{}, false
		}
		year = y
		s = s[4:]
	default:
		return time.Time{}, false
	}
	// s is now MMDDHHMMSSZ.
	if s[10] != 'Z' {
		return time.Time{}, false
	}
	var f [5]int
	for i := range f {
		v, ok := digits(s[2*i : 2*i+2])
		if !ok {
			return time.Time{}, false
		}
		f[i] = v
	}
	month, day, hour, minute, sec := f[0], f[1], f[2], f[3], f[4]
	if month < 1 || month > 12 || day < 1 || day > daysIn(time.Month(month), year) ||
		hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC), true
}

func digits(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
