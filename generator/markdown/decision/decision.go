// Package decision is the troubleshooter construct: the QUESTION, RESOLVED
// and ESCALATE callouts, in goldmark's extender shape (node kinds, an AST
// transformer, a renderer and Extend). It renders plain HTML that reads as
// a normal article (answers are ordinary links in a list) and records what
// the troubleshooter checks need in a Set. Which articles are
// troubleshooters is the build's business; the constructs render the same
// in any article.
package decision

import (
	stdhtml "html"
	"regexp"
	"strings"

	"kbsite/generator/markdown/blockwalk"
	"kbsite/generator/markdown/linkurl"
	"kbsite/generator/markdown/plaintext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Decision kinds, as written after "[!" (lower-cased).
const (
	Question = "question"
	Resolved = "resolved"
	Escalate = "escalate"
)

// Set is what the troubleshooter constructs of one article hold, in
// document order, with file positions.
type Set struct {
	// Steps are the article's top-level ## headings.
	Steps []StepHeading
	// Callouts are its QUESTION, RESOLVED and ESCALATE callouts.
	Callouts []Callout
}

// StepHeading is one ## heading.
type StepHeading struct {
	ID, Text  string
	Line, Col int
}

// Callout is one QUESTION, RESOLVED or ESCALATE callout.
type Callout struct {
	Kind string // Question, Resolved or Escalate
	// Step is the index in Set.Steps of the ## section the callout
	// is in, -1 before the first.
	Step int
	Text string // the question, or the outcome's first paragraph
	// Answers are the question's list items (nil for outcomes).
	Answers   []Answer
	Line, Col int
}

// Answer is one list item of a question: its link, or Dest "" when the
// item has none.
type Answer struct {
	Text      string
	Dest      string
	Line, Col int
}

// KindNode is a QUESTION, RESOLVED or ESCALATE callout.
var KindNode = ast.NewNodeKind("Decision")

// Node is a troubleshooter callout. For a question, the first child is
// a Title holding the question.
type Node struct {
	ast.BaseBlock
	Variant string
	Label   string
}

func (n *Node) Kind() ast.NodeKind { return KindNode }
func (n *Node) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Variant": n.Variant}, nil)
}

// KindTitle is the question of a QUESTION callout.
var KindTitle = ast.NewNodeKind("DecisionTitle")

// Title holds the inline content of a question.
type Title struct{ ast.BaseBlock }

func (n *Title) Kind() ast.NodeKind         { return KindTitle }
func (n *Title) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Extender is the construct. Label gives a UI word in the site's
// language ("question", "resolved", "escalate", "support"); SupportURL,
// when set, is linked from every ESCALATE callout; Priority places the
// transformer among the others.
type Extender struct {
	Label      func(key string) string
	SupportURL string
	Priority   int
}

// Extend registers the transformer and renderer.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&decisionTransformer{e}, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&decisionRenderer{e}, 100)))
}

var runKey = parser.NewContextKey()

// run is one render's state: where offsets are in the file, and the set.
type run struct {
	pos func(off int) (int, int)
	set *Set
}

// Start prepares a parser context for one render: pos maps offsets of the
// parsed source to file lines and columns. The returned Set is filled in
// by the parse.
func Start(pc parser.Context, pos func(off int) (int, int)) *Set {
	r := &run{pos: pos, set: &Set{}}
	pc.Set(runKey, r)
	return r.set
}

type decisionTransformer struct{ e *Extender }

var markerRe = regexp.MustCompile(`^\[!([A-Za-z]+)\]`)

func (t *decisionTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(runKey).(*run)
	if st == nil {
		return
	}
	src := reader.Source()
	d := st.set
	step := -1
	var found []*ast.Blockquote
	blockwalk.Walk(doc, func(n ast.Node) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 && n.Parent() == doc {
				step = len(d.Steps)
				line, _ := st.pos(blockStart(n))
				d.Steps = append(d.Steps, StepHeading{ID: headingID(n), Text: plaintext.Inline(n, src), Line: line, Col: 1})
			}
		case *ast.Blockquote:
			if kind := decisionKind(n, src); kind != "" {
				found = append(found, n)
				line, col := st.pos(blockStart(n.FirstChild()))
				d.Callouts = append(d.Callouts, Callout{Kind: kind, Step: step, Line: line, Col: col})
			}
		}
		return ast.WalkContinue
	})
	for i, bq := range found {
		t.convert(bq, src, st, &d.Callouts[i])
	}
}

// convert replaces a marked blockquote with a Node and fills in the
// callout's text and answers.
func (t *decisionTransformer) convert(bq *ast.Blockquote, src []byte, st *run, c *Callout) {
	n := &Node{Variant: c.Kind, Label: t.e.Label(c.Kind)}
	p := bq.FirstChild().(*ast.Paragraph)
	stripMarker(p, src)
	for ch := bq.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		n.AppendChild(n, ch)
		ch = next
	}
	bq.Parent().ReplaceChild(bq.Parent(), bq, n)
	if p.ChildCount() == 0 {
		n.RemoveChild(n, p)
		p = nil
	}
	if p != nil {
		c.Text = plaintext.Inline(p, src)
	}
	if c.Kind != Question {
		return
	}
	if p != nil {
		title := &Title{}
		for ch := p.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			title.AppendChild(title, ch)
			ch = next
		}
		n.ReplaceChild(n, p, title)
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if l, ok := ch.(*ast.List); ok {
			l.SetAttributeString("class", []byte("answers"))
			c.Answers = answers(l, src, st)
			break
		}
	}
}

// answers reads the items of a question's list: each item's first link.
func answers(l *ast.List, src []byte, st *run) []Answer {
	var out []Answer
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		a := Answer{Text: plaintext.Inline(it, src)}
		a.Line, a.Col = st.pos(blockStart(it.FirstChild()))
		ast.Walk(it, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if link, ok := n.(*ast.Link); ok && entering {
				a.Text, a.Dest = plaintext.Inline(link, src), linkurl.Decode(link.Destination)
				a.Line, a.Col = st.pos(link.Pos())
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
		out = append(out, a)
	}
	return out
}

// decisionKind returns the kind of a blockquote whose first line starts
// with [!QUESTION], [!RESOLVED] or [!ESCALATE], or "".
func decisionKind(bq *ast.Blockquote, src []byte) string {
	p, ok := bq.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	first := p.Lines().At(0)
	m := markerRe.FindSubmatch(first.Value(src))
	if m == nil {
		return ""
	}
	switch k := strings.ToLower(string(m[1])); k {
	case Question, Resolved, Escalate:
		return k
	}
	return ""
}

// stripMarker removes the "[!KIND]" marker (and the spaces after it) from
// the start of a paragraph's inline content.
func stripMarker(p *ast.Paragraph, src []byte) {
	first := p.Lines().At(0)
	end := first.Start + len(markerRe.Find(first.Value(src)))
	for ch := p.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		t, ok := ch.(*ast.Text)
		if !ok || t.Segment.Start >= end {
			break
		}
		if t.Segment.Stop <= end {
			p.RemoveChild(p, ch)
			ch = next
			continue
		}
		seg := t.Segment.WithStart(end)
		t.Segment = seg.TrimLeftSpace(src)
		break
	}
	if t, ok := p.FirstChild().(*ast.Text); ok && t.Segment.Len() == 0 && t.SoftLineBreak() {
		p.RemoveChild(p, t) // the marker was alone on its line
	}
}

// blockStart is the offset where a block's first line starts, or -1.
func blockStart(n ast.Node) int {
	if n == nil || n.Lines().Len() == 0 {
		return -1
	}
	return n.Lines().At(0).Start
}

type decisionRenderer struct{ e *Extender }

func (r *decisionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindNode, r.decision)
	reg.Register(KindTitle, r.title)
}

// decision renders like the other callouts, with the variant's label as
// title (a question's title is its question) and, for ESCALATE, a link to
// support when the site has one.
func (r *decisionRenderer) decision(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Node)
	if !entering {
		if n.Variant == Escalate && r.e.SupportURL != "" {
			w.WriteString(`<p class="support-link"><a href="` + stdhtml.EscapeString(r.e.SupportURL) + `">` +
				stdhtml.EscapeString(r.e.Label("support")) + "</a></p>\n")
		}
		w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString(`<div class="callout callout-` + n.Variant + `" data-decision="` + n.Variant + `">` + "\n")
	if n.Variant != Question {
		w.WriteString(`<p class="callout-title"><span class="callout-icon" aria-hidden="true"></span>` + stdhtml.EscapeString(n.Label) + "</p>\n")
	}
	return ast.WalkContinue, nil
}

func (r *decisionRenderer) title(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<p class="callout-title question"><span class="callout-icon" aria-hidden="true"></span>`)
	} else {
		w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

// headingID is the ID goldmark or an explicit "{#id}" gave h.
func headingID(h *ast.Heading) string {
	v, _ := h.AttributeString("id")
	b, _ := v.([]byte)
	return string(b)
}
