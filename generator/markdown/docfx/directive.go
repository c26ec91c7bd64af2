package docfx

// This file is the triple-colon construct: a line ":::name attrs:::" (or
// "::: zone pivot=..." without the closing colons) is a Directive block.
// The image and zone transformers turn theirs into real HTML; any other
// left over is reported, naming it, and dropped.

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"kbsite/generator/markdown/blockwalk"
)

// KindDirective is a ":::name" line.
var KindDirective = ast.NewNodeKind("Directive")

// Directive is one ":::name attrs:::" line.
type Directive struct {
	ast.BaseBlock
	Name  string // lower case: image, image-end, zone, zone-end, code, ...
	Attrs map[string]string
}

func (n *Directive) Kind() ast.NodeKind { return KindDirective }

// IsRaw keeps goldmark from parsing the line as inline content.
func (n *Directive) IsRaw() bool { return true }
func (n *Directive) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Name}, nil)
}

// Directives is the extender; Priority orders its transformer.
type Directives struct{ Priority int }

func (e Directives) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(directiveParser{}, 50)),
		parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
}

var directiveRe = regexp.MustCompile(`^:::\s*([A-Za-z][\w-]*)(.*)$`)

// inlineOnly are the triple-colon constructs that live inside a paragraph.
var inlineOnly = map[string]bool{"no-loc": true}

type directiveParser struct{}

func (directiveParser) Trigger() []byte { return []byte{':'} }

func (directiveParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	trimmed := bytes.TrimLeft(line, " \t")
	m := directiveRe.FindSubmatch(bytes.TrimRight(trimmed, " \t\r\n"))
	if m == nil || inlineOnly[strings.ToLower(string(m[1]))] {
		return nil, parser.NoChildren
	}
	rest := strings.TrimSuffix(strings.TrimSpace(string(m[2])), ":::")
	n := &Directive{Name: strings.ToLower(string(m[1])), Attrs: parseAttrs(rest)}
	start := seg.Start + len(line) - len(trimmed)
	n.Lines().Append(text.NewSegment(start, seg.Stop))
	reader.Advance(seg.Len() - 1)
	return n, parser.NoChildren
}

func (directiveParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.Close
}

func (directiveParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (directiveParser) CanInterruptParagraph() bool                                { return true }
func (directiveParser) CanAcceptIndentedLine() bool                                { return false }

// Transform reports and drops the directives no construct took.
func (Directives) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	r := runOf(pc)
	if r == nil {
		return
	}
	for _, n := range directives(doc) {
		msg := "unsupported DocFX construct :::" + n.Name + "; it is left out"
		switch n.Name {
		case "image-end":
			msg = ":::image-end::: without a :::image type=\"complex\" before it; it is left out"
		case "zone-end":
			msg = "::: zone-end without a ::: zone before it; it is left out"
		}
		r.env.Warn(n.Lines().At(0).Start, msg)
		n.Parent().RemoveChild(n.Parent(), n)
	}
}

// directives returns the Directive nodes under n, in document order.
func directives(n ast.Node) []*Directive {
	var out []*Directive
	blockwalk.Walk(n, func(c ast.Node) ast.WalkStatus {
		if d, ok := c.(*Directive); ok {
			out = append(out, d)
		}
		return ast.WalkContinue
	})
	return out
}

// takeUntil moves the siblings after from, up to the first Directive named
// end, into dst, removes that end marker, and reports whether it was found.
func takeUntil(from ast.Node, end string, dst ast.Node) bool {
	parent := from.Parent()
	for c := from.NextSibling(); c != nil; {
		next := c.NextSibling()
		if d, ok := c.(*Directive); ok && d.Name == end {
			parent.RemoveChild(parent, d)
			return true
		}
		dst.AppendChild(dst, c)
		c = next
	}
	return false
}
