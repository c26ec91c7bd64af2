package markdown

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

// KindBackToTop is the "Back to the top" link that ends each section.
var KindBackToTop = ast.NewNodeKind("BackToTop")

// BackToTop is a link back to the top of the page.
type BackToTop struct {
	ast.BaseBlock
	Label string
}

func (n *BackToTop) Kind() ast.NodeKind         { return KindBackToTop }
func (n *BackToTop) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// backToTop is the extender; label is the link text.
type backToTop struct{ label string }

func (e *backToTop) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, prioBackToTop)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Transform puts a link before every top-level ## heading but the first,
// and one at the end when there is any.
func (e *backToTop) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if stateOf(pc) == nil {
		return
	}
	first := true
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			if !first {
				doc.InsertBefore(doc, h, &BackToTop{Label: e.label})
			}
			first = false
		}
	}
	if !first {
		doc.AppendChild(doc, &BackToTop{Label: e.label})
	}
}

func (e *backToTop) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBackToTop, e.render)
}

func (e *backToTop) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<p class="back-to-top"><a href="#top">` + stdhtml.EscapeString(node.(*BackToTop).Label) + "</a></p>\n")
	}
	return ast.WalkContinue, nil
}
