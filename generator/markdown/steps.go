package markdown

// This file is the steps construct: the items of the article's main
// numbered procedure (the first top-level numbered list in a "Resolution"
// section, else the first one) become Result.Steps, for HowTo structured
// data. The list renders as any other.

import (
	"strings"

	"kbsite/generator/markdown/plaintext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// steps is the extender.
type steps struct{}

func (steps) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(steps{}, prioSteps)))
}

// Transform finds the main procedure among the top-level blocks.
func (steps) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	src := reader.Source()
	inResolution, fromResolution := false, false
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 {
				inResolution = strings.Contains(strings.ToLower(plaintext.Inline(n, src)), "resolution")
			}
		case *ast.List:
			if n.IsOrdered() && (st.res.Steps == nil || (inResolution && !fromResolution)) {
				st.res.Steps = listItems(n, src)
				fromResolution = inResolution
			}
		}
	}
}

// listItems returns the plain text of each item of a list.
func listItems(l *ast.List, src []byte) []string {
	var out []string
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		var b plaintext.Text
		plaintext.Block(&b, it, src)
		if t := b.Cut(); t != "" {
			out = append(out, t)
		}
	}
	return out
}
