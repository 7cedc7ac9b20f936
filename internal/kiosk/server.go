package kiosk

import (
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

//go:embed web/index.html web/kiosk.css web/kiosk.js
var web embed.FS

// Server limits and timeouts.
const (
	// DefaultMaxClients bounds the event streams: a kiosk has one screen,
	// a home user one or two tabs; the bound keeps a misbehaving page (or
	// anything else on the machine) from holding every connection.
	DefaultMaxClients = 32
	// DefaultPerClient bounds one address's event streams other than the
	// kiosk's own page: one process cannot take every stream.
	DefaultPerClient = 8
	// ownStreams bounds the kiosk's own page's streams; a reload's new
	// stream replaces the oldest.
	ownStreams = 4
	// DefaultHeartbeat is how often an idle event stream sends a comment,
	// so a client that went away is noticed and its slot freed.
	DefaultHeartbeat = 15 * time.Second
	writeTimeout     = 10 * time.Second
)

// CSP allows the page's own script, style and connections, and nothing
// else: no inline code, no frames, no forms, no other origin.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// ServerOptions configure the HTTP side of a kiosk.
type ServerOptions struct {
	// Addr is the address the listener is bound to, with its real port;
	// it decides which Host headers are accepted (AllowedHosts).
	Addr string
	// Prefix is the path the page is served under: "/" for the kiosk,
	// "/<secret>/" for jpkicheck ui. Everything else is 404.
	Prefix string
	// MaxClients bounds the event streams (0: DefaultMaxClients). When
	// they are all taken, another client's stream gets 503, while the
	// kiosk's own page (Token) still gets one: the oldest stranger's ends.
	MaxClients int
	// PerClient bounds the streams of one remote address other than the
	// kiosk's own page (0: DefaultPerClient); one more gets 503.
	PerClient int
	// Token, when set, identifies the kiosk's own page: the page opened
	// with ?token=<Token> gets it as a cookie, and a script may send it
	// as "Authorization: Bearer <Token>".
	Token string
	// TokenRequired refuses every request without the Token (401): for an
	// address other machines can reach.
	TokenRequired bool
	// Metrics, if set, is served at /metrics (Prometheus text format).
	Metrics *Metrics
	// Hold, if set and returning a message, shows that message to the
	// administrator instead of the page and its answers (a wrong clock).
	Hold func() string
	// Heartbeat is the idle event stream's keep-alive (0: DefaultHeartbeat).
	Heartbeat time.Duration
}

// Server serves the page, /api/status and /api/events of one Machine.
type Server struct {
	m     *Machine
	o     ServerOptions
	hosts map[string]bool

	mu      sync.Mutex
	streams []*eventStream // oldest first

	closeOnce sync.Once
	done      chan struct{} // closed on shutdown: event streams end
}

// NewServer returns the handler for m.
func NewServer(m *Machine, o ServerOptions) *Server {
	if o.Prefix == "" {
		o.Prefix = "/"
	}
	if o.MaxClients <= 0 {
		o.MaxClients = DefaultMaxClients
	}
	if o.PerClient <= 0 {
		o.PerClient = DefaultPerClient
	}
	if o.Heartbeat <= 0 {
		o.Heartbeat = DefaultHeartbeat
	}
	s := &Server{m: m, o: o, hosts: map[string]bool{}, done: make(chan struct{})}
	for _, h := range AllowedHosts(o.Addr) {
		s.hosts[strings.ToLower(h)] = true
	}
	return s
}

// AllowedHosts are the Host headers a server bound to addr accepts: the
// address itself and the loopback names, with its port. Any DNS name is
// refused, which is what defeats DNS rebinding: a page from elsewhere
// that resolves its own name to this machine still sends its own name.
// A server bound to every interface (0.0.0.0, ::) also accepts the
// machine's interface addresses.
func AllowedHosts(addr string) []string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil
	}
	hosts := []string{host, "localhost", "127.0.0.1", "::1"}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if ipn, ok := a.(*net.IPNet); ok {
					hosts = append(hosts, ipn.IP.String())
				}
			}
		}
	}
	var out []string
	for _, h := range hosts {
		out = append(out, net.JoinHostPort(h, port))
		if port == "80" {
			out = append(out, bracket(h)) // browsers leave the default port out
		}
	}
	return out
}

func bracket(host string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]"
	}
	return host
}

// IsLoopback reports whether addr only accepts connections from this
// machine (the kiosk warns loudly otherwise).
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

var files = map[string]struct{ name, ctype string }{
	"":          {"web/index.html", "text/html; charset=utf-8"},
	"kiosk.css": {"web/kiosk.css", "text/css; charset=utf-8"},
	"kiosk.js":  {"web/kiosk.js", "text/javascript; charset=utf-8"},
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), usb=(), payment=()")
	if !s.hosts[strings.ToLower(r.Host)] {
		fail(w, http.StatusForbidden, "this page only answers to the address it was started on")
		return
	}
	rest, ok := s.route(r.URL.Path)
	if !ok {
		if r.URL.Path+"/" == s.o.Prefix {
			http.Redirect(w, r, s.o.Prefix, http.StatusMovedPermanently)
			return
		}
		fail(w, http.StatusNotFound, "not found")
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		fail(w, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	if rest == "" && s.o.Token != "" && r.URL.Query().Has(tokenParam) {
		s.login(w, r)
		return
	}
	own := s.own(r)
	if s.o.TokenRequired && !own {
		h.Set("WWW-Authenticate", `Bearer realm="jpkicheck kiosk"`)
		fail(w, http.StatusUnauthorized, "this page needs its token: open the address the kiosk printed when it started")
		return
	}
	var hold string
	if s.o.Hold != nil {
		hold = s.o.Hold()
	}
	switch rest {
	case "api/status":
		if hold != "" {
			fail(w, http.StatusServiceUnavailable, hold)
			return
		}
		data, _, _ := s.m.Snapshot()
		h.Set("Content-Type", "application/json")
		h.Set("Cache-Control", "no-store")
		w.Write(data)
	case "api/events":
		if hold != "" {
			h.Set("Retry-After", "30")
			fail(w, http.StatusServiceUnavailable, hold)
			return
		}
		s.events(w, r, own)
	case "metrics":
		if s.o.Metrics == nil {
			fail(w, http.StatusNotFound, "not found")
			return
		}
		h.Set("Content-Type", metricsContentType)
		h.Set("Cache-Control", "no-store")
		held := 0
		if hold != "" {
			held = 1
		}
		s.o.Metrics.WriteTo(w)
		fmt.Fprintf(w, "# HELP jpkicheck_kiosk_held 1 while the page shows an administrator message instead of answers (a wrong clock).\n"+
			"# TYPE jpkicheck_kiosk_held gauge\njpkicheck_kiosk_held %d\n", held)
	case "":
		if hold != "" {
			h.Set("Content-Type", "text/html; charset=utf-8")
			h.Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, holdPage, html.EscapeString(hold))
			return
		}
		fallthrough
	default:
		f, ok := files[rest]
		if !ok {
			fail(w, http.StatusNotFound, "not found")
			return
		}
		data, err := web.ReadFile(f.name)
		if err != nil {
			fail(w, http.StatusInternalServerError, "missing page file")
			return
		}
		h.Set("Content-Type", f.ctype)
		h.Set("Cache-Control", "no-cache")
		w.Write(data)
	}
}

// holdPage shows an administrator message in place of the page, and looks
// again every 30 s: once the cause is gone the page itself comes back.
const holdPage = `<!doctype html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="30">
<title>jpkicheck</title></head>
<body><h1>%s</h1></body></html>
`

// tokenParam is the query parameter the page's address carries its token
// in; tokenCookie is where the browser keeps it afterwards.
const (
	tokenParam  = "token"
	tokenCookie = "jpkicheck_token"
)

// login takes the token from the page's address: a right one becomes a
// cookie and the address loses it (it would otherwise show in the
// address bar and the history); a wrong one is refused.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if !s.validToken(r.URL.Query().Get(tokenParam)) {
		fail(w, http.StatusUnauthorized, "wrong token: open the address the kiosk printed when it started")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.o.Token, Path: s.o.Prefix,
		HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, s.o.Prefix, http.StatusSeeOther)
}

// own reports a request from the kiosk's own page (or a script that was
// given the token).
func (s *Server) own(r *http.Request) bool {
	if s.o.Token == "" {
		return false
	}
	if c, err := r.Cookie(tokenCookie); err == nil && s.validToken(c.Value) {
		return true
	}
	if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && s.validToken(bearer) {
		return true
	}
	return false
}

func (s *Server) validToken(t string) bool {
	return s.o.Token != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.o.Token)) == 1
}

// route strips the prefix; the comparison of a secret prefix takes the
// same time whichever byte differs.
func (s *Server) route(path string) (string, bool) {
	p := s.o.Prefix
	if len(path) < len(p) || subtle.ConstantTimeCompare([]byte(path[:len(p)]), []byte(p)) != 1 {
		return "", false
	}
	return path[len(p):], true
}

func fail(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, msg, code)
}

// eventStream is one open event stream.
type eventStream struct {
	own    bool
	client string        // the remote address without its port
	end    chan struct{} // closed when a newer stream takes its place
}

// admit makes room for a new event stream, or says there is none. The
// kiosk's own page always gets one: its own oldest ends past ownStreams,
// or else the oldest stranger's when every stream is taken. Any other
// client is refused past PerClient streams from its address or when
// every stream is taken, so that a flood from one address can take
// neither the own page's stream nor the ones others already hold.
func (s *Server) admit(own bool, client string) (*eventStream, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var mine, strangers []int // oldest first
	for i, st := range s.streams {
		switch {
		case st.own && own:
			mine = append(mine, i)
		case !st.own:
			strangers = append(strangers, i)
			if !own && st.client == client {
				mine = append(mine, i)
			}
		}
	}
	drop := -1
	switch {
	case !own && (len(mine) >= s.o.PerClient || len(s.streams) >= s.o.MaxClients):
		return nil, false
	case own && len(mine) >= ownStreams:
		drop = mine[0]
	case own && len(s.streams) >= s.o.MaxClients && len(strangers) > 0:
		drop = strangers[0]
	}
	if drop >= 0 {
		close(s.streams[drop].end)
		s.streams = append(s.streams[:drop], s.streams[drop+1:]...)
	}
	st := &eventStream{own: own, client: client, end: make(chan struct{})}
	s.streams = append(s.streams, st)
	return st, true
}

// release forgets a stream that ended (unless it was dropped already).
func (s *Server) release(st *eventStream) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, x := range s.streams {
		if x == st {
			s.streams = append(s.streams[:i], s.streams[i+1:]...)
			return
		}
	}
}

// events streams the status: the current one at once, then every change.
// A slow client skips intermediate states and always ends at the current
// one (each message is the whole status; seq shows what was skipped).
func (s *Server) events(w http.ResponseWriter, r *http.Request, own bool) {
	client, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		client = r.RemoteAddr
	}
	st, ok := s.admit(own, client)
	if !ok {
		w.Header().Set("Retry-After", "5")
		fail(w, http.StatusServiceUnavailable, "too many event streams")
		return
	}
	defer s.release(st)
	rc := http.NewResponseController(w)
	// The server's read and write timeouts are for ordinary requests; a
	// stream lives as long as the page, with a deadline on each write.
	rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	beat := time.NewTicker(s.o.Heartbeat)
	defer beat.Stop()
	var last uint64
	msg := []byte("retry: 1000\n\n")
	for {
		data, seq, changed := s.m.Snapshot()
		if seq != last {
			msg = fmt.Appendf(msg, "id: %d\ndata: %s\n\n", seq, data)
			last = seq
		}
		if len(msg) > 0 {
			rc.SetWriteDeadline(time.Now().Add(writeTimeout))
			if _, err := w.Write(msg); err != nil {
				return
			}
			if err := rc.Flush(); err != nil {
				return
			}
			msg = msg[:0]
		}
		select {
		case <-changed:
		case <-beat.C:
			msg = append(msg, ": ping\n\n"...)
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-st.end:
			return
		}
	}
}

// HTTPServer is an http.Server for s with the kiosk's timeouts.
func (s *Server) HTTPServer() *http.Server {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    8 << 10,
	}
	hs.RegisterOnShutdown(s.shutdown)
	return hs
}

func (s *Server) shutdown() { s.closeOnce.Do(func() { close(s.done) }) }

// Serve serves on ln until ctx ends, then shuts down gracefully: event
// streams end, requests in flight get a few seconds to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := s.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving the kiosk page: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("stopping the kiosk page: %w", err)
	}
	return nil
}
