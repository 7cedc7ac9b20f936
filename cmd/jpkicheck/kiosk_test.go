package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/syncbuf"
)

// syncBuffer collects output that is read while it is still being written.
type syncBuffer = syncbuf.Buffer

// serving is a kiosk or ui command running in-process.
type serving struct {
	url            string
	stdout, stderr *syncBuffer
	stop           func() int // ends the command (as SIGINT does) and returns its exit code
}

func startServing(t *testing.T, args ...string) *serving {
	t.Helper()
	return startServingAt(t, fixedNow, args...)
}

// startServingAt is startServing with the machine's clock at now.
func startServingAt(t *testing.T, now time.Time, args ...string) *serving {
	t.Helper()
	s := &serving{stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, args, &env{
			stdin:  strings.NewReader(""),
			stdout: s.stdout,
			stderr: s.stderr,
			getenv: func(string) string { return "" },
			now:    func() time.Time { return now },
		})
	}()
	var once sync.Once
	code := -1
	s.stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(10 * time.Second):
				t.Error("the command did not stop within 10 s of its context ending")
			}
		})
		return code
	}
	t.Cleanup(func() { s.stop() })
	deadline := time.Now().Add(10 * time.Second)
	for {
		if line, _, ok := strings.Cut(s.stdout.String(), "\n"); ok {
			s.url = line
			return s
		}
		select {
		case code := <-done:
			t.Fatalf("%v exited %d before serving\nstderr:\n%s", args, code, s.stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%v printed no URL within 10 s\nstderr:\n%s", args, s.stderr)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// status waits until /api/status shows screen and returns it.
func waitStatus(t *testing.T, base, screen string) map[string]any {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, body := httpGet(t, base+"api/status")
		var st map[string]any
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			t.Fatalf("status: %v: %s", err, body)
		}
		if st["screen"] == screen && st["pending"] == nil {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s screen within 10 s: %s", screen, body)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestKioskServesTheSimulatedCard(t *testing.T) {
	s := startServing(t, "kiosk", "--sim", "expired", "--listen", "127.0.0.1:0", "--lang", "en")
	if !strings.HasPrefix(s.url, "http://127.0.0.1:") || !strings.HasSuffix(s.url, "/") {
		t.Fatalf("URL %q", s.url)
	}
	st := waitStatus(t, s.url, "result")
	if st["lang"] != "en" || st["report"].(map[string]any)["state"] != "expired" {
		t.Errorf("status: lang %v, report %v", st["lang"], st["report"])
	}
	if code, body := httpGet(t, s.url); code != 200 || !strings.Contains(body, "kiosk.js") {
		t.Errorf("page: %d", code)
	}
	if code := s.stop(); code != 0 {
		t.Errorf("exit code %d after the stop signal\nstderr:\n%s", code, s.stderr)
	}
	if errs := s.stderr.String(); !strings.Contains(errs, "serving the kiosk page at "+s.url) || strings.Contains(errs, "WARNING") {
		t.Errorf("stderr:\n%s", errs)
	}
	assertNoPersonalData(t, s.stdout.String(), s.stderr.String())
}

// The lobby page starts in Japanese whatever the machine's locale says;
// --lang changes that.
func TestKioskPageLanguage(t *testing.T) {
	s := startServing(t, "kiosk", "--sim", "--listen", "127.0.0.1:0")
	if st := waitStatus(t, s.url, "result"); st["lang"] != "ja" || st["home"] != false {
		t.Errorf("lang %v home %v", st["lang"], st["home"])
	}
}

// An address other machines can reach is refused without --allow-lan;
// with it the warning names the real port, and nothing is served without
// the token printed at start.
func TestKioskOffLoopback(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		r := runCLI(t, nil, "kiosk", "--sim", "--listen", "0.0.0.0:0", "--lang", lang)
		if r.code != 2 || !strings.Contains(r.stderr, "0.0.0.0:0") || !strings.Contains(r.stderr, "--allow-lan") {
			t.Errorf("--lang %s without --allow-lan: exit %d\n%s", lang, r.code, r.stderr)
		}
	}
	s := startServing(t, "kiosk", "--sim", "--listen", "0.0.0.0:0", "--allow-lan", "--lang", "en")
	rest, token, ok := strings.Cut(s.url, "/?token=")
	if !ok || len(token) < 16 {
		t.Fatalf("printed URL %q carries no token", s.url)
	}
	port := rest[strings.LastIndex(rest, ":")+1:]
	if !strings.Contains(s.stderr.String(), "WARNING: listening on 0.0.0.0:"+port+":") ||
		!strings.Contains(s.stderr.String(), s.url) {
		t.Errorf("no warning with the real port and token:\n%s", s.stderr)
	}
	base := "http://127.0.0.1:" + port + "/"
	for _, path := range []string{"", "api/status", "api/events", "metrics", "?token=" + token + "x"} {
		if code, body := httpGet(t, base+path); code != http.StatusUnauthorized || strings.Contains(body, "seq") {
			t.Errorf("/%s without the token: %d", path, code)
		}
	}
	// A browser given the printed address gets in, and stays in.
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Get(base + "?token=" + token)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.RawQuery != "" {
		t.Errorf("the printed address: %s at %s", resp.Status, resp.Request.URL)
	}
	if resp, err = client.Get(base + "api/status"); err != nil || resp.StatusCode != 200 {
		t.Errorf("status with the cookie: %v %v", resp.Status, err)
	}
	resp.Body.Close()
}

func TestUIUsesASecretPath(t *testing.T) {
	var urls []string
	for i := 0; i < 2; i++ {
		s := startServing(t, "ui", "--no-browser", "--sim", "window-open", "--json")
		var out struct{ URL string }
		if err := json.Unmarshal([]byte(s.url), &out); err != nil {
			t.Fatalf("--json output %q: %v", s.url, err)
		}
		base := out.URL
		root := base[:strings.Index(base[len("http://"):], "/")+len("http://")+1]
		if len(base) < len(root)+20 {
			t.Fatalf("URL %q has no secret", base)
		}
		if code, _ := httpGet(t, root); code != 404 {
			t.Errorf("%s without the secret: %d", root, code)
		}
		if code, _ := httpGet(t, root+"api/status"); code != 404 {
			t.Errorf("status without the secret: %d", code)
		}
		if st := waitStatus(t, base, "result"); st["home"] != true {
			t.Errorf("home %v", st["home"])
		}
		urls = append(urls, base)
		s.stop()
	}
	if urls[0] == urls[1] {
		t.Errorf("two runs share the URL %s", urls[0])
	}
}

func TestKioskUsageErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "office.conf")
	os.WriteFile(bad, []byte("name = 市役所\n# hours\n\ncounter = 市民課\nphone = 1\n\nflor = 2階\n"), 0o644)
	tests := []struct {
		args []string
		code int
		want map[string]string
	}{
		{[]string{"kiosk", "--office", bad}, 2, map[string]string{
			"en": bad + `:7: unknown field "flor" (did you mean "floor"?)`,
			"ja": bad + ":7: 「flor」という項目はありません(「floor」のことですか?)",
		}},
		{[]string{"kiosk", "--office", filepath.Join(dir, "missing.conf")}, 2, map[string]string{
			"en": "missing.conf: cannot read it (no such file or directory)",
			"ja": "missing.conf: 読み込めません(no such file or directory)",
		}},
		{[]string{"kiosk", "--linger", "soon"}, 2, map[string]string{
			"en": `--linger "soon" must be a duration of 0 or more. Example: --linger 20s`,
			"ja": "--linger の「soon」は 0 以上の時間で指定してください。例: --linger 20s",
		}},
		{[]string{"kiosk", "--sim=nonsense"}, 2, map[string]string{"en": `--sim "nonsense" is not a simulated-card profile`}},
		{[]string{"ui", "--listen", "127.0.0.1:1"}, 2, map[string]string{"en": "--listen"}},
		{[]string{"kiosk", "extra"}, 2, map[string]string{"en": "unexpected argument extra"}},
		{[]string{"kiosk", "--listen", "256.0.0.1:80", "--allow-lan"}, 1, map[string]string{"en": "cannot listen on --listen 256.0.0.1:80"}},
		{[]string{"kiosk", "--listen", "192.0.2.1:80"}, 2, map[string]string{
			"en": "refusing to listen on 192.0.2.1:80",
			"ja": "192.0.2.1:80 では待ち受けません",
		}},
		{[]string{"kiosk", "--browser", "--browser-path", ""}, 2, map[string]string{"en": "--browser found no Chromium"}},
		{[]string{"kiosk", "--allow-lan", "--token-file", filepath.Join(dir, "missing")}, 2, map[string]string{"en": "--token-file"}},
		{[]string{"kiosk", "--help"}, 0, map[string]string{"en": "jpkicheck kiosk [--listen 127.0.0.1:8080]", "ja": "市役所のロビー"}},
		{[]string{"ui", "--help"}, 0, map[string]string{"en": "--no-browser", "ja": "--no-browser"}},
	}
	for _, tt := range tests {
		for lang, want := range tt.want {
			r := runCLI(t, nil, append(tt.args, "--lang", lang)...)
			if r.code != tt.code || !strings.Contains(r.stdout+r.stderr, want) {
				t.Errorf("%v --lang %s: exit %d, want %d with %q\nstdout:\n%s\nstderr:\n%s", tt.args, lang, r.code, tt.code, want, r.stdout, r.stderr)
			}
		}
	}
}

// The kiosk's log says what happened to each card, never who holds it.
func TestKioskLogLines(t *testing.T) {
	s := startServing(t, "kiosk", "--sim", "auth-locked", "--listen", "127.0.0.1:0")
	waitStatus(t, s.url, "result")
	s.stop()
	sc := bufio.NewScanner(strings.NewReader(s.stderr.String()))
	var saw bool
	for sc.Scan() {
		if strings.Contains(sc.Text(), "kiosk: jpkicheck simulated reader: not_yet_open (exit code 7)") {
			saw = true
		}
	}
	if !saw {
		t.Errorf("no result line in the log:\n%s", s.stderr)
	}
	assertNoPersonalData(t, s.stderr.String())
}
