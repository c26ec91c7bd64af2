package bound

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// shift maps offsets of the rewritten source back to the original: from
// out on, an offset is diff bytes further on in the original.
type shift struct{ out, diff int }

// Text is the source after Bound: what goldmark parses, and how to map its
// offsets back to lines and columns of the file.
type Text struct {
	// Src is what to parse: the original source when no limit fired.
	Src       []byte
	orig      []byte
	shifts    []shift
	firstLine int

	lineStarts []int // offsets where lines of orig start, built on first use
	cur        cursor
}

// origOffset maps an offset of the rewritten source to the original source.
func (t *Text) origOffset(off int) int {
	i := sort.Search(len(t.shifts), func(i int) bool { return t.shifts[i].out > off })
	if i == 0 {
		return off
	}
	return off + t.shifts[i-1].diff
}

// rewriter builds a Text from cuts and insertions, recorded in any order
// and applied in source order.
type rewriter struct {
	orig  []byte
	edits []edit
}

// edit drops the original bytes [at, to), or puts ins before byte at.
type edit struct {
	at, to int
	ins    byte
}

func (w *rewriter) cut(from, to int)      { w.edits = append(w.edits, edit{at: from, to: to}) }
func (w *rewriter) insert(at int, b byte) { w.edits = append(w.edits, edit{at: at, to: at, ins: b}) }

// apply makes the rewrite; when nothing changed, Src is the original.
func (w *rewriter) apply(t *Text) {
	t.orig, t.Src = w.orig, w.orig
	if len(w.edits) == 0 {
		return
	}
	sort.SliceStable(w.edits, func(i, j int) bool { return w.edits[i].at < w.edits[j].at })
	t.Src = make([]byte, 0, len(w.orig)+len(w.edits))
	done := 0 // original bytes copied or dropped so far
	for _, e := range w.edits {
		t.Src = append(t.Src, w.orig[done:e.at]...)
		if e.ins != 0 {
			t.Src = append(t.Src, e.ins)
		}
		done = e.to
		t.shifts = append(t.shifts, shift{len(t.Src), done - len(t.Src)})
	}
	t.Src = append(t.Src, w.orig[done:]...)
}

// cursor is the last position computed, so that the next one on the same
// line counts runes on from there instead of from the line start.
type cursor struct{ line, off, runes int }

// Position converts an offset of Src to a file line and a column in runes
// (1-based). An offset outside the source gives the first line, column 0.
func (t *Text) Position(off int) (int, int) {
	return t.origPosition(t.origOffset(off))
}

// origPosition converts an offset of the original source to a file line
// and column. Line starts are indexed once, and offsets mostly arrive in
// source order, so a line of 100,000 links costs linear time overall.
func (t *Text) origPosition(off int) (int, int) {
	if off < 0 || off > len(t.orig) {
		return t.firstLine, 0
	}
	if t.lineStarts == nil {
		t.lineStarts = make([]int, 1, 1+bytes.Count(t.orig, []byte("\n")))
		for i := bytes.IndexByte(t.orig, '\n'); i >= 0; {
			t.lineStarts = append(t.lineStarts, i+1)
			j := bytes.IndexByte(t.orig[i+1:], '\n')
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	n := sort.SearchInts(t.lineStarts, off+1) - 1
	from, runes := t.lineStarts[n], 0
	if t.cur.line == n && t.cur.off >= from && t.cur.off <= off {
		from, runes = t.cur.off, t.cur.runes
	}
	runes += utf8.RuneCount(t.orig[from:off])
	t.cur = cursor{n, off, runes}
	return t.firstLine + n, 1 + runes
}
