package markdown

// This file is the title construct: a leading "# Heading" duplicates the
// page title (the page shows the title as its h1), so it leaves the body
// and becomes Result.FirstH1, which foreign content without a title uses.

import (
	"kbsite/generator/markdown/plaintext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// title is the extender.
type title struct{}

func (title) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(title{}, prioTitle)))
}

// Transform removes a leading h1 and keeps its text.
func (title) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 {
		st.res.FirstH1 = plaintext.Inline(h, reader.Source())
		doc.RemoveChild(doc, h)
		delete(st.ids, headingID(h))
	}
}
