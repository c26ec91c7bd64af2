package markdown

// This file is the heading construct: heading IDs by GitHub's rule (the
// one github-slugger implements, which DocFX, Docusaurus and Hugo follow),
// explicit IDs ("## Title {#id}"), and the list of headings in
// Result.Headings, which the link check and its suggestions read.

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
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

// Transform gives every heading its ID and records the h2..h6 ones.
// Explicit IDs are taken first, so a generated ID never takes one.
func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	src := reader.Source()
	var hs []*ast.Heading
	explicit := map[*ast.Heading]bool{}
	g := newIDs()
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			hs = append(hs, h)
			if id := explicitID(h, src); id != "" {
				explicit[h] = true
				g.used[id] = true
			}
		}
		return ast.WalkContinue, nil
	})
	for _, h := range hs {
		text := plaintext.Inline(h, src)
		if !explicit[h] {
			h.SetAttributeString("id", []byte(g.generate(text)))
		}
		if h.Level >= 2 {
			st.res.Headings = append(st.res.Headings, Heading{Level: h.Level, ID: headingID(h), Text: text})
		}
	}
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

// Slug makes a URL slug from a name (keywords, index letters): lower
// case, every run of characters other than letters and digits becomes
// one "-", trimmed at both ends. Headings use githubSlug instead.
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

// githubSlug is GitHub's heading anchor rule (github-slugger): lower
// case; letters, marks, numbers, "-" and "_" (connector punctuation) kept;
// each space becomes "-"; everything else dropped. Runs are not collapsed,
// so "Step 4 - Download" is "step-4---download".
func githubSlug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ids makes unique heading IDs for one article, as github-slugger does:
// a repeat gets "-1", "-2", ... next holds the next suffix to try per
// base, so thousands of equal headings cost linear, not quadratic, time.
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

// generate returns the ID for a heading with this text. An empty slug
// becomes "section", since an element ID cannot be empty.
func (g *ids) generate(text string) string {
	base := githubSlug(text)
	if base == "" {
		base = "section"
	}
	id := base
	for g.used[id] {
		g.next[base]++
		id = base + "-" + strconv.Itoa(g.next[base])
	}
	g.used[id] = true
	return id
}
