package write

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestLiveSync publishes the files new in after, removes those gone, and
// leaves the ones in both alone.
func TestLiveSync(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.png", "b.png"} {
		os.WriteFile(filepath.Join(dir, f), []byte("old"), 0o644)
	}
	var published []string
	changed, err := Live(dir).Sync([]string{"a.png", "b.png"}, []string{"b.png", "c.png"}, func(rel string) error {
		published = append(published, rel)
		return Live(dir).WriteFile(rel, []byte("new"))
	})
	if err != nil || !slices.Equal(changed, []string{"c.png", "a.png"}) || !slices.Equal(published, []string{"c.png"}) {
		t.Fatalf("changed %v, published %v, %v", changed, published, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.png")); !os.IsNotExist(err) {
		t.Errorf("a.png not removed: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b.png")); string(b) != "old" {
		t.Errorf("b.png rewritten")
	}
}

// TestLivePrune removes what keep does not claim, missing files included,
// and refuses a path out of the folder.
func TestLivePrune(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.html", "b.html"} {
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	removed, err := Live(dir).Prune([]string{"a.html", "b.html", "gone.html"}, func(p string) bool { return p == "b.html" })
	if err != nil || !slices.Equal(removed, []string{"a.html", "gone.html"}) {
		t.Fatalf("removed %v, %v", removed, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.html")); !os.IsNotExist(err) {
		t.Errorf("a.html not removed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.html")); err != nil {
		t.Errorf("b.html removed: %v", err)
	}
	if _, err := Live(dir).Prune([]string{"../x.html"}, func(string) bool { return false }); err == nil {
		t.Error("a path out of the folder was accepted")
	}
}
