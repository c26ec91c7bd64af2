package quote

// This file is the [!VIDEO] construct: `> [!VIDEO https://...]` becomes a
// plain link to the video, never a frame that loads a third party's page
// by itself.

import (
	"regexp"

	"kbsite/generator/markdown/docfx"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindVideo is a [!VIDEO] blockquote.
var KindVideo = ast.NewNodeKind("DocFXVideo")

// Video holds the link to the video.
type Video struct{ ast.BaseBlock }

func (n *Video) Kind() ast.NodeKind         { return KindVideo }
func (n *Video) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Videos is the extender; Priority orders its transformer.
type Videos struct{ Priority int }

func (e Videos) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

var (
	videoRe   = regexp.MustCompile(`^\s*\[!(?i:video)\s+(\S+?)\s*\]\s*$`)
	youtubeRe = regexp.MustCompile(`^https://www\.youtube(?:-nocookie)?\.com/embed/([\w-]+)`)
)

// Transform puts a Video, then the rest of the blockquote's content, in
// place of each [!VIDEO] blockquote.
func (Videos) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env, ok := docfx.EnvOf(pc)
	if !ok {
		return
	}
	src := reader.Source()
	for _, bq := range blockquotes(doc) {
		m, p := quoteMarker(bq, src, videoRe)
		if m == nil {
			continue
		}
		url := m[1]
		if y := youtubeRe.FindStringSubmatch(url); y != nil {
			url = "https://www.youtube.com/watch?v=" + y[1] // the page, not the player frame
		}
		v := &Video{}
		v.SetLines(p.Lines())
		link := ast.NewLink()
		link.Destination = []byte(url)
		link.AppendChild(link, ast.NewString([]byte(env.Label("video"))))
		v.AppendChild(v, link)
		dropFirstLine(p)
		parent := bq.Parent()
		parent.InsertBefore(parent, bq, v)
		for ch := bq.FirstChild(); ch != nil; ch = bq.FirstChild() {
			parent.InsertBefore(parent, bq, ch)
		}
		parent.RemoveChild(parent, bq)
	}
}

func (Videos) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindVideo, renderVideo)
}

func renderVideo(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<p class="video">`)
	} else {
		w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}
