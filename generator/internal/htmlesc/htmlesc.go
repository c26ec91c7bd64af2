// Package htmlesc escapes text and URLs exactly as html/template does in
// element text and in a quoted href attribute, for the few fragments kbsite
// writes in Go rather than through a template because a template's
// per-action cost adds up over every page: the navigation tree is about a
// third of an article page's template time.
package htmlesc

import (
	"strings"
)

// failsafe is html/template's replacement for a URL it refuses.
const failsafe = "#ZgotmplZ"

// Text is s escaped for element text and attribute values
// (html/template's htmlEscaper and attrEscaper). Every character it
// replaces is ASCII, so it scans bytes: the bytes of other characters,
// and of invalid UTF-8, pass through as html/template leaves them.
func Text(b *strings.Builder, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		repl := textRepl[s[i]]
		if repl == "" {
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
}

// TextString is s escaped as Text escapes it: s itself when that changes
// nothing, as for most titles.
func TextString(s string) string {
	for i := 0; i < len(s); i++ {
		if textRepl[s[i]] != "" {
			var b strings.Builder
			b.Grow(len(s) + 8)
			Text(&b, s)
			return b.String()
		}
	}
	return s
}

// textRepl is what Text writes for each byte it replaces.
var textRepl = [256]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// URL is s as html/template writes it in a quoted URL attribute: a URL
// with a scheme other than http, https or mailto becomes "#ZgotmplZ",
// bytes outside the URL alphabet are percent-encoded (existing escapes
// kept), and the result is escaped for the attribute.
func URL(b *strings.Builder, s string) { b.WriteString(URLString(s, false)) }

// URLString is s as URL writes it, or, trusted (a template.URL), without
// the check of its scheme; s itself when that changes nothing, as for
// most relative links.
func URLString(s string, trusted bool) string {
	if !trusted && !safeURL(s) {
		s = failsafe
	}
	if plainURL(s) {
		return s
	}
	var n, b strings.Builder
	normalize(&n, s)
	Text(&b, n.String())
	return b.String()
}

func safeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// normalize percent-encodes what is neither reserved nor unreserved in
// RFC 3986 (html/template's urlNormalizer).
func normalize(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	b.WriteString(s[written:])
}

// plainURL reports whether neither normalising nor escaping changes s,
// as for most relative links: the fast path of URL.
func plainURL(s string) bool {
	for i := 0; i < len(s); i++ {
		if !plainURLByte[s[i]] {
			return false
		}
	}
	return true
}

// plainURLByte marks the bytes URL writes as they are: letters, digits
// and the reserved and unreserved characters but '%' (which may start an
// escape to keep or not) and '&' and '+' (which the attribute escapes).
var plainURLByte = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range []byte("!#$*,/:;=?@[]-._~") {
		t[c] = true
	}
	return t
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
