package docfx

// This file is the :::image construct:
//
//	:::image type="content" source="media/x.png" alt-text="..." lightbox="media/x-big.png" border="false":::
//
// type "content" (the default) is a figure, "icon" a decorative image
// (empty alt text) and "complex" a figure whose long description follows,
// up to ":::image-end:::", in a <details> that works without JavaScript.
// A lightbox links the image to its larger version.

import (
	stdhtml "html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindFigure is an :::image.
var KindFigure = ast.NewNodeKind("DocFXImage")

// Figure holds the image (in a link for a lightbox) and, for a complex
// image, an ImageDescription.
type Figure struct {
	ast.BaseBlock
	Variant string // content, icon or complex
	Border  bool
}

func (n *Figure) Kind() ast.NodeKind { return KindFigure }
func (n *Figure) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Variant": n.Variant}, nil)
}

// KindImageDescription is the long description of a complex image.
var KindImageDescription = ast.NewNodeKind("DocFXImageDescription")

// ImageDescription holds the blocks between :::image and :::image-end:::.
type ImageDescription struct {
	ast.BaseBlock
	Label string
}

func (n *ImageDescription) Kind() ast.NodeKind         { return KindImageDescription }
func (n *ImageDescription) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Images is the extender; Priority orders its transformer.
type Images struct{ Priority int }

func (e Images) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Transform replaces each :::image directive with a Figure.
func (Images) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	r := runOf(pc)
	if r == nil {
		return
	}
	for _, d := range directives(doc) {
		if d.Name == "image" {
			r.image(d)
		}
	}
}

func (r *run) image(d *Directive) {
	at := d.Lines().At(0).Start
	a := d.Attrs
	fig := &Figure{Variant: a["type"], Border: a["border"] != "false"}
	switch fig.Variant {
	case "":
		fig.Variant = "content"
	case "content", "icon", "complex":
	default:
		r.env.Warn(at, "unknown :::image type \""+fig.Variant+"\"; shown as a content image")
		fig.Variant = "content"
	}
	if a["source"] == "" {
		r.env.Warn(at, ":::image without a source; it is left out")
		d.Parent().RemoveChild(d.Parent(), d)
		return
	}
	if a["alt-text"] == "" && fig.Variant != "icon" {
		r.env.Warn(at, ":::image without alt-text; screen readers get no description of it")
	}
	fig.SetLines(d.Lines())
	img := ast.NewImage(ast.NewLink())
	img.Destination = []byte(a["source"])
	if fig.Variant != "icon" {
		img.AppendChild(img, ast.NewString([]byte(a["alt-text"])))
	}
	var inner ast.Node = img
	if a["lightbox"] != "" {
		link := ast.NewLink()
		link.Destination = []byte(a["lightbox"])
		link.AppendChild(link, img)
		inner = link
	}
	fig.AppendChild(fig, inner)
	d.Parent().ReplaceChild(d.Parent(), d, fig)
	if fig.Variant == "complex" {
		desc := &ImageDescription{Label: r.env.Label("description")}
		if !takeUntil(fig, "image-end", desc) {
			r.env.Warn(at, ":::image type=\"complex\" without :::image-end:::; the rest of its section is taken as its description")
		}
		fig.AppendChild(fig, desc)
	}
}

func (Images) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigure, renderFigure)
	reg.Register(KindImageDescription, renderImageDescription)
}

func renderFigure(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Figure)
	tag, class := "figure", "image image-"+n.Variant
	if n.Variant == "icon" {
		tag = "p"
	} else if n.Border {
		class += " image-border"
	}
	if entering {
		w.WriteString("<" + tag + ` class="` + class + `">`)
	} else {
		w.WriteString("</" + tag + ">\n")
	}
	return ast.WalkContinue, nil
}

func renderImageDescription(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString("\n<details class=\"image-description\">\n<summary>" + stdhtml.EscapeString(node.(*ImageDescription).Label) + "</summary>\n")
	} else {
		w.WriteString("</details>\n")
	}
	return ast.WalkContinue, nil
}
