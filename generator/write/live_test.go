package write

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLiveWritesRemovesAndStaysInside(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	d := Live(out)
	if err := d.WriteFile("kb/a.html", []byte("A")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "kb", "a.html")); err != nil || string(b) != "A" {
		t.Fatalf("read back %q, %v", b, err)
	}
	if err := d.Remove("kb/a.html"); err != nil {
		t.Fatal(err)
	}
	if err := d.Remove("kb/a.html"); err != nil {
		t.Errorf("removing a missing file: %v", err)
	}
	for _, bad := range []string{"../escape.html", "/abs.html", "kb/../../escape.html"} {
		if err := d.WriteFile(bad, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", bad)
		}
		if err := d.Remove(bad); err == nil {
			t.Errorf("Remove(%q) succeeded", bad)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "escape.html")); err == nil {
		t.Error("a file was written outside the output folder")
	}
}
