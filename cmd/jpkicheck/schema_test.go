package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jpkicheck/jpkicheck/internal/source"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The JSON outputs are a contract with scripts, written down as JSON
// Schemas in docs/schema; every --json output the tests can produce is
// validated against them.
func compileSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	const base = "https://github.com/jpkicheck/jpkicheck/docs/schema/"
	c := jsonschema.NewCompiler()
	files, _ := filepath.Glob("../../docs/schema/*.schema.json")
	if len(files) == 0 {
		t.Fatal("no schemas in docs/schema")
	}
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := c.AddResource(base+filepath.Base(f), doc); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".schema.json")
		s, err := c.Compile(base + filepath.Base(f))
		if err != nil {
			t.Fatalf("%s does not compile: %v", f, err)
		}
		out[name] = s
	}
	return out
}

func validate(t *testing.T, s *jsonschema.Schema, what, data string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(data))
	if err != nil {
		t.Fatalf("%s: not JSON: %v\n%s", what, err, data)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("%s does not match its schema: %v\n%s", what, err, data)
	}
}

func TestJSONMatchesSchema(t *testing.T) {
	schemas := compileSchemas(t)
	for _, profile := range []string{"valid", "window-open", "expired", "auth-locked", "sign-one-try", "t0", "short-le"} {
		sr := runSim(t, nil, nil, "check", "--sim", profile, "--json")
		validate(t, schemas["check"], "check --sim "+profile, sr.stdout)
		sr = runSim(t, nil, nil, "pin", "--sim", profile, "--json")
		validate(t, schemas["pin"], "pin --sim "+profile, sr.stdout)
	}
	validate(t, schemas["check"], "check --quick", runSim(t, nil, nil, "check", "--sim", "--quick", "--json").stdout)
	validate(t, schemas["check"], "check --sign", runSimInput(t, "ABC123\n", false, "check", "--sim", "--sign", "--json").stdout)
	validate(t, schemas["check"], "check --sign, wrong password", runSimInput(t, "WRONG9\n", false, "check", "--sim", "--sign", "--json").stdout)
	for _, in := range []string{"1234\n", "9999\n", "12\n"} {
		validate(t, schemas["pin"], "pin verify", runSimInput(t, in, false, "pin", "verify", "auth", "--sim", "--json").stdout)
	}
	for _, args := range [][]string{
		{"window", "--expiry", "2027-03-15", "--today", "2026-12-20", "--json"},
		{"window", "--expiry", "2027-03-15", "--today", "2026-01-20", "--json"},
		{"window", "--expiry", "2027-03-15", "--today", "2027-12-20", "--json", "--months", "12"},
	} {
		validate(t, schemas["window"], strings.Join(args, " "), runCLI(t, nil, args...).stdout)
	}
	for _, profile := range []string{"juki", "smartphone", "not-jpki", "no-cert", "garbage-cert"} {
		for _, cmd := range []string{"check", "ics"} {
			sr := runSim(t, nil, nil, cmd, "--sim", profile, "--json")
			if sr.code == 0 {
				t.Errorf("%s --sim %s: exit 0", cmd, profile)
			}
			validate(t, schemas["error"], cmd+" --sim "+profile, sr.stdout)
		}
	}
	removed := runSim(t, nil, func(o *source.Options) { o.SimOptions.RemoveAfter = 3 }, "check", "--sim", "--json", "--lang", "ja")
	validate(t, schemas["error"], "check, card removed", removed.stdout)
	if !strings.Contains(removed.stdout, `"problem": "card_removed"`) || !strings.Contains(removed.stdout, "カード") {
		t.Errorf("the error object should name the problem and speak the user's language:\n%s", removed.stdout)
	}
	for _, profile := range []string{"valid", "juki", "not-jpki"} {
		validate(t, schemas["readers"], "readers --sim "+profile, runSim(t, nil, nil, "readers", "--sim", profile, "--json").stdout)
	}
	// The schema must catch what it promises to: a serial number or a name
	// in a certificate object is a failure.
	bad := strings.Replace(runSim(t, nil, nil, "check", "--sim", "--json").stdout, `"issuer":`, `"serial": "01", "issuer":`, 1)
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if schemas["check"].Validate(inst) == nil {
		t.Error("the check schema accepts a serial number in a certificate")
	}
}
