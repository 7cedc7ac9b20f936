package kiosk

import (
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
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
	// MaxClients bounds the event streams (0: DefaultMaxClients); one more
	// gets 503.
	MaxClients int
	// Heartbeat is the idle event stream's keep-alive (0: DefaultHeartbeat).
	Heartbeat time.Duration
}

// Server serves the page, /api/status and /api/events of one Machine.
type Server struct {
	m     *Machine
	o     ServerOptions
	hosts map[string]bool
	sem   chan struct{}

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
	if o.Heartbeat <= 0 {
		o.Heartbeat = DefaultHeartbeat
	}
	s := &Server{m: m, o: o, hosts: map[string]bool{}, sem: make(chan struct{}, o.MaxClients), done: make(chan struct{})}
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
	switch rest {
	case "api/status":
		data, _, _ := s.m.Snapshot()
		h.Set("Content-Type", "application/json")
		h.Set("Cache-Control", "no-store")
		w.Write(data)
	case "api/events":
		s.events(w, r)
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

// events streams the status: the current one at once, then every change.
// A slow client skips intermediate states and always ends at the current
// one (each message is the whole status; seq shows what was skipped).
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	select {
	case s.sem <- struct{}{}:
		defer func() { <-s.sem }()
	default:
		w.Header().Set("Retry-After", "5")
		fail(w, http.StatusServiceUnavailable, "too many event streams")
		return
	}
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
