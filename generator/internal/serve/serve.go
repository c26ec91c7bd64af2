// Package serve is the doc writers' preview server: it serves a built site
// from the output folder on 127.0.0.1, and pushes "reload" and build-error
// events to open pages over server-sent events. The live-reload script is
// injected into HTML responses here, at serve time, so it never reaches
// the files `kbsite build` writes.
package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Prefix is the URL path of the server's own endpoints.
const Prefix = "/__kbsite/"

// Server serves one output folder.
type Server struct {
	dir    string
	host   string // the host it listens on, "" for every address
	limits limits

	mu      sync.Mutex
	clients map[chan event]struct{}
	problem string // current build errors, shown as an overlay
}

type event struct {
	name string
	data string
}

// New returns a server for the output folder dir that listens on host
// (a name or IP; "", "0.0.0.0" or "::" for every address).
func New(dir, host string) *Server {
	return &Server{dir: dir, host: listenHost(host), limits: defaultLimits, clients: map[chan event]struct{}{}}
}

// Reload tells open pages to reload and clears any error overlay.
func (s *Server) Reload() {
	s.mu.Lock()
	s.problem = ""
	s.mu.Unlock()
	s.broadcast(event{"reload", "{}"})
}

// Problem shows build errors on open pages (until the next Reload).
func (s *Server) Problem(text string) {
	s.mu.Lock()
	s.problem = text
	s.mu.Unlock()
	b, _ := json.Marshal(map[string]string{"text": text})
	s.broadcast(event{"problem", string(b)})
}

func (s *Server) broadcast(e event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- e:
		default: // a slow client misses an event rather than stalling builds
		}
	}
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	if !s.hostAllowed(r.Host) {
		http.Error(w, "misdirected request: this preview answers only for its own address", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case Prefix + "events":
		s.events(w, r)
		return
	case Prefix + "live.js":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, liveJS)
		return
	}
	s.file(w, r)
}

// clean maps a URL path to a path inside the output folder, refusing
// traversal and dotfiles (lock files, temporary files).
func clean(urlPath string) (string, bool) {
	if strings.Contains(urlPath, "\x00") || strings.Contains(urlPath, "\\") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	p := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if strings.HasSuffix(p, ".kbsite-tmp") {
		return "", false
	}
	return p, true
}

func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	rel, ok := clean(r.URL.Path)
	if !ok {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	data, name, err := s.read(rel)
	if err != nil {
		if nf, _, err404 := s.read("404.html"); err404 == nil {
			s.send(w, r, "404.html", nf, http.StatusNotFound)
			return
		}
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	s.send(w, r, name, data, http.StatusOK)
}

// read reads rel from the output folder through an os.Root, so symbolic
// links cannot lead outside it. The folder is reopened per request because
// a full rebuild swaps it for a new one.
func (s *Server) read(rel string) ([]byte, string, error) {
	var lastErr error
	for attempt := 0; attempt < 2; attempt++ {
		root, err := os.OpenRoot(s.dir)
		if err != nil {
			lastErr = err
			time.Sleep(5 * time.Millisecond)
			continue
		}
		data, name, err := readIn(root, rel)
		root.Close()
		if err == nil || errors.Is(err, fs.ErrNotExist) && attempt == 1 {
			return data, name, err
		}
		lastErr = err
	}
	return nil, "", lastErr
}

func readIn(root *os.Root, rel string) ([]byte, string, error) {
	if rel == "" {
		rel = "index.html"
	}
	info, err := root.Stat(rel)
	if err != nil {
		return nil, "", err
	}
	if info.IsDir() {
		rel = path.Join(rel, "index.html")
	}
	f, err := root.Open(rel)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	return data, rel, err
}

var bodyEnd = []byte("</body>")

func (s *Server) send(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	ctype := mime.TypeByExtension(filepath.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasPrefix(ctype, "text/html") {
		if i := bytes.LastIndex(data, bodyEnd); i >= 0 {
			inject := []byte(`<script src="` + Prefix + `live.js"></script>`)
			data = append(data[:i:i], append(inject, data[i:]...)...)
		}
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		http.Error(w, "forbidden: the event stream is for this site's own pages", http.StatusForbidden)
		return
	}
	rc := http.NewResponseController(w)
	// The stream outlives the server's write timeout: each event gets its
	// own deadline, so only a reader that stops reading is cut off. (The
	// read timeout ends with the request headers, net/http lifts it.)
	send := func(format string, args ...any) bool {
		rc.SetWriteDeadline(time.Now().Add(s.limits.write))
		fmt.Fprintf(w, format, args...)
		return rc.Flush() == nil
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	c := make(chan event, 8)
	s.mu.Lock()
	s.clients[c] = struct{}{}
	problem := s.problem
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	first := "retry: 500\n\n"
	if problem != "" {
		b, _ := json.Marshal(map[string]string{"text": problem})
		first += fmt.Sprintf("event: problem\ndata: %s\n\n", b)
	}
	if !send("%s", first) {
		return
	}
	keep := time.NewTicker(15 * time.Second)
	defer keep.Stop()
	for {
		ok := true
		select {
		case <-r.Context().Done():
			return
		case e := <-c:
			ok = send("event: %s\ndata: %s\n\n", e.name, e.data)
		case <-keep.C:
			ok = send(": keep-alive\n\n")
		}
		if !ok {
			return
		}
	}
}

// liveJS reloads the page on "reload" and shows build errors as an
// overlay on "problem". Text goes in with textContent, never as HTML.
const liveJS = `(function () {
  var box = null;
  function show(text) {
    if (!box) {
      box = document.createElement('div');
      box.id = 'kbsite-problem';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:99999;' +
        'margin:0;padding:1rem 1.25rem;background:#3b0d0c;color:#ffdcd7;font:13px/1.5 ui-monospace,Consolas,monospace;' +
        'white-space:pre-wrap;border-top:4px solid #ff7b72';
      document.body.appendChild(box);
    }
    box.textContent = 'kbsite: the last change has errors; showing the last good build.\n\n' + text;
  }
  var es = new EventSource('` + Prefix + `events');
  es.addEventListener('reload', function () { location.reload(); });
  es.addEventListener('problem', function (e) { try { show(JSON.parse(e.data).text); } catch (err) {} });
})();
`
