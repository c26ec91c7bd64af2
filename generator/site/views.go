package site

import (
	"strings"
	"unicode"

	"kbsite/generator/markdown"
)

// TOC is the table of contents of an article's headings: each h2 with
// the h3s under it (an h3 before any h2 stands on its own).
func TOC(hs []markdown.Heading) []TOCEntry {
	var out []TOCEntry
	for _, h := range hs {
		switch {
		case h.Level == 2:
			out = append(out, TOCEntry{ID: h.ID, Text: h.Text})
		case h.Level == 3 && len(out) > 0:
			last := &out[len(out)-1]
			last.Children = append(last.Children, TOCEntry{ID: h.ID, Text: h.Text})
		case h.Level == 3:
			out = append(out, TOCEntry{ID: h.ID, Text: h.Text})
		}
	}
	return out
}

// initial is the A–Z heading a title goes under: its first letter, upper
// case, or "#" when a digit comes before any letter or there is none.
func initial(title string) string {
	for _, r := range title {
		if unicode.IsLetter(r) {
			return strings.ToUpper(string(r))
		}
		if unicode.IsDigit(r) {
			return "#"
		}
	}
	return "#"
}

// letterGroup is the empty A–Z group of a heading from initial, with the
// anchor the index's letter links use.
func letterGroup(letter string) ListGroup {
	id := "letter-" + markdown.Slug(letter)
	if letter == "#" {
		id = "letter-other"
	}
	return ListGroup{Heading: letter, ID: id}
}
