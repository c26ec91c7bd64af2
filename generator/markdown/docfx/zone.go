package docfx

// This file is the zone construct: the blocks between
// `::: zone pivot="windows"` and `::: zone-end` are one variant of the
// article (DocFX shows the one the reader picked). kbsite shows every
// zone in order, each under a label naming its pivot.

import (
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindZone is a ::: zone.
var KindZone = ast.NewNodeKind("DocFXZone")

// Zone holds the blocks of one zone.
type Zone struct {
	ast.BaseBlock
	Pivot string // as written: one or more comma-separated pivot IDs
}

func (n *Zone) Kind() ast.NodeKind { return KindZone }
func (n *Zone) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Pivot": n.Pivot}, nil)
}

// Zones is the extender; Priority orders its transformer.
type Zones struct{ Priority int }

func (e Zones) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Transform gathers each zone's blocks into a Zone.
func (Zones) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	r := runOf(pc)
	if r == nil {
		return
	}
	for _, d := range directives(doc) {
		if d.Name != "zone" || d.Parent() == nil {
			continue
		}
		at := d.Lines().At(0).Start
		z := &Zone{Pivot: d.Attrs["pivot"]}
		if z.Pivot == "" {
			z.Pivot = d.Attrs["target"]
		}
		z.SetLines(d.Lines())
		if !takeUntil(d, "zone-end", z) {
			r.env.Warn(at, "::: zone without ::: zone-end; it runs to the end of its section")
		}
		d.Parent().ReplaceChild(d.Parent(), d, z)
	}
}

func (Zones) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindZone, renderZone)
}

func renderZone(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Zone)
	if !entering {
		w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	pivots := strings.Split(n.Pivot, ",")
	for i := range pivots {
		pivots[i] = strings.TrimSpace(pivots[i])
	}
	p := stdhtml.EscapeString(strings.Join(pivots, ", "))
	w.WriteString(`<div class="zone" data-pivot="` + stdhtml.EscapeString(strings.Join(pivots, " ")) + `">` + "\n")
	w.WriteString(`<p class="zone-label">` + p + "</p>\n")
	return ast.WalkContinue, nil
}
