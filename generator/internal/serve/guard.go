package serve

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/netutil"
)

// limits bound what clients can hold: simultaneous connections, and how
// long reading a request and writing a response may take.
type limits struct {
	conns       int
	read, write time.Duration
}

// defaultLimits: a preview has one reader, whose browser opens at most six
// connections per host plus one event stream per open tab; the cap keeps a
// flood of connections from exhausting file descriptors.
var defaultLimits = limits{conns: 64, read: 30 * time.Second, write: 60 * time.Second}

// Start serves s on ln in the background and returns the http.Server, for
// Shutdown. Slow or idle clients are cut off by timeouts; the event stream
// sets its own write deadlines (see events).
func (s *Server) Start(ln net.Listener) *http.Server {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: min(10*time.Second, s.limits.read),
		ReadTimeout:       s.limits.read,
		WriteTimeout:      s.limits.write,
		IdleTimeout:       s.limits.write,
		MaxHeaderBytes:    64 << 10,
	}
	go hs.Serve(netutil.LimitListener(ln, s.limits.conns))
	return hs
}

// hostAllowed reports whether a request's Host header names this server.
// Answering only our own names defeats DNS rebinding: a page at
// evil.example that re-points its name to 127.0.0.1 still sends
// "Host: evil.example". When listening on every address, any IP literal is
// accepted too: a browser sends one only when the page's origin is that IP.
func (s *Server) hostAllowed(hostport string) bool {
	h, ok := hostname(hostport)
	if !ok {
		return false
	}
	switch h {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	if s.host == "" {
		return net.ParseIP(h) != nil
	}
	return h == s.host
}

// hostname returns the lower-cased host of a Host header, with or without
// a port and with IPv6 brackets removed.
func hostname(hostport string) (string, bool) {
	h := hostport
	if sh, port, err := net.SplitHostPort(hostport); err == nil {
		if port == "" || strings.Trim(port, "0123456789") != "" {
			return "", false
		}
		h = sh
	} else if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
	} else if strings.ContainsAny(h, ":[]") {
		return "", false
	}
	return strings.ToLower(h), h != ""
}

// listenHost is the host a listen address names, "" for every address.
func listenHost(host string) string {
	host = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		return ""
	}
	return host
}

// sameOrigin reports whether a request may open the event stream, which
// carries build errors: requests without Origin (same-origin EventSource
// in some browsers, curl) may, and so may pages served from this host.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Scheme == "http" && u.Path == "" && strings.EqualFold(u.Host, r.Host)
}
