package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestAnswersOnlyItsOwnHost is the DNS-rebinding defence: a page whose
// name was re-pointed at 127.0.0.1 sends its own name as Host, and gets
// nothing, on any route.
func TestAnswersOnlyItsOwnHost(t *testing.T) {
	dir := site(t)
	cases := []struct {
		listen string
		ok     []string
		bad    []string
	}{
		{"127.0.0.1",
			[]string{"127.0.0.1", "127.0.0.1:8080", "localhost", "LOCALHOST:8080", "[::1]", "[::1]:8080"},
			[]string{"evil.example", "evil.example:8080", "127.0.0.1.evil.example", "127.0.0.1.evil.example:8080",
				"localhost.evil.example", "192.168.1.5:8080", "::1", "[::1", "127.0.0.1:", "127.0.0.1:80x", ""}},
		{"devbox.lan",
			[]string{"devbox.lan:8080", "DevBox.lan", "localhost:8080"},
			[]string{"evil.example", "devbox.lan.evil.example", "192.168.1.5:8080"}},
		{"0.0.0.0",
			[]string{"192.168.1.5:8080", "[fe80::1]:8080", "127.0.0.1:8080"},
			[]string{"evil.example:8080", "192.168.1.5.evil.example"}},
		{"::",
			[]string{"[2001:db8::1]:8080", "localhost"},
			[]string{"evil.example"}},
	}
	for _, c := range cases {
		s := New(dir, c.listen)
		for _, h := range c.ok {
			if code := status(s, h, "/"); code != http.StatusOK {
				t.Errorf("listen %s, Host %q: %d, want 200", c.listen, h, code)
			}
		}
		for _, h := range c.bad {
			for _, p := range []string{"/", "/kb/a.html", "/nope", Prefix + "live.js", Prefix + "events"} {
				if code := status(s, h, p); code != http.StatusMisdirectedRequest {
					t.Errorf("listen %s, Host %q, %s: %d, want 421", c.listen, h, p, code)
				}
			}
		}
	}
}

// status answers one request through the handler (an event stream that
// is not refused ends with the request's context, after a second).
func status(s *Server, host, path string) int {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	r := httptest.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	r.Host = host
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w.Code
}

// start runs s on a free loopback port and returns its address.
func start(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := s.Start(ln)
	t.Cleanup(func() { hs.Close() })
	return ln.Addr().String()
}

// stream opens the event stream and returns its lines; the stream closes
// with the test.
func stream(t *testing.T, addr, origin string) (*http.Response, <-chan string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+Prefix+"events", nil)
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return resp, lines
}

func waitLine(t *testing.T, lines <-chan string, want string) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("stream ended before %q", want)
			}
			if strings.Contains(l, want) {
				return
			}
		case <-deadline:
			t.Fatalf("no %q on the stream", want)
		}
	}
}

func TestEventStreamChecksOrigin(t *testing.T) {
	s := New(site(t), "127.0.0.1")
	addr := start(t, s)
	for _, o := range []string{"http://evil.example", "http://127.0.0.1.evil.example", "null",
		"https://" + addr, "http://127.0.0.1:1", "http://" + addr + "/x"} {
		if resp, _ := stream(t, addr, o); resp.StatusCode != http.StatusForbidden {
			t.Errorf("Origin %q: %d, want 403", o, resp.StatusCode)
		}
	}
	for _, o := range []string{"", "http://" + addr} {
		resp, lines := stream(t, addr, o)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("Origin %q: %d", o, resp.StatusCode)
		}
		waitLine(t, lines, "retry:")
	}
}

// TestEventStreamOutlivesTimeouts: the read and write timeouts that cut
// off slow clients must not end a quiet event stream.
func TestEventStreamOutlivesTimeouts(t *testing.T) {
	s := New(site(t), "127.0.0.1")
	s.limits = limits{conns: 8, read: 200 * time.Millisecond, write: 200 * time.Millisecond}
	addr := start(t, s)
	_, lines := stream(t, addr, "")
	waitLine(t, lines, "retry:")
	time.Sleep(700 * time.Millisecond)
	s.mu.Lock()
	open := len(s.clients)
	s.mu.Unlock()
	if open != 1 {
		t.Fatalf("%d event streams open after the timeouts, want 1", open)
	}
	s.Reload()
	waitLine(t, lines, "event: reload")
}

// TestConnectionCap: with the cap reached, a further client waits until a
// connection closes.
func TestConnectionCap(t *testing.T) {
	s := New(site(t), "127.0.0.1")
	s.limits.conns = 2
	addr := start(t, s)
	first, lines := stream(t, addr, "")
	waitLine(t, lines, "retry:")
	_, lines2 := stream(t, addr, "")
	waitLine(t, lines2, "retry:")
	quick := &http.Client{Timeout: 300 * time.Millisecond, Transport: &http.Transport{}}
	if resp, err := quick.Get("http://" + addr + "/"); err == nil {
		resp.Body.Close()
		t.Fatalf("a third connection was served past the cap of 2: %s", resp.Status)
	}
	first.Body.Close()
	patient := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{}}
	resp, err := patient.Get("http://" + addr + "/")
	if err != nil {
		t.Fatalf("not served after a connection closed: %v", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("after a connection closed: %s", resp.Status)
	}
}

// TestRefusesForeignHostOverTheNetwork checks the same rule end to end.
func TestRefusesForeignHostOverTheNetwork(t *testing.T) {
	addr := start(t, New(site(t), "127.0.0.1"))
	for host, want := range map[string]int{"evil.example": 421, "127.0.0.1.evil.example": 421, addr: 200} {
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr+Prefix+"events", nil)
		req.Host = host
		client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{}}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: %d, want %d", host, resp.StatusCode, want)
		}
	}
}
