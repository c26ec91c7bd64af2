// Package plaintext extracts the text of goldmark nodes as a reader sees
// it, for headings, link titles, search and structured data.
package plaintext

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

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
func Block(b *strings.Builder, n ast.Node, src []byte) {
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if c.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(textValue(c, src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
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

// Collapse is strings.Join(strings.Fields(s), " ") in one pass: the words
// of s, separated by single spaces. Search sections and steps collapse
// every article's text, where the slice of words cost more than the rest.
func Collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		start := i
		for i < len(s) {
			n := wordByte(s, i)
			if n == 0 {
				break
			}
			i += n
		}
		if i > start {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[start:i])
		}
		for i < len(s) && wordByte(s, i) == 0 {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
	return b.String()
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
