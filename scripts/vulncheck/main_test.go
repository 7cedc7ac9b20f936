package main

import (
	"io"
	"strings"
	"testing"
)

// A govulncheck stream with one finding at each level, as v1.9.0 writes it.
const stream = `{"config":{"scanner_version":"v1.9.0","go_version":"go1.26.8"}}
{"osv":{"id":"GO-2026-0001","summary":"stdlib bug"}}
{"osv":{"id":"GO-2026-0002","summary":"module bug"}}
{"finding":{"osv":"GO-2026-0001","fixed_version":"v1.26.9","trace":[{"module":"stdlib","version":"v1.26.8","package":"net/http","function":"Serve"},{"module":"example.com/m","package":"example.com/m/k","function":"Run"}]}}
{"finding":{"osv":"GO-2026-0002","fixed_version":"v1.2.3","trace":[{"module":"example.com/dep","version":"v1.2.0","package":"example.com/dep/p"}]}}
{"finding":{"osv":"GO-2026-0003","trace":[{"module":"example.com/other","version":"v0.1.0"}]}}
`

// Third-party code the program reaches fails; the standard library fails
// only when asked to; what is merely imported or required is counted.
func TestJudge(t *testing.T) {
	tests := []struct {
		name       string
		stream     string
		failStdlib bool
		wantErr    bool
	}{
		{"stdlib reached, warn", stream, false, false},
		{"stdlib reached, fail", stream, true, true},
		{"module reached", stream + `{"finding":{"osv":"GO-2026-0002","fixed_version":"v1.2.3","trace":[{"module":"example.com/dep","version":"v1.2.0","package":"example.com/dep/p","function":"F"}]}}`, false, true},
		{"nothing", `{"config":{}}`, true, false},
	}
	for _, tt := range tests {
		var out strings.Builder
		err := judge(&out, []byte(tt.stream), []string{"./..."}, tt.failStdlib)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v, want error %v\n%s", tt.name, err, tt.wantErr, out.String())
		}
	}
	var out strings.Builder
	judge(&out, []byte(stream), nil, false)
	if !strings.Contains(out.String(), "1 reachable (symbol level), 1 more in imported packages, 1 more in required modules only") {
		t.Errorf("summary:\n%s", out.String())
	}
	if err := judge(io.Discard, []byte("{"), nil, false); err == nil {
		t.Error("a broken stream passed")
	}
}

func TestCommitDate(t *testing.T) {
	for v, want := range map[string]string{
		"v0.0.0-20261105234957-e22db6528018": "2026-11-05",
		"v1.2.3":                             "unknown date",
	} {
		if got := commitDate(v); got != want {
			t.Errorf("commitDate(%s) = %s, want %s", v, got, want)
		}
	}
}
