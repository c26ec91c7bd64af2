//go:build unix

package load

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

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
	cpu := cpuTime()
	for b.Loop() {
		dl := &diag.List{}
		if got := loader(dir, false).Load(rels, nil, dl, nil); len(got) != len(rels) {
			b.Fatalf("loaded %d of %d: %v", len(got), len(rels), dl.Sorted())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(rels)), "µs/article")
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N*len(rels)), "cpu-µs/article")
}

// cpuTime is the process's user and system CPU time so far: on a shared
// machine it varies less than the elapsed time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
