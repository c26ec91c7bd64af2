// Package anchor makes IDs from text: heading anchors by GitHub's rule,
// unique within a page, and URL slugs for names.
package anchor

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slug makes a URL slug from a name (keywords, index letters): lower
// case, every run of characters other than letters and digits becomes
// one "-", trimmed at both ends. Headings use GitHub instead.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if isWordRune(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r)
}

// GitHub is GitHub's heading anchor rule (github-slugger): lower
// case; letters, marks, numbers, "-" and "_" (connector punctuation) kept;
// each space becomes "-"; everything else dropped. Runs are not collapsed,
// so "Step 4 - Download" is "step-4---download".
func GitHub(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// IDs makes unique heading IDs for one page, as github-slugger does: a
// repeat gets "-1", "-2", ... next holds the next suffix to try per base,
// so thousands of equal headings cost linear, not quadratic, time.
type IDs struct {
	used map[string]bool
	next map[string]int
}

// NewIDs returns IDs that never generate one of taken.
func NewIDs(taken ...string) *IDs {
	m := make(map[string]bool, len(taken)+16) // room for an article's headings
	for _, r := range taken {
		m[r] = true
	}
	return &IDs{used: m, next: map[string]int{}}
}

// Take marks id as used, for explicit IDs.
func (g *IDs) Take(id string) { g.used[id] = true }

// Generate returns the ID for a heading with this text. An empty slug
// becomes "section", since an element ID cannot be empty.
func (g *IDs) Generate(text string) string {
	base := GitHub(text)
	if base == "" {
		base = "section"
	}
	id := base
	for g.used[id] {
		g.next[base]++
		id = base + "-" + strconv.Itoa(g.next[base])
	}
	g.used[id] = true
	return id
}

// Safe reports whether id may be an anchor written in raw HTML (<a id>):
// a letter or "_", then letters, digits, "-" and "_", 64 at most. Without
// "." and ":" it can never equal an ID kbsite generates for tabs
// ("tab.1.cpp") or footnotes ("fn:1"), and it needs no escaping.
func Safe(id string) bool {
	if id == "" || len(id) > 64 || !(isASCIILetter(id[0]) || id[0] == '_') {
		return false
	}
	for i := 1; i < len(id); i++ {
		c := id[i]
		if !isASCIILetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
