package markdown

import (
	"bytes"
	stdhtml "html"
	"strings"

	"kbsite/generator/internal/highlight"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer overrides goldmark's HTML for the nodes kbsite treats
// specially: links (placeholders and URL safety), code (chroma), raw HTML
// (escaped unless allowed), callouts and back-to-top links.
type nodeRenderer struct{ raw bool }

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindAutoLink, r.autoLink)
	reg.Register(ast.KindFencedCodeBlock, r.code)
	reg.Register(ast.KindCodeBlock, r.code)
	reg.Register(KindCallout, r.callout)
	reg.Register(KindBackToTop, r.backToTop)
	if !r.raw {
		reg.Register(ast.KindRawHTML, r.rawInline)
		reg.Register(ast.KindHTMLBlock, r.rawBlock)
	}
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
	w.Write(util.EscapeHTML(util.URLEscape([]byte(destination(dest)), false)))
}

func (r *nodeRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
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

func (r *nodeRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	alt := stdhtml.EscapeString(plainText(n, src))
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

func (r *nodeRenderer) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
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

func (r *nodeRenderer) code(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if f, ok := node.(*ast.FencedCodeBlock); ok && f.Info != nil {
		info := string(f.Info.Segment.Value(src))
		if i := strings.IndexAny(info, " \t{"); i >= 0 {
			info = info[:i]
		}
		lang = info
	}
	var code bytes.Buffer
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		code.Write(segValue(lines.At(i), src))
	}
	highlight.Block(w, lang, code.Bytes())
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) callout(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Callout)
	if entering {
		w.WriteString(`<div class="callout callout-` + n.Variant + `" role="note">` + "\n")
		w.WriteString(`<p class="callout-title"><span class="callout-icon" aria-hidden="true"></span>` + stdhtml.EscapeString(n.Label) + "</p>\n")
	} else {
		w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) backToTop(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<p class="back-to-top"><a href="#top">` + stdhtml.EscapeString(node.(*BackToTop).Label) + "</a></p>\n")
	}
	return ast.WalkContinue, nil
}

// rawInline shows inline HTML as text; comments are dropped since they were
// never visible anyway.
func (r *nodeRenderer) rawInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.RawHTML)
	var b bytes.Buffer
	for i := 0; i < n.Segments.Len(); i++ {
		b.Write(segValue(n.Segments.At(i), src))
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("<!--")) {
		w.Write(util.EscapeHTML(b.Bytes()))
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) rawBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		b.Write(segValue(lines.At(i), src))
	}
	if n.HasClosure() {
		b.Write(segValue(n.ClosureLine, src))
	}
	if n.HTMLBlockType == ast.HTMLBlockType2 { // <!-- comment -->
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<p class="raw-html">`)
	w.Write(util.EscapeHTML(bytes.TrimRight(b.Bytes(), "\n")))
	w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}
