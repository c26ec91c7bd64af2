package format

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// The word rules below are shared, character for character, with
// templates/assets/search-engine.js: a word is a maximal run of letters,
// numbers and marks; it is lower-cased, folded (foldGroups, then combining
// diacritics U+0300-U+036F dropped) and runs of CJK characters are split into
// overlapping bigrams, as bleve's cjk analyzer does. bleve then decides which
// analysed terms each folded word stands for.

// foldGroups maps the characters after each target to the target.
var foldGroups = []string{
	"a:àáâãäåāăą", "c:çćĉċč", "d:ďđð", "e:èéêëēĕėęě", "g:ĝğġģ", "h:ĥħ",
	"i:ìíîïĩīĭįı", "j:ĵ", "k:ķ", "l:ĺļľŀł", "n:ñńņňŉ", "o:òóôõöøōŏő",
	"r:ŕŗř", "s:śŝşšſ", "t:ţťŧ", "u:ùúûüũūŭůűų", "w:ŵ", "y:ýÿŷ", "z:źżž",
	"ss:ß", "ae:æ", "oe:œ", "th:þ", "σ:ς",
}

var foldMap = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range foldGroups {
		to, from, _ := strings.Cut(g, ":")
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = IsWordRune(rune(c))
	}
	return
}()

// MaxWordLen is the longest word, in runes: longer runs are not words
// (hashes, base64, attacks).
const MaxWordLen = 64

// IsWordByte reports whether an ASCII byte is a letter or digit: part of a word.
func IsWordByte(c byte) bool { return c < utf8.RuneSelf && asciiWord[c] }

// IsWordRune reports whether r is part of a word: a letter, number or mark.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// fold lower-cases and folds one word.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		r = unicode.ToLower(r)
		if r >= 0x300 && r <= 0x36f {
			continue
		}
		if s, ok := foldMap[r]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Token is one folded word with its position in UTF-16 code units of the
// original text (the JavaScript string index), so excerpts agree.
type Token struct {
	Word       string
	Start, End int
}

// Tokens splits text into folded words. CJK runs become bigrams.
func Tokens(text string, out []Token) []Token {
	u := 0 // UTF-16 offset
	start, startU := -1, 0
	ascii := true
	flush := func(end, endU int) {
		w := text[start:end]
		start = -1
		if ascii {
			if len(w) <= MaxWordLen {
				out = append(out, Token{fold(w), startU, endU})
			}
			return
		}
		if utf8.RuneCountInString(w) > MaxWordLen {
			return
		}
		out = splitCJK(fold(w), startU, endU, out)
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		var word bool
		if r < utf8.RuneSelf {
			word = asciiWord[r]
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			word = IsWordRune(r)
		}
		if word {
			if start < 0 {
				start, startU, ascii = i, u, true
			}
			ascii = ascii && size == 1
		} else if start >= 0 {
			flush(i, u)
		}
		u += utf16.RuneLen(r)
		i += size
	}
	if start >= 0 {
		flush(len(text), u)
	}
	return out
}

func splitCJK(w string, s, e int, out []Token) []Token {
	has := false
	for _, r := range w {
		if r >= 0x1100 && isCJK(r) {
			has = true
			break
		}
	}
	if !has {
		return append(out, Token{w, s, e})
	}
	rs := []rune(w)
	for i := 0; i < len(rs); {
		j := i
		cjk := isCJK(rs[i])
		for j < len(rs) && isCJK(rs[j]) == cjk {
			j++
		}
		switch {
		case !cjk:
			out = append(out, Token{string(rs[i:j]), s, e})
		case j-i == 1:
			out = append(out, Token{string(rs[i]), s, e})
		default:
			for k := i; k+1 < j; k++ {
				out = append(out, Token{string(rs[k : k+2]), s, e})
			}
		}
		i = j
	}
	return out
}

// Words returns the folded words of text.
func Words(text string) []string {
	ts := Tokens(text, nil)
	ws := make([]string, len(ts))
	for i, t := range ts {
		ws[i] = t.Word
	}
	return ws
}

// Cmp16 compares strings in UTF-16 code unit order, the order of
// JavaScript's < on strings, so that routing agrees in both engines.
func Cmp16(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i == len(a) || i == len(b) || (a[i] < 0xEE && b[i] < 0xEE) {
		return strings.Compare(a, b) // UTF-8 order is UTF-16 order below U+E000
	}
	for i > 0 && !utf8.RuneStart(a[i]) {
		i--
	}
	a, b = a[i:], b[i:]
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ka, kb := key16(ra), key16(rb)
			if ka == kb {
				ka, kb = int(ra), int(rb)
			}
			if ka < kb {
				return -1
			}
			return 1
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

func key16(r rune) int {
	switch {
	case r < 0xD800:
		return int(r)
	case r >= 0x10000:
		return 0xD800 + int(r-0x10000)/0x400 // high surrogate decides first
	}
	return int(r) + 0x200000
}

// collapse normalises white space in exported text: runs of white space
// become one space, none at the ends. An invalid UTF-8 byte becomes U+FFFD.
func collapse(s string) string {
	ok := s == "" || (s[0] != ' ' && s[len(s)-1] != ' ')
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = c >= 0x20 && c < 0x80 && !(c == ' ' && i > 0 && s[i-1] == ' ')
	}
	if ok {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		// Skip white space.
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		// Copy a run of other characters.
		j := i
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			if r == utf8.RuneError && size == 1 {
				b = append(b, s[i:j]...)
				b = utf8.AppendRune(b, utf8.RuneError)
				i = j + 1
			}
			j += size
		}
		b = append(b, s[i:j]...)
		i = j
	}
	return string(b)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Technical tokens. A chunk of text between white space that, once the
// punctuation around it is trimmed, is letters and digits joined by
// compoundJoin characters ("--install", ".wslconfig", "wsl.exe",
// "c:\windows\system32", "802.1x", "get-netadapter", "c#", "c++") is also
// indexed whole, folded, as a word that is its own term, so a query can ask
// for what was typed; its words are indexed as usual too. The rule is
// search-engine.js's compound, character for character.
const (
	compoundJoin  = "-._#+/\\:@=$~"
	compoundOpen  = "([{<\"'*`"
	compoundClose = ")]}>\"',.;:!?*`"
)

// Compound returns the folded technical token of a chunk, or "".
func Compound(chunk string) string {
	chunk = strings.TrimRight(strings.TrimLeft(chunk, compoundOpen), compoundClose)
	if chunk == "" || utf8.RuneCountInString(chunk) > MaxWordLen {
		return ""
	}
	joined, word := false, false
	for _, r := range chunk {
		switch {
		case IsWordRune(r):
			word = true
		case strings.ContainsRune(compoundJoin, r):
			joined = true
		default:
			return ""
		}
	}
	if !joined || !word {
		return ""
	}
	return fold(chunk)
}

// IsCompound reports whether a folded word is a technical token: words
// proper have no joining characters.
func IsCompound(w string) bool { return strings.ContainsAny(w, compoundJoin) }

// hexDigitsOf returns "80070005" for a hexadecimal error code word
// "0x80070005", else "": the build indexes the code under both, so the
// code typed without 0x finds it.
func hexDigitsOf(w string) string {
	if len(w) < 5 || w[0] != '0' || w[1] != 'x' {
		return ""
	}
	for i := 2; i < len(w); i++ {
		if c := w[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return ""
		}
	}
	return w[2:]
}

// joinByte marks the bytes of compoundJoin.
var joinByte = func() (t [utf8.RuneSelf]bool) {
	for i := 0; i < len(compoundJoin); i++ {
		t[compoundJoin[i]] = true
	}
	return t
}()

// ExtraWords calls f with the technical tokens of t and the digits of its
// hexadecimal codes, the words the build adds to those Tokens(t) gives.
func ExtraWords(t string, f func(string)) {
	for i := 0; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf && asciiSpace[c] {
			i++
			continue
		}
		if r, size := utf8.DecodeRuneInString(t[i:]); r >= utf8.RuneSelf && unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i
		special := false // a compoundJoin character, or "0x" / "0X"
		for j < len(t) {
			c := t[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				special = special || joinByte[c] || (c == 'x' || c == 'X') && j > i && t[j-1] == '0'
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(t[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		chunk := t[i:j]
		i = j
		if !special {
			continue // plain words, the common case
		}
		if c := Compound(chunk); c != "" {
			f(c)
		}
		for _, w := range Words(chunk) {
			if h := hexDigitsOf(w); h != "" {
				f(h)
			}
		}
	}
}
