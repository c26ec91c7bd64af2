package site

import (
	"reflect"
	"testing"

	"kbsite/generator/markdown"
)

func TestTOC(t *testing.T) {
	got := TOC([]markdown.Heading{{Level: 3, ID: "pre", Text: "Pre"}, {Level: 2, ID: "a", Text: "A"}, {Level: 3, ID: "a1", Text: "A1"}, {Level: 4, ID: "x", Text: "X"}, {Level: 2, ID: "b", Text: "B"}})
	want := []TOCEntry{{ID: "pre", Text: "Pre"}, {ID: "a", Text: "A", Children: []TOCEntry{{ID: "a1", Text: "A1"}}}, {ID: "b", Text: "B"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TOC = %+v", got)
	}
}
