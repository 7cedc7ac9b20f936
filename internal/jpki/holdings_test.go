package jpki

import (
	"errors"
	"testing"
)

func TestCertificatesHeld(t *testing.T) {
	for _, tc := range []struct {
		name string
		ef08 []byte // nil: no EF 0008
		want CertHoldings
		err  error
	}{
		{"both", mustHex("8F 8F 00"), CertHoldings{Sign: Present, Auth: Present}, nil},
		{"child", mustHex("00 8F 00"), CertHoldings{Sign: Absent, Auth: Present}, nil},
		{"odd bytes say nothing", mustHex("8E 01 00"), CertHoldings{}, nil},
		{"no file", nil, CertHoldings{}, ErrNotFound},
		{"one byte", mustHex("8F"), CertHoldings{}, ErrProtocol},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeMyNumber(nil, nil, nil, nil)
			f.files[0x0008] = tc.ef08
			if tc.ef08 == nil {
				delete(f.files, 0x0008)
			}
			c := NewCard(f)
			for range 2 { // read once per Card
				got, err := certificatesHeld(c)
				if got != tc.want || (tc.err == nil) != (err == nil) || tc.err != nil && !errors.Is(err, tc.err) {
					t.Errorf("CertificatesHeld = %+v, %v; want %+v, %v", got, err, tc.want, tc.err)
				}
			}
			if want := 3; len(f.log) > want {
				t.Errorf("%d APDUs for two calls, want at most %d: %q", len(f.log), want, f.commands())
			}
		})
	}
	// A transmitter error is not remembered: the next call asks again.
	f := newFakeMyNumber(nil, nil, nil, nil)
	c := NewCard(&failingCard{fail: 2, inner: f})
	if _, err := certificatesHeld(c); !errors.Is(err, errReader) {
		t.Fatalf("err = %v, want the transmitter's", err)
	}
	if got, err := certificatesHeld(c); err != nil || got != (CertHoldings{Sign: Absent, Auth: Absent}) {
		t.Errorf("after the transport error: %+v, %v", got, err)
	}
}

// A signing certificate file found missing in this session is evidence
// too, when EF 0008 says nothing.
func TestSignCertMissingMeansNotSet(t *testing.T) {
	f := newFakeMyNumber([]byte{0x30, 0}, nil, nil, nil)
	delete(f.files, 0x0008)
	f.pins[0x001B].unset = true
	c := NewCard(f)
	if st, err := PINTries(c, SignPIN); err != nil || st.State != PINStateLocked {
		t.Fatalf("before: %+v, %v; want locked (no evidence yet)", st, err)
	}
	if _, err := ReadCertificate(c, SignCert); !errors.Is(err, ErrNotFound) {
		t.Fatalf("ReadCertificate = %v", err)
	}
	if st, err := PINTries(c, SignPIN); err != nil || st.State != PINStateNotSet || st.Locked {
		t.Errorf("after: %+v, %v; want not_set", st, err)
	}
}
