// Package bound rewrites Markdown that would make goldmark take time
// quadratic in its size, before it is parsed, and maps offsets of the
// rewritten source back to lines and columns of the file as written.
package bound

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/util"
)

// Goldmark spends time quadratic in the size of some constructs: a line
// opening thousands of blockquotes or lists, link destinations that never
// close ("[a](" repeated), which it scans to the end of the line once per
// opener, deeply nested "[…]", long runs of link reference definitions,
// and paragraphs with many emphasis delimiters, which goldmark matches
// against every earlier one. A 1 MB article of any of them takes minutes
// (mixed "*a_b*c_d**" about one). Bound rewrites
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
	// maxEmphasisRuns is how many runs of "*" or "_" a paragraph may
	// have: goldmark's delimiter matching takes time about this limit
	// times the paragraph's runs, so later runs are escaped and show as
	// text.
	maxEmphasisRuns = 2000
)

// Problem is a located warning about a change Bound made.
type Problem struct {
	Line, Col int
	Msg       string
}

// limitProblem is a change bound made, at an offset of the original source.
type limitProblem struct {
	off int
	msg string
}

// Bound applies the limits above to src, whose first line is line
// firstLine of its file, and returns what to parse with the warnings.
func Bound(src []byte, firstLine int) (*Text, []Problem) {
	w := &rewriter{orig: src}
	probs := scanLines(w)
	t := &Text{firstLine: firstLine}
	w.apply(t)
	var out []Problem
	for _, p := range probs {
		line, col := t.origPosition(p.off)
		out = append(out, Problem{Line: line, Col: col, Msg: p.msg})
	}
	return t, out
}

// scanLines records the rewrites of w.orig, line by line.
func scanLines(w *rewriter) []limitProblem {
	src := w.orig
	var probs []limitProblem
	var fence []byte               // the open code fence, if any
	defs := 0                      // link reference definitions in a row
	para := paragraph{escaped: -1} // the paragraph so far
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
			para.scan(w, start, end)
		}
		start = end + 1
	}
	return para.flush(w, probs)
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
