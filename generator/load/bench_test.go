package load

import (
	"path/filepath"
	"testing"

	"kbsite/generator/internal/corpusgen"
	"kbsite/generator/internal/diag"
)

// BenchmarkLoad measures the load stage alone (read, front matter,
// Markdown render, packing) on a generated 1,000-article corpus.
func BenchmarkLoad(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "content")
	arts, err := corpusgen.Generate(dir, 1000, 1)
	if err != nil {
		b.Fatal(err)
	}
	rels := make([]string, len(arts))
	for i, a := range arts {
		rels[i] = a.Source
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dl := &diag.List{}
		if got := loader(dir, false).Load(rels, nil, dl, nil); len(got) != len(rels) {
			b.Fatalf("loaded %d of %d: %v", len(got), len(rels), dl.Sorted())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(rels)), "µs/article")
}
