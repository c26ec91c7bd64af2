package load

import (
	"slices"
	"testing"

	"kbsite/generator/markdown"
)

func TestHeadingListKeepsEveryHeading(t *testing.T) {
	for _, hs := range [][]markdown.Heading{
		nil,
		{{Level: 1, ID: "title", Text: "Title"}},
		{{Level: 2, ID: "symptoms", Text: "Symptoms"}, {Level: 3, ID: "", Text: "No ID"}, {Level: 3, ID: "empty", Text: ""},
			{Level: 2, ID: "résolution", Text: "Résolution <étape>"}, {Level: 6, ID: "", Text: ""}},
	} {
		if got := newHeadingList(hs).all(); !slices.Equal(got, hs) {
			t.Errorf("headings %+v came back as %+v", hs, got)
		}
	}
}
