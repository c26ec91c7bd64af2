package format

import (
	"strings"
	"unicode"
)

// ScoreScale scales scores to integers: a stored score is
// round(score * ScoreScale)<<2 | field class.
const ScoreScale = 20

// Field classes, the low 2 bits of a stored score: the best field a term
// is in. The engines use them to favour docs whose title has every query
// word and to break ties.
const (
	ClsBody    = 0 // summary or body
	ClsHeading = 1 // headings or keywords
	ClsTitle   = 2 // title
)

// TitleSuffix makes the exact title term of a word ("install "): the
// word as typed, unstemmed, in the docs whose title has it. An exact title
// match then adds to the stemmed one. No word has a space, and the key
// sorts right after the word, in its shard.
const TitleSuffix = " "

// PairSep joins the terms of two words adjacent in a heading (stop words
// left out) into a pair term ("network connect"): a query with the two
// words in that order gets the pair's score too, proximity within a
// section. It sorts right after the first term, in its shard.
const PairSep = " "

// IDFQ is 1024*log2((n+df)/df), rounded down, in integer steps that
// JavaScript's doubles do exactly (every product stays below 2^53):
// search-engine.js has the same function.
func IDFQ(n, df int) int {
	a, b := int64(min(max(n, 1), 1<<24)+max(df, 1)), int64(max(df, 1))
	k := int64(0)
	for b<<(k+1) <= a {
		k++
	}
	y := a << 24 / (b << k) // a/(b*2^k) in [1, 2), 24 fraction bits
	r := k << 10
	for i := 9; i >= 0; i-- {
		y = y * y >> 24
		if y >= 1<<25 {
			y >>= 1
			r += 1 << i
		}
	}
	return int(r)
}

// LangKey is the folder name of a language: the primary subtag, lower case.
func LangKey(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	ok := lang != ""
	for _, r := range lang {
		if r < 'a' || r > 'z' {
			ok = false
		}
	}
	if !ok {
		return "en"
	}
	return lang
}

// IDKey is the lookup key of an ID or alias: its folded letters and digits.
func IDKey(s string) string { return strings.Join(Words(s), "") }

// IDDigits returns the digits of a letters+digits key ("kb307294" -> "307294").
func IDDigits(k string) string {
	i := strings.IndexFunc(k, unicode.IsDigit)
	if i <= 0 {
		return ""
	}
	for _, r := range k[:i] {
		if !unicode.IsLetter(r) {
			return ""
		}
	}
	for _, r := range k[i:] {
		if !unicode.IsDigit(r) {
			return ""
		}
	}
	return k[i:]
}
