// Package quote holds the DocFX constructs written as a blockquote whose
// first line is a marker: [!div class="..."] and [!VIDEO url], each a
// goldmark extender in its own file. They read their Env (warnings,
// labels) from package docfx.
package quote

import (
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"kbsite/generator/markdown/blockwalk"
)

// quoteMarker returns the submatches of re on the first line of a
// blockquote's first paragraph, and that paragraph, or nil.
func quoteMarker(bq *ast.Blockquote, src []byte, re *regexp.Regexp) ([]string, *ast.Paragraph) {
	p, ok := bq.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return nil, nil
	}
	first := p.Lines().At(0)
	m := re.FindSubmatch(first.Value(src))
	if m == nil {
		return nil, nil
	}
	out := make([]string, len(m))
	for i := range m {
		out[i] = string(m[i])
	}
	return out, p
}

// dropFirstLine takes the marker line out of a paragraph, and the
// paragraph out of its parent when nothing is left.
func dropFirstLine(p *ast.Paragraph) {
	lines := p.Lines()
	end := lines.At(0).Stop
	for ch := p.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		if t, ok := ch.(*ast.Text); !ok || t.Segment.Start >= end {
			break
		}
		p.RemoveChild(p, ch)
		ch = next
	}
	if p.ChildCount() == 0 {
		p.Parent().RemoveChild(p.Parent(), p)
		return
	}
	rest := text.NewSegments()
	for i := 1; i < lines.Len(); i++ {
		rest.Append(lines.At(i))
	}
	p.SetLines(rest)
}

// blockquotes returns the blockquotes under n, in document order.
func blockquotes(n ast.Node) []*ast.Blockquote {
	var out []*ast.Blockquote
	blockwalk.Walk(n, func(c ast.Node) ast.WalkStatus {
		if bq, ok := c.(*ast.Blockquote); ok {
			out = append(out, bq)
		}
		return ast.WalkContinue
	})
	return out
}

// moveChildren moves every child of from to the end of to.
func moveChildren(from, to ast.Node) {
	for ch := from.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		to.AppendChild(to, ch)
		ch = next
	}
}
