package write

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A build that writes more than flushEvery starts flushing in the
// background, and Commit still publishes every byte.
func TestLargeBuildsFlushWhileWriting(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	page := bytes.Repeat([]byte("x"), 1<<20)
	for i := range flushEvery>>20 + 1 {
		if err := d.WriteFile(filepath.Join("kb", string(rune('a'+i%26))+string(rune('a'+i/26))+".html"), page); err != nil {
			t.Fatal(err)
		}
	}
	if n := d.flush.started.Load(); n != 1 {
		t.Errorf("%d flushes started after %d MiB, want 1", n, flushEvery>>20+1)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "kb", "aa.html"))
	if err != nil || !bytes.Equal(got, page) {
		t.Fatalf("published page: %d bytes, %v", len(got), err)
	}
}

// A small build never flushes early: Commit's one sync is all.
func TestSmallBuildsFlushOnlyAtCommit(t *testing.T) {
	d, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("<p>hi")); err != nil {
		t.Fatal(err)
	}
	if n := d.flush.started.Load(); n != 0 {
		t.Errorf("%d flushes started, want 0", n)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}
