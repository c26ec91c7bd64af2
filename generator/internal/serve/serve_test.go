package serve

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "kb"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html><body><p>home</p></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<html><body>missing</body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "kb", "a.html"), []byte("<html><body>a</body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "site.css"), []byte("body{}"), 0o644)
	os.WriteFile(filepath.Join(dir, ".secret"), []byte("token"), 0o644)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "outside.txt"), []byte("outside"), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.html"))
	return dir
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestServesFilesSafely(t *testing.T) {
	ts := httptest.NewServer(New(site(t), "127.0.0.1"))
	defer ts.Close()
	code, h, body := get(t, ts.URL+"/")
	if code != 200 || !strings.Contains(body, `<p>home</p><script src="/__kbsite/live.js"></script></body>`) {
		t.Errorf("home: %d %q", code, body)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("missing nosniff header")
	}
	if code, h, body := get(t, ts.URL+"/site.css"); code != 200 || body != "body{}" || !strings.HasPrefix(h.Get("Content-Type"), "text/css") {
		t.Errorf("css: %d %q %q", code, body, h.Get("Content-Type"))
	}
	for _, bad := range []string{"/.secret", "/kb/../.secret", "/%2e%2e/outside.txt", "/..%2Foutside.txt", "/kb/%2E%2E/%2E%2E/outside.txt", "/passwd.html", "/nope.html"} {
		code, _, body := get(t, ts.URL+bad)
		if code != 404 || strings.Contains(body, "token") || strings.Contains(body, "outside") || strings.Contains(body, "root:") {
			t.Errorf("%s: %d %q", bad, code, body)
		}
	}
	if code, _, body := get(t, ts.URL+"/nope.html"); !strings.Contains(body, "missing") || code != 404 {
		t.Errorf("404 page not served: %d %q", code, body)
	}
	resp, _ := http.Post(ts.URL+"/", "text/plain", strings.NewReader("x"))
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}

func TestEventsCarryReloadAndProblems(t *testing.T) {
	s := New(site(t), "127.0.0.1")
	ts := httptest.NewServer(s)
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/__kbsite/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	waitFor := func(want string) {
		t.Helper()
		deadline := time.After(5 * time.Second)
		for {
			select {
			case l := <-lines:
				if strings.Contains(l, want) {
					return
				}
			case <-deadline:
				t.Fatalf("no %q event", want)
			}
		}
	}
	waitFor("retry:")
	s.Problem(`content/x.md:3:1: broken link "kb:X" <script>`)
	waitFor(`event: problem`)
	waitFor(`broken link`)
	s.Reload()
	waitFor("event: reload")
}

// TestHoldsUnderLoad sends 10,000 requests from 20 concurrent clients while
// the output folder is being rewritten, and expects no error at all.
func TestHoldsUnderLoad(t *testing.T) {
	dir := site(t)
	ts := httptest.NewServer(New(dir, "127.0.0.1"))
	defer ts.Close()
	stop := make(chan struct{})
	var writer sync.WaitGroup
	writer.Add(1)
	go func() { // a rebuild rewriting pages by rename, as serve mode does
		defer writer.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			p := filepath.Join(dir, "kb", "a.html")
			os.WriteFile(p+".kbsite-tmp", []byte("<html><body>a"+strings.Repeat("x", i%500)+"</body></html>"), 0o644)
			os.Rename(p+".kbsite-tmp", p)
		}
	}()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 20}}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for c := 0; c < 20; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				path := []string{"/", "/kb/a.html", "/site.css", "/nope"}[(c+i)%4]
				resp, err := client.Get(ts.URL + path)
				if err != nil {
					errs <- err.Error()
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				want := 200
				if path == "/nope" {
					want = 404
				}
				if resp.StatusCode != want {
					errs <- path + ": " + resp.Status
					return
				}
			}
		}(c)
	}
	wg.Wait()
	close(stop)
	writer.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
