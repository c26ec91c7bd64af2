package markdown

// This file is the heading construct: heading IDs by GitHub's rule
// (anchor.GitHub, as github-slugger does, which DocFX, Docusaurus and Hugo
// follow),
// explicit IDs ("## Title {#id}"), and the list of headings in
// Result.Headings, which the link check and its suggestions read.

import (
	"bytes"
	"regexp"

	"kbsite/generator/markdown/anchor"
	"kbsite/generator/markdown/blockwalk"
	"kbsite/generator/markdown/plaintext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingIDs is the extender.
type headingIDs struct{}

func (headingIDs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headingIDs{}, prioHeadingIDs)))
}

// Transform gives every heading its ID, in document order, and records
// the h2..h6 ones. A generated ID avoids the IDs given before it; an
// explicit ID is taken as written, so two equal ones stay visible to the
// checks (the troubleshooter reports duplicate step IDs).
func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	src := reader.Source()
	g := anchor.NewIDs(ReservedIDs...)
	blockwalk.Walk(doc, func(n ast.Node) ast.WalkStatus {
		h, ok := n.(*ast.Heading)
		if !ok {
			return ast.WalkContinue
		}
		id := explicitID(h, src)
		text := plaintext.Inline(h, src) // without an explicit ID's marker
		if id != "" {
			g.Take(id)
		} else {
			id = g.Generate(text)
			h.SetAttributeString("id", []byte(id))
		}
		st.giveHeading(id, h)
		if h.Level >= 2 {
			st.res.Headings = append(st.res.Headings, Heading{Level: h.Level, ID: id, Text: text})
		}
		return ast.WalkContinue
	})
}

// explicitIDRe is a trailing "{#id}" on a heading.
var explicitIDRe = regexp.MustCompile(`\s*\{#([A-Za-z0-9][A-Za-z0-9_-]*)\}\s*$`)

// explicitID applies a trailing "{#id}" of a heading and returns the ID,
// or "": the heading takes that ID and the marker leaves its text (which
// may be split over several text nodes).
func explicitID(h *ast.Heading, src []byte) string {
	lines := h.Lines()
	if lines.Len() == 0 {
		return ""
	}
	line := lines.At(lines.Len() - 1)
	if !bytes.Contains(line.Value(src), []byte("{#")) {
		return "" // most headings: not worth the regular expression
	}
	m := explicitIDRe.FindSubmatchIndex(line.Value(src))
	if m == nil {
		return ""
	}
	cut := line.Start + m[0]
	for ch := h.LastChild(); ch != nil; {
		prev := ch.PreviousSibling()
		t, ok := ch.(*ast.Text)
		if !ok || t.Segment.Stop <= cut {
			break
		}
		if t.Segment.Start >= cut {
			h.RemoveChild(h, t)
		} else {
			t.Segment = t.Segment.WithStop(cut)
		}
		ch = prev
	}
	id := string(line.Value(src)[m[2]:m[3]])
	h.SetAttributeString("id", []byte(id))
	return id
}

func headingID(h *ast.Heading) string {
	v, _ := h.AttributeString("id")
	b, _ := v.([]byte)
	return string(b)
}

// Slug makes a URL slug from a name; see anchor.Slug.
func Slug(s string) string { return anchor.Slug(s) }
