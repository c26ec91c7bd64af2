package blocks

// This file is the table construct: GitHub tables scroll sideways inside
// the page on narrow screens (site.css), so each is made focusable, and a
// keyboard reader can scroll it too.

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"kbsite/generator/markdown/blockwalk"
)

// Tables is the extender; Priority orders its transformer.
type Tables struct{ Priority int }

func (e Tables) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
}

// Transform gives every table tabindex="0".
func (Tables) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	blockwalk.Walk(doc, func(n ast.Node) ast.WalkStatus {
		if _, ok := n.(*east.Table); ok {
			n.SetAttributeString("tabindex", "0")
		}
		return ast.WalkContinue
	})
}
