package content

// This file is the rule for product names in front matter and for
// `kbsite new --product`: how a name becomes a slug, and which slug is
// likely a typo of another.

import (
	"strings"
	"unicode"

	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/suggest"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ProductSlug is the slug a product is written as in addresses:
// "Windows Messenger" is windows-messenger, "Büro" buro. ok is false when
// nothing usable is left (no Latin letters or digits) or it is too long.
func ProductSlug(name string) (slug string, ok bool) {
	if slugRe.MatchString(name) {
		return name, true
	}
	if folded, _, err := transform.String(foldAccents, name); err == nil {
		name = folded
	}
	slug = docfx.Slug(name)
	return slug, slugRe.MatchString(slug)
}

// foldAccents drops combining marks after decomposition: é is e.
var foldAccents = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// SimilarProduct is the product of known that slug is most likely a
// mistyped form of, or "". It is stricter than an ID hint, since products
// are often named alike on purpose: at most one edit per six characters,
// and never a product that differs only in digits and separators
// (windows-10, windows-11 and windows are three products).
func SimilarProduct(slug string, known []string) string {
	var cands []string
	for _, k := range known {
		if k != slug && lettersOf(k) != lettersOf(slug) {
			cands = append(cands, k)
		}
	}
	near := suggest.ClosestCased(slug, cands)
	if near == "" || suggest.Distance(slug, near) > max(1, len(slug)/6) {
		return ""
	}
	return near
}

func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, s)
}
