package docfx

// This file is the inline triple-colon construct: `:::no-loc text="Win + X":::`
// marks words translators must leave alone and renders as its text, and
// `:::image type="icon" source="..." :::` inside a paragraph is an inline
// image. Any other inline ":::name ...:::" is reported and left out.

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// InlineDirectives is the extender.
type InlineDirectives struct{}

func (InlineDirectives) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(InlineDirectives{}, 50)))
}

// inlineRe is ":::name attrs:::" within a line; attribute values are
// quoted, so the first ":::" outside quotes closes it.
var inlineRe = regexp.MustCompile(`^:::([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*:::`)

func (InlineDirectives) Trigger() []byte { return []byte{':'} }

// Parse turns a :::no-loc into a text node over its value, an :::image
// into an Image node, and drops anything else with a warning.
func (InlineDirectives) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	m := inlineRe.FindSubmatchIndex(line)
	if m == nil {
		return nil
	}
	block.Advance(m[1])
	name := strings.ToLower(string(line[m[2]:m[3]]))
	attrs := parseAttrs(string(line[m[4]:m[5]]))
	switch name {
	case "no-loc":
		if v := attrRe.FindSubmatchIndex(line[m[4]:m[5]]); v != nil {
			from, to := v[4], v[5]
			if from < 0 {
				from, to = v[6], v[7]
			}
			return ast.NewTextSegment(text.NewSegment(seg.Start+m[4]+from, seg.Start+m[4]+to))
		}
	case "image":
		if attrs["source"] != "" {
			img := ast.NewImage(ast.NewLink())
			img.Destination = []byte(attrs["source"])
			if attrs["type"] != "icon" && attrs["alt-text"] != "" {
				img.AppendChild(img, ast.NewString([]byte(attrs["alt-text"])))
			}
			img.SetPos(seg.Start)
			return img
		}
	}
	if r := runOf(pc); r != nil {
		r.env.Warn(seg.Start, "unsupported DocFX construct :::"+name+" here; it is left out")
	}
	return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start))
}
