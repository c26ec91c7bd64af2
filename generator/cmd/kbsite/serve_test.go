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

func TestServeRebuildsAndReloads(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(content, 0o755)
	page := filepath.Join(content, "a.md")
	os.WriteFile(page, []byte("---\nid: KB1\ntitle: First title\nproducts: [x]\n---\n## One\n\nText.\n"), 0o644)
	f := siteFlags{content: content, templates: filepath.Join(repo, "templates"), out: filepath.Join(dir, "public")}
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	done := make(chan int)
	go func() { done <- serveSite(ctx, f, "127.0.0.1:0", false, &stdout, &stderr) }()
	var base string
	eventually(t, "server address", func() bool {
		m := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(stdout.String())
		if m != nil {
			base = m[1]
		}
		return m != nil
	})
	get := func(p string) string {
		resp, err := http.Get(base + p)
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if body := get("kb/kb1.html"); !strings.Contains(body, "First title") || !strings.Contains(body, "/__kbsite/live.js") {
		t.Fatalf("first page: %q", body)
	}
	resp, err := http.Get(base + "__kbsite/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			events <- sc.Text()
		}
	}()
	waitEvent := func(name string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case l := <-events:
				if l == "event: "+name {
					return
				}
			case <-deadline:
				t.Fatalf("no %s event; stderr: %s", name, stderr.String())
			}
		}
	}
	time.Sleep(100 * time.Millisecond) // let the watcher settle
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
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exit %d", code)
	}
}
