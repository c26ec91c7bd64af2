package main

import (
	"bufio"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"kbsite/generator/internal/corpusgen"
)

// BenchmarkServeReload10k measures what a doc writer waits for in serve
// mode on a 10,000-article site: from saving one article to the reload
// event reaching the open page (file watching, debounce, incremental
// rebuild and writing). The browser then reloads one page.
func BenchmarkServeReload10k(b *testing.B) { benchServeReload(b, 10000) }

func BenchmarkServeReload1k(b *testing.B) { benchServeReload(b, 1000) }

func benchServeReload(b *testing.B, n int) {
	dir := b.TempDir()
	content := filepath.Join(dir, "content")
	cache := filepath.Join(os.TempDir(), "kbsite-corpus-"+strconv.Itoa(n))
	if _, err := os.Stat(filepath.Join(cache, "site.yaml")); err != nil {
		if _, err := corpusgen.Generate(cache, n, 1); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.CopyFS(content, os.DirFS(cache)); err != nil {
		b.Fatal(err)
	}
	f := siteFlags{content: content, templates: filepath.Join(repo, "templates"), out: filepath.Join(dir, "public")}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	go serveSite(ctx, f, "127.0.0.1:0", false, &stdout, &stderr)
	var base string
	for deadline := time.Now().Add(5 * time.Minute); base == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if m := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		b.Fatalf("server did not start: %s", stderr.String())
	}
	resp, err := http.Get(base + "__kbsite/events")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") {
				events <- sc.Text()
			}
		}
	}()
	target := filepath.Join(content, "directx", "kb100105.md")
	orig, err := os.ReadFile(target)
	if err != nil {
		b.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	var waits []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		edited := strings.Replace(string(orig), "## Cause", "## Cause\n\nEdit "+strconv.Itoa(i)+".", 1)
		start := time.Now()
		os.WriteFile(target, []byte(edited), 0o644)
		select {
		case e := <-events:
			if e != "event: reload" {
				b.Fatalf("got %s: %s", e, stderr.String())
			}
		case <-time.After(30 * time.Second):
			b.Fatal("no reload event")
		}
		waits = append(waits, time.Since(start))
	}
	slices.Sort(waits)
	b.ReportMetric(float64(waits[len(waits)/2].Microseconds())/1000, "median-ms-to-reload")
	b.ReportMetric(float64(waits[len(waits)-1].Microseconds())/1000, "max-ms-to-reload")
}
