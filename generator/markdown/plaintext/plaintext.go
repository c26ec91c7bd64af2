// Package plaintext extracts the text of goldmark nodes as a reader sees
// it, for headings, link titles, search and structured data.
package plaintext

import (
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Inline is the text content of an inline container, trimmed.
func Inline(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(textValue(c, src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(stringValue(c))
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// Block appends the text of block n to b, a newline after each block;
// code is kept and raw HTML left out.
func Block(b *Text, n ast.Node, src []byte) {
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if c.Type() == ast.TypeBlock {
				b.Space()
			}
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(textValue(c, src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.Space()
			}
			return ast.WalkContinue, nil
		case *ast.String:
			b.WriteString(stringValue(c))
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// textValue is the text of a Text node as the page shows it: entity and
// character references (&nbsp;, &#169;) and backslash escapes resolved,
// except in code, whose text is raw.
func textValue(t *ast.Text, src []byte) []byte {
	v := t.Segment.Value(src)
	if t.IsRaw() {
		return v
	}
	return util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
}

// stringValue is the text of a String node; the typographer stores its
// quotes and dashes as HTML entities.
func stringValue(s *ast.String) string {
	return html.UnescapeString(string(s.Value))
}

// Text gathers the text of blocks with its white space collapsed as it
// is written: the words, separated by single spaces, none leading or
// trailing (strings.Join(strings.Fields(s), " ") of all that was written).
// Cut takes what was written since the last Cut. Collapsing on the way in
// rather than after spares a second copy of every article's text.
type Text struct {
	b     []byte
	start int  // where the text since the last Cut starts in b
	space bool // white space was written after the last word
}

// Reset empties t and lets it reuse its memory, which the strings Cut
// returned share: only a caller done with all of them may call it.
func (t *Text) Reset() { t.b, t.start, t.space = t.b[:0], 0, false }

// Grow makes room for n more bytes.
func (t *Text) Grow(n int) { t.b = slices.Grow(t.b, n) }

// WriteString appends s, collapsed. Writes must not split a character.
func (t *Text) WriteString(s string) {
	for i := 0; i < len(s); {
		start := i
		for i < len(s) { // the word: wordByte, with ASCII inline
			if c := s[i]; c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				i++
				continue
			}
			n := wordByte(s, i)
			if n == 0 {
				break
			}
			i += n
		}
		if i > start {
			if t.space && len(t.b) > t.start {
				t.b = append(t.b, ' ')
			}
			t.space = false
			t.b = append(t.b, s[start:i]...)
		}
		for i < len(s) && wordByte(s, i) == 0 {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			t.space = true
		}
	}
}

// Write is WriteString of p, which it does not keep.
func (t *Text) Write(p []byte) { t.WriteString(unsafe.String(unsafe.SliceData(p), len(p))) }

// Space separates what comes next from what came before, as white space.
func (t *Text) Space() { t.space = true }

// Cut returns the text written since the last Cut. Until Reset, its bytes
// are never written again (appending past them or to a new array).
func (t *Text) Cut() string {
	if len(t.b) == t.start {
		t.space = false
		return ""
	}
	s := unsafe.String(unsafe.SliceData(t.b[t.start:]), len(t.b)-t.start)
	t.start, t.space = len(t.b), false
	return s
}

// wordByte is the width of the rune at s[i] when it is not a space to
// unicode.IsSpace, else 0.
func wordByte(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 0
		}
		return 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return 0
	}
	return n
}

// asciiSpace are the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
