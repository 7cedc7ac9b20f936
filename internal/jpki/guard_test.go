package jpki

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The only place allowed to build a VERIFY that carries a PIN.
const (
	builderFunc = "newVerifyCommand"
	builderUser = "verify" // Verify's body
	builderFile = "internal/jpki/pin.go"
)

// TestOnlyVerifyBuildsVerifyWithData parses every non-test Go file of the
// module and fails if anything but Verify can put a PIN on the wire: a
// call of the builder elsewhere, a Command literal with INS VERIFY and
// Data, the grant set by hand, or raw VERIFY bytes (a byte-slice literal
// or hex string) with data. Test files are left out: the card simulator's
// tests must send wrong PINs on purpose, and this package's tests send
// VERIFYs only through Verify or to prove the guard refuses them.
func TestOnlyVerifyBuildsVerifyWithData(t *testing.T) {
	root := moduleRoot(t)
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files++
		for _, finding := range verifyBuilders(filepath.ToSlash(rel), src) {
			t.Error(finding)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Fatalf("scanned only %d files from %s", files, root)
	}
}

// TestVerifyBuildersDetector proves the scan catches what it should.
func TestVerifyBuildersDetector(t *testing.T) {
	bad := map[string]string{
		"builder call": `package x
func f() { _ = newVerifyCommand([]byte("1234")) }`,
		"Command literal": `package x
func f(pin []byte) { _ = jpki.Command{INS: 0x20, P2: 0x80, Data: pin} }`,
		"Command literal const": `package x
func f(pin []byte) { _ = Command{INS: insVerify, P2: 0x80, Data: pin} }`,
		"grant by hand": `package x
func f(c Command) { c.grant = &verifyGrant{} }`,
		"grant key": `package x
var c = Command{INS: 0x20, grant: nil}`,
		"raw bytes": `package x
var b = []byte{0x00, 0x20, 0x00, 0x80, 0x04, '1', '2', '3', '4'}`,
		"raw append": `package x
func f(pin []byte) []byte { return append([]byte{0x00, 0x20, 0x00, 0x80, byte(len(pin))}, pin...) }`,
		"raw header append": `package x
func f(pin []byte) []byte { return append([]byte{0, 32, 0, 0x81}, pin...) }`,
		"hex string": `package x
var s = "00 20 00 80 04 31 32 33 34"`,
		"hex string compact": `package x
var s = "0020008104313233"`,
	}
	for name, src := range bad {
		if got := verifyBuilders("x/x.go", []byte(src)); len(got) == 0 {
			t.Errorf("%s: not detected", name)
		}
	}
	good := map[string]string{
		"empty VERIFY literal": `package x
var c = Command{INS: 0x20, P2: 0x80}`,
		"empty VERIFY bytes": `package x
var b = []byte{0x00, 0x20, 0x00, 0x80}`,
		"empty VERIFY hex": `package x
var s = "00 20 00 80"`,
		"other command": `package x
var c = Command{INS: 0xB0, Data: []byte{1}}`,
		"spaces": `package x
var b = []byte{' ', 0x20, 0x20, 0x20, 0x20, 0x20}`,
	}
	for name, src := range good {
		if got := verifyBuilders("x/x.go", []byte(src)); len(got) != 0 {
			t.Errorf("%s: false alarm %q", name, got)
		}
	}
	// The real builder in its one place is fine.
	src, err := os.ReadFile("pin.go")
	if err != nil {
		t.Fatal(err)
	}
	if got := verifyBuilders(builderFile, src); len(got) != 0 {
		t.Errorf("pin.go: %q", got)
	}
	if got := verifyBuilders("internal/jpki/other.go", src); len(got) == 0 {
		t.Error("the builder moved to another file is not detected")
	}
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// hexVerifyWithData matches a VERIFY header (any CLA, INS 20/21, P1 00,
// P2 8x/9x) followed by Lc and at least one data byte.
var hexVerifyWithData = regexp.MustCompile(`(?i)^[0-9a-f]{2}2[01]00[89][0-9a-f][0-9a-f]{4,}$`)

// verifyBuilders returns one line per way the file can build a VERIFY
// with data outside the allowed place.
func verifyBuilders(rel string, src []byte) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, rel, src, parser.SkipObjectResolution)
	if err != nil {
		return []string{rel + ": " + err.Error()}
	}
	var out []string
	report := func(n ast.Node, what string) {
		out = append(out, fset.Position(n.Pos()).String()+": "+what)
	}
	// Walk with the enclosing function name at hand.
	for _, decl := range f.Decls {
		fn := ""
		if fd, ok := decl.(*ast.FuncDecl); ok {
			fn = fd.Name.Name
		}
		ast.Inspect(decl, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if name := calleeName(n.Fun); name == builderFunc && !(rel == builderFile && fn == builderUser) {
					report(n, "calls "+builderFunc+" outside Verify")
				}
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "append" && len(n.Args) > 1 {
					if lit, ok := n.Args[0].(*ast.CompositeLit); ok && isVerifyHeader(lit.Elts) {
						report(n, "appends data to raw VERIFY bytes")
					}
				}
			case *ast.CompositeLit:
				inBuilder := rel == builderFile && fn == builderFunc
				if isVerifyHeader(n.Elts) && len(n.Elts) > 4 {
					report(n, "raw VERIFY bytes with data")
				}
				var ins, data, grant bool
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, _ := kv.Key.(*ast.Ident)
					if key == nil {
						continue
					}
					switch key.Name {
					case "INS":
						v, ok := constValue(kv.Value)
						ins = ok && (v == insVerify || v == insVerifyOdd)
					case "Data":
						data = true
					case "grant":
						grant = true
					}
				}
				if !inBuilder && grant {
					report(n, "sets the VERIFY grant outside "+builderFunc)
				}
				if !inBuilder && ins && data {
					report(n, "Command literal with INS VERIFY and Data")
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "grant" {
						report(n, "assigns the VERIFY grant")
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					s, err := strconv.Unquote(n.Value)
					if err == nil && hexVerifyWithData.MatchString(strings.NewReplacer(" ", "", ":", "", "\n", "", "\t", "").Replace(s)) {
						report(n, "hex VERIFY with data")
					}
				}
			}
			return true
		})
	}
	return out
}

func calleeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// isVerifyHeader reports elements starting CLA, 0x20/0x21, 0x00, 0x8x/0x9x.
func isVerifyHeader(elts []ast.Expr) bool {
	if len(elts) < 4 {
		return false
	}
	ins, ok1 := constValue(elts[1])
	p1, ok2 := constValue(elts[2])
	p2, ok3 := constValue(elts[3])
	return ok1 && ok2 && ok3 && (ins == insVerify || ins == insVerifyOdd) && p1 == 0 && p2&0xE0 == 0x80
}

// constValue evaluates integer and rune literals and the package's
// instruction constants.
func constValue(e ast.Expr) (int64, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.INT:
			v, err := strconv.ParseInt(e.Value, 0, 64)
			return v, err == nil
		case token.CHAR:
			s, err := strconv.Unquote(e.Value)
			if err != nil || len([]rune(s)) != 1 {
				return 0, false
			}
			return int64([]rune(s)[0]), true
		}
	case *ast.Ident:
		switch e.Name {
		case "insVerify":
			return insVerify, true
		case "insVerifyOdd":
			return insVerifyOdd, true
		}
	case *ast.CallExpr: // byte(0x20)
		if len(e.Args) == 1 {
			return constValue(e.Args[0])
		}
	case *ast.ParenExpr:
		return constValue(e.X)
	}
	return 0, false
}
