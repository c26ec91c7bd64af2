// Package safehtml checks that HTML kbsite produced cannot run script: no
// <script> elements other than the site's own, no event-handler
// attributes, and no javascript:, vbscript: or data:text/html URLs. Tests
// and fuzzers use it as the invariant for everything rendered from content.
package safehtml

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// urlAttrs are the attributes browsers treat as URLs.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"poster": true, "background": true, "data": true, "srcset": true, "cite": true,
}

// Options say which of the site's own scripts are expected.
type Options struct {
	// AllowScript reports whether a <script> with these attributes and
	// this content is one of the site's own (assets, JSON-LD).
	AllowScript func(attrs []html.Attribute, body string) bool
}

// Check returns the first way doc could run script, or nil.
func Check(doc []byte, opts Options) error {
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return nil
			}
			return z.Err()
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") {
					return fmt.Errorf("<%s> has event handler %s=%q", tok.Data, a.Key, a.Val)
				}
				if urlAttrs[key] && Dangerous(a.Val) {
					return fmt.Errorf("<%s %s=%q> is a script URL", tok.Data, a.Key, a.Val)
				}
				if key == "http-equiv" && strings.EqualFold(a.Val, "refresh") {
					for _, b := range tok.Attr {
						if b.Key == "content" && Dangerous(refreshURL(b.Val)) {
							return fmt.Errorf("meta refresh to a script URL %q", b.Val)
						}
					}
				}
			}
			switch tok.Data {
			case "script":
				body := ""
				if tt == html.StartTagToken && z.Next() == html.TextToken {
					body = string(z.Text())
				}
				if opts.AllowScript == nil || !opts.AllowScript(tok.Attr, body) {
					return fmt.Errorf("unexpected <script> %v %.80q", tok.Attr, body)
				}
			case "iframe", "object", "embed", "frame", "base":
				return fmt.Errorf("unexpected <%s>", tok.Data)
			}
		}
	}
}

func refreshURL(content string) string {
	i := strings.Index(strings.ToLower(content), "url=")
	if i < 0 {
		return ""
	}
	return content[i+4:]
}

// Dangerous reports URLs that run script when followed or loaded.
// Browsers ignore whitespace and control characters in the scheme.
func Dangerous(u string) bool {
	clean := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(u))
	return strings.HasPrefix(clean, "javascript:") || strings.HasPrefix(clean, "vbscript:") ||
		strings.HasPrefix(clean, "data:text/html") || strings.HasPrefix(clean, "data:image/svg")
}
