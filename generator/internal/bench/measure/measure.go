// Package measure is kbbench's stopwatch: it runs a child process and
// reports its wall time, CPU time and peak memory, sizes a folder of output
// (raw and as a server would gzip it) and a page with what it loads, and
// takes medians.
package measure

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Result is one child process run: wall time, CPU time (user+sys of the
// child and the children it waited for) and peak resident set size.
type Result struct {
	Wall   time.Duration
	CPU    time.Duration
	MaxRSS int64 // bytes
	Stderr string
	Stdout string
}

// Run runs name with args in dir, with env added to the environment when
// not nil, killing it after timeout or when ctx is cancelled (kbbench
// cancels it on SIGINT or SIGTERM), and measures it. It first writes the
// file system's dirty pages to disk: a tool that syncs its output (kbsite
// commits with syncfs, which flushes the whole file system) must not pay
// for the files the tool run before it left in the page cache.
func Run(ctx context.Context, timeout time.Duration, dir string, env []string, name string, args ...string) (Result, error) {
	syscall.Sync()
	tctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(tctx, name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	m := Result{Wall: time.Since(start), Stdout: stdout.String(), Stderr: stderr.String()}
	if ps := cmd.ProcessState; ps != nil {
		m.CPU = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			m.MaxRSS = ru.Maxrss * 1024 // Linux reports KiB
		}
	}
	if ctx.Err() != nil {
		return m, fmt.Errorf("interrupted")
	}
	if tctx.Err() == context.DeadlineExceeded {
		return m, fmt.Errorf("%s timed out after %s", filepath.Base(name), timeout)
	}
	if err != nil {
		return m, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, tail(m.Stderr+m.Stdout, 2000))
	}
	return m, nil
}

// Warm reads every file under dirs, so that the run timed next finds its
// input in the page cache, as a writer's repeated builds do. Results say
// the files are cached; on this machine the kernel pages out cache it
// finds cold (DAMON), and a 100,000-article build once read 72 MB of its
// corpus back from disk during the parse.
func Warm(dirs ...string) {
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err == nil && e.Type().IsRegular() {
				if f, err := os.Open(p); err == nil {
					io.Copy(io.Discard, f)
					f.Close()
				}
			}
			return nil
		})
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// DirBytes returns the total size of the regular files under dir, and
// the size they would have gzip-compressed (each file on its own, as a
// server compresses responses) when withGzip is set.
func DirBytes(dir string, withGzip bool) (raw, gz int64, files int, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		raw += info.Size()
		files++
		if withGzip {
			n, err := gzipSize(p)
			if err != nil {
				return err
			}
			gz += n
		}
		return nil
	})
	return
}

// ArticleBudget is the most an article page may weigh (PageWeight): the
// HTML, CSS and JavaScript of one article under 35 KiB gzip.
const ArticleBudget = 35 << 10

// Heaviest is the page matching pattern (a filepath.Glob pattern relative
// to dir, such as "kb/*.html") with the largest PageWeight, and that weight.
func Heaviest(dir, pattern string) (rel string, weight int64, err error) {
	pages, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(pages) == 0 {
		return "", 0, fmt.Errorf("no pages %s in %s (%v)", pattern, dir, err)
	}
	for _, p := range pages {
		r, _ := filepath.Rel(dir, p)
		w, err := PageWeight(dir, filepath.ToSlash(r))
		if err != nil {
			return "", 0, err
		}
		if w > weight {
			rel, weight = filepath.ToSlash(r), w
		}
	}
	return rel, weight, nil
}

// pageRefs finds the stylesheets and scripts a page names.
var pageRefs = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"|<script[^>]*\ssrc="([^"]+)"`)

// PageWeight is what a browser fetches to show the page at rel (a
// slash-separated path under dir) before the reader does anything: its
// HTML and every stylesheet and script it names, each gzip -6 compressed
// as a server sends it. Images, fonts and what scripts fetch later (search
// index files) are not counted; a file named twice counts once.
func PageWeight(dir, rel string) (int64, error) {
	html, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return 0, err
	}
	total, _ := gzipCopy(bytes.NewReader(html))
	seen := map[string]bool{}
	for _, m := range pageRefs.FindAllSubmatch(html, -1) {
		ref := string(m[1]) + string(m[2])
		if strings.Contains(ref, ":") || strings.HasPrefix(ref, "//") {
			continue // another site's
		}
		p := path.Join(path.Dir(rel), ref)
		if seen[p] {
			continue
		}
		seen[p] = true
		n, err := gzipSize(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return 0, fmt.Errorf("%s names %s: %w", rel, ref, err)
		}
		total += n
	}
	return total, nil
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// gzipSize is the gzip -6 size of a file, or its own size when that is
// smaller (already compressed data is served as is).
func gzipSize(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return gzipCopy(bufio.NewReader(f))
}

// gzipCopy is the gzip -6 size of what r reads, or that many bytes when
// that is smaller.
func gzipCopy(r io.Reader) (int64, error) {
	var c countWriter
	zw, _ := gzip.NewWriterLevel(&c, 6)
	n, err := io.Copy(zw, r)
	if err != nil {
		return 0, err
	}
	zw.Close()
	return min(c.n, n), nil
}

// Median is the median of ds, 0 when there are none.
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// Max is the largest of xs, or the zero value when there are none (times
// and sizes are never negative).
func Max[T cmp.Ordered](xs []T) T {
	var m T
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
