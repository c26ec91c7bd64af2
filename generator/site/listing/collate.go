package listing

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"kbsite/generator/markdown"
	"kbsite/generator/site"
)

// collation orders names the way readers of one language expect
// (golang.org/x/text/collate, the Unicode collation algorithm with the
// language's tailoring): "Écran" among the E words in English and French,
// "Windows 7" before "Windows 10". Leading quotes and punctuation are
// ignored, so `"The service is unavailable" error` files under T. A
// collation is not safe for concurrent use: make one per page.
type collation struct {
	order *collate.Collator
	// primary compares letters by base letter only (case and accents
	// ignored), to tell whether an accented initial files under its base
	// letter: É under E in English, but Å stays Å in Swedish.
	primary *collate.Collator
	upper   cases.Caser
	buf     collate.Buffer
}

func newCollation(lang string) *collation {
	tag := language.Make(lang)
	return &collation{order: collate.New(tag, collate.Numeric), primary: collate.New(tag, collate.Loose), upper: cases.Upper(tag)}
}

// trimLead drops what precedes a name's first letter or digit; a name of
// punctuation only stays as it is.
func trimLead(s string) string {
	t := strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if t == "" {
		return s
	}
	return t
}

// sortBy returns xs ordered by the collation of name(x), ties broken by
// tie; xs is not changed.
func sortBy[T any](c *collation, xs []T, name func(T) string, tie func(a, b T) int) []T {
	keys := make([][]byte, len(xs))
	order := make([]int, len(xs))
	for i, x := range xs {
		keys[i], order[i] = c.order.KeyFromString(&c.buf, trimLead(name(x))), i
	}
	slices.SortFunc(order, func(a, b int) int {
		if d := bytes.Compare(keys[a], keys[b]); d != 0 {
			return d
		}
		return tie(xs[a], xs[b])
	})
	out := make([]T, len(xs))
	for i, k := range order {
		out[i] = xs[k]
	}
	return out
}

// letter is the A–Z heading a name files under: its first letter in upper
// case (without its accent when the language sorts it with the base
// letter), or "#" when a digit comes first or there is no letter.
func (c *collation) letter(name string) string {
	r, _ := utf8.DecodeRuneInString(trimLead(name))
	if !unicode.IsLetter(r) {
		return "#"
	}
	up := c.upper.String(string(r))
	if base := []rune(norm.NFD.String(up))[0]; string(base) != up && c.primary.CompareString(string(base), up) == 0 {
		return string(base)
	}
	return up
}

// letterGroups puts items, in collation order, under the headings of their
// first letters. An item whose letter already heads an earlier group (a
// language that sorts a letter pair such as Czech "ch" apart) joins the
// current group, so that every heading and its anchor appear once.
func (c *collation) letterGroups(items []site.ListItem) []site.ListGroup {
	var groups []site.ListGroup
	used := map[string]bool{}
	for _, it := range items {
		l := c.letter(it.Title)
		if len(groups) == 0 || groups[len(groups)-1].Heading != l && !used[l] {
			used[l] = true
			groups = append(groups, letterGroup(l))
		}
		g := &groups[len(groups)-1]
		g.Items = append(g.Items, it)
	}
	return groups
}

// letterGroup is the empty group of a heading from letter, with the
// anchor the jump bar links to.
func letterGroup(letter string) site.ListGroup {
	id := "letter-" + markdown.Slug(letter)
	if letter == "#" {
		id = "letter-other"
	}
	return site.ListGroup{Heading: letter, ID: id}
}
