package blocks

// This file is the callout construct: GitHub's alerts, a blockquote whose
// first line is exactly "[!NOTE]" (TIP, IMPORTANT, WARNING, CAUTION),
// become a titled box.

import (
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"kbsite/generator/markdown/blockwalk"
)

// KindCallout is a GitHub-style alert box: "> [!NOTE]".
var KindCallout = ast.NewNodeKind("Callout")

// Callout is a blockquote that starts with a [!TYPE] marker.
type Callout struct {
	ast.BaseBlock
	Variant string // note, tip, important, warning, caution
	Label   string
}

func (n *Callout) Kind() ast.NodeKind { return KindCallout }
func (n *Callout) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Variant": n.Variant}, nil)
}

var calloutTypes = map[string]bool{"note": true, "tip": true, "important": true, "warning": true, "caution": true}

// Callouts is the extender: Label gives each kind's title ("note" ->
// "Note"), Priority orders its transformer among the others.
type Callouts struct {
	Label    func(kind string) string
	Priority int
}

func (e *Callouts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Transform replaces every marked blockquote with a Callout.
func (e *Callouts) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	blockwalk.Walk(doc, func(n ast.Node) ast.WalkStatus {
		if bq, ok := n.(*ast.Blockquote); ok && calloutType(bq, src) != "" {
			quotes = append(quotes, bq)
		}
		return ast.WalkContinue
	})
	var found []*ast.Blockquote
	for _, bq := range quotes {
		found = append(found, splitCallouts(bq, src)...)
	}
	for _, bq := range found {
		toCallout(bq, src, e.Label)
	}
}

// calloutType returns the callout type of a blockquote whose first line is
// exactly "[!TYPE]", or "".
func calloutType(bq *ast.Blockquote, src []byte) string {
	return markerType(bq.FirstChild(), src)
}

// splitCallouts splits a callout quote at each later paragraph that is a
// marker of its own: DocFX (and so Microsoft Learn) reads "> [!NOTE] ...
// > (blank) > [!TIP] ..." as two callouts, while the Markdown is one
// quote. It returns the quotes, the first being bq.
func splitCallouts(bq *ast.Blockquote, src []byte) []*ast.Blockquote {
	out := []*ast.Blockquote{bq}
	cur := bq
	for ch := bq.FirstChild().NextSibling(); ch != nil; {
		next := ch.NextSibling()
		if markerType(ch, src) != "" {
			nb := ast.NewBlockquote()
			cur.Parent().InsertAfter(cur.Parent(), cur, nb)
			cur = nb
			out = append(out, nb)
		}
		if cur != bq {
			cur.AppendChild(cur, ch)
		}
		ch = next
	}
	return out
}

// markerType is the callout type of a paragraph whose first line is
// exactly "[!TYPE]", or "".
func markerType(n ast.Node, src []byte) string {
	p, ok := n.(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	seg := p.Lines().At(0)
	first := strings.TrimSpace(string(seg.Value(src)))
	if len(first) < 4 || !strings.HasPrefix(first, "[!") || !strings.HasSuffix(first, "]") {
		return ""
	}
	t := strings.ToLower(first[2 : len(first)-1])
	if !calloutTypes[t] {
		return ""
	}
	return t
}

// toCallout replaces a marked blockquote with a Callout holding its
// content minus the marker line.
func toCallout(bq *ast.Blockquote, src []byte, label func(string) string) {
	t := calloutType(bq, src)
	c := &Callout{Variant: t, Label: label(t)}
	p := bq.FirstChild().(*ast.Paragraph)
	markerEnd := p.Lines().At(0).Stop
	for ch := p.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		if t, ok := ch.(*ast.Text); ok && t.Segment.Stop <= markerEnd {
			p.RemoveChild(p, ch)
		} else {
			break
		}
		ch = next
	}
	if p.ChildCount() == 0 {
		bq.RemoveChild(bq, p)
	} else {
		lines := p.Lines()
		rest := text.NewSegments()
		for i := 1; i < lines.Len(); i++ {
			rest.Append(lines.At(i))
		}
		p.SetLines(rest)
	}
	for ch := bq.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		c.AppendChild(c, ch)
		ch = next
	}
	bq.Parent().ReplaceChild(bq.Parent(), bq, c)
}

func (e *Callouts) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, e.render)
}

func (e *Callouts) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Callout)
	if entering {
		w.WriteString(`<div class="callout callout-` + n.Variant + `" role="note">` + "\n")
		w.WriteString(`<p class="callout-title"><span class="callout-icon" aria-hidden="true"></span>` + stdhtml.EscapeString(n.Label) + "</p>\n")
	} else {
		w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}
