package kiosk

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/cardsim"
)

const testToken = "kiosk-test-token-0123456789"

// request sends GET path with the given cookie token and/or bearer token
// ("" for none) without following redirects.
func (s *served) request(t *testing.T, path, cookie, bearer string) (*http.Response, string) {
	t.Helper()
	return s.send(t, "GET", path, func(req *http.Request) {
		if cookie != "" {
			req.AddCookie(&http.Cookie{Name: tokenCookie, Value: cookie})
		}
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
	})
}

// openStream opens /api/events, as the kiosk's own page when own, and
// returns its status code and a channel closed when the stream ends.
func (s *served) openStream(t *testing.T, own bool) (int, <-chan struct{}) {
	t.Helper()
	req, err := http.NewRequest("GET", s.base+"api/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	if own {
		req.AddCookie(&http.Cookie{Name: tokenCookie, Value: testToken})
	}
	// Each stream its own connection, as separate pages have.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	ended := make(chan struct{})
	if resp.StatusCode != http.StatusOK {
		close(ended)
		return resp.StatusCode, ended
	}
	r := bufio.NewReader(resp.Body)
	// The first message arrives at once: the stream is registered.
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the first message: %v", err)
		}
		if strings.HasPrefix(line, "data: ") {
			break
		}
	}
	go func() {
		io.Copy(io.Discard, r)
		close(ended)
	}()
	return resp.StatusCode, ended
}

func ended(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	case <-time.After(2 * time.Second):
		return false
	}
}

// Other local processes hold every stream; the kiosk's own page still
// gets one, the oldest stranger's ending, and keeps it.
func TestOwnPageKeepsItsStream(t *testing.T) {
	s := serve(t, ServerOptions{MaxClients: 40, PerClient: 50, Token: testToken}, nil)
	var strangers []<-chan struct{}
	for i := range 40 {
		code, end := s.openStream(t, false)
		if code != http.StatusOK {
			t.Fatalf("stranger %d: %d", i, code)
		}
		strangers = append(strangers, end)
	}
	if code, _ := s.openStream(t, false); code != http.StatusServiceUnavailable {
		t.Fatalf("41st stranger: %d, want 503", code)
	}
	// The page reloads: it logs in with its address's token, then opens its stream.
	resp, _ := s.request(t, "/?token="+testToken, "", "")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("login: %s, Location %q", resp.Status, resp.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == tokenCookie {
			cookie = c
		}
	}
	if cookie == nil || cookie.Value != testToken || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Fatalf("login cookie: %+v", cookie)
	}
	if resp, body := s.request(t, "/", testToken, ""); resp.StatusCode != 200 || !strings.Contains(body, "<html") {
		t.Fatalf("page with its cookie: %s", resp.Status)
	}
	code, own := s.openStream(t, true)
	if code != http.StatusOK {
		t.Fatalf("own page's stream: %d", code)
	}
	if !ended(strangers[0]) {
		t.Error("the oldest stranger's stream did not end")
	}
	for i, end := range strangers[1:] {
		select {
		case <-end:
			t.Errorf("stranger %d's stream ended too", i+1)
		default:
		}
	}
	// More strangers do not take it away, and the next card's answer arrives on it.
	for range 5 {
		s.openStream(t, false)
	}
	select {
	case <-own:
		t.Fatal("the own page's stream ended")
	default:
	}
	s.insert(cardsim.Expired)
	s.waitScreen(ScreenResult)
}

// One address cannot take more than PerClient streams; the ones it and
// others hold stay.
func TestPerClientCap(t *testing.T) {
	s := serve(t, ServerOptions{MaxClients: 10, PerClient: 2, Token: testToken}, nil)
	_, own := s.openStream(t, true)
	_, first := s.openStream(t, false)
	_, second := s.openStream(t, false)
	if code, _ := s.openStream(t, false); code != http.StatusServiceUnavailable {
		t.Fatalf("third stream from one address: %d, want 503", code)
	}
	select {
	case <-first:
		t.Error("the address's first stream ended")
	case <-second:
		t.Error("the address's second stream ended")
	case <-own:
		t.Error("the own page's stream ended")
	case <-time.After(200 * time.Millisecond):
	}
	// The own page reloading replaces its own oldest stream beyond ownStreams.
	owns := []<-chan struct{}{own}
	for range ownStreams {
		_, end := s.openStream(t, true)
		owns = append(owns, end)
	}
	if !ended(owns[0]) {
		t.Error("the own page's oldest stream did not end")
	}
}

// With --allow-lan, nothing is served without the token.
func TestTokenRequired(t *testing.T) {
	s := serve(t, ServerOptions{Token: testToken, TokenRequired: true, Metrics: NewMetrics("test")}, nil)
	for _, path := range []string{"/", "/kiosk.js", "/api/status", "/api/events", "/metrics", "/?token=wrong"} {
		if resp, body := s.request(t, path, "", ""); resp.StatusCode != http.StatusUnauthorized || strings.Contains(body, "seq") {
			t.Errorf("%s without the token: %s", path, resp.Status)
		}
		if resp, _ := s.request(t, path, "not-"+testToken, "not-"+testToken); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s with a wrong token: %s", path, resp.Status)
		}
	}
	if resp, _ := s.request(t, "/?token="+testToken, "", ""); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("login: %s", resp.Status)
	}
	for _, path := range []string{"/", "/kiosk.js", "/api/status"} {
		if resp, _ := s.request(t, path, testToken, ""); resp.StatusCode != 200 {
			t.Errorf("%s with the cookie: %s", path, resp.Status)
		}
	}
	if resp, body := s.request(t, "/metrics", "", testToken); resp.StatusCode != 200 || !strings.Contains(body, "jpkicheck_build_info") {
		t.Errorf("/metrics with the bearer token: %s", resp.Status)
	}
}

// On loopback without --allow-lan the page needs no token, and a wrong
// cookie (an earlier run's) only makes it a stranger.
func TestTokenNotRequiredOnLoopback(t *testing.T) {
	s := serve(t, ServerOptions{Token: testToken}, nil)
	for _, path := range []string{"/", "/api/status"} {
		if resp, _ := s.request(t, path, "", ""); resp.StatusCode != 200 {
			t.Errorf("%s: %s", path, resp.Status)
		}
		if resp, _ := s.request(t, path, "an-earlier-run", ""); resp.StatusCode != 200 {
			t.Errorf("%s with an old cookie: %s", path, resp.Status)
		}
	}
}

// A wrong clock holds the page: an administrator message, no answers.
func TestHold(t *testing.T) {
	msg := "The clock says 2031 <check it>"
	held := true
	s := serve(t, ServerOptions{Metrics: NewMetrics("test"), Hold: func() string {
		if held {
			return msg
		}
		return ""
	}}, nil)
	resp, body := s.request(t, "/", "", "")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "The clock says 2031 &lt;check it&gt;") ||
		!strings.Contains(body, `http-equiv="refresh"`) {
		t.Errorf("held page: %s\n%s", resp.Status, body)
	}
	checkHeaders(t, "held page", resp)
	for _, path := range []string{"/api/status", "/api/events"} {
		if resp, body := s.request(t, path, "", ""); resp.StatusCode != http.StatusServiceUnavailable || strings.Contains(body, "seq") {
			t.Errorf("%s held: %s %s", path, resp.Status, body)
		}
	}
	if _, body := s.request(t, "/metrics", "", ""); !strings.Contains(body, "jpkicheck_kiosk_held 1\n") {
		t.Errorf("metrics while held:\n%s", body)
	}
	held = false
	if resp, _ := s.request(t, "/", "", ""); resp.StatusCode != 200 {
		t.Errorf("page once the clock is right: %s", resp.Status)
	}
}

// /metrics counts cards by outcome and times them, and says nothing about
// any card: no date, no reader name.
func TestMetrics(t *testing.T) {
	met := NewMetrics("v1.2.3")
	h := start(t, func(c *Config) {
		prev := c.OnStatus
		c.OnStatus = func(s Status) { prev(s); met.Observe(s) }
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(h.m, ServerOptions{Addr: ln.Addr().String(), Metrics: met})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() { cancel(); <-done })
	s := &served{harness: h, addr: ln.Addr().String(), base: "http://" + ln.Addr().String() + "/"}

	h.waitScreen(ScreenWaiting)
	for _, p := range []cardsim.Profile{cardsim.Valid, cardsim.WindowOpen, cardsim.Expired, cardsim.AuthLocked, cardsim.Valid} {
		h.resetHistory()
		h.insert(p)
		h.waitScreen(ScreenResult)
		h.sim.Remove()
		h.waitScreen(ScreenWaiting)
	}
	resp, body := s.request(t, "/metrics", "", "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != metricsContentType {
		t.Fatalf("/metrics: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{
		`jpkicheck_build_info{version="v1.2.3",goversion="go`,
		"# TYPE jpkicheck_kiosk_cards_total counter\n",
		`jpkicheck_kiosk_cards_total{outcome="fine"} 2` + "\n",
		`jpkicheck_kiosk_cards_total{outcome="open"} 1` + "\n",
		`jpkicheck_kiosk_cards_total{outcome="expired"} 1` + "\n",
		`jpkicheck_kiosk_cards_total{outcome="locked"} 1` + "\n",
		`jpkicheck_kiosk_cards_total{outcome="error"} 0` + "\n",
		"# TYPE jpkicheck_kiosk_read_seconds histogram\n",
		`jpkicheck_kiosk_read_seconds_bucket{le="+Inf"} 5` + "\n",
		"jpkicheck_kiosk_read_seconds_count 5\n",
		"jpkicheck_kiosk_reader_up 1\n",
		"jpkicheck_kiosk_service_up 1\n",
		`jpkicheck_kiosk_screen{screen="waiting"} 1` + "\n",
		"jpkicheck_kiosk_held 0\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
	checkExposition(t, body)
	if d := regexp.MustCompile(`\d{4}-\d{2}-\d{2}|20\d\d/\d`).FindString(body); d != "" {
		t.Errorf("/metrics carries a date %q:\n%s", d, body)
	}
	if strings.Contains(body, "simulated reader") {
		t.Errorf("/metrics names the reader:\n%s", body)
	}
}

// checkExposition checks the text format's grammar line by line: a
// family's HELP and TYPE before its samples, each sample name{labels} value.
func checkExposition(t *testing.T, body string) {
	t.Helper()
	sample := regexp.MustCompile(`^([a-z_]+)(\{[a-z_]+="[^"\n]*"(,[a-z_]+="[^"\n]*")*\})? [-+0-9.e]+$|^[a-z_]+\{le="\+Inf"\} [0-9]+$`)
	typed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		if f, ok := strings.CutPrefix(line, "# TYPE "); ok {
			typed[strings.Fields(f)[0]] = true
			continue
		}
		if strings.HasPrefix(line, "# HELP ") {
			continue
		}
		m := sample.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("not a sample line: %q", line)
			continue
		}
		name := m[1]
		if name == "" {
			name = line[:strings.IndexByte(line, '{')]
		}
		base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, "_bucket"), "_sum"), "_count")
		if !typed[name] && !typed[base] {
			t.Errorf("sample before its TYPE: %q", line)
		}
	}
}

// With the default limits, 40 streams asked for by local processes leave
// room for the kiosk's own page and for other addresses.
func TestDefaultLimitsUnderFlood(t *testing.T) {
	s := serve(t, ServerOptions{Token: testToken}, nil)
	for i := range 40 {
		code, _ := s.openStream(t, false)
		if want := map[bool]int{true: 200, false: 503}[i < DefaultPerClient]; code != want {
			t.Fatalf("stream %d from one address: %d, want %d", i, code, want)
		}
	}
	s.srv.mu.Lock()
	n := len(s.srv.streams)
	s.srv.mu.Unlock()
	if n != DefaultPerClient {
		t.Errorf("%d streams held by one address, want %d", n, DefaultPerClient)
	}
	if code, _ := s.openStream(t, true); code != http.StatusOK {
		t.Fatalf("own page's stream: %d", code)
	}
}
