package site

import (
	"reflect"
	"testing"

	"kbsite/generator/internal/config"
	"kbsite/generator/markdown"
)

func TestTOC(t *testing.T) {
	got := TOC([]markdown.Heading{{Level: 3, ID: "pre", Text: "Pre"}, {Level: 2, ID: "a", Text: "A"}, {Level: 3, ID: "a1", Text: "A1"}, {Level: 4, ID: "x", Text: "X"}, {Level: 2, ID: "b", Text: "B"}})
	want := []TOCEntry{{ID: "pre", Text: "Pre"}, {ID: "a", Text: "A", Children: []TOCEntry{{ID: "a1", Text: "A1"}}}, {ID: "b", Text: "B"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TOC = %+v", got)
	}
}

func TestEditURLEscapesTheSourcePath(t *testing.T) {
	cfg := config.Site{EditURL: "https://github.com/o/r/edit/main/content/{path}?plain=1"}
	if got, want := EditURL(cfg, "de/a b#1.md"), "https://github.com/o/r/edit/main/content/de/a%20b%231.md?plain=1"; got != want {
		t.Errorf("EditURL = %q, want %q", got, want)
	}
	if got := EditURL(config.Site{}, "a.md"); got != "" {
		t.Errorf("without edit_url: %q", got)
	}
}
