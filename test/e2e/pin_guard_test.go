package e2e_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/rig"
)

// The code-level half of the PIN-safety invariant, one level above
// internal/jpki's own guard (TestOnlyVerifyBuildsVerifyWithData: only
// jpki.Verify can put a PIN on the wire, and it asks a ConsentFunc first).
// This test pins down who may call jpki.Verify at all: the three commands
// that exist to check a PIN, each through the CLI's one consent step
// (verifyWithConsent: it shows the tries left, refuses a locked PIN and the
// last try without --force, and only then reads the PIN). A new caller —
// the kiosk, another command, a helper — fails here until it is reviewed
// and added.

// pinSenders are the functions of jpki that send a PIN.
var pinSenders = []string{"Verify", "ReadSignCertificate"}

// allowedCallers are file: top-level function.
var allowedCallers = []string{
	"cmd/jpkicheck/pin.go: pinVerify",    // jpkicheck pin verify auth|sign
	"cmd/jpkicheck/export.go: runExport", // jpkicheck export sign
	"cmd/jpkicheck/check.go: readSign",   // jpkicheck check --sign
}

// consentStep is the CLI function every caller must go through.
const consentStep = "verifyWithConsent"

func TestPINReachesTheCardOnlyThroughConsent(t *testing.T) {
	root, err := rig.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	files := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "internal/jpki/") {
			return nil // the package itself: its own guard test covers it
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		sends, unguarded, err := pinSends(rel, src)
		if err != nil {
			return err
		}
		found = append(found, sends...)
		for _, u := range unguarded {
			t.Errorf("%s sends a PIN without %s", u, consentStep)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("scanned only %d files", files)
	}
	for _, c := range found {
		if !slices.Contains(allowedCallers, c) {
			t.Errorf("%s sends a PIN (jpki.%v) and is not a reviewed caller", c, pinSenders)
		}
	}
	for _, c := range allowedCallers {
		if !slices.Contains(found, c) {
			t.Errorf("%s no longer sends a PIN: take it off the list", c)
		}
	}
	t.Logf("reliability: %d files scanned; jpki.Verify reached only from %v, each through %s", files, found, consentStep)
}

// pinSends returns "file: function" for every top-level function of src
// that calls a PIN sender, and those of them that do not call the consent
// step.
func pinSends(rel string, src []byte) (sends, unguarded []string, err error) {
	f, err := parser.ParseFile(token.NewFileSet(), rel, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, err
	}
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		send, consent := false, false
		ast.Inspect(fd, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "jpki" && slices.Contains(pinSenders, n.Sel.Name) {
					send = true
				}
			case *ast.Ident:
				consent = consent || n.Name == consentStep
			}
			return true
		})
		if !send {
			continue
		}
		where := rel + ": " + fd.Name.Name
		sends = append(sends, where)
		if !consent {
			unguarded = append(unguarded, where)
		}
	}
	return sends, unguarded, nil
}

// The scan sees what it must: a call as a value too, with or without the
// consent step.
func TestPINSendsDetector(t *testing.T) {
	tests := []struct {
		src             string
		sends, consents bool
	}{
		{"func f(c *jpki.Card) { jpki.Verify(c, jpki.AuthPIN, nil, nil) }", true, false},
		{"func f() { g(jpki.ReadSignCertificate) }", true, false},
		{"func (c *cli) f() { c.verifyWithConsent(nil, 0, false, func() { jpki.Verify(nil, 0, nil, nil) }) }", true, true},
		{"func f() { jpki.PINTries(nil, 0) }", false, false},
		{"func f() { other.Verify() }", false, false},
	}
	for _, tt := range tests {
		sends, unguarded, err := pinSends("x.go", []byte("package x\n"+tt.src))
		if err != nil {
			t.Fatal(err)
		}
		if (len(sends) > 0) != tt.sends || (tt.sends && (len(unguarded) == 0) != tt.consents) {
			t.Errorf("%s: sends %v, without consent %v", tt.src, sends, unguarded)
		}
	}
}
