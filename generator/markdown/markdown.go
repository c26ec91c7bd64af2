// Package markdown turns an article body into HTML with goldmark and
// collects what the rest of the build needs from it in the same pass: the
// headings (for the table of contents and anchor checks), every link with
// its position (for link checking), and plain text by section (for search).
//
// Internal link targets cannot be known until every article is parsed, so
// they are rendered as placeholders ("\x00L<n>\x00" for a URL, "\x00T<n>\x00"
// for the text of a link written with empty text) which Fill replaces once
// links are resolved. Sources are NUL-free (article.Parse rejects NUL), so a
// placeholder can never be forged by content.
package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer.
type Options struct {
	// RawHTML lets raw HTML in Markdown through to the page. When false it
	// is shown escaped, as text.
	RawHTML bool
	// SupportURL is linked from ESCALATE callouts when set.
	SupportURL string
}

// Labels are the UI words the renderer writes into article bodies, so
// translated sites can supply their own.
type Labels struct {
	BackToTop string
	Callouts  map[string]string // "note" -> "Note"
}

// DefaultLabels are the English labels.
func DefaultLabels() Labels {
	return Labels{
		BackToTop: "Back to the top",
		Callouts: map[string]string{
			"note": "Note", "tip": "Tip", "important": "Important",
			"warning": "Warning", "caution": "Caution",
			"question": "Question", "resolved": "Solved", "escalate": "Contact support", "support": "Contact the support team",
		},
	}
}

// Heading is one h2..h6 heading of an article.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is one link or image reference found in the body.
type Link struct {
	Dest  string
	Line  int
	Col   int
	Image bool
	// Empty is set for a link written with no text, which takes its
	// target's title.
	Empty bool
	// External links (with a URL scheme or //host) are not placeholders;
	// they are kept as written and only listed.
	External bool
}

// Section is the plain text under one heading (ID "" for text before the
// first heading).
type Section struct {
	ID      string
	Heading string
	Text    string
}

// Problem is a located warning found while rendering.
type Problem struct {
	Line, Col int
	Msg       string
}

// Result is everything one render produces.
type Result struct {
	HTML     []byte
	Headings []Heading
	Links    []Link
	Sections []Section
	// FirstH1 is the text of a leading level-1 heading, which is removed
	// from the body (the page shows the title as its h1); foreign content
	// without a title uses it.
	FirstH1  string
	Problems []Problem
	// Steps are the items of the article's main numbered procedure (the
	// first numbered list in a "Resolution" section, else the first one),
	// for HowTo structured data.
	Steps []string
	// Decisions are the troubleshooter steps and callouts.
	Decisions Decisions
}

// ReservedIDs are element IDs the page layout uses; headings never take them.
var ReservedIDs = []string{"top", "main", "content", "toc", "toc-title", "summary", "article-title", "applies-to", "related", "backlinks", "keywords", "search", "search-input", "search-results", "footnotes"}

// Renderer renders article bodies. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	opts   Options
	labels Labels
}

// New returns a Renderer.
func New(opts Options, labels Labels) *Renderer {
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{raw: opts.RawHTML}, 100)),
	}
	if opts.RawHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			extension.Typographer,
			&decisions{labels: labels, supportURL: opts.SupportURL},
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 100)),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Renderer{md: md, opts: opts, labels: labels}
}

var resultKey = parser.NewContextKey()

// state is what the AST transformer hands over to Render.
type state struct {
	orig     []byte  // the body as written, for positions
	rw       rewrite // what goldmark parses, from bound
	bodyLine int
	labels   Labels
	res      *Result

	lineStarts []int // offsets where lines of orig start, built on first use
	cur        cursor
}

// Render renders body, whose first line is line bodyLine of its file.
func (r *Renderer) Render(body []byte, bodyLine int) *Result {
	res := &Result{}
	rw, limited := bound(body)
	st := &state{orig: body, rw: rw, bodyLine: bodyLine, labels: r.labels, res: res}
	for _, p := range limited {
		line, col := st.origPosition(p.off)
		res.Problems = append(res.Problems, Problem{Line: line, Col: col, Msg: p.msg})
	}
	body = rw.src
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	ctx.Set(resultKey, st)
	doc := r.md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	var buf bytes.Buffer
	buf.Grow(len(body) + len(body)/2)
	if err := r.md.Renderer().Render(&buf, body, doc); err != nil {
		// goldmark only fails on writer errors, which a bytes.Buffer has not.
		res.Problems = append(res.Problems, Problem{Msg: "render: " + err.Error()})
	}
	res.HTML = buf.Bytes()
	res.Sections = sections(doc.(*ast.Document), body)
	return res
}

// Fill replaces the placeholders in html: fill gets the kind ('L' for a
// URL, 'T' for link text) and the link's index, and returns HTML-escaped
// text to put in its place.
func Fill(html []byte, fill func(kind byte, i int) string) []byte {
	if bytes.IndexByte(html, 0) < 0 {
		return html
	}
	out := make([]byte, 0, len(html)+len(html)/8)
	for {
		i := bytes.IndexByte(html, 0)
		if i < 0 {
			return append(out, html...)
		}
		out = append(out, html[:i]...)
		rest := html[i+1:]
		j := bytes.IndexByte(rest, 0)
		if j < 2 {
			// Not a placeholder we wrote; drop the stray byte.
			html = rest
			continue
		}
		n, err := strconv.Atoi(string(rest[1:j]))
		if err != nil {
			html = rest
			continue
		}
		out = append(out, fill(rest[0], n)...)
		html = rest[j+1:]
	}
}

// placeholder returns the marker for link i.
func placeholder(kind byte, i int) string {
	return "\x00" + string(kind) + strconv.Itoa(i) + "\x00"
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

func segValue(s text.Segment, src []byte) []byte { return s.Value(src) }
