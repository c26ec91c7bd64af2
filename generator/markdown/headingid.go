package markdown

// This file is the heading construct: explicit IDs ("## Title {#id}"), the
// rule that makes IDs from heading text, and the list of headings in
// Result.Headings. goldmark generates the automatic IDs while parsing
// (parser.WithAutoHeadingID with the ids below); the transformer then
// applies explicit ones.

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

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

// Transform applies explicit IDs and records the h2..h6 headings.
func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	src := reader.Source()
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			explicitID(h, src, pc)
			if h.Level >= 2 {
				st.res.Headings = append(st.res.Headings, Heading{Level: h.Level, ID: headingID(h), Text: plaintext.Inline(h, src)})
			}
		}
		return ast.WalkContinue, nil
	})
}

// explicitIDRe is a trailing "{#id}" on a heading.
var explicitIDRe = regexp.MustCompile(`\s*\{#([A-Za-z0-9][A-Za-z0-9_-]*)\}\s*$`)

// explicitID applies a trailing "{#id}" of a heading: the heading takes
// that ID and the marker leaves its text (which may be split over several
// text nodes).
func explicitID(h *ast.Heading, src []byte, pc parser.Context) {
	lines := h.Lines()
	if lines.Len() == 0 {
		return
	}
	line := lines.At(lines.Len() - 1)
	m := explicitIDRe.FindSubmatchIndex(line.Value(src))
	if m == nil {
		return
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
	id := line.Value(src)[m[2]:m[3]]
	h.SetAttributeString("id", []byte(string(id)))
	pc.IDs().Put(id)
}

func headingID(h *ast.Heading) string {
	v, _ := h.AttributeString("id")
	b, _ := v.([]byte)
	return string(b)
}

// Slug makes a heading ID: lower case, every run of characters other than
// letters and digits becomes one "-", trimmed at both ends.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if isWordRune(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
	}
	return isLetter(r) || isDigit(r)
}

// ids generates unique, stable heading IDs for one article. next holds
// the next suffix to try per base, so thousands of equal headings cost
// linear, not quadratic, time.
type ids struct {
	used map[string]bool
	next map[string]int
}

func newIDs() *ids {
	m := map[string]bool{}
	for _, r := range ReservedIDs {
		m[r] = true
	}
	return &ids{used: m, next: map[string]int{}}
}

func (g *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for g.used[id] {
		g.next[base]++
		id = base + "-" + strconv.Itoa(g.next[base])
	}
	g.used[id] = true
	return []byte(id)
}

func (g *ids) Put(value []byte) { g.used[string(value)] = true }
