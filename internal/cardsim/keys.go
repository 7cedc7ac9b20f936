package cardsim

import (
	"crypto/rsa"
	"crypto/x509"
	"embed"
	"encoding/pem"
	"fmt"
	"sync"
)

// The simulated card's RSA keys are pre-generated and committed under
// testkeys/ (TEST-ONLY, public, see testkeys/README.md): generating four
// RSA-2048 keys takes seconds, Go ignores custom random readers for key
// generation so a seeded generator cannot make it reproducible, and tests
// create hundreds of cards. Parsing happens once per process.
//
//go:embed testkeys/TEST-ONLY-*.key.pem
var testKeyFS embed.FS

type keySet struct {
	authCA, signCA, authUser, signUser *rsa.PrivateKey
}

var loadKeys = sync.OnceValues(func() (keySet, error) {
	var ks keySet
	for _, k := range []struct {
		name string
		dst  **rsa.PrivateKey
	}{
		{"auth-ca", &ks.authCA},
		{"sign-ca", &ks.signCA},
		{"auth-user", &ks.authUser},
		{"sign-user", &ks.signUser},
	} {
		key, err := parseTestKey("testkeys/TEST-ONLY-" + k.name + ".key.pem")
		if err != nil {
			return keySet{}, err
		}
		*k.dst = key
	}
	return ks, nil
})

func parseTestKey(path string) (*rsa.PrivateKey, error) {
	b, err := testKeyFS.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading test key: %w", err)
	}
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, fmt.Errorf("test key %s: no PEM block", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("parsing test key %s: %w", path, err)
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("test key %s: not an RSA key", path)
	}
	return rk, nil
}
