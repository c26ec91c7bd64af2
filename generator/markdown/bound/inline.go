package bound

import "fmt"

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

// paragraph is what bound tracks across the lines of a paragraph: its
// bracket pairs and how many emphasis delimiter runs it has.
type paragraph struct {
	brackets
	runs    int // "*" and "_" runs outside code spans
	escaped int // offset of the first run escaped, or -1
}

// inlineSpecial marks the bytes scan acts on.
var inlineSpecial = [256]bool{'\\': true, '[': true, ']': true, '*': true, '_': true}

// scan adds the brackets and emphasis runs of line [start, end). Runs past
// the first maxEmphasisRuns get every delimiter escaped.
func (p *paragraph) scan(w *rewriter, start, end int) {
	src := w.orig
	code := codeSpans(src[start:end], start)
	for i := start; i < end; i++ {
		if len(code) > 0 && i == code[0].from {
			i, code = code[0].to-1, code[1:] // goldmark reads no links or emphasis in code
			continue
		}
		if !inlineSpecial[src[i]] {
			continue
		}
		switch c := src[i]; c {
		case '\\':
			i++ // an escaped character, or a backslash before the line end
		case '[':
			p.open = append(p.open, len(p.events))
			p.events = append(p.events, bracket{i, -1})
		case ']':
			if n := len(p.open); n > 0 {
				o := p.open[n-1]
				p.open = p.open[:n-1]
				p.events[o].mate = len(p.events)
				p.events = append(p.events, bracket{i, o})
			}
		case '*', '_':
			j := i
			for j < end && src[j] == c {
				j++
			}
			if p.runs++; p.runs > maxEmphasisRuns {
				if p.escaped < 0 {
					p.escaped = i
				}
				for k := i; k < j; k++ {
					w.insert(k, '\\')
				}
			}
			i = j - 1
		}
	}
}

// flush ends the paragraph: pairs nested deeper than maxBracketDepth in
// other pairs get both brackets escaped, so they show as text. A "[" that
// is never closed costs nothing and is left alone.
func (p *paragraph) flush(w *rewriter, probs []limitProblem) []limitProblem {
	if p.escaped >= 0 {
		probs = append(probs, limitProblem{p.escaped, fmt.Sprintf("this paragraph has %d emphasis delimiters (\"*\" or \"_\" runs), more than the %d allowed; the later ones are shown as text", p.runs, maxEmphasisRuns)})
	}
	p.runs, p.escaped = 0, -1
	b := &p.brackets
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
