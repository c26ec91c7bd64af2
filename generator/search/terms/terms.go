// Package terms decides with bleve's analysers which terms a folded word
// (search/format) stands for in a language: a word goes in, its terms (none
// for a stop word) come out, and for English the inflected forms that
// analyse back to a term, so that the browser, which never stems, finds
// them.
package terms

import (
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/da"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fi"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hu"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/it"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/nl"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/no"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/pt"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ro"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/sv"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/tr"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"kbsite/generator/search/format"
)

// Analyzer is the analysis of one language.
type Analyzer struct {
	an   analysis.Analyzer
	ends []string // inflection endings
	// filters are an's token filters when its tokenizer is the Unicode
	// one and it has no character filters: then a word of letters a-z is
	// one token, and filtering it alone analyses it (ofLetters).
	filters []analysis.TokenFilter
}

// For returns the analysis of a language key (format.LangKey); languages
// bleve has no analyser for get its standard one.
func For(lang string) Analyzer {
	a := Analyzer{an: analyzerFor(lang), ends: inflections[lang]}
	if da, ok := a.an.(*analysis.DefaultAnalyzer); ok && len(da.CharFilters) == 0 {
		if _, unicode := da.Tokenizer.(*unicodetok.UnicodeTokenizer); unicode {
			a.filters = da.TokenFilters
		}
	}
	return a
}

var analyzerNames = map[string]string{
	"da": "da", "de": "de", "en": "en", "es": "es", "fi": "fi",
	"fr": "fr", "hu": "hu", "it": "it", "nl": "nl", "no": "no", "nb": "no",
	"pt": "pt", "ro": "ro", "ru": "ru", "sv": "sv", "tr": "tr",
	"zh": "cjk", "ja": "cjk", "ko": "cjk",
}

var (
	cacheMu  sync.Mutex
	regCache = registry.NewCache()
)

func analyzerFor(lang string) analysis.Analyzer {
	name, ok := analyzerNames[lang]
	if !ok {
		name = "standard"
	}
	cacheMu.Lock()
	defer cacheMu.Unlock()
	a, err := regCache.AnalyzerNamed(name)
	if err != nil {
		a, _ = regCache.AnalyzerNamed("standard")
	}
	return a
}

// Of returns the distinct terms bleve makes of a folded word; a technical
// token (format.IsCompound) is its own term.
func (a Analyzer) Of(w string) []string {
	if format.IsCompound(w) {
		return []string{w}
	}
	return distinct(a.an.Analyze([]byte(w)))
}

// ofLetters is Of for a word of letters a-z: the token the tokenizer would
// make of it, through the filters alone. Inflections try a dozen forms of
// every term of a corpus, and segmenting each was most of their cost.
func (a Analyzer) ofLetters(w string) []string {
	if a.filters == nil || format.IsCompound(w) {
		return a.Of(w)
	}
	ts := analysis.TokenStream{{Term: []byte(w), Start: 0, End: len(w), Position: 1, Type: analysis.AlphaNumeric}}
	for _, f := range a.filters {
		ts = f.Filter(ts)
	}
	return distinct(ts)
}

// distinct is the terms of ts, each once, in order.
func distinct(ts analysis.TokenStream) []string {
	var out []string
	for _, t := range ts {
		s := strings.ToValidUTF8(string(t.Term), "")
		if s == "" || strings.ContainsAny(s, " ") || slices.Contains(out, s) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// inflections are the endings tried on every term of an English corpus:
// a form that bleve analyses to the term is added to the vocabulary, so a
// query for "shadowing" finds docs that only say "shadow", though the
// browser never stems. A doubled last letter is tried too ("stopping").
var inflections = map[string][]string{
	"en": {"s", "es", "ed", "ing", "er", "ers", "ion", "ions", "ment", "ments", "ly"},
}

// Inflections returns the forms of term with the language's endings that
// bleve analyses back to term alone and that are not known words yet.
func (a Analyzer) Inflections(term string, known func(string) bool) []string {
	if len(a.ends) == 0 || len(term) < 3 || len(term) > 24 {
		return nil
	}
	for i := 0; i < len(term); i++ {
		if c := term[i]; c < 'a' || c > 'z' {
			return nil
		}
	}
	var out []string
	try := func(w string) {
		if known(w) || slices.Contains(out, w) {
			return
		}
		if ts := a.ofLetters(w); len(ts) == 1 && ts[0] == term {
			out = append(out, w)
		}
	}
	last := term[len(term)-1:]
	for _, e := range a.ends {
		try(term + e)
		if e[0] == 'e' || e[0] == 'i' {
			try(term + last + e)
		}
	}
	return out
}
