package theme

import (
	"testing"
	"testing/fstest"

	"kbsite/generator/internal/diag"
)

// TestOpenReportsAtFileAndLine: a broken template is one error diagnostic
// at its file and line, and no theme.
func TestOpenReportsAtFileAndLine(t *testing.T) {
	base := fstest.MapFS{"base.html": {Data: []byte("{{define \"base\"}}\n{{if}}\n{{end}}")}}
	dl := &diag.List{}
	if th := Open("", base, dl); th != nil {
		t.Fatal("want no theme")
	}
	ds := dl.Sorted()
	if len(ds) != 1 || ds[0].File != "templates/base.html" || ds[0].Line != 2 {
		t.Fatalf("got %+v", ds)
	}
}
