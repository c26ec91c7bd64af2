package sanitize

// This file is the raw HTML construct. On trusted sites (Options.RawHTML)
// HTML written in Markdown reaches the page as written. Elsewhere it goes
// through the allowlist (sanitize.go); everything else is dropped,
// with one warning per article naming the elements.
//
// goldmark splits inline HTML into one node per tag, so sanitising the
// tags one by one would miss what the browser sees ("<a" + text + "</a>").
// The transformer instead joins the raw HTML of each block with a
// separator where the Markdown between goes, sanitises that once, and
// gives each node its share.

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	nethtml "golang.org/x/net/html"
)

// sep stands for the Markdown between two inline HTML nodes while their
// block is sanitised: a private-use character, kept as text.
const sep = "\uE000"

// attrHTML holds a raw HTML node's sanitised output for the renderer.
var attrHTML = []byte("data-kbsite-html")

// RawHTML is the extender: Allow lets raw HTML through unchanged, and
// Priority orders its transformer.
type RawHTML struct {
	Allow    bool
	Priority int
}

func (e RawHTML) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	if e.Allow {
		m.Renderer().AddOptions(html.WithUnsafe())
		return
	}
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Env is what the construct needs from the render in progress: Warn
// reports a located problem at an offset of the parsed source; Anchor
// decides on an anchor (<a id="x">, <a name="x">) found at an offset, and
// reports whether the page keeps it.
type Env struct {
	Warn   func(off int, msg string)
	Anchor func(off int, id string) bool
}

var envKey = parser.NewContextKey()

// Start prepares a parser context for one render.
func Start(pc parser.Context, env Env) { pc.Set(envKey, &env) }

// Transform sanitises every HTML block, and the inline HTML of each block
// together, and warns once about what was dropped. The anchors of what is
// kept go to Env.Anchor, in document order. On a trusted site the HTML
// stays as written, and only its anchors are read.
func (e RawHTML) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env, _ := pc.Get(envKey).(*Env)
	if env == nil {
		return
	}
	src := reader.Source()
	d := dropped{first: -1}
	for _, u := range rawNodes(doc) {
		switch {
		case u.block != nil && e.Allow:
			keepAnchors(blockHTML(u.block, src), u.block.Lines().At(0).Start, env.Anchor)
		case u.block != nil:
			raw, off := blockHTML(u.block, src), u.block.Lines().At(0).Start
			d.note(raw, off)
			u.block.SetAttribute(attrHTML, keepAnchors(HTML(raw), off, env.Anchor))
		case e.Allow:
			for _, n := range u.inline {
				keepAnchors(inlineHTML(n, src), n.Segments.At(0).Start, env.Anchor)
			}
		default:
			sanitizeInline(u.inline, src, &d, env.Anchor)
		}
	}
	if len(d.names) > 0 {
		sort.Strings(d.names)
		env.Warn(d.first, "raw HTML <"+strings.Join(d.names, ">, <")+"> removed: only simple formatting, lists, tables, details, and links and images with safe URLs are allowed (raw_html: true lets all HTML through on a trusted site)")
	}
}

// unit is what is sanitised as one fragment: an HTML block, or the inline
// HTML nodes of one block.
type unit struct {
	block  *ast.HTMLBlock
	inline []*ast.RawHTML
}

// rawNodes returns the units of doc in document order.
func rawNodes(doc *ast.Document) []*unit {
	var units []*unit
	group := map[ast.Node]*unit{}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			units = append(units, &unit{block: n})
		case *ast.RawHTML:
			b := n.Parent()
			for b.Type() != ast.TypeBlock {
				b = b.Parent()
			}
			u := group[b]
			if u == nil {
				u = &unit{}
				group[b] = u
				units = append(units, u)
			}
			u.inline = append(u.inline, n)
		}
		return ast.WalkContinue, nil
	})
	return units
}

// sanitizeInline sanitises the inline HTML nodes of one block as one
// fragment. A tag that is no HTML element ("http://<server-name>/") is a
// placeholder the writer meant as text, and shows as written. Should the
// sanitiser drop a separator (Markdown inside a dropped <script>), the
// nodes' shares are unknown, so all are dropped.
func sanitizeInline(nodes []*ast.RawHTML, src []byte, d *dropped, anchor func(int, string) bool) {
	var b bytes.Buffer
	var kept []*ast.RawHTML
	for _, n := range nodes {
		raw := inlineHTML(n, src)
		if NotAnElement(raw) {
			n.SetAttribute(attrHTML, util.EscapeHTML(raw))
			continue
		}
		if len(kept) > 0 {
			b.WriteString(sep)
		}
		kept = append(kept, n)
		d.note(raw, n.Segments.At(0).Start)
		b.Write(raw)
	}
	parts := bytes.Split(HTML(b.Bytes()), []byte(sep))
	for i, n := range kept {
		if len(parts) == len(kept) {
			n.SetAttribute(attrHTML, keepAnchors(parts[i], n.Segments.At(0).Start, anchor))
		} else {
			n.SetAttribute(attrHTML, []byte{})
		}
	}
}

// inlineHTML is the source of an inline HTML node.
func inlineHTML(n *ast.RawHTML, src []byte) []byte {
	var raw []byte
	for j := 0; j < n.Segments.Len(); j++ {
		seg := n.Segments.At(j)
		raw = append(raw, seg.Value(src)...)
	}
	return raw
}

// blockHTML is the source of an HTML block.
func blockHTML(n *ast.HTMLBlock, src []byte) []byte {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	return b.Bytes()
}

// dropped collects the names of the elements the sanitiser removes, and
// where the first was.
type dropped struct {
	names []string
	first int
}

// note records the elements of raw, found at offset off, that are not
// allowed.
func (d *dropped) note(raw []byte, off int) {
	for _, name := range Dropped(raw) {
		if !slices.Contains(d.names, name) {
			d.names = append(d.names, name)
		}
		if d.first < 0 {
			d.first = off
		}
	}
}

func (RawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderRawHTML)
}

// renderRawHTML writes what the transformer kept of a raw HTML node.
func renderRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if v, ok := node.Attribute(attrHTML); ok {
			w.Write(v.([]byte))
		}
	}
	return ast.WalkSkipChildren, nil
}

// keepAnchors gives each <a> start tag of html the anchor it was written
// with (id, else name, which becomes id) when anchor accepts it at off,
// and none otherwise; every other byte stays as it is.
func keepAnchors(html []byte, off int, anchor func(off int, id string) bool) []byte {
	if !bytes.Contains(html, []byte("<a")) && !bytes.Contains(html, []byte("<A")) {
		return html
	}
	var out bytes.Buffer
	z := nethtml.NewTokenizer(bytes.NewReader(html))
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return out.Bytes()
		}
		raw := bytes.Clone(z.Raw()) // Token lower-cases names in place
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		tok := z.Token()
		id, attrs := anchorAttrs(tok.Attr)
		if tok.Data != "a" || len(attrs) == len(tok.Attr) {
			out.Write(raw)
			continue
		}
		if id != "" && anchor(off, id) {
			attrs = append(attrs, nethtml.Attribute{Key: "id", Val: id})
		}
		tok.Attr = attrs
		out.WriteString(tok.String())
	}
}

// anchorAttrs splits attrs into the anchor they name (a non-empty id,
// else name) and the attributes other than id and name.
func anchorAttrs(attrs []nethtml.Attribute) (string, []nethtml.Attribute) {
	var id, name string
	var rest []nethtml.Attribute
	for _, a := range attrs {
		switch a.Key {
		case "id":
			id = a.Val
		case "name":
			name = a.Val
		default:
			rest = append(rest, a)
		}
	}
	if id == "" {
		id = name
	}
	return id, rest
}
