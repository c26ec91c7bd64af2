package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"kbsite/generator/content"
)

// TestPrefetchGivesWhatReadFileGives: every file comes back as
// Folder.ReadFile reads it, errors included, whichever of the readers and
// the parsers (several at once, out of order) gets to it first.
func TestPrefetchGivesWhatReadFileGives(t *testing.T) {
	dir := t.TempDir()
	var rels []string
	for i := range 2 * prefetchWindow {
		rel := fmt.Sprintf("a/%d.md", i)
		rels = append(rels, rel)
		if i%7 == 3 {
			continue // missing: an error, as ReadFile's
		}
		os.MkdirAll(filepath.Join(dir, "a"), 0o755)
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(fmt.Sprintf("# Article %d\n", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	folder := content.OpenFolder(dir)
	defer folder.Close()
	p := startPrefetch(folder, rels)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(rels); i += 3 {
				got, err := p.file(i)
				want, werr := folder.ReadFile(rels[i], content.MaxSize)
				if !bytes.Equal(got, want) || (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
					t.Errorf("%s: %q, %v; ReadFile: %q, %v", rels[i], got, err, want, werr)
				}
			}
		}()
	}
	wg.Wait()
	p.close()
}
