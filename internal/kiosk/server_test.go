package kiosk

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
)

// served is a harness with its server listening on a loopback port.
type served struct {
	*harness
	addr string // host:port
	base string // http://addr + prefix
	hs   *http.Server
	srv  *Server
}

func serve(t *testing.T, o ServerOptions, tweak func(*http.Server)) *served {
	t.Helper()
	h := start(t, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	o.Addr = ln.Addr().String()
	srv := NewServer(h.m, o)
	hs := srv.HTTPServer()
	if tweak != nil {
		tweak(hs)
	}
	go hs.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := hs.Shutdown(ctx); err != nil {
			t.Errorf("shutdown with a stream open: %v", err)
		}
	})
	prefix := o.Prefix
	if prefix == "" {
		prefix = "/"
	}
	return &served{harness: h, addr: o.Addr, base: "http://" + o.Addr + prefix, hs: hs, srv: srv}
}

// get sends a request with the given Host header.
func (s *served) get(t *testing.T, method, path, host string) (*http.Response, string) {
	t.Helper()
	return s.send(t, method, path, func(req *http.Request) {
		if host != "" {
			req.Host = host
		}
	})
}

// send sends a request, set up by edit, without following redirects, and
// returns the response with its body read.
func (s *served) send(t *testing.T, method, path string, edit func(*http.Request)) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, "http://"+s.addr+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	edit(req)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// DNS rebinding: a page from elsewhere whose name resolves to 127.0.0.1
// still sends its own name as Host, and is refused.
func TestHostCheck(t *testing.T) {
	s := serve(t, ServerOptions{}, nil)
	_, port, _ := net.SplitHostPort(s.addr)
	for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port} {
		if resp, _ := s.get(t, "GET", "/api/status", host); resp.StatusCode != http.StatusOK {
			t.Errorf("Host %s: %s", host, resp.Status)
		}
	}
	for _, host := range []string{"evil.example:" + port, "evil.example", "127.0.0.1", "127.0.0.1:1", "localhost.evil.example:" + port,
		"127.0.0.1." + port, "0.0.0.0:" + port, "x"} {
		resp, body := s.get(t, "GET", "/api/status", host)
		if resp.StatusCode != http.StatusForbidden || strings.Contains(body, "screen") {
			t.Errorf("Host %s: %s %q", host, resp.Status, body)
		}
		checkHeaders(t, "forbidden "+host, resp)
	}
}

func TestAllowedHosts(t *testing.T) {
	got := AllowedHosts("127.0.0.1:8080")
	want := []string{"127.0.0.1:8080", "localhost:8080", "127.0.0.1:8080", "[::1]:8080"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("AllowedHosts = %q, want %q", got, want)
	}
	if got := AllowedHosts("192.0.2.7:80"); !contains(got, "192.0.2.7:80") || !contains(got, "192.0.2.7") || !contains(got, "localhost") {
		t.Errorf("port 80: %q", got)
	}
	if got := AllowedHosts("0.0.0.0:8080"); !contains(got, "127.0.0.1:8080") || len(got) < 4 {
		t.Errorf("every interface: %q", got)
	}
	for addr, loop := range map[string]bool{"127.0.0.1:8080": true, "[::1]:80": true, "localhost:1": true,
		"0.0.0.0:8080": false, "[::]:8080": false, "192.0.2.7:8080": false, "kiosk.example:8080": false, "bad": false} {
		if IsLoopback(addr) != loop {
			t.Errorf("IsLoopback(%q) = %v", addr, !loop)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkHeaders asserts the security headers every response carries, and
// that nothing invites other origins or sets state.
func checkHeaders(t *testing.T, what string, resp *http.Response) {
	t.Helper()
	h := resp.Header
	if got := h.Get("Content-Security-Policy"); got != CSP {
		t.Errorf("%s: CSP %q", what, got)
	}
	for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
		if h.Get(k) != v {
			t.Errorf("%s: %s = %q, want %q", what, k, h.Get(k), v)
		}
	}
	for k := range h {
		if strings.HasPrefix(k, "Access-Control-") || k == "Set-Cookie" {
			t.Errorf("%s: has %s", what, k)
		}
	}
}

func TestHeadersAndRoutes(t *testing.T) {
	s := serve(t, ServerOptions{}, nil)
	tests := []struct {
		method, path string
		code         int
		ctype, cache string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "no-cache"},
		{"GET", "/kiosk.js", 200, "text/javascript; charset=utf-8", "no-cache"},
		{"GET", "/kiosk.css", 200, "text/css; charset=utf-8", "no-cache"},
		{"GET", "/api/status", 200, "application/json", "no-store"},
		{"HEAD", "/api/events", 200, "text/event-stream", "no-store"},
		{"GET", "/index.html", 404, "", "no-store"},
		{"GET", "/web/kiosk.js", 404, "", "no-store"},
		{"GET", "/../go.mod", 404, "", "no-store"},
		{"POST", "/api/status", 405, "", "no-store"},
		{"OPTIONS", "/", 405, "", "no-store"},
	}
	for _, tt := range tests {
		resp, _ := s.get(t, tt.method, tt.path, "")
		what := tt.method + " " + tt.path
		if resp.StatusCode != tt.code {
			t.Errorf("%s: %s", what, resp.Status)
		}
		if tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("%s: Content-Type %q", what, resp.Header.Get("Content-Type"))
		}
		if resp.Header.Get("Cache-Control") != tt.cache {
			t.Errorf("%s: Cache-Control %q", what, resp.Header.Get("Cache-Control"))
		}
		checkHeaders(t, what, resp)
	}
}

// jpkicheck ui: only the secret path answers.
func TestSecretPrefix(t *testing.T) {
	s := serve(t, ServerOptions{Prefix: "/Sekret123/"}, nil)
	for path, code := range map[string]int{
		"/": 404, "/api/status": 404, "/kiosk.js": 404, "/sekret123/": 404, "/Sekret12/": 404, "/Sekret1234/": 404,
		"/Sekret123": 301, "/Sekret123/": 200, "/Sekret123/api/status": 200, "/Sekret123/kiosk.js": 200,
	} {
		if resp, _ := s.get(t, "GET", path, ""); resp.StatusCode != code {
			t.Errorf("%s: %s, want %d", path, resp.Status, code)
		}
	}
}

// stream opens /api/events and returns a reader of its messages.
func stream(t *testing.T, url string) (*http.Response, func() (id string, data Status)) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != http.StatusOK {
		return resp, nil
	}
	r := bufio.NewReader(resp.Body)
	return resp, func() (string, Status) {
		t.Helper()
		var id string
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("reading the event stream: %v", err)
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case strings.HasPrefix(line, "id: "):
				id = line[4:]
			case strings.HasPrefix(line, "data: "):
				var s Status
				if err := json.Unmarshal([]byte(line[6:]), &s); err != nil {
					t.Fatalf("event data: %v", err)
				}
				return id, s
			}
		}
	}
}

func TestEventStream(t *testing.T) {
	s := serve(t, ServerOptions{Heartbeat: 50 * time.Millisecond}, func(hs *http.Server) {
		// Ordinary requests time out quickly; the stream must not.
		hs.ReadTimeout, hs.WriteTimeout = 150*time.Millisecond, 150*time.Millisecond
	})
	s.waitScreen(ScreenWaiting)
	resp, next := stream(t, s.base+"api/events")
	checkHeaders(t, "events", resp)
	id, first := next()
	if first.Screen != ScreenWaiting || id == "" {
		t.Fatalf("first event: id %q, %s", id, first.Screen)
	}
	time.Sleep(400 * time.Millisecond) // past both server timeouts
	s.insert(cardsim.Expired)
	var last Status
	for last.Screen != ScreenResult || last.Pending {
		var nid string
		nid, last = next()
		if n, err := strconv.ParseUint(nid, 10, 64); err != nil || n <= first.Seq || n != last.Seq {
			t.Errorf("event id %s (seq %d) after %s", nid, last.Seq, id)
		}
		id = nid
	}
	if last.Report == nil || last.Report.State.String() != "expired" {
		t.Errorf("last event: %+v", last)
	}
	s.sim.Remove()
	for last.Screen != ScreenWaiting {
		_, last = next()
	}
	assertNoCard(t, last)
}

func TestEventStreamCap(t *testing.T) {
	s := serve(t, ServerOptions{MaxClients: 2}, nil)
	var closers []func()
	for i := 0; i < 2; i++ {
		resp, next := stream(t, s.base+"api/events")
		if next == nil {
			t.Fatalf("stream %d: %s", i, resp.Status)
		}
		next()
		closers = append(closers, func() { resp.Body.Close() })
	}
	resp, next := stream(t, s.base+"api/events")
	if next != nil || resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("third stream: %s", resp.Status)
	}
	checkHeaders(t, "503", resp)
	// A slot frees when a client leaves.
	closers[0]()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, next := stream(t, s.base+"api/events")
		if next != nil {
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("no slot freed after a client left")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Serve returns promptly when its context ends, even with streams open.
func TestServeShutsDownWithStreamsOpen(t *testing.T) {
	h := start(t, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(h.m, ServerOptions{Addr: ln.Addr().String()})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	_, next := stream(t, "http://"+ln.Addr().String()+"/api/events")
	next()
	t0 := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil || time.Since(t0) > time.Second {
			t.Errorf("Serve = %v after %v", err, time.Since(t0))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve still running 5 s after its context ended")
	}
}

// The page holds no words of its own: every sentence comes from the
// catalogues with the status. No Japanese in the page files, and no
// string in the script that reads like a phrase.
func TestPageHasNoWords(t *testing.T) {
	// The words block of index.html is the catalogues' own
	// (TestPageCarriesItsWords); everything else is words-free.
	noWords := func(data []byte) []byte { return wordsBlock.ReplaceAll(data, []byte("$1$3")) }
	for _, name := range []string{"web/index.html", "web/kiosk.js", "web/kiosk.css"} {
		data, err := web.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range string(noWords(data)) {
			if r >= 0x3040 && r <= 0x9FFF {
				t.Errorf("%s contains Japanese text (%q): words belong in the report catalogues", name, r)
				break
			}
		}
	}
	js, _ := web.ReadFile("web/kiosk.js")
	code := regexp.MustCompile(`(?m)^\s*//.*$`).ReplaceAll(js, nil)
	phrase := regexp.MustCompile(`[A-Za-z]{2,}\s+[A-Za-z]{2,}`)
	for _, lit := range regexp.MustCompile(`'[^'\n]*'|"[^"\n]*"|`+"`[^`]*`").FindAll(code, -1) {
		if s := string(lit); phrase.MatchString(s) && s != "'use strict'" {
			t.Errorf("kiosk.js has a phrase of its own: %s", s)
		}
	}
	html, _ := web.ReadFile("web/index.html")
	text := regexp.MustCompile(`(?s)<[^>]*>`).ReplaceAllString(string(noWords(html)), "")
	if strings.TrimSpace(strings.ReplaceAll(text, "jpkicheck", "")) != "" {
		t.Errorf("index.html has text of its own: %q", strings.TrimSpace(text))
	}
	// Offline: nothing is fetched from anywhere else.
	for _, name := range []string{"web/index.html", "web/kiosk.js", "web/kiosk.css"} {
		data, _ := web.ReadFile(name)
		if m := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`).FindAll(data, -1); len(m) > 0 {
			for _, u := range m {
				if string(u) != "http://www.w3.org" { // the SVG namespace name, never fetched
					t.Errorf("%s refers to another site: %s", name, u)
				}
			}
		}
	}
}

// Every response, the page, status and event stream included, is free of
// the holder's data across every kind of card.
func TestResponsesHaveNoPersonalData(t *testing.T) {
	s := serve(t, ServerOptions{}, nil)
	_, next := stream(t, s.base+"api/events")
	var all strings.Builder
	for _, p := range []cardsim.Profile{cardsim.Valid, cardsim.Expired, cardsim.AuthLocked, cardsim.Juki, cardsim.NotJPKI} {
		s.insert(p)
		for {
			_, st := next()
			data, _ := json.Marshal(st)
			all.Write(data)
			if (st.Screen == ScreenResult && !st.Pending) || st.Screen == ScreenError {
				break
			}
		}
		for _, path := range []string{"/", "/kiosk.js", "/api/status"} {
			_, body := s.get(t, "GET", path, "")
			all.WriteString(body)
		}
	}
	assertNoHolder(t, "responses", all.String())
}
