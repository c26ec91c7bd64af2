// Package blocks holds kbsite's own block constructs, each a goldmark
// extender in one file: GitHub alerts as callouts, the back-to-top link
// that ends each section, highlighted code blocks, and tables a keyboard
// can scroll.
package blocks

// This file is the back-to-top construct: a "Back to the top" link ends
// each top-level ## section.

import (
	stdhtml "html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindBackToTop is the "Back to the top" link that ends each section.
var kindBackToTop = ast.NewNodeKind("BackToTop")

// backToTopLink is a link back to the top of the page.
type backToTopLink struct {
	ast.BaseBlock
	Label string
}

func (n *backToTopLink) Kind() ast.NodeKind         { return kindBackToTop }
func (n *backToTopLink) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// BackToTop is the extender: Label is the link text, Priority orders its
// transformer among the others.
type BackToTop struct {
	Label    string
	Priority int
}

func (e *BackToTop) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Transform puts a link before every top-level ## heading but the first,
// and one at the end when there is any.
func (e *BackToTop) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	first := true
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			if !first {
				doc.InsertBefore(doc, h, &backToTopLink{Label: e.Label})
			}
			first = false
		}
	}
	if !first {
		doc.AppendChild(doc, &backToTopLink{Label: e.Label})
	}
}

func (e *BackToTop) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindBackToTop, e.render)
}

func (e *BackToTop) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<p class="back-to-top"><a href="#top">` + stdhtml.EscapeString(node.(*backToTopLink).Label) + "</a></p>\n")
	}
	return ast.WalkContinue, nil
}
