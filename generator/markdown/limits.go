package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// Goldmark spends time quadratic in the size of some constructs: a line
// opening thousands of blockquotes or lists, link destinations that never
// close ("[a](" repeated), which it scans to the end of the line once per
// opener, deeply nested "[…]", and long runs of link reference
// definitions. A 1 MB article of any of them takes minutes. bound rewrites
// them before parsing, within limits no hand-written article reaches, and
// reports each place it changed as a warning; positions still point into
// the file as written.
const (
	// maxNesting is how deep one line may nest blockquotes and lists
	// (indentation counts, two columns a level); deeper markers are
	// dropped, so the text stays at this level.
	maxNesting = 32
	// longDest is how far a link destination may run before it counts as
	// long, and maxLongDests how many long ones a line may have: later
	// ones get their "(" escaped and show as text.
	longDest     = 512
	maxLongDests = 32
	// maxBracketDepth is how deep "[…]" pairs may nest: at each "]",
	// goldmark walks everything after its "[", so deeper pairs are
	// escaped and show as text.
	maxBracketDepth = 8
	// maxDefRun is how many link reference definitions ("[a]: /x") may
	// follow each other: goldmark takes time quadratic in the run, so a
	// blank line is put in after each maxDefRun of them.
	maxDefRun = 100
)

// shift maps offsets of the rewritten source back to the original: from
// out on, an offset is diff bytes further on in the original.
type shift struct{ out, diff int }

// rewrite is the source after bound: what goldmark parses, and how to map
// its offsets back to the file.
type rewrite struct {
	src    []byte
	shifts []shift
}

// orig maps an offset of the rewritten source to the original source.
func (rw *rewrite) orig(off int) int {
	i := sort.Search(len(rw.shifts), func(i int) bool { return rw.shifts[i].out > off })
	if i == 0 {
		return off
	}
	return off + rw.shifts[i-1].diff
}

// rewriter builds a rewrite from cuts and insertions, recorded in any
// order and applied in source order.
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

// apply makes the rewrite; when nothing changed, src is the original.
func (w *rewriter) apply() rewrite {
	if len(w.edits) == 0 {
		return rewrite{src: w.orig}
	}
	sort.SliceStable(w.edits, func(i, j int) bool { return w.edits[i].at < w.edits[j].at })
	rw := rewrite{src: make([]byte, 0, len(w.orig)+len(w.edits))}
	done := 0 // original bytes copied or dropped so far
	for _, e := range w.edits {
		rw.src = append(rw.src, w.orig[done:e.at]...)
		if e.ins != 0 {
			rw.src = append(rw.src, e.ins)
		}
		done = e.to
		rw.shifts = append(rw.shifts, shift{len(rw.src), done - len(rw.src)})
	}
	rw.src = append(rw.src, w.orig[done:]...)
	return rw
}

// limitProblem is a change bound made, at an offset of the original source.
type limitProblem struct {
	off int
	msg string
}

// bound applies the limits above to src, line by line.
func bound(src []byte) (rewrite, []limitProblem) {
	w := &rewriter{orig: src}
	var probs []limitProblem
	var fence []byte  // the open code fence, if any
	defs := 0         // link reference definitions in a row
	var para brackets // of the paragraph so far
	for start := 0; start < len(src); {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		f := codeFence(src[start:end])
		switch {
		case fence != nil:
			if f != nil && f[0] == fence[0] && len(f) >= len(fence) {
				fence = nil
			}
		case f != nil:
			fence, probs = f, para.flush(w, probs)
		case len(bytes.TrimSpace(src[start:end])) == 0:
			defs, probs = 0, para.flush(w, probs) // a blank line ends the paragraph
		default:
			defs, probs = boundDefs(w, start, end, defs, probs)
			probs = boundNesting(w, start, end, probs)
			probs = boundDests(w, start, end, probs)
			para.scan(src, start, end)
		}
		start = end + 1
	}
	probs = para.flush(w, probs)
	return w.apply(), probs
}

// boundDefs counts line [start, end) into the run of link reference
// definitions and splits the run with a blank line after maxDefRun.
func boundDefs(w *rewriter, start, end, defs int, probs []limitProblem) (int, []limitProblem) {
	if !refDefLike(w.orig[start:end]) {
		return 0, probs
	}
	defs++
	if defs <= maxDefRun || (defs-1)%maxDefRun != 0 {
		return defs, probs
	}
	w.insert(start, '\n')
	if defs == maxDefRun+1 {
		probs = append(probs, limitProblem{start, fmt.Sprintf("more than %d link reference definitions in a row; a blank line is assumed after each %d", maxDefRun, maxDefRun)})
	}
	return defs, probs
}

// refDefLike reports a line that may start a link reference definition:
// "[label]:" after at most three spaces.
func refDefLike(line []byte) bool {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	return i < len(line) && line[i] == '[' && bytes.Contains(line[i:], []byte("]:"))
}

// codeFence returns the fence ("```", "~~~~") that line starts with, after
// any indentation and blockquote markers, or nil. Code is left as written:
// bound only looks at lines outside fences.
func codeFence(line []byte) []byte {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '>') {
		i++
	}
	j := i
	for j < len(line) && (line[j] == '`' || line[j] == '~') && line[j] == line[i] {
		j++
	}
	if j-i < 3 {
		return nil
	}
	return line[i:j]
}

// boundNesting flattens line [start, end) when its indentation and
// container markers could open more than maxNesting containers (a list
// level takes at least two columns: marker and space, or indentation):
// it cuts the prefix from that depth up to the last marker, which is kept.
func boundNesting(w *rewriter, start, end int, probs []limitProblem) []limitProblem {
	src := w.orig
	depth, keep, last := 0, -1, -1 // depth in half levels
	for i := start; i < end; {
		if depth >= 2*maxNesting && keep < 0 {
			keep = i
		}
		switch c := src[i]; {
		case c == ' ':
			depth++
			i++
		case c == '\t':
			depth += 4
			i++
		default:
			k := containerMarker(src[i:end])
			if k == 0 {
				i = end // the content starts here
				continue
			}
			last = i
			depth += k // a list marker its width, ">" a whole level
			if src[i] == '>' {
				depth++
			}
			i += k
		}
	}
	if keep < 0 || last <= keep {
		return probs // not too deep, or no marker to flatten
	}
	w.cut(keep, last)
	return append(probs, limitProblem{keep, fmt.Sprintf("blockquotes or lists nested deeper than %d levels; this line is shown at level %d", maxNesting, maxNesting)})
}

// containerMarker returns the length of the blockquote or list marker that
// starts b, or 0. List markers must be followed by a space or tab.
func containerMarker(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	if b[0] == '>' {
		return 1
	}
	k := 0
	switch {
	case b[0] == '-' || b[0] == '+' || b[0] == '*':
		k = 1
	case b[0] >= '0' && b[0] <= '9':
		for k < len(b) && k < 9 && b[k] >= '0' && b[k] <= '9' {
			k++
		}
		if k == len(b) || (b[k] != '.' && b[k] != ')') {
			return 0
		}
		k++
	default:
		return 0
	}
	if k < len(b) && (b[k] == ' ' || b[k] == '\t') {
		return k
	}
	return 0
}

// boundDests escapes the "(" of the long link destinations of line
// [start, end) past the first maxLongDests, so goldmark, which scans each
// one to its end, reads at most maxLongDests whole lines.
func boundDests(w *rewriter, start, end int, probs []limitProblem) []limitProblem {
	src := w.orig
	long, first := 0, -1
	spaces := nextByte{match: isSpace}
	closers := nextByte{match: func(c byte) bool { return c == ')' || isSpace(c) }}
	angles := nextByte{match: func(c byte) bool { return c == '>' }}
	for i := start; i+1 < end; i++ {
		if src[i] != ']' || src[i+1] != '(' {
			continue
		}
		d := i + 2
		for d < end && (src[d] == ' ' || src[d] == '\t') {
			d++
		}
		// Most destinations are settled by where the next space, ")" or
		// ">" is, in amortised constant time; the rest are scanned.
		var isLong bool
		switch {
		case d < end && src[d] == '<':
			isLong = angles.after(src, d, end)-d > longDest || destLen(src[d:end]) > longDest
		case spaces.after(src, d, end)-d <= longDest:
		default:
			isLong = closers.after(src, d, end)-d > longDest || destLen(src[d:end]) > longDest
		}
		if !isLong {
			continue
		}
		long++
		if long > maxLongDests {
			w.insert(i+1, '\\')
			if first < 0 {
				first = i
			}
		}
	}
	if first < 0 {
		return probs
	}
	return append(probs, limitProblem{first, fmt.Sprintf("this line has %d link destinations \"](…\" longer than %d bytes, more than the %d allowed; the later ones are shown as text", long, longDest, maxLongDests)})
}

// brackets pairs the "[" and "]" of a paragraph as goldmark does, each "]"
// with the last open "[", outside code spans.
type brackets struct {
	events []bracket
	open   []int // indexes of the open "[" in events
}

// bracket is one "[" or "]"; mate is the index of its match, or -1.
type bracket struct {
	at   int
	mate int
}

// scan adds the brackets of line [start, end).
func (b *brackets) scan(src []byte, start, end int) {
	code := codeSpans(src[start:end], start)
	for i := start; i < end; i++ {
		if len(code) > 0 && i == code[0].from {
			i, code = code[0].to-1, code[1:] // goldmark reads no links in code
			continue
		}
		switch src[i] {
		case '\\':
			i++ // an escaped character, or a backslash before the line end
		case '[':
			b.open = append(b.open, len(b.events))
			b.events = append(b.events, bracket{i, -1})
		case ']':
			if n := len(b.open); n > 0 {
				o := b.open[n-1]
				b.open = b.open[:n-1]
				b.events[o].mate = len(b.events)
				b.events = append(b.events, bracket{i, o})
			}
		}
	}
}

// flush ends the paragraph: pairs nested deeper than maxBracketDepth in
// other pairs get both brackets escaped, so they show as text. A "[" that
// is never closed costs nothing and is left alone.
func (b *brackets) flush(w *rewriter, probs []limitProblem) []limitProblem {
	depth, warned := 0, false
	for i, e := range b.events {
		switch {
		case e.mate < 0:
		case e.mate > i: // an opening "[" with its "]" ahead
			if depth++; depth > maxBracketDepth {
				w.insert(e.at, '\\')
				w.insert(b.events[e.mate].at, '\\')
				if !warned {
					warned = true
					probs = append(probs, limitProblem{e.at, fmt.Sprintf("brackets \"[…]\" nested deeper than %d levels; the deeper ones are shown as text", maxBracketDepth)})
				}
			}
		default:
			depth--
		}
	}
	*b = brackets{events: b.events[:0], open: b.open[:0]}
	return probs
}

// codeSpan is the offsets [from, to) of an inline code span.
type codeSpan struct{ from, to int }

// codeSpans returns the code spans of line, at offset base: each backtick
// run up to the next run of the same length. Spans over lines are missed.
// The runs of each length are indexed first, so this is linear.
func codeSpans(line []byte, base int) []codeSpan {
	type run struct{ at, n int }
	var runs []run
	byLen := map[int][]int{} // run length -> indexes into runs
	for i := 0; i < len(line); {
		j := i
		for j < len(line) && line[j] == '`' {
			j++
		}
		if j > i {
			byLen[j-i] = append(byLen[j-i], len(runs))
			runs = append(runs, run{i, j - i})
			i = j
		} else {
			i++
		}
	}
	var spans []codeSpan
	next := map[int]int{} // run length -> how far byLen has been used
	for r := 0; r < len(runs); r++ {
		same := byLen[runs[r].n]
		k := next[runs[r].n]
		for k < len(same) && same[k] <= r {
			k++
		}
		next[runs[r].n] = k
		if k == len(same) {
			continue // no closer: literal backticks
		}
		closer := runs[same[k]]
		spans = append(spans, codeSpan{base + runs[r].at, base + closer.at + closer.n})
		for r+1 < len(runs) && runs[r+1].at < closer.at+closer.n {
			r++
		}
	}
	return spans
}

// nextByte finds the next byte that matches, for offsets that only grow:
// amortised linear time over a line.
type nextByte struct {
	at    int
	match func(byte) bool
}

// after returns the index of the first matching byte at or after d, or end.
func (n *nextByte) after(src []byte, d, end int) int {
	n.at = max(n.at, d)
	for n.at < end && !n.match(src[n.at]) {
		n.at++
	}
	return n.at
}

// isSpace is what ends a link destination (util.IsSpace without '\n',
// which never occurs within a line).
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'
}

// destLen is how far goldmark reads the link destination that starts b, as
// parseLinkDestination does (up to a space, an unbalanced ")" or, for
// "<", a ">"), but stops counting past longDest.
func destLen(b []byte) int {
	i := 0
	angle := len(b) > 0 && b[0] == '<'
	opened := 0
	for ; i < len(b) && i <= longDest; i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			i++
		case angle && c == '>':
			return i
		case angle:
		case c == '(':
			opened++
		case c == ')':
			if opened--; opened < 0 {
				return i
			}
		case isSpace(c):
			return i
		}
	}
	return i
}

// cursor is the last position computed, so that the next one on the same
// line counts runes on from there instead of from the line start.
type cursor struct{ line, off, runes int }

// position converts an offset of the parsed source to a file line and a
// column in runes.
func (s *state) position(off int) (int, int) {
	return s.origPosition(s.rw.orig(off))
}

// origPosition converts an offset of the original source to a file line
// and column. Line starts are indexed once, and offsets mostly arrive in
// source order, so a line of 100,000 links costs linear time overall.
func (s *state) origPosition(off int) (int, int) {
	if off < 0 || off > len(s.orig) {
		return s.bodyLine, 0
	}
	if s.lineStarts == nil {
		s.lineStarts = append(s.lineStarts, 0)
		for i, c := range s.orig {
			if c == '\n' {
				s.lineStarts = append(s.lineStarts, i+1)
			}
		}
	}
	n := sort.SearchInts(s.lineStarts, off+1) - 1
	from, runes := s.lineStarts[n], 0
	if s.cur.line == n && s.cur.off >= from && s.cur.off <= off {
		from, runes = s.cur.off, s.cur.runes
	}
	runes += utf8.RuneCount(s.orig[from:off])
	s.cur = cursor{n, off, runes}
	return s.bodyLine + n, 1 + runes
}
