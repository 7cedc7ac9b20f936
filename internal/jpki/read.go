package jpki

import (
	"crypto/x509"
	"errors"
	"fmt"
)

// ReadOption configures ReadCertificate, ReadSignCertificate and Check.
type ReadOption func(*readConfig)

type readConfig struct {
	trust        *TrustStore
	onValidity   func(Validity)
	validityOnly bool
}

// WithTrust checks the certificate against store instead of the built-in
// J-LIS CAs alone.
func WithTrust(store *TrustStore) ReadOption {
	return func(r *readConfig) { r.trust = store }
}

// WithEarlyValidity calls fn with the certificate's validity as soon as
// the bytes read so far contain it (with 256-byte chunks: after the first
// READ BINARY), before the rest is read and before any signature check.
// Show it as provisional; the certificate returned afterwards is the
// checked answer, and ReadCertificate fails with ErrValidityMismatch
// should the two ever differ. fn is called at most once.
func WithEarlyValidity(fn func(Validity)) ReadOption {
	return func(r *readConfig) { r.onValidity = fn }
}

// ValidityOnly stops reading as soon as the validity is known (usually
// after one READ BINARY). The certificate returned is Partial: issuer and
// dates from the first chunk, no DER, Trust TrustNotChecked.
func ValidityOnly() ReadOption {
	return func(r *readConfig) { r.validityOnly = true }
}

// ReadCertificate reads a certificate file of the JPKI applet with as few
// APDUs as the card allows, parses it with crypto/x509 and checks its
// signature (see Trust). For SignCert the signing password must have
// been verified in this session; ReadSignCertificate does both.
func ReadCertificate(card *Card, file CertFile, opts ...ReadOption) (*Certificate, error) {
	var cfg readConfig
	for _, o := range opts {
		o(&cfg)
	}
	if file.ef() == 0 {
		return nil, fmt.Errorf("reading certificate: unknown file %d", int(file))
	}
	if err := card.selectApplet(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	cert, err := card.readCert(file, cfg)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	if cert.Partial {
		return cert, nil
	}
	tr := checkTrust(cert, cfg.trust)
	if tr.Status == trustUnrecognised {
		if tr, err = card.checkAgainstCardCA(cert, cfg.trust); err != nil {
			return nil, fmt.Errorf("checking %s against the card's CA: %w", file, err)
		}
	}
	cert.Trust = tr
	return cert, nil
}

// readCert selects and reads file and parses it, without a trust verdict.
func (c *Card) readCert(file CertFile, cfg readConfig) (*Certificate, error) {
	if err := c.selectEF(file.ef()); err != nil {
		return nil, err
	}
	var early *Validity
	var prefix tbsPrefix
	der, err := c.readDER(file.ef(), func(b []byte) (stop bool, err error) {
		if early != nil || (cfg.onValidity == nil && !cfg.validityOnly) {
			return false, nil
		}
		p, err := parseTBSPrefix(b)
		switch {
		case errors.Is(err, errNotEnoughData):
			return false, nil
		case err != nil && cfg.validityOnly:
			return false, err
		case err != nil:
			// x509 may still accept what our strict walk does not; the full
			// parse decides, there is just no early answer.
			cfg.onValidity = nil
			return false, nil
		}
		prefix, early = p, &p.validity
		if cfg.onValidity != nil {
			cfg.onValidity(p.validity)
		}
		return cfg.validityOnly, nil
	})
	if err != nil {
		return nil, err
	}
	if cfg.validityOnly && early != nil {
		return &Certificate{
			File:      file,
			NotBefore: early.NotBefore,
			NotAfter:  early.NotAfter,
			Issuer:    nameString(prefix.issuer),
			Partial:   true,
		}, nil
	}
	x, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	if early != nil && (!early.NotBefore.Equal(x.NotBefore) || !early.NotAfter.Equal(x.NotAfter)) {
		return nil, fmt.Errorf("%w: %v, then %v to %v", ErrValidityMismatch, *early, x.NotBefore, x.NotAfter)
	}
	return newCertificate(file, x), nil
}

// minLearnedChunk is the smallest chunk a short answer can teach readDER:
// below 64, a certificate takes dozens of APDUs, and one odd answer must not
// cause that. A card that truly serves less still answers what it can.
const minLearnedChunk = 64

// faultLe is the smaller Le a READ BINARY is retried with after a fault of
// the reader (a transport error, an answer without a plausible status
// word), or 0 when there is none left to try: some NFC readers and hosts
// cut answers above 236 bytes, cheap ones mishandle 256 (docs/protocol.md,
// "Reading a certificate"). The chunk only ever shrinks along 256, 236,
// 128, so a session retries at most twice.
func faultLe(want int) int {
	switch {
	case want > 236:
		return 236
	case want > 128:
		return 128
	}
	return 0
}

// isReadFault reports a READ BINARY that failed in the reader, not in the
// card: no answer at all, or one without a plausible status word.
func isReadFault(err error) bool {
	return isTransport(err) || errors.Is(err, errNoStatusWord)
}

// readDER reads the DER certificate in EF ef, which the caller has
// selected: a first READ BINARY of a full chunk, its DER length, then the
// rest in full chunks, the last asking for exactly what remains, so the
// EF's padding is never read and no byte is read twice. progress sees the
// bytes so far after every chunk and may end the read early.
//
// After a transport error the applet and the EF are selected again before
// the next READ BINARY (the reader may have reset the card), and a read
// the reader failed is retried at a smaller Le (faultLe) before giving up.
func (c *Card) readDER(ef uint16, progress func([]byte) (stop bool, err error)) ([]byte, error) {
	var buf []byte
	total := -1 // unknown until the header is in
	for total < 0 || len(buf) < total {
		if !c.appletSelected || !c.efKnown || c.ef != ef {
			if err := c.selectApplet(); err != nil {
				return nil, fmt.Errorf("selecting EF %04X again: %w", ef, err)
			}
			if err := c.selectEF(ef); err != nil {
				return nil, fmt.Errorf("selecting EF %04X again: %w", ef, err)
			}
		}
		want := c.chunk
		if total >= 0 {
			rem := total - len(buf)
			if rem > c.chunk && c.extended && !c.extendedBad {
				data, err := c.readExtended(len(buf), rem)
				if err != nil {
					return nil, err
				}
				buf = append(buf, data...)
				continue
			}
			want = min(want, rem)
		}
		data, eof, err := c.readBinary(len(buf), want)
		switch {
		case isReadFault(err) && faultLe(want) > 0:
			c.chunk = faultLe(want)
			continue
		case errors.Is(err, errWrongLength) && want > 1:
			// The card wants a smaller Le without saying which (6C xx would
			// have): halve and try again. Bounded by log2(256) rounds.
			c.chunk = want / 2
			continue
		case errors.Is(err, errOffset):
			return nil, pastEnd(len(buf), total)
		case err != nil:
			return nil, fmt.Errorf("reading at offset %d: %w", len(buf), err)
		case len(data) == 0:
			return nil, pastEnd(len(buf), total)
		}
		buf = append(buf, data...)
		if total < 0 {
			n, err := certLength(buf)
			switch {
			case err == nil:
				total = n
				if cap(buf) < total {
					buf = append(make([]byte, 0, total), buf...)
				}
				if len(buf) > total {
					buf = buf[:total] // the EF's padding came with the first chunk
				}
			case !errors.Is(err, errNotEnoughData):
				return nil, err
			}
		}
		if total >= 0 && len(buf) >= total {
			eof = false // the end of the file is exactly where we stop
		}
		if eof {
			return nil, pastEnd(len(buf), total)
		}
		if len(data) < want && (total < 0 || len(buf) < total) {
			// Some cards answer a large Le with what they can (6C xx ends up
			// here too, as the re-sent short answer): serve that from now on,
			// but never less than minLearnedChunk, so that one short answer
			// (a glitch, a stray 6C 01) cannot turn the rest of the read into
			// one-byte APDUs; a card that truly serves less still answers
			// what it can. Found by fuzzing (FuzzCheckAnswers).
			c.chunk = max(len(data), minLearnedChunk)
		}
		if progress != nil {
			stop, err := progress(buf)
			if err != nil {
				return nil, err
			}
			if stop {
				return buf, nil
			}
		}
	}
	return buf, nil
}

func pastEnd(at, total int) error {
	if total < 0 {
		return fmt.Errorf("%w: file ends at %d bytes, inside the DER header", ErrMalformed, at)
	}
	return fmt.Errorf("%w: DER length %d runs past the file, which ends at %d", ErrMalformed, total, at)
}

// readBinary sends one short READ BINARY. eof is set for 62 82 (end of
// file reached before Ne bytes).
func (c *Card) readBinary(offset, ne int) (data []byte, eof bool, err error) {
	resp, err := c.exchange(command{INS: insReadBinary, P1: byte(offset >> 8), P2: byte(offset), Ne: ne})
	if err != nil {
		return nil, false, err
	}
	switch {
	case resp.SW == swSuccess:
	case resp.SW == swEndOfFile:
		eof = true
	case !resp.SW.plausible():
		return nil, false, fmt.Errorf("%w: %s", errNoStatusWord, resp.SW)
	default:
		return nil, false, resp.SW.Err()
	}
	if len(resp.Data) > ne {
		return nil, false, fmt.Errorf("%w: %d bytes for a READ BINARY of %d", ErrProtocol, len(resp.Data), ne)
	}
	return resp.Data, eof, nil
}

// readExtended tries one extended READ BINARY of n bytes at offset. Any
// answer but success (a status word, a transport error) turns extended
// reads off for the session and returns no data and no error: the caller
// goes on in short reads, which give the card's own answer if the problem
// was not the length (docs/protocol.md, "Reading a certificate").
func (c *Card) readExtended(offset, n int) ([]byte, error) {
	resp, err := c.exchange(command{INS: insReadBinary, P1: byte(offset >> 8), P2: byte(offset), Ne: n, Extended: true})
	if isTransport(err) || errors.Is(err, errNoStatusWord) {
		c.extendedBad = true
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	switch resp.SW {
	case swSuccess, swEndOfFile:
	default:
		c.extendedBad = true
		return nil, nil
	}
	if len(resp.Data) > n {
		return nil, fmt.Errorf("%w: %d bytes for a READ BINARY of %d", ErrProtocol, len(resp.Data), n)
	}
	if len(resp.Data) < n {
		// Partial answer: take it and let short reads finish, so a card that
		// caps extended reads still makes progress.
		c.extendedBad = true
	}
	return resp.Data, nil
}
