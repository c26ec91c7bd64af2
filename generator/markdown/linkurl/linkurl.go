// Package linkurl classifies the destinations of Markdown links: what a
// browser will follow, whether it leaves the site, and whether it can run
// script.
package linkurl

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/util"
)

// Decode is a link destination as CommonMark defines it: backslash
// escapes and entity references decoded ("&#106;avascript:" is
// "javascript:"), so that safety checks see what a browser would.
func Decode(raw []byte) string {
	return html.UnescapeString(string(util.UnescapePunctuations(raw)))
}

// External reports whether dest has a URL scheme or is protocol-relative.
func External(dest string) bool {
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

// Dangerous reports URLs that can run script when followed or loaded.
// Browsers ignore ASCII whitespace and control characters inside a scheme,
// so those are removed before looking.
func Dangerous(dest string) bool {
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

// DataImage reports a data: URL of a raster image type, which an image
// may load.
func DataImage(dest string) bool {
	d := strings.ToLower(strings.TrimSpace(dest))
	for _, t := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
		if strings.HasPrefix(d, t) {
			return true
		}
	}
	return false
}
