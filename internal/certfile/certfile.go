// Package certfile writes certificates in the formats residents' tools
// open: PEM (text, for OpenSSL and browsers), DER (one binary
// certificate), and PKCS#7 certs-only bundles (.p7b), which the Windows and
// macOS certificate viewers show with their issuing CA.
package certfile

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"go.mozilla.org/pkcs7"
)

// Format is an output format.
type Format string

const (
	PEM Format = "pem"
	DER Format = "der"
	P7B Format = "p7b"
)

// ParseFormat accepts pem, der or p7b (p7c is accepted as p7b, the same
// thing under the name some tools use).
func ParseFormat(s string) (Format, error) {
	switch s {
	case "pem", "der", "p7b":
		return Format(s), nil
	case "p7c":
		return P7B, nil
	}
	return "", fmt.Errorf("unknown certificate format %q: use pem, der or p7b", s)
}

// Binary reports whether the format is not text.
func (f Format) Binary() bool { return f != PEM }

// Encode writes the certificate (DER) in the format. chain holds the
// issuing CA certificates; PEM appends them after the certificate, PKCS#7
// bundles them, DER (a single certificate by definition) leaves them out.
func Encode(f Format, cert []byte, chain ...[]byte) ([]byte, error) {
	if _, err := x509.ParseCertificate(cert); err != nil {
		return nil, fmt.Errorf("encoding certificate: %w", err)
	}
	switch f {
	case DER:
		return bytes.Clone(cert), nil
	case PEM:
		var b bytes.Buffer
		for _, c := range append([][]byte{cert}, chain...) {
			if err := pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c}); err != nil {
				return nil, err
			}
		}
		return b.Bytes(), nil
	case P7B:
		all := bytes.Clone(cert)
		for _, c := range chain {
			all = append(all, c...)
		}
		p7, err := pkcs7.DegenerateCertificate(all)
		if err != nil {
			return nil, fmt.Errorf("building PKCS#7 bundle: %w", err)
		}
		return p7, nil
	}
	return nil, fmt.Errorf("unknown certificate format %q", f)
}

// Decode reads back what Encode wrote: the certificates in order.
func Decode(f Format, data []byte) ([]*x509.Certificate, error) {
	switch f {
	case DER:
		c, err := x509.ParseCertificate(data)
		if err != nil {
			return nil, err
		}
		return []*x509.Certificate{c}, nil
	case PEM:
		var out []*x509.Certificate
		for {
			var block *pem.Block
			block, data = pem.Decode(data)
			if block == nil {
				break
			}
			c, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		if len(out) == 0 {
			return nil, errors.New("no PEM certificate found")
		}
		return out, nil
	case P7B:
		p7, err := pkcs7.Parse(data)
		if err != nil {
			return nil, err
		}
		return p7.Certificates, nil
	}
	return nil, fmt.Errorf("unknown certificate format %q", f)
}

// ErrExists: the output file exists and overwriting was not allowed.
var ErrExists = errors.New("file exists")

// WriteFile writes data to path. Without overwrite it fails with ErrExists
// if anything is there (checked atomically by the create call, so a file
// appearing meanwhile is not clobbered either). With overwrite it writes a
// temporary file beside it and renames it over, so a crash never leaves a
// half-written certificate. Files are private to the user (0600): a
// signing certificate carries the holder's name and address.
//
// A path that names a device or a pipe (/dev/stdout, /dev/null, a FIFO) is
// written into as it is: there is nothing there to clobber, and renaming a
// file over it would replace the device itself.
func WriteFile(path string, data []byte, overwrite bool) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return fmt.Errorf("writing %s: is a directory", path)
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return fmt.Errorf("writing %s: %w", path, err)
		}
		return f.Close()
	}
	if !overwrite {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("writing %s: %w", path, ErrExists)
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			os.Remove(path)
			return fmt.Errorf("writing %s: %w", path, err)
		}
		return f.Close()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".jpkicheck-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, bytes.NewReader(data)); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
