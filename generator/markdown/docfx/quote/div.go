package quote

// This file is the [!div] construct: a blockquote that starts with
// `[!div class="nextstepaction"]` is a call to action (its link styled as
// a button), and `[!div class="checklist"]` a checklist.

import (
	stdhtml "html"
	"regexp"

	"kbsite/generator/markdown/docfx"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindDiv is a [!div class="..."] blockquote.
var KindDiv = ast.NewNodeKind("DocFXDiv")

// Div holds the blockquote's content. Class is "nextstepaction",
// "checklist", or "" for a class kbsite does not know.
type Div struct {
	ast.BaseBlock
	Class string
}

func (n *Div) Kind() ast.NodeKind { return KindDiv }
func (n *Div) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Class": n.Class}, nil)
}

// Divs is the extender; Priority orders its transformer.
type Divs struct{ Priority int }

func (e Divs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

var divRe = regexp.MustCompile(`^\s*\[!(?i:div)\s+class\s*=\s*"([^"]*)"\s*\]\s*$`)

// Transform replaces each [!div] blockquote with a Div.
func (Divs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env, ok := docfx.EnvOf(pc)
	if !ok {
		return
	}
	src := reader.Source()
	for _, bq := range blockquotes(doc) {
		m, p := quoteMarker(bq, src, divRe)
		if m == nil {
			continue
		}
		d := &Div{Class: m[1]}
		if d.Class != "nextstepaction" && d.Class != "checklist" {
			env.Warn(p.Lines().At(0).Start, "unsupported DocFX construct [!div class=\""+d.Class+"\"]; its content is shown without it")
			d.Class = ""
		}
		d.SetLines(p.Lines())
		dropFirstLine(p)
		moveChildren(bq, d)
		bq.Parent().ReplaceChild(bq.Parent(), bq, d)
	}
}

func (Divs) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindDiv, renderDiv)
}

func renderDiv(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		w.WriteString("</div>\n")
	} else if c := node.(*Div).Class; c != "" {
		w.WriteString(`<div class="` + stdhtml.EscapeString(c) + `">` + "\n")
	} else {
		w.WriteString("<div>\n")
	}
	return ast.WalkContinue, nil
}
