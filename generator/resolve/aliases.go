package resolve

import (
	"path"
	"strings"
)

// An article's aliases are its old IDs and old URL paths; the build writes
// a redirect page for each.

// IsPathAlias reports whether an alias is an old URL path rather than an
// old ID.
func IsPathAlias(al string) bool { return strings.Contains(al, "/") || strings.HasSuffix(al, ".html") }

// ValidIDAlias reports whether an old ID is usable: letters, digits, '.',
// '_' and '-', at most 64.
func ValidIDAlias(al string) bool {
	for _, r := range al {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return al != "" && len(al) <= 64
}

// AliasPath maps an old URL path to the output file that must exist there,
// cleaned as a browser would: "/kb/307294", "kb//307294/" and
// "./kb/307294" become "kb/307294/index.html".
func AliasPath(al string) (string, bool) {
	if strings.Contains(al, "..") || strings.ContainsAny(al, "\\?#\x00") {
		return "", false
	}
	p := strings.TrimPrefix(path.Clean("/"+al), "/")
	if p == "" {
		return "", false
	}
	if !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".htm") {
		p += "/index.html"
	}
	return p, true
}
