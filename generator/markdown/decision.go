package markdown

// This file is the troubleshooter construct: the QUESTION, RESOLVED and
// ESCALATE callouts and explicit heading IDs ("## Title {#id}"), in
// goldmark's extender shape (node kinds, an AST transformer, a renderer and
// Extend). It renders plain HTML that reads as a normal article (answers
// are ordinary links in a list) and records what the troubleshooter checks
// need in Result.Decisions. Which articles are troubleshooters is the
// build's business; the constructs render the same in any article.

import (
	stdhtml "html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Decision kinds, as written after "[!" (lower-cased).
const (
	DecisionQuestion = "question"
	DecisionResolved = "resolved"
	DecisionEscalate = "escalate"
)

// Decisions is what the troubleshooter constructs of one article hold, in
// document order, with file positions.
type Decisions struct {
	// Steps are the article's top-level ## headings.
	Steps []StepHeading
	// Callouts are its QUESTION, RESOLVED and ESCALATE callouts.
	Callouts []DecisionCallout
}

// StepHeading is one ## heading.
type StepHeading struct {
	ID, Text  string
	Line, Col int
}

// DecisionCallout is one QUESTION, RESOLVED or ESCALATE callout.
type DecisionCallout struct {
	Kind string // DecisionQuestion, DecisionResolved or DecisionEscalate
	// Step is the index in Decisions.Steps of the ## section the callout
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

// KindDecision is a QUESTION, RESOLVED or ESCALATE callout.
var KindDecision = ast.NewNodeKind("Decision")

// Decision is a troubleshooter callout. For a question, the first child is
// a DecisionTitle holding the question.
type Decision struct {
	ast.BaseBlock
	Variant string
	Label   string
}

func (n *Decision) Kind() ast.NodeKind { return KindDecision }
func (n *Decision) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Variant": n.Variant}, nil)
}

// KindDecisionTitle is the question of a QUESTION callout.
var KindDecisionTitle = ast.NewNodeKind("DecisionTitle")

// DecisionTitle holds the inline content of a question.
type DecisionTitle struct{ ast.BaseBlock }

func (n *DecisionTitle) Kind() ast.NodeKind         { return KindDecisionTitle }
func (n *DecisionTitle) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// decisions is the extender. supportURL, when set, is linked from every
// ESCALATE callout.
type decisions struct {
	labels     Labels
	supportURL string
}

// Extend registers the transformer and renderer. The transformer runs
// before the shared one, so links inside the callouts are still recorded
// and checked like any other.
func (e *decisions) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&decisionTransformer{e}, 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&decisionRenderer{e}, 100)))
}

// label is a UI word in the site's language, English when it has none.
func (e *decisions) label(key string) string {
	if l := e.labels.Callouts[key]; l != "" {
		return l
	}
	return DefaultLabels().Callouts[key]
}

type decisionTransformer struct{ e *decisions }

var markerRe = regexp.MustCompile(`^\[!([A-Za-z]+)\]`)

// explicitIDRe is a trailing "{#id}" on a heading.
var explicitIDRe = regexp.MustCompile(`\s*\{#([A-Za-z0-9][A-Za-z0-9_-]*)\}\s*$`)

func (t *decisionTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(resultKey).(*state)
	if st == nil {
		return
	}
	src := reader.Source()
	d := &st.res.Decisions
	step := -1
	var found []*ast.Blockquote
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			explicitID(n, src, pc)
			if n.Level == 2 && n.Parent() == doc {
				step = len(d.Steps)
				line, _ := st.position(blockStart(n))
				d.Steps = append(d.Steps, StepHeading{ID: headingID(n), Text: plainText(n, src), Line: line, Col: 1})
			}
		case *ast.Blockquote:
			if kind := decisionKind(n, src); kind != "" {
				found = append(found, n)
				line, col := st.position(blockStart(n.FirstChild()))
				d.Callouts = append(d.Callouts, DecisionCallout{Kind: kind, Step: step, Line: line, Col: col})
			}
		}
		return ast.WalkContinue, nil
	})
	for i, bq := range found {
		t.convert(bq, src, st, &d.Callouts[i])
	}
}

// convert replaces a marked blockquote with a Decision and fills in the
// callout's text and answers.
func (t *decisionTransformer) convert(bq *ast.Blockquote, src []byte, st *state, c *DecisionCallout) {
	n := &Decision{Variant: c.Kind, Label: t.e.label(c.Kind)}
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
		c.Text = plainText(p, src)
	}
	if c.Kind != DecisionQuestion {
		return
	}
	if p != nil {
		title := &DecisionTitle{}
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
func answers(l *ast.List, src []byte, st *state) []Answer {
	var out []Answer
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		a := Answer{Text: plainText(it, src)}
		a.Line, a.Col = st.position(blockStart(it.FirstChild()))
		ast.Walk(it, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if link, ok := n.(*ast.Link); ok && entering {
				a.Text, a.Dest = plainText(link, src), destination(link.Destination)
				a.Line, a.Col = st.position(st.offsetOf(link))
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
	m := markerRe.FindSubmatch(segValue(p.Lines().At(0), src))
	if m == nil {
		return ""
	}
	switch k := strings.ToLower(string(m[1])); k {
	case DecisionQuestion, DecisionResolved, DecisionEscalate:
		return k
	}
	return ""
}

// stripMarker removes the "[!KIND]" marker (and the spaces after it) from
// the start of a paragraph's inline content.
func stripMarker(p *ast.Paragraph, src []byte) {
	first := p.Lines().At(0)
	end := first.Start + len(markerRe.Find(segValue(first, src)))
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

// blockStart is the offset where a block's first line starts, or -1.
func blockStart(n ast.Node) int {
	if n == nil || n.Lines().Len() == 0 {
		return -1
	}
	return n.Lines().At(0).Start
}

type decisionRenderer struct{ e *decisions }

func (r *decisionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindDecision, r.decision)
	reg.Register(KindDecisionTitle, r.title)
}

// decision renders like the other callouts, with the variant's label as
// title (a question's title is its question) and, for ESCALATE, a link to
// support when the site has one.
func (r *decisionRenderer) decision(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Decision)
	if !entering {
		if n.Variant == DecisionEscalate && r.e.supportURL != "" {
			w.WriteString(`<p class="support-link"><a href="` + stdhtml.EscapeString(r.e.supportURL) + `">` +
				stdhtml.EscapeString(r.e.label("support")) + "</a></p>\n")
		}
		w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString(`<div class="callout callout-` + n.Variant + `" data-decision="` + n.Variant + `">` + "\n")
	if n.Variant != DecisionQuestion {
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
