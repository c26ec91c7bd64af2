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
