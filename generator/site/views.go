package site

import "kbsite/generator/markdown"

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
