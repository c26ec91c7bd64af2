// Package search builds the static client search index of a kbsite site and
// searches it, in Go and (templates/assets/search-engine.js) in the browser.
//
// bleve's analysers decide what a term is: every distinct folded word of the
// corpus is analysed once with the analyser of its article's language, and
// the exported vocabulary maps surface words to terms, so the browser only
// folds and looks words up. Scores are BM25F, precomputed per (term, doc) as
// integers at build time, so both engines only add integers.
package search

import (
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

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
	"github.com/blevesearch/bleve/v2/registry"
)

// Doc is one article to index. URL is the page path relative to the site
// root (e.g. "kb/kb307294.html").
type Doc struct {
	ID, Title, URL, Source, Lang, Summary string
	Aliases, Keywords                     []string
	Products                              []string // display names
	ProductSlugs                          []string // e.g. "windows-messenger"
	Sections                              []Section
}

// Section is body text under one heading; Heading is "" for the text
// before the first heading.
type Section struct{ ID, Heading, Text string }

// File is one output file, Path relative to the site root.
type File struct {
	Path string
	Data []byte
}

// Fields and their BM25F weights: ID/title > headings/keywords > summary > body.
const (
	fID = iota
	fTitle
	fHeadings
	fKeywords
	fSummary
	fBody
	nFields
)

var (
	fieldBoost = [nFields]float64{8, 8, 4, 4, 2, 1}
	fieldB     = [nFields]float64{0, 0.5, 0.75, 0, 0.75, 0.75}
)

const (
	bm25K1     = 1.2
	scoreScale = 50 // stored score = round(BM25F * scoreScale)
)

var analyzerNames = map[string]string{
	"da": "da", "de": "de", "en": "en", "es": "es", "fi": "fi",
	"fr": "fr", "hu": "hu", "it": "it", "nl": "nl", "no": "no", "nb": "no",
	"pt": "pt", "ro": "ro", "ru": "ru", "sv": "sv", "tr": "tr",
	"zh": "cjk", "ja": "cjk", "ko": "cjk",
}

// langKey is the folder name of a language: the primary subtag, lower case.
func langKey(lang string) string {
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

// Corpus is the analysed form of a set of docs, one part per language.
type Corpus struct {
	langs []*langCorpus
	n     int
}

type termTF struct {
	term int32
	tf   [nFields]uint16
}

type posting struct {
	doc   int32
	score int32
}

type langCorpus struct {
	lang      string
	docs      []*Doc
	orig      []int // index in the input slice
	wordList  []string
	wordTerms [][]int32 // nil: stop word
	termList  []string
	docTerms  [][]termTF
	postings  [][]posting
	idKeys    map[string][]int32
}

// Analyze analyses docs once; Files and Related use the result.
func Analyze(docs []Doc) *Corpus {
	byLang := map[string][]int{}
	for i := range docs {
		k := langKey(docs[i].Lang)
		byLang[k] = append(byLang[k], i)
	}
	keys := make([]string, 0, len(byLang))
	for k := range byLang {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	c := &Corpus{n: len(docs)}
	for _, k := range keys {
		c.langs = append(c.langs, analyzeLang(k, docs, byLang[k]))
	}
	return c
}

func parallel(n int, f func(lo, hi int)) {
	w := runtime.GOMAXPROCS(0)
	if w > n {
		w = n
	}
	if w <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + w - 1) / w
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() { defer wg.Done(); f(lo, hi) }()
	}
	wg.Wait()
}

// fieldTexts returns the texts of each field of d.
func fieldTexts(d *Doc) [nFields][]string {
	var f [nFields][]string
	f[fID] = append(append(f[fID], d.ID), d.Aliases...)
	for _, id := range append([]string{d.ID}, d.Aliases...) {
		if dg := idDigits(idKey(id)); dg != "" {
			f[fID] = append(f[fID], dg)
		}
	}
	f[fTitle] = []string{d.Title}
	f[fKeywords] = append(append(f[fKeywords], d.Keywords...), d.Products...)
	f[fSummary] = []string{d.Summary}
	for _, s := range d.Sections {
		if s.Heading != "" {
			f[fHeadings] = append(f[fHeadings], s.Heading)
		}
		f[fBody] = append(f[fBody], s.Text)
	}
	return f
}

// idKey is the lookup key of an ID or alias: its folded letters and digits.
func idKey(s string) string { return strings.Join(words(s), "") }

// idDigits returns the digits of a letters+digits key ("kb307294" -> "307294").
func idDigits(k string) string {
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

func analyzeLang(lang string, all []Doc, idx []int) *langCorpus {
	lc := &langCorpus{lang: lang, idKeys: map[string][]int32{}}
	sort.SliceStable(idx, func(a, b int) bool {
		da, db := &all[idx[a]], &all[idx[b]]
		if da.ID != db.ID {
			return da.ID < db.ID
		}
		return da.URL < db.URL
	})
	lc.orig = idx
	lc.docs = make([]*Doc, len(idx))
	for i, j := range idx {
		lc.docs[i] = &all[j]
	}
	n := len(lc.docs)

	// 1. Tokenise every field of every doc (parallel), numbering words
	// locally per worker; 2. merge the workers' vocabularies.
	type worker struct {
		lo, hi int
		local  map[string]int32
		words  []string
		global []int32
	}
	var workers []*worker
	var wmu sync.Mutex
	docIDs := make([][nFields][]int32, n) // local word ids, then global
	parallel(n, func(lo, hi int) {
		w := &worker{lo: lo, hi: hi, local: map[string]int32{}}
		var buf []token
		for i := lo; i < hi; i++ {
			ft := fieldTexts(lc.docs[i])
			for f := 0; f < nFields; f++ {
				var ids []int32
				for _, t := range ft[f] {
					buf = tokens(t, buf[:0])
					if ids == nil {
						ids = make([]int32, 0, len(buf))
					}
					for _, tk := range buf {
						id, ok := w.local[tk.word]
						if !ok {
							id = int32(len(w.words))
							word := strings.Clone(tk.word) // compact keys: cache-friendly
							w.local[word] = id
							w.words = append(w.words, word)
						}
						ids = append(ids, id)
					}
				}
				docIDs[i][f] = ids
			}
		}
		wmu.Lock()
		workers = append(workers, w)
		wmu.Unlock()
	})
	sort.Slice(workers, func(a, b int) bool { return workers[a].lo < workers[b].lo })
	wordID := map[string]int32{}
	for _, w := range workers {
		w.global = make([]int32, len(w.words))
		for l, word := range w.words {
			id, ok := wordID[word]
			if !ok {
				id = int32(len(lc.wordList))
				wordID[word] = id
				lc.wordList = append(lc.wordList, word)
			}
			w.global[l] = id
		}
		w.local = nil
	}
	for _, w := range workers {
		parallel(w.hi-w.lo, func(lo, hi int) {
			for i := w.lo + lo; i < w.lo+hi; i++ {
				for f := range docIDs[i] {
					for k, id := range docIDs[i][f] {
						docIDs[i][f][k] = w.global[id]
					}
				}
			}
		})
	}

	// 3. Analyse each distinct word once with bleve (parallel).
	an := analyzerFor(lang)
	wordTermStr := make([][]string, len(lc.wordList))
	parallel(len(lc.wordList), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			ts := an.Analyze([]byte(lc.wordList[i]))
			var out []string
			for _, t := range ts {
				s := strings.ToValidUTF8(string(t.Term), "")
				if s == "" || strings.ContainsAny(s, " ") {
					continue
				}
				dup := false
				for _, o := range out {
					dup = dup || o == s
				}
				if !dup {
					out = append(out, s)
				}
			}
			wordTermStr[i] = out
		}
	})
	termID := map[string]int32{}
	for _, ts := range wordTermStr {
		for _, t := range ts {
			if _, ok := termID[t]; !ok {
				termID[t] = 0
				lc.termList = append(lc.termList, t)
			}
		}
	}
	sort.Slice(lc.termList, func(a, b int) bool { return cmp16(lc.termList[a], lc.termList[b]) < 0 })
	for i, t := range lc.termList {
		termID[t] = int32(i)
	}
	lc.wordTerms = make([][]int32, len(lc.wordList))
	for i, ts := range wordTermStr {
		if len(ts) == 0 {
			continue
		}
		ids := make([]int32, len(ts))
		for k, t := range ts {
			ids[k] = termID[t]
		}
		lc.wordTerms[i] = ids
	}

	// 4. Term frequencies per doc and field (parallel).
	lc.docTerms = make([][]termTF, n)
	fieldLen := make([][nFields]int32, n)
	nTerms := len(lc.termList)
	parallel(n, func(lo, hi int) {
		pos := make([]int32, nTerms) // index+1 in tfs
		for i := lo; i < hi; i++ {
			var tfs []termTF
			for f := 0; f < nFields; f++ {
				for _, w := range docIDs[i][f] {
					for _, t := range lc.wordTerms[w] {
						fieldLen[i][f]++
						p := pos[t] - 1
						if p < 0 {
							p = int32(len(tfs))
							pos[t] = p + 1
							tfs = append(tfs, termTF{term: t})
						}
						if tfs[p].tf[f] < math.MaxUint16 {
							tfs[p].tf[f]++
						}
					}
				}
			}
			for _, t := range tfs {
				pos[t.term] = 0
			}
			lc.docTerms[i] = slices.Clip(tfs)
			docIDs[i] = [nFields][]int32{}
		}
	})

	// 5. BM25F scores per (term, doc).
	var avg [nFields]float64
	for i := range fieldLen {
		for f := 0; f < nFields; f++ {
			avg[f] += float64(fieldLen[i][f])
		}
	}
	for f := range avg {
		avg[f] /= math.Max(1, float64(n))
	}
	df := make([]int32, len(lc.termList))
	for _, tfs := range lc.docTerms {
		for _, t := range tfs {
			df[t.term]++
		}
	}
	lc.postings = make([][]posting, len(lc.termList))
	for t := range lc.postings {
		lc.postings[t] = make([]posting, 0, df[t])
	}
	idfs := make([]float64, len(df))
	for t, x := range df {
		idfs[t] = math.Log(1 + (float64(n)-float64(x)+0.5)/(float64(x)+0.5))
	}
	for d, tfs := range lc.docTerms {
		for _, t := range tfs {
			idf := idfs[t.term]
			tw := 0.0
			for f := 0; f < nFields; f++ {
				if t.tf[f] == 0 {
					continue
				}
				norm := 1.0
				if avg[f] > 0 {
					norm = 1 - fieldB[f] + fieldB[f]*float64(fieldLen[d][f])/avg[f]
				}
				tw += fieldBoost[f] * float64(t.tf[f]) / norm
			}
			s := idf * tw * (bm25K1 + 1) / (bm25K1 + tw)
			si := int32(math.Round(s * scoreScale))
			if si < 1 {
				si = 1
			}
			lc.postings[t.term] = append(lc.postings[t.term], posting{int32(d), si})
		}
	}

	// 6. ID and alias lookup keys.
	for d, doc := range lc.docs {
		seen := map[string]bool{}
		for _, id := range append([]string{doc.ID}, doc.Aliases...) {
			k := idKey(id)
			for _, key := range []string{k, idDigits(k)} {
				if key != "" && !seen[key] {
					seen[key] = true
					lc.idKeys[key] = append(lc.idKeys[key], int32(d))
				}
			}
		}
	}
	return lc
}
