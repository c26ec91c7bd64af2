package markdown

// This file is the raw HTML construct: HTML written in Markdown reaches the
// page only on trusted sites (Options.RawHTML); elsewhere it shows as
// text, and comments, never visible anyway, are dropped.

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// rawHTML is the extender; allow lets raw HTML through unchanged.
type rawHTML struct{ allow bool }

func (e rawHTML) Extend(m goldmark.Markdown) {
	if e.allow {
		m.Renderer().AddOptions(html.WithUnsafe())
		return
	}
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

func (rawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, rawInline)
	reg.Register(ast.KindHTMLBlock, rawBlock)
}

// rawInline shows inline HTML as text; comments are dropped since they were
// never visible anyway.
func rawInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.RawHTML)
	var b bytes.Buffer
	for i := 0; i < n.Segments.Len(); i++ {
		b.Write(segValue(n.Segments.At(i), src))
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("<!--")) {
		w.Write(util.EscapeHTML(b.Bytes()))
	}
	return ast.WalkSkipChildren, nil
}

func rawBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		b.Write(segValue(lines.At(i), src))
	}
	if n.HasClosure() {
		b.Write(segValue(n.ClosureLine, src))
	}
	if n.HTMLBlockType == ast.HTMLBlockType2 { // <!-- comment -->
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<p class="raw-html">`)
	w.Write(util.EscapeHTML(bytes.TrimRight(b.Bytes(), "\n")))
	w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}
