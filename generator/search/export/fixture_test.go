package export

import (
	"encoding/json"
	"os"
	"testing"

	"kbsite/generator/search/engine"
	"kbsite/generator/search/fields"
	"kbsite/generator/search/index"
)

func fixtureDocs(t testing.TB) []fields.Doc {
	t.Helper()
	b, err := os.ReadFile("testdata/fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	var docs []fields.Doc
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	return docs
}

// writeSite builds docs into a temporary site folder.
func writeSite(t testing.TB, docs []fields.Doc) string {
	t.Helper()
	files := buildFiles(docs)
	dir := t.TempDir()
	writeFiles(t, dir, files)
	return dir
}

func openFixture(t testing.TB, lang string) *engine.Index {
	t.Helper()
	ix, err := engine.Open(writeSite(t, fixtureDocs(t)), lang)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// search returns the ranked results of q.
func search(ix *engine.Index, q string, opts engine.Options) []engine.Result {
	return ix.Query(q, opts).Results
}

// buildFiles analyses docs and returns the client index files, sorted by path.
func buildFiles(docs []fields.Doc) []File { return allFiles(New(index.Analyze(docs))) }

// allFiles returns the client index files of c, sorted by path: what
// Export writes.
func allFiles(c *Writer) []File {
	files := collect(c.Export)
	sortFiles(files)
	return files
}
