// Package links is the link construct of kbsite's Markdown: every link,
// image and autolink is recorded with its file position. Internal targets
// cannot be known until every article is parsed, so their URL (and the
// text of a link written with empty text) render as placeholders,
// "\x00L<n>\x00" for a URL and "\x00T<n>\x00" for a text, which Fill
// replaces once links are resolved; URLs that could run script are dropped
// with a warning. Sources are NUL-free (article.Parse rejects NUL), so a
// placeholder can never be forged by content.
package links

import (
	"bytes"
	stdhtml "html"
	"strconv"
	"strings"

	"kbsite/generator/markdown/include"
	"kbsite/generator/markdown/linkurl"
	"kbsite/generator/markdown/plaintext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

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
	// Include is set for a link in an included file: the include chain
	// ("in included includes/x.md:3:5"); Line and Col are then those of
	// the [!INCLUDE], and a relative Dest has been resolved against the
	// included file, so it is relative to the article like any other.
	Include string
}

// Env is what the construct needs from the render in progress: Locate
// gives the file position of an offset of the parsed source, through the
// include chain; Warn reports a located problem there.
type Env struct {
	Locate func(off int) include.Loc
	Warn   func(off int, msg string)
}

// run is one render's state: its Env and the links so far.
type run struct {
	Env
	links []Link
}

var runKey = parser.NewContextKey()

// Start prepares a parser context for one render and returns where its
// links will be, in document order, once the document is parsed.
func Start(pc parser.Context, env Env) *[]Link {
	r := &run{Env: env}
	pc.Set(runKey, r)
	return &r.links
}

// Attribute names the transformer leaves on link nodes for the renderer.
var (
	attrLink   = []byte("data-kbsite-link")
	attrUnsafe = []byte("data-kbsite-unsafe")
)

// Extender is the construct; Priority orders its transformer.
type Extender struct{ Priority int }

func (e Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Transform records the links in document order.
func (Extender) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(runKey).(*run)
	if st == nil {
		return
	}
	src := reader.Source()
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			st.link(n, linkurl.Decode(n.Destination), false, !hasText(n))
		case *ast.Image:
			st.link(n, linkurl.Decode(n.Destination), true, false)
		case *ast.AutoLink:
			if linkurl.Dangerous(string(n.URL(src))) {
				n.SetAttribute(attrUnsafe, []byte("1"))
				st.unsafe(n, string(n.URL(src)))
			} else {
				loc := st.Locate(offsetOf(n))
				st.links = append(st.links, Link{Dest: string(n.URL(src)), Line: loc.Line, Col: loc.Col, External: true})
			}
		}
		return ast.WalkContinue, nil
	})
}

// link records a link or image. Internal targets get a placeholder index;
// dangerous schemes are marked so the renderer drops the URL.
func (st *run) link(n ast.Node, dest string, image, empty bool) {
	if !image && strings.HasPrefix(dest, "#tab/") {
		return // a DocFX tab, not an anchor: kept as written, never checked
	}
	loc := st.Locate(offsetOf(n))
	if linkurl.Dangerous(dest) && !(image && linkurl.DataImage(dest)) {
		n.SetAttribute(attrUnsafe, []byte("1"))
		st.unsafe(n, dest)
		return
	}
	l := Link{Dest: include.Rebase(loc.File, dest), Line: loc.Line, Col: loc.Col, Image: image, Empty: empty,
		External: linkurl.External(dest), Include: loc.Chain}
	if !l.External {
		n.SetAttribute(attrLink, []byte(strconv.Itoa(len(st.links))))
	}
	st.links = append(st.links, l)
}

func (st *run) unsafe(n ast.Node, dest string) {
	st.Warn(offsetOf(n), "unsafe link "+strconv.Quote(truncate(dest, 60))+" removed (scripts in links are not allowed)")
}

// offsetOf is where the Markdown of an inline node starts: goldmark records
// it (the "[" of a link, the "!" of an image, the "<" of an autolink);
// nodes without one fall back to the start of their enclosing block.
func offsetOf(n ast.Node) int {
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

func (Extender) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, renderLink)
	reg.Register(ast.KindImage, renderImage)
	reg.Register(ast.KindAutoLink, renderAutoLink)
}

func attr(n ast.Node, name []byte) (string, bool) {
	v, ok := n.Attribute(name)
	if !ok {
		return "", false
	}
	b, _ := v.([]byte)
	return string(b), true
}

func writeURL(w util.BufWriter, n ast.Node, dest []byte) {
	if i, ok := attr(n, attrLink); ok {
		w.WriteString("\x00L" + i + "\x00")
		return
	}
	w.Write(util.EscapeHTML(util.URLEscape([]byte(linkurl.Decode(dest)), false)))
}

func renderLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if _, unsafe := attr(n, attrUnsafe); unsafe {
		return ast.WalkContinue, nil // children render as plain text
	}
	if !entering {
		w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	w.WriteString(`<a href="`)
	writeURL(w, n, n.Destination)
	w.WriteByte('"')
	if len(n.Title) > 0 {
		w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		w.WriteByte('"')
	}
	w.WriteByte('>')
	if !n.HasChildren() {
		if i, ok := attr(n, attrLink); ok {
			w.WriteString("\x00T" + i + "\x00")
		} else {
			w.Write(util.EscapeHTML(n.Destination))
		}
	}
	return ast.WalkContinue, nil
}

func renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	alt := stdhtml.EscapeString(plaintext.Inline(n, src))
	if _, unsafe := attr(n, attrUnsafe); unsafe {
		w.WriteString(alt)
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<img src="`)
	writeURL(w, n, n.Destination)
	w.WriteString(`" alt="` + alt + `"`)
	if len(n.Title) > 0 {
		w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		w.WriteByte('"')
	}
	w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

func renderAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := util.EscapeHTML(n.Label(src))
	if _, unsafe := attr(n, attrUnsafe); unsafe {
		w.Write(label)
		return ast.WalkContinue, nil
	}
	url := n.URL(src)
	w.WriteString(`<a href="`)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		w.WriteString("mailto:")
	}
	w.Write(util.EscapeHTML(util.URLEscape(url, false)))
	w.WriteString(`">`)
	w.Write(label)
	w.WriteString("</a>")
	return ast.WalkContinue, nil
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

// AppendFill appends html to dst with its placeholders replaced: fill
// gets the kind ('L' for a URL, 'T' for link text) and the link's index,
// and returns HTML-escaped text to put in its place.
func AppendFill(dst, html []byte, fill func(kind byte, i int) string) []byte {
	out := dst
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
