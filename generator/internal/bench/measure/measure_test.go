package measure

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMedianAndMax(t *testing.T) {
	for _, c := range []struct {
		in   []time.Duration
		want time.Duration
	}{{nil, 0}, {[]time.Duration{3, 1, 2}, 2}, {[]time.Duration{4, 1, 2, 3}, 2}} {
		if got := Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if got := Max([]int64{3, 9, 2}); got != 9 {
		t.Errorf("Max = %d, want 9", got)
	}
	if got := Max[int64](nil); got != 0 {
		t.Errorf("Max(nil) = %d, want 0", got)
	}
}

func TestDirBytes(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(strings.Repeat("kbsite ", 1000)), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "b"), []byte("x"), 0o644)
	raw, gz, files, err := DirBytes(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	// The repetitive file compresses; the 1-byte file is counted as is.
	if raw != 7001 || files != 2 || gz <= 1 || gz >= 200 {
		t.Errorf("DirBytes = %d raw, %d gzip, %d files; want 7001, a small gzip size, 2", raw, gz, files)
	}
}

func TestRunReportsFailureAndTimeout(t *testing.T) {
	m, err := Run(context.Background(), time.Minute, "", nil, "sh", "-c", "echo oops >&2; exit 3")
	if err == nil || !strings.Contains(err.Error(), "exit status 3") || !strings.Contains(err.Error(), "oops") {
		t.Errorf("err = %v, want the exit status and the child's stderr", err)
	}
	if m.Stderr != "oops\n" || m.Wall <= 0 {
		t.Errorf("measurement = %+v", m)
	}
	if _, err := Run(context.Background(), 50*time.Millisecond, "", nil, "sleep", "5"); err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("err = %v, want a timeout", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, time.Minute, "", nil, "true"); err == nil || err.Error() != "interrupted" {
		t.Errorf("err = %v, want interrupted", err)
	}
}

func TestPageWeight(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "kb"), 0o755)
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	page := `<link rel="stylesheet" href="../assets/a.css"><script defer src="../assets/b.js"></script>` +
		`<script src="../assets/b.js"></script><script src="https://cdn.example/x.js"></script><img src="../assets/big.png">`
	os.WriteFile(filepath.Join(dir, "kb", "p.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "assets", "a.css"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(dir, "assets", "b.js"), []byte("bb"), 0o644)
	os.WriteFile(filepath.Join(dir, "assets", "big.png"), make([]byte, 5000), 0o644)
	got, err := PageWeight(dir, "kb/p.html")
	if err != nil {
		t.Fatal(err)
	}
	// The page compressed, the stylesheet and the script once (each smaller
	// raw than gzipped); not the image, nor another site's script.
	html, _ := gzipCopy(strings.NewReader(page))
	if want := html + 1 + 2; got != want {
		t.Errorf("PageWeight = %d, want %d", got, want)
	}
	os.WriteFile(filepath.Join(dir, "kb", "q.html"), []byte("x"), 0o644)
	if rel, w, err := Heaviest(dir, "kb/*.html"); rel != "kb/p.html" || w != got || err != nil {
		t.Errorf("Heaviest = %s, %d, %v; want kb/p.html, %d", rel, w, err, got)
	}
	os.Remove(filepath.Join(dir, "assets", "b.js"))
	if _, err := PageWeight(dir, "kb/p.html"); err == nil || !strings.Contains(err.Error(), "kb/p.html names ../assets/b.js") {
		t.Errorf("a missing script: %v", err)
	}
}

func TestDeletions(t *testing.T) {
	stamp := filepath.Join(t.TempDir(), "deleted")
	d := OpenDeletions(stamp, 6*time.Minute)
	if w := d.wait(time.Now()); w != 0 {
		t.Fatalf("no deletion yet: wait %v", w)
	}
	d.Mark(50000)
	if w := d.wait(time.Now()); w < 170*time.Second || w > 180*time.Second {
		t.Errorf("half of 100,000 files: wait %v, want about 3 minutes", w)
	}
	// A second deletion inside the window adds up, to at most the window.
	d.Mark(80000)
	if w := d.wait(time.Now()); w < 350*time.Second || w > 360*time.Second {
		t.Errorf("130,000 files: wait %v, want about 6 minutes", w)
	}
	// The next run reads the stamp.
	if w := OpenDeletions(stamp, 6*time.Minute).wait(time.Now()); w < 350*time.Second {
		t.Errorf("reopened: wait %v", w)
	}
	if w := OpenDeletions(stamp, 0).wait(time.Now()); w != 0 {
		t.Errorf("window 0: wait %v", w)
	}
	if w := d.wait(time.Now().Add(7 * time.Minute)); w > 0 {
		t.Errorf("7 minutes on: wait %v", w)
	}
	os.WriteFile(stamp, []byte("garbage"), 0o644)
	if w := OpenDeletions(stamp, 6*time.Minute).wait(time.Now()); w != 0 {
		t.Errorf("bad stamp: wait %v", w)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b", "f"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "g"), nil, 0o644)
	if n := CountFiles(dir); n != 4 {
		t.Errorf("CountFiles = %d, want 4", n)
	}
}
