package load

import (
	"strings"

	"kbsite/generator/markdown"
)

// headingList holds a body's headings as one string and offsets rather
// than as two strings each. An article's headings are read twice, by
// the link stage (AnchorIDs) and by its page's table of contents, but
// are live from parsing to the end of the build: at 100,000 articles,
// kept as markdown.Heading values, they were 50 MB of small objects that
// every collection marked again.
type headingList struct {
	text   string   // every heading's ID, then its text, end to end
	ends   []uint32 // where each ID and each text ends in text
	levels []uint8
}

func newHeadingList(hs []markdown.Heading) headingList {
	if len(hs) == 0 {
		return headingList{}
	}
	n := 0
	for _, h := range hs {
		n += len(h.ID) + len(h.Text)
	}
	var b strings.Builder
	b.Grow(n)
	l := headingList{ends: make([]uint32, 0, 2*len(hs)), levels: make([]uint8, len(hs))}
	for i, h := range hs {
		b.WriteString(h.ID)
		l.ends = append(l.ends, uint32(b.Len()))
		b.WriteString(h.Text)
		l.ends = append(l.ends, uint32(b.Len()))
		l.levels[i] = uint8(h.Level)
	}
	l.text = b.String()
	return l
}

// all returns the headings; their strings share the list's memory.
func (l headingList) all() []markdown.Heading {
	if len(l.levels) == 0 {
		return nil
	}
	hs := make([]markdown.Heading, len(l.levels))
	start := uint32(0)
	for i := range hs {
		id, text := l.ends[2*i], l.ends[2*i+1]
		hs[i] = markdown.Heading{Level: int(l.levels[i]), ID: l.text[start:id], Text: l.text[id:text]}
		start = text
	}
	return hs
}
