package export

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"kbsite/generator/search/index"
)

// TestEarlyRecords: writing the records while the corpus is analysed
// (NewEarly, AnalyzeEach) gives the same files as one Export, and leaves
// no doc holding its sections once the records are out.
func TestEarlyRecords(t *testing.T) {
	want := buildFiles(fixtureDocs(t))
	docs := fixtureDocs(t)
	var mu sync.Mutex // Records writes from several goroutines
	var early []File
	w := NewEarly(func(f File) error {
		mu.Lock()
		early = append(early, File{f.Path, bytes.Clone(f.Data)})
		mu.Unlock()
		return nil
	})
	// Not updatable, as a build analyses, and without the docs' terms once
	// related articles are chosen: the files are those of an updatable
	// corpus all the same.
	c := index.AnalyzeEach(docs, w.Records, false)
	c.DropDocTerms()
	for _, l := range c.Langs() {
		if ts := l.DocTerms(0); ts != nil {
			t.Fatalf("%s: doc 0 keeps %d terms after DropDocTerms", l.Key(), len(ts))
		}
	}
	w.Attach(c)
	for i := range docs {
		if docs[i].Sections != nil {
			t.Fatalf("doc %s still holds its %d sections after the analysis", docs[i].ID, len(docs[i].Sections))
		}
	}
	for _, f := range early {
		if !strings.Contains(f.Path, "/r/") {
			t.Errorf("%s written during the analysis: only records should be", f.Path)
		}
	}
	if len(early) != len(docs) {
		t.Errorf("%d records written early for %d docs", len(early), len(docs))
	}
	got := append(early, collect(w.Export)...)
	sortFiles(got)
	if len(got) != len(want) {
		t.Fatalf("%d files, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Fatalf("file %d: %s differs from %s written by Export", i, got[i].Path, want[i].Path)
		}
	}
}

// TestDropDocTermsKeepsUpdatable: serve mode's corpus keeps the docs'
// terms, which Update reads.
func TestDropDocTermsKeepsUpdatable(t *testing.T) {
	c := index.Analyze(fixtureDocs(t))
	c.DropDocTerms()
	if len(c.Langs()[0].DocTerms(0)) == 0 {
		t.Fatal("an updatable corpus lost its docs' terms")
	}
}

// TestEarlyRecordsFailure: a record that cannot be written fails the
// Export that follows, before it writes anything.
func TestEarlyRecordsFailure(t *testing.T) {
	full := errors.New("no space left on device")
	w := NewEarly(func(File) error { return full })
	w.Attach(index.AnalyzeEach(fixtureDocs(t), w.Records, false))
	wrote := 0
	if err := w.Export(func(File) error { wrote++; return nil }); !errors.Is(err, full) || wrote != 0 {
		t.Errorf("Export after a failed record: %v, %d files written", err, wrote)
	}
}
