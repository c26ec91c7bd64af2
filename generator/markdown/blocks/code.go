package blocks

// This file is the code construct: fenced and indented code blocks are
// highlighted with chroma (internal/highlight) at build time.

import (
	"bytes"
	"strings"

	"kbsite/generator/internal/highlight"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// CodeBlocks is the extender.
type CodeBlocks struct{}

func (CodeBlocks) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(CodeBlocks{}, 100)))
}

func (CodeBlocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderCode)
	reg.Register(ast.KindCodeBlock, renderCode)
}

func renderCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if f, ok := node.(*ast.FencedCodeBlock); ok && f.Info != nil {
		info := string(f.Info.Segment.Value(src))
		if i := strings.IndexAny(info, " \t{"); i >= 0 {
			info = info[:i]
		}
		lang = info
	}
	var code bytes.Buffer
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	highlight.Block(w, lang, code.Bytes())
	return ast.WalkSkipChildren, nil
}
