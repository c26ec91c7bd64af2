package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for the server goroutine and the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func eventually(t *testing.T, what string, f func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if f() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// preview is a running `kbsite serve` for a test.
type preview struct {
	stdout, stderr lockedBuffer
	get            func(p string) string
	waitEvent      func(name string)
	stop           func() int // ends the server and returns its exit status
}

// startServe runs serveSite on a free port and connects to its event
// stream.
func startServe(t *testing.T, f siteFlags) *preview {
	t.Helper()
	pv := &preview{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() { done <- serveSite(ctx, f, "127.0.0.1:0", false, &pv.stdout, &pv.stderr) }()
	pv.stop = func() int { cancel(); return <-done }
	var base string
	eventually(t, "server address", func() bool {
		m := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(pv.stdout.String())
		if m != nil {
			base = m[1]
		}
		return m != nil
	})
	pv.get = func(p string) string {
		resp, err := http.Get(base + p)
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	resp, err := http.Get(base + "__kbsite/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	events := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			events <- sc.Text()
		}
	}()
	pv.waitEvent = func(name string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case l := <-events:
				if l == "event: "+name {
					return
				}
			case <-deadline:
				t.Fatalf("no %s event; stderr: %s", name, pv.stderr.String())
			}
		}
	}
	time.Sleep(100 * time.Millisecond) // let the watcher settle
	return pv
}

func TestServeRebuildsAndReloads(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(content, 0o755)
	page := filepath.Join(content, "a.md")
	os.WriteFile(page, []byte("---\nid: KB1\ntitle: First title\nproducts: [x]\n---\n## One\n\nText.\n"), 0o644)
	pv := startServe(t, siteFlags{content: content, templates: filepath.Join(repo, "templates"), out: filepath.Join(dir, "public")})
	get, waitEvent, stderr := pv.get, pv.waitEvent, &pv.stderr
	if body := get("kb/kb1.html"); !strings.Contains(body, "First title") || !strings.Contains(body, "/__kbsite/live.js") {
		t.Fatalf("first page: %q", body)
	}
	os.WriteFile(page, []byte("---\nid: KB1\ntitle: Second title\nproducts: [x]\n---\n## One\n\nText.\n"), 0o644)
	waitEvent("reload")
	if body := get("kb/kb1.html"); !strings.Contains(body, "Second title") {
		t.Errorf("page not rebuilt: %q", body)
	}
	// A broken change is reported, and the last good page stays.
	os.WriteFile(page, []byte("---\nid: KB1\ntitle: Third\nupdated: never\n---\n"), 0o644)
	waitEvent("problem")
	if body := get("kb/kb1.html"); !strings.Contains(body, "Second title") {
		t.Errorf("last good page replaced: %q", body)
	}
	eventually(t, "error in terminal", func() bool { return strings.Contains(stderr.String(), `a.md:4:10: updated "never" is not a date`) })
	if code := pv.stop(); code != 0 {
		t.Errorf("serve exit %d", code)
	}
}

// TestServeRefusesSymlinksOutside: while serving, a new article that is a
// symbolic link to a file outside the content folder, and an article
// swapped for such a link, are located errors; the outside text is never
// served, nor is the output folder's marker file.
func TestServeRefusesSymlinksOutside(t *testing.T) {
	dir := t.TempDir()
	content := tinySite(t, dir)
	pv := startServe(t, siteFlags{content: content, templates: filepath.Join(repo, "templates"), out: filepath.Join(dir, "public")})
	outside := func(id string) string {
		p := filepath.Join(dir, id+".md")
		os.WriteFile(p, []byte("---\nid: "+id+"\ntitle: Outside\nproducts: [x]\n---\n## Symptoms\n\nOUTSIDE-SECRET\n"), 0o644)
		return p
	}
	outside("KB1")
	for _, c := range []struct{ link, target, page string }{
		{filepath.Join(content, "linked.md"), outside("KB2"), "kb/kb2.html"},
		{filepath.Join(content, "a.md"), "../KB1.md", "kb/kb1.html"}, // relative, swapped for a.md
	} {
		os.Remove(c.link)
		if err := os.Symlink(c.target, c.link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		pv.waitEvent("problem")
		want := c.link + ":1:1: symbolic link points outside the content folder"
		eventually(t, want, func() bool { return strings.Contains(pv.stderr.String(), want) })
		if body := pv.get(c.page); strings.Contains(body, "OUTSIDE-SECRET") {
			t.Errorf("%s serves the outside file", c.page)
		}
	}
	if body := pv.get(".kbsite"); strings.Contains(body, "built by kbsite") {
		t.Error("the output folder's marker is served")
	}
	pv.stop()
}
