package markdown

import (
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindCallout is a GitHub-style alert box: "> [!NOTE]".
var KindCallout = ast.NewNodeKind("Callout")

// Callout is a blockquote that starts with a [!TYPE] marker.
type Callout struct {
	ast.BaseBlock
	Variant string // note, tip, important, warning, caution
	Label   string
}

func (n *Callout) Kind() ast.NodeKind { return KindCallout }
func (n *Callout) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Variant": n.Variant}, nil)
}

// KindBackToTop is the "Back to the top" link that ends each section.
var KindBackToTop = ast.NewNodeKind("BackToTop")

// BackToTop is a link back to the top of the page.
type BackToTop struct {
	ast.BaseBlock
	Label string
}

func (n *BackToTop) Kind() ast.NodeKind         { return KindBackToTop }
func (n *BackToTop) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Attribute names the transformer leaves on link nodes for the renderer.
var (
	attrLink   = []byte("data-kbsite-link")
	attrUnsafe = []byte("data-kbsite-unsafe")
)

var calloutTypes = map[string]bool{"note": true, "tip": true, "important": true, "warning": true, "caution": true}

type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(resultKey).(*state)
	if st == nil {
		return
	}
	src := reader.Source()
	res := st.res

	// A leading h1 duplicates the page title: take it out of the body.
	if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 {
		res.FirstH1 = plainText(h, src)
		doc.RemoveChild(doc, h)
	}

	var callouts []*ast.Blockquote
	var h2s []*ast.Heading
	stepsFromResolution := false
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			if n.Level >= 2 {
				res.Headings = append(res.Headings, Heading{Level: n.Level, ID: string(idb), Text: plainText(n, src)})
			}
			if n.Level == 2 && n.Parent() == doc {
				h2s = append(h2s, n)
			}
		case *ast.Blockquote:
			if calloutType(n, src) != "" {
				callouts = append(callouts, n)
			}
		case *ast.List:
			if n.IsOrdered() && n.Parent() == doc {
				inResolution := len(h2s) > 0 && strings.Contains(strings.ToLower(plainText(h2s[len(h2s)-1], src)), "resolution")
				if res.Steps == nil || (inResolution && !stepsFromResolution) {
					res.Steps = listItems(n, src)
					stepsFromResolution = inResolution
				}
			}
		case *ast.Link:
			st.link(n, destination(n.Destination), false, !hasText(n))
		case *ast.Image:
			st.link(n, destination(n.Destination), true, false)
		case *ast.AutoLink:
			if dangerous(string(n.URL(src))) {
				n.SetAttribute(attrUnsafe, []byte("1"))
				st.unsafe(n, string(n.URL(src)))
			} else {
				line, col := st.position(st.offsetOf(n))
				st.res.Links = append(st.res.Links, Link{Dest: string(n.URL(src)), Line: line, Col: col, External: true})
			}
		}
		return ast.WalkContinue, nil
	})
	for _, bq := range callouts {
		toCallout(bq, src, st.labels)
	}
	for i, h := range h2s {
		if i > 0 {
			doc.InsertBefore(doc, h, &BackToTop{Label: st.labels.BackToTop})
		}
	}
	if len(h2s) > 0 {
		doc.AppendChild(doc, &BackToTop{Label: st.labels.BackToTop})
	}
}

// link records a link or image. Internal targets get a placeholder index;
// dangerous schemes are marked so the renderer drops the URL.
func (st *state) link(n ast.Node, dest string, image, empty bool) {
	line, col := st.position(st.offsetOf(n))
	if dangerous(dest) && !(image && isDataImage(dest)) {
		n.SetAttribute(attrUnsafe, []byte("1"))
		st.unsafe(n, dest)
		return
	}
	l := Link{Dest: dest, Line: line, Col: col, Image: image, Empty: empty, External: isExternal(dest)}
	if !l.External {
		n.SetAttribute(attrLink, []byte(strconv.Itoa(len(st.res.Links))))
	}
	st.res.Links = append(st.res.Links, l)
}

func (st *state) unsafe(n ast.Node, dest string) {
	line, col := st.position(st.offsetOf(n))
	st.res.Problems = append(st.res.Problems, Problem{Line: line, Col: col,
		Msg: "unsafe link " + strconv.Quote(truncate(dest, 60)) + " removed (scripts in links are not allowed)"})
}

// offsetOf is where the Markdown of an inline node starts: goldmark records
// it (the "[" of a link, the "!" of an image, the "<" of an autolink);
// nodes without one fall back to the start of their enclosing block.
func (st *state) offsetOf(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return -1
}

func hasText(n ast.Node) bool { return n.HasChildren() }

// calloutType returns the callout type of a blockquote whose first line is
// exactly "[!TYPE]", or "".
func calloutType(bq *ast.Blockquote, src []byte) string {
	p, ok := bq.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	first := strings.TrimSpace(string(segValue(p.Lines().At(0), src)))
	if len(first) < 4 || !strings.HasPrefix(first, "[!") || !strings.HasSuffix(first, "]") {
		return ""
	}
	t := strings.ToLower(first[2 : len(first)-1])
	if !calloutTypes[t] {
		return ""
	}
	return t
}

// toCallout replaces a marked blockquote with a Callout holding its
// content minus the marker line.
func toCallout(bq *ast.Blockquote, src []byte, labels Labels) {
	t := calloutType(bq, src)
	label := labels.Callouts[t]
	if label == "" {
		label = DefaultLabels().Callouts[t]
	}
	c := &Callout{Variant: t, Label: label}
	p := bq.FirstChild().(*ast.Paragraph)
	markerEnd := p.Lines().At(0).Stop
	for ch := p.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		if t, ok := ch.(*ast.Text); ok && t.Segment.Stop <= markerEnd {
			p.RemoveChild(p, ch)
		} else {
			break
		}
		ch = next
	}
	if p.ChildCount() == 0 {
		bq.RemoveChild(bq, p)
	} else {
		lines := p.Lines()
		rest := text.NewSegments()
		for i := 1; i < lines.Len(); i++ {
			rest.Append(lines.At(i))
		}
		p.SetLines(rest)
	}
	for ch := bq.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		c.AppendChild(c, ch)
		ch = next
	}
	bq.Parent().ReplaceChild(bq.Parent(), bq, c)
}

// plainText is the text content of an inline container.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(stringValue(c))
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// sections splits the document's text by heading for the search index.
func sections(doc *ast.Document, src []byte) []Section {
	out := []Section{{}}
	var b strings.Builder
	flush := func() {
		out[len(out)-1].Text = strings.Join(strings.Fields(b.String()), " ")
		b.Reset()
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level <= 3 {
			flush()
			id, _ := h.AttributeString("id")
			idb, _ := id.([]byte)
			out = append(out, Section{ID: string(idb), Heading: plainText(h, src)})
			continue
		}
		blockText(&b, n, src)
	}
	flush()
	if out[0].Text == "" {
		out = out[1:]
	}
	return out
}

func blockText(b *strings.Builder, n ast.Node, src []byte) {
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if c.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		case *ast.String:
			b.WriteString(stringValue(c))
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				b.Write(segValue(lines.At(i), src))
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// destination is a link destination as CommonMark defines it: backslash
// escapes and entity references decoded ("&#106;avascript:" is
// "javascript:"), so that safety checks see what a browser would.
func destination(raw []byte) string {
	return html.UnescapeString(string(util.UnescapePunctuations(raw)))
}

// isExternal reports whether dest has a URL scheme or is protocol-relative.
func isExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	s := scheme(dest)
	return s != "" && s != "kb"
}

// scheme returns the lower-cased URL scheme of dest, or "". Windows drive
// letters ("C:\...") are not schemes.
func scheme(dest string) string {
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c == ':':
			if i < 2 {
				return ""
			}
			return strings.ToLower(dest[:i])
		case (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
		case i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'):
		default:
			return ""
		}
	}
	return ""
}

// dangerous reports URLs that can run script when followed or loaded.
// Browsers ignore ASCII whitespace and control characters inside a scheme,
// so those are removed before looking.
func dangerous(dest string) bool {
	clean := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, dest)
	switch scheme(clean) {
	case "javascript", "vbscript", "file", "data":
		return true
	}
	return false
}

func isDataImage(dest string) bool {
	d := strings.ToLower(strings.TrimSpace(dest))
	for _, t := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
		if strings.HasPrefix(d, t) {
			return true
		}
	}
	return false
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// stringValue is the text of a String node; the typographer stores its
// quotes and dashes as HTML entities.
func stringValue(s *ast.String) string {
	return html.UnescapeString(string(s.Value))
}

// listItems returns the plain text of each item of a list.
func listItems(l *ast.List, src []byte) []string {
	var out []string
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		var b strings.Builder
		blockText(&b, it, src)
		if t := strings.Join(strings.Fields(b.String()), " "); t != "" {
			out = append(out, t)
		}
	}
	return out
}
