// Package sanitize is the raw HTML construct (rawhtml.go) and the
// allowlist for HTML written in Markdown on untrusted sites, built on
// bluemonday: simple formatting, lists, tables, details/summary, div, span
// and p without attributes, and links and images with safe URLs.
package sanitize

import (
	"bytes"
	"slices"

	"github.com/microcosm-cc/bluemonday"
	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// allowedElements are the raw HTML elements kept on untrusted sites.
var allowedElements = []string{
	"br", "kbd", "sup", "sub", "b", "i", "u", "em", "strong", "code", "pre",
	"details", "summary", "div", "span", "a", "img", "p", "ul", "ol", "li",
	"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}

// policy is the sanitiser; bluemonday policies are safe for concurrent use
// once built.
var policy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(allowedElements...)
	p.AllowAttrs("href", "title").OnElements("a")
	p.AllowAttrs("id", "name").OnElements("a") // anchors, checked by keepAnchors
	p.AllowAttrs("src", "alt", "title").OnElements("img")
	p.AllowAttrs("width", "height").Matching(bluemonday.Integer).OnElements("img")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("td", "th")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	return p
}()

// HTML applies the policy; what is left only blank is dropped, so a
// removed <script> block leaves no empty line.
func HTML(raw []byte) []byte {
	out := policy.SanitizeBytes(raw)
	if len(bytes.TrimSpace(out)) == 0 {
		return nil
	}
	return out
}

// NotAnElement reports a start or end tag whose name is no HTML element.
func NotAnElement(raw []byte) bool {
	z := nethtml.NewTokenizer(bytes.NewReader(raw))
	switch z.Next() {
	case nethtml.StartTagToken, nethtml.EndTagToken, nethtml.SelfClosingTagToken:
		name, _ := z.TagName()
		return atom.Lookup(name) == 0
	}
	return false
}

// Dropped returns the names of the elements of raw the policy removes.
func Dropped(raw []byte) []string {
	var out []string
	z := nethtml.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return out
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken, nethtml.EndTagToken:
			name, _ := z.TagName()
			if !slices.Contains(allowedElements, string(name)) && !slices.Contains(out, string(name)) {
				out = append(out, string(name))
			}
		}
	}
}
