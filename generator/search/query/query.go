// Package query is the syntax of a search query, the same in the Go
// engine (search/engine) and in templates/assets/search-engine.js: text
// goes in, its words, phrases, technical tokens and exclusions come out,
// within limits that keep hostile queries cheap.
package query

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kbsite/generator/search/format"
)

// Query limits: hostile queries do bounded work.
const (
	maxRunes       = 500
	maxWords       = 32 // words in all
	maxPhraseWords = 8  // words per phrase
)

// Trim returns a query as it is searched: valid UTF-8, at most maxRunes
// runes.
func Trim(text string) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	if rs := []rune(text); len(rs) > maxRunes {
		text = string(rs[:maxRunes])
	}
	return text
}

// Parsed is the syntax of a query: the chunks between white space outside
// quotes, and the quoted phrases.
type Parsed struct {
	Chunks     []Chunk
	Typing     bool // the last chunk's last word is being typed
	Phrases    [][]string
	NegPhrases [][]string // "-\"...\"": phrases to exclude
}

// Chunk is a run of text between white space outside quotes: its words,
// its technical token (format.Compound) and whether it is "-word" after a
// space (or at the start of the query), which excludes unless the engine
// decides otherwise (an option such as "-v").
type Chunk struct {
	Words []string
	Comp  string
	Neg   bool
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// Parse splits a query. Even parts between '"' are outside quotes.
func Parse(q string) Parsed {
	var p Parsed
	parts := strings.Split(q, "\"")
	endsWord := q != "" && format.IsWordRune(lastRune(q))
	nwords := 0
	for i, part := range parts {
		if i%2 == 1 {
			ws := format.Words(part)
			if len(ws) > maxPhraseWords {
				ws = ws[:maxPhraseWords]
			}
			prev := parts[i-1]
			neg := strings.HasSuffix(prev, "-") && (len(prev) == 1 || isSpace(lastRune(prev[:len(prev)-1])))
			if nwords+len(ws) > maxWords || len(ws) == 0 {
				continue
			}
			nwords += len(ws)
			switch {
			case neg:
				p.NegPhrases = append(p.NegPhrases, ws)
			case len(ws) == 1:
				p.Chunks = append(p.Chunks, Chunk{Words: ws})
			default:
				p.Phrases = append(p.Phrases, ws)
			}
			continue
		}
		chunks := strings.FieldsFunc(part, isSpace)
		for ci, ch := range chunks {
			ws := format.Words(ch)
			if n := maxWords - nwords; len(ws) > n {
				ws = ws[:max(n, 0)]
			}
			if len(ws) == 0 {
				continue
			}
			nwords += len(ws)
			// The start of the query counts as after a space: "-nat firewall".
			afterSpace := ci > 0 || i == 0 || isSpace(firstRune(part))
			second, _ := utf8.DecodeRuneInString(strings.TrimPrefix(ch, "-"))
			neg := afterSpace && strings.HasPrefix(ch, "-") && format.IsWordRune(second)
			p.Chunks = append(p.Chunks, Chunk{Words: ws, Comp: format.Compound(ch), Neg: neg})
			p.Typing = endsWord && i == len(parts)-1 && ci == len(chunks)-1
		}
	}
	return p
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
