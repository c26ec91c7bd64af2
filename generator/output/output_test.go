package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestSecondBuilderIsLockedOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Begin(out); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Begin: %v, want ErrLocked", err)
	}
	first.WriteFile("index.html", []byte("one"))
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	second, err := Begin(out)
	if err != nil {
		t.Fatalf("lock not released after Commit: %v", err)
	}
	second.WriteFile("index.html", []byte("two"))
	second.Abort()
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "one" {
		t.Errorf("aborted build changed the output: %q", b)
	}
}

func TestCommitSwapsWholeTreeAndCleansStaleStages(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	os.MkdirAll(filepath.Join(dir, ".public.kbsite-12345"), 0o755) // left by a killed build
	d, _ := Begin(out)
	d.WriteFile("a/b.html", []byte("b"))
	d.WriteFile("stale.html", []byte("x"))
	d.Commit()
	d, _ = Begin(out)
	d.WriteFile("a/b.html", []byte("b2"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Error("file of the previous build survived the swap")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a", "b.html")); string(b) != "b2" {
		t.Errorf("new content missing: %q", b)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".public.kbsite-*"))
	if len(left) != 0 {
		t.Errorf("staging folders left: %v", left)
	}
	if _, err := d.Path("../escape"); err == nil {
		t.Error("a path leaving the output folder was accepted")
	}
}
