// Package excerpt is what a result shows of its record (search/format):
// given the set of folded words to highlight, the section with most of
// them, an excerpt of it, and the words matched, cut exactly as
// templates/assets/search-engine.js cuts them.
package excerpt

import (
	"sort"
	"unicode/utf16"

	"kbsite/generator/search/format"
)

const (
	excerptBefore = 60  // UTF-16 units kept before the first highlighted word
	excerptLen    = 160 // UTF-16 units of an excerpt
)

// Heading is the heading of the section with the given ID, or "".
func Heading(r *format.Record, id string) string {
	for _, s := range r.Sections {
		if len(s) == 3 && id != "" && s[0] == id {
			return s[1]
		}
	}
	return ""
}

// Of picks the section with most distinct highlighted words and cuts
// about excerptLen UTF-16 units around its first highlighted word. It
// returns the section ID, the excerpt and the highlighted words found in
// the record, in format.Cmp16 order.
func Of(r *format.Record, hl map[string]bool) (string, string, []string) {
	matched := map[string]bool{}
	scan := func(s string) []format.Token {
		ts := format.Tokens(s, nil)
		for _, t := range ts {
			if hl[t.Word] {
				matched[t.Word] = true
			}
		}
		return ts
	}
	scan(r.Title)
	scan(r.Summary)
	best, bestN := -1, -1
	for i, s := range r.Sections {
		if len(s) != 3 {
			continue
		}
		distinct := map[string]bool{}
		for _, t := range append(scan(s[1]), scan(s[2])...) {
			if hl[t.Word] {
				distinct[t.Word] = true
			}
		}
		if len(distinct) > bestN {
			best, bestN = i, len(distinct)
		}
	}
	section, text := "", r.Summary
	if best >= 0 {
		section, text = r.Sections[best][0], r.Sections[best][2]
		if text == "" {
			text = r.Sections[best][1]
		}
	}
	m := make([]string, 0, len(matched))
	for w := range matched {
		m = append(m, w)
	}
	sort.Slice(m, func(a, b int) bool { return format.Cmp16(m[a], m[b]) < 0 })
	return section, cut(text, hl), m
}

// cut cuts about excerptLen UTF-16 units of text around its first
// highlighted word, at spaces where it can.
func cut(text string, hl map[string]bool) string {
	u := utf16.Encode([]rune(text))
	n := len(u)
	s := -1
	for _, t := range format.Tokens(text, nil) {
		if hl[t.Word] {
			s = t.Start
			break
		}
	}
	start := 0
	if s > excerptBefore {
		start = s - excerptBefore
		j := start
		for j < s && u[j] != ' ' {
			j++
		}
		if j < s {
			start = j + 1
		} else {
			start = s
		}
	}
	end := start + excerptLen
	if end >= n {
		end = n
	} else {
		j := end
		lo := max(s, start)
		for j > lo && u[j] != ' ' {
			j--
		}
		if j > lo {
			end = j
		} else if utf16.IsSurrogate(rune(u[end-1])) && u[end-1] < 0xDC00 {
			end--
		}
	}
	out := string(utf16.Decode(u[start:end]))
	if start > 0 {
		out = "…" + out
	}
	if end < n {
		out += "…"
	}
	return out
}
