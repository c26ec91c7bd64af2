// Package markdown turns an article body into HTML with goldmark and
// collects what the rest of the build needs from it in the same pass: the
// headings (for the table of contents and anchor checks), every link with
// its position (for link checking), and plain text by section (for search).
//
// Internal link targets cannot be known until every article is parsed, so
// they are rendered as placeholders (package links) which Fill replaces
// once links are resolved.
package markdown

import (
	"bytes"
	"kbsite/generator/markdown/blocks"
	"sort"
	"sync"

	"kbsite/generator/markdown/bound"
	"kbsite/generator/markdown/decision"
	"kbsite/generator/markdown/docfx"
	"kbsite/generator/markdown/docfx/quote"
	"kbsite/generator/markdown/docfx/tabs"
	"kbsite/generator/markdown/include"
	"kbsite/generator/markdown/links"
	"kbsite/generator/markdown/plaintext"
	"kbsite/generator/markdown/sanitize"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
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
	// Typographer turns quotes, "--" and "..." into typographic
	// punctuation. Off by default: technical docs are copied into
	// terminals, where "wsl –install" fails.
	Typographer bool
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
			"video": "Watch the video", "description": "Description of the image",
		},
	}
}

// callout is the title of a callout kind in the site's language, English
// when it has none.
func (l Labels) callout(key string) string {
	if s := l.Callouts[key]; s != "" {
		return s
	}
	return DefaultLabels().Callouts[key]
}

// The troubleshooter constructs' types (package decision), under the names
// the build uses.
type (
	Decisions       = decision.Set
	StepHeading     = decision.StepHeading
	DecisionCallout = decision.Callout
	Answer          = decision.Answer
)

// Decision kinds.
const (
	DecisionQuestion = decision.Question
	DecisionResolved = decision.Resolved
	DecisionEscalate = decision.Escalate
)

// Heading is one h2..h6 heading of an article.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is one link or image reference found in the body (package links).
type Link = links.Link

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
	// Anchors are the IDs of the anchors written in raw HTML (<a id="x">,
	// <a name="x">) that the page keeps: links may name them like heading
	// IDs.
	Anchors []string
	buf     *bytes.Buffer   // holds HTML, until Release
	text    *plaintext.Text // holds the sections' texts, until Release
}

// Release hands the memory of HTML and of the sections' texts on to the
// next render; the caller must not use them after it. A build packs each
// body it renders (a copy) and renders tens of thousands, each into a
// buffer half as big again as its Markdown.
func (r *Result) Release() {
	if r.buf != nil {
		htmlBufs.Put(r.buf)
		r.buf, r.HTML = nil, nil
	}
	if r.text != nil {
		for i := range r.Sections {
			r.Sections[i].Text = ""
		}
		r.text.Reset()
		textBufs.Put(r.text)
		r.text = nil
	}
}

var (
	htmlBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	textBufs = sync.Pool{New: func() any { return new(plaintext.Text) }}
)

// ReservedIDs are element IDs the article page's layout and scripts use
// (templates/base.html, article.html, partials, assets/*.js); headings
// never take them, and raw HTML anchors may not.
var ReservedIDs = []string{"top", "main", "content", "toc", "toc-title", "summary", "article-title", "related", "feedback-question", "backlinks", "keywords", "search", "search-input", "search-results", "footnotes",
	"translations", "code-copy", "sections-title", "search-popup", "search-listbox"}

// Renderer renders article bodies. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	labels Labels
}

// Transformer priorities (lower runs first): the order in which kbsite's
// constructs rewrite the tree. The DocFX ones run first: images pair
// :::image with :::image-end, and zones ::: zone with ::: zone-end,
// before tabs group sibling blocks, so that a tab group never swallows an
// end marker; leftover directives are reported last among them; tab
// headings must be gone before heading IDs are given, and made links
// before links are recorded. Explicit IDs must be set before anything
// reads a heading's ID, and the leading h1 must be gone before links are
// recorded; steps are read after callouts have dropped their "[!NOTE]"
// markers; back-to-top links go in last.
const (
	prioDocFXImages     = 1
	prioDocFXCode       = 2
	prioDocFXZones      = 3
	prioDocFXTabs       = 4
	prioDocFXQuotes     = 5
	prioDocFXDirectives = 6
	prioHeadingIDs      = 10
	prioTitle           = 20
	prioDecisions       = 50
	prioLinks           = 100
	prioCallouts        = 110
	prioSteps           = 120
	prioBackToTop       = 130
	prioRawHTML         = 140
	prioTables          = 150
)

// extenders is the one list of kbsite's Markdown constructs, each an
// extender in its own file.
func extenders(opts Options, labels Labels) []goldmark.Extender {
	return []goldmark.Extender{
		docfx.Images{Priority: prioDocFXImages},
		docfx.CodeSnippets{Priority: prioDocFXCode},
		docfx.Zones{Priority: prioDocFXZones},
		tabs.Extender{Priority: prioDocFXTabs},
		quote.Divs{Priority: prioDocFXQuotes},
		quote.Videos{Priority: prioDocFXQuotes},
		docfx.InlineDirectives{},
		docfx.Directives{Priority: prioDocFXDirectives},
		headingIDs{},
		title{},
		&decision.Extender{Label: labels.callout, SupportURL: opts.SupportURL, Priority: prioDecisions},
		links.Extender{Priority: prioLinks},
		steps{},
		&blocks.Callouts{Label: labels.callout, Priority: prioCallouts},
		&blocks.BackToTop{Label: labels.BackToTop, Priority: prioBackToTop},
		blocks.CodeBlocks{},
		blocks.Tables{Priority: prioTables},
		sanitize.RawHTML{Allow: opts.RawHTML, Priority: prioRawHTML},
	}
}

// New returns a Renderer.
func New(opts Options, labels Labels) *Renderer {
	exts := []goldmark.Extender{extension.GFM, extension.Footnote, extension.DefinitionList}
	if opts.Typographer {
		exts = append(exts, extension.Typographer)
	}
	exts = append(exts, extenders(opts, labels)...)
	md := goldmark.New(
		goldmark.WithExtensions(exts...),
	)
	return &Renderer{md: md, labels: labels}
}

var resultKey = parser.NewContextKey()

// state is what the AST transformers share during one Render.
type state struct {
	text *bound.Text       // what goldmark parses, with the map to its lines
	inc  *include.Expanded // the includes transcluded, or nil
	res  *Result
	ids  map[string]pageID              // the element IDs given so far (anchors.go)
	pos  func(line, col int) (int, int) // Source.Position, or nil
}

// stateOf returns the state of the Render that pc belongs to, or nil when
// the parser is used outside Render.
func stateOf(pc parser.Context) *state {
	st, _ := pc.Get(resultKey).(*state)
	return st
}

// locate converts an offset of the parsed source to a file line and a
// column in runes, through the include chain: a line of an included file
// is at its include, with the chain in Loc.Chain.
func (st *state) locate(off int) include.Loc {
	line, col := st.text.Position(off)
	if st.inc == nil {
		return st.shift(include.Loc{Line: line, Col: col})
	}
	return st.shift(st.inc.Locate(line, col))
}

// shift moves a position of the body to the file's (Source.Position).
func (st *state) shift(loc include.Loc) include.Loc {
	if st.pos != nil {
		loc.Line, loc.Col = st.pos(loc.Line, loc.Col)
	}
	return loc
}

// position is locate without the chain.
func (st *state) position(off int) (int, int) {
	loc := st.locate(off)
	return loc.Line, loc.Col
}

// problem records a warning at an offset of the parsed source.
func (st *state) problem(off int, msg string) {
	st.problemAt(st.locate(off), msg)
}

func (st *state) problemAt(loc include.Loc, msg string) {
	if loc.Chain != "" {
		msg = loc.Chain + ": " + msg
	}
	st.res.Problems = append(st.res.Problems, Problem{Line: loc.Line, Col: loc.Col, Msg: msg})
}

// Source is an article body to render.
type Source struct {
	Body []byte
	Line int // the file line Body starts on
	// Position, for a body made from another file (an FAQ page's YAML),
	// maps a line and column of the body to that file's; nil for a
	// Markdown file.
	Position func(line, col int) (int, int)
}

// Render renders body, whose first line is line bodyLine of its file.
func (r *Renderer) Render(body []byte, bodyLine int) *Result {
	return r.RenderOpen(Source{Body: body, Line: bodyLine}, nil)
}

// RenderOpen is Render for an article that may include other files of
// the content folder ([!INCLUDE], :::code): open reads them, by a slash
// path relative to the article's folder. With open nil, includes are left
// as written.
func (r *Renderer) RenderOpen(src Source, open include.Open) *Result {
	res := &Result{}
	st := &state{res: res, ids: map[string]pageID{}, pos: src.Position}
	body, bodyLine := src.Body, src.Line
	if open != nil {
		var probs []include.Problem
		st.inc, probs = include.Expand(body, bodyLine, open)
		for _, p := range probs {
			st.problemAt(st.shift(include.Loc{Line: p.Line, Col: p.Col}), p.Msg)
		}
		if st.inc != nil {
			body, bodyLine = st.inc.Src, 1
		}
	}
	txt, limited := bound.Bound(body, bodyLine)
	st.text = txt
	for _, p := range limited {
		loc := include.Loc{Line: p.Line, Col: p.Col}
		if st.inc != nil {
			loc = st.inc.Locate(p.Line, p.Col)
		}
		st.problemAt(st.shift(loc), p.Msg)
	}
	body = txt.Src
	ctx := parser.NewContext()
	ctx.Set(resultKey, st)
	decisions := decision.Start(ctx, st.position)
	found := links.Start(ctx, links.Env{Locate: st.locate, Warn: st.problem})
	env := docfx.Env{Label: r.labels.callout, Warn: st.problem}
	if open != nil {
		env.Read = func(off int, rel string) ([]byte, string, error) {
			name := include.Rebase(st.locate(off).File, rel)
			data, err := open(name)
			return data, name, err
		}
	}
	docfx.Start(ctx, env)
	sanitize.Start(ctx, sanitize.Env{Warn: st.problem, Anchor: st.anchor})
	doc := r.md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	res.Decisions, res.Links = *decisions, *found
	buf := htmlBufs.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Grow(len(body) + len(body)/2)
	res.buf = buf
	if err := r.md.Renderer().Render(bufWriter{buf}, body, doc); err != nil {
		// goldmark only fails on writer errors, which a bytes.Buffer has not.
		res.Problems = append(res.Problems, Problem{Msg: "render: " + err.Error()})
	}
	res.HTML = buf.Bytes()
	res.text = textBufs.Get().(*plaintext.Text)
	res.Sections = sections(doc.(*ast.Document), body, res.text)
	sort.SliceStable(res.Problems, func(i, j int) bool {
		a, b := res.Problems[i], res.Problems[j]
		return a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col)
	})
	return res
}

// bufWriter lets goldmark write straight into a bytes.Buffer: given any
// other writer it puts a 4 KiB bufio.Writer, allocated at each Render, in
// front of it.
type bufWriter struct{ *bytes.Buffer }

var _ util.BufWriter = bufWriter{}

func (bufWriter) Buffered() int { return 0 }
func (bufWriter) Flush() error  { return nil }

// AppendFill appends html to dst with its placeholders replaced: fill
// gets the kind ('L' for a URL, 'T' for link text) and the link's index,
// and returns HTML-escaped text to put in its place (links.AppendFill).
func AppendFill(dst, html []byte, fill func(kind byte, i int) string) []byte {
	return links.AppendFill(dst, html, fill)
}

// sections splits the document's text by heading for the search index,
// the texts of all the sections gathered in b.
func sections(doc *ast.Document, src []byte, b *plaintext.Text) []Section {
	out := []Section{{}}
	b.Grow(len(src))
	flush := func() { out[len(out)-1].Text = b.Cut() }
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level <= 3 {
			flush()
			id, _ := h.AttributeString("id")
			idb, _ := id.([]byte)
			out = append(out, Section{ID: string(idb), Heading: plaintext.Inline(h, src)})
			continue
		}
		plaintext.Block(b, n, src)
	}
	flush()
	if out[0].Text == "" {
		out = out[1:]
	}
	return out
}
