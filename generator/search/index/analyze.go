// Package index analyses the articles of a site for search: Docs go in, a
// Corpus comes out, per language the vocabulary (surface words to terms),
// each term's postings with their scores, and the ID lookup keys. The
// index writer (search/export) writes a Corpus as the client index files,
// and search/related finds the most similar docs of each doc, both through
// the read-only view of lang.go; Update applies the edits of serve mode.
//
// bleve's analysers decide what a term is: every distinct folded word of the
// corpus is analysed once with the analyser of its article's language, and
// the exported vocabulary maps surface words to terms, so the browser only
// folds and looks words up. Scores are BM25 saturated per field and weighted
// by field, precomputed per (term, doc) as integers at build time, so both
// engines only add integers.
package index

import (
	"math"
	"slices"
	"sort"

	"kbsite/generator/search/fields"
	"kbsite/generator/search/format"
	"kbsite/generator/search/internal/parallel"
	"kbsite/generator/search/terms"
	"kbsite/generator/search/vocab"
)

// Corpus is the analysed form of a set of docs, one part per language.
// Analyze makes it; the index writer and search/related read it, Update
// changes it. A Corpus is not safe for concurrent use.
type Corpus struct {
	langs    []*Lang // by lang
	n        int     // docs given to Analyze
	bySource map[string]docRef
	// updatable: the corpus keeps what Update needs (Lang.tws).
	updatable bool
}

// docRef locates a doc: its language part and doc number there.
type docRef struct {
	lc *Lang
	d  int32
}

// Posting is one doc of a term: its integer score (format's encoding: the
// value shifted left by 2, or'ed with the field class).
type Posting struct {
	Doc   int32
	Score int32
}

// Lang is the analysed docs of one language. The index writer reads it
// through the methods of lang.go; only this package changes it.
type Lang struct {
	lang      string
	docs      []*fields.Doc      // by doc number; nil: removed by Update
	orig      []int              // index in the slice given to Analyze; -1: added by Update
	live      int                // docs that are not nil
	vocab     *vocab.Vocab       // words; the words of Analyze numbered first
	wordTerms [][]int32          // nil: stop word
	titleTerm []int32            // by word: its exact title term (see format.TitleSuffix), -1: none
	pairTerm  map[[2]int32]int32 // adjacent terms of a heading -> their pair term
	termList  []string
	termID    map[string]int32
	nSorted   int32       // terms [0, nSorted) are numbered in format.Cmp16 order
	docTerms  [][]int32   // terms of each doc
	postings  [][]Posting // by term, sorted by doc
	// tws are, beside each posting of an updatable corpus, the saturating
	// field-weighted term frequency of BM25F, so that Update can rescore
	// a term whose document frequency changes; nil otherwise. At 100,000
	// articles they are 107 MB that a build does not need.
	tws    [][]float32
	idKeys map[string][]int32
	avg    [fields.N]float64 // average field lengths in terms, at Analyze
	nIdf   int               // docs at Analyze: the N of idf
	ed     *edits            // changes of the Update in progress
}

// Analyze analyses docs once, for the index writer and Related, into a
// corpus that Update can change.
func Analyze(docs []fields.Doc) *Corpus { return AnalyzeEach(docs, nil, true) }

// AnalyzeEach is Analyze calling counted (unless nil) with each language
// once its docs' words are counted and numbered, before its postings are
// built: from then on the index reads nothing of the docs' sections
// (export.Writer.Records writes the records there and drops them). Only
// an updatable corpus can be given to Update.
func AnalyzeEach(docs []fields.Doc, counted func(*Lang), updatable bool) *Corpus {
	byLang := map[string][]int{}
	for i := range docs {
		k := format.LangKey(docs[i].Lang)
		byLang[k] = append(byLang[k], i)
	}
	keys := make([]string, 0, len(byLang))
	for k := range byLang {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	c := &Corpus{n: len(docs), bySource: make(map[string]docRef, len(docs)), updatable: updatable}
	for _, k := range keys {
		lc := analyzeLang(k, docs, byLang[k], counted, updatable)
		c.langs = append(c.langs, lc)
		for d, doc := range lc.docs {
			if _, dup := c.bySource[doc.Source]; !dup {
				c.bySource[doc.Source] = docRef{lc, int32(d)}
			}
		}
	}
	return c
}

// headingPairs calls f with the first terms of each two words adjacent in
// a heading of dw, stop words and technical tokens left out.
func (lc *Lang) headingPairs(dw *fields.Words, f func(a, b int32)) {
	prev := int32(-1)
	for _, w := range dw.Seq {
		if w < 0 {
			prev = -1
			continue
		}
		if len(lc.wordTerms[w]) == 0 {
			continue
		}
		t := lc.wordTerms[w][0]
		if prev >= 0 && prev != t {
			f(prev, t)
		}
		prev = t
	}
}

// addPairTerms makes the pair terms of dw's headings that do not exist
// yet, numbered after the other terms, and marks them in keys (if not nil).
func (lc *Lang) addPairTerms(dw *fields.Words, keys map[string]bool) {
	lc.headingPairs(dw, func(a, b int32) {
		if _, ok := lc.pairTerm[[2]int32{a, b}]; ok {
			return
		}
		lc.pairTerm[[2]int32{a, b}] = lc.newTerm(lc.termList[a]+format.PairSep+lc.termList[b], keys)
	})
}

// addInflections adds to the vocabulary the inflected forms of each term
// that bleve analyses to that term alone and that no doc has (parallel).
func (lc *Lang) addInflections(an terms.Analyzer) {
	known := func(w string) bool { return lc.vocab.Lookup(w) >= 0 }
	found := make([][]string, len(lc.termList))
	parallel.Chunks(len(lc.termList), 256, func(lo, hi int) {
		for t := lo; t < hi; t++ {
			found[t] = an.Inflections(lc.termList[t], known)
		}
	})
	for t, ws := range found {
		for _, w := range ws {
			if lc.vocab.Lookup(w) < 0 {
				lc.vocab.IDNoCopy(w)
				lc.wordTerms = append(lc.wordTerms, []int32{int32(t)})
				lc.titleTerm = append(lc.titleTerm, -1)
			}
		}
	}
}

// termDoc is a term of one doc: its tw and field class. tw is kept as a
// float32, the precision Update keeps it in, so that a term scores the
// same whether a full build or an Update scored it.
type termDoc struct {
	term int32
	cls  int32
	tw   float32
}

// fieldLens returns the number of terms in each field of a doc.
func (lc *Lang) fieldLens(dw *fields.Words) (fl [fields.N]int32) {
	for f := 0; f < fields.N; f++ {
		for w, c := range dw.In(f) {
			fl[f] += c * int32(len(lc.wordTerms[w]))
		}
	}
	return fl
}

// termScratch is per-worker state of termWeights.
type termScratch struct {
	pos []int32 // by term: index+1 in tf
	tf  [][fields.N]int32
	out []termDoc
}

// termWeights returns the terms of a doc with their tw, in scratch memory.
func (lc *Lang) termWeights(dw *fields.Words, fl *[fields.N]int32, s *termScratch) []termDoc {
	if len(s.pos) < len(lc.termList) {
		s.pos = make([]int32, len(lc.termList)+len(lc.termList)/4)
	}
	s.tf = s.tf[:0]
	s.out = s.out[:0]
	add := func(t int32, f int, c int32) {
		p := s.pos[t] - 1
		if p < 0 {
			p = int32(len(s.out))
			s.pos[t] = p + 1
			s.out = append(s.out, termDoc{term: t})
			s.tf = append(s.tf, [fields.N]int32{})
		}
		s.tf[p][f] += c
	}
	for f := 0; f < fields.N; f++ {
		for w, c := range dw.In(f) {
			for _, t := range lc.wordTerms[w] {
				add(t, f, c)
			}
			if f == fields.Title && lc.titleTerm[w] >= 0 {
				add(lc.titleTerm[w], f, c)
			}
		}
	}
	// A pair weighs as a keyword: how many headings a doc has does not
	// dilute two words found together in one.
	lc.headingPairs(dw, func(a, b int32) { add(lc.pairTerm[[2]int32{a, b}], fields.Keywords, 1) })
	for i := range s.out {
		t := &s.out[i]
		s.pos[t.term] = 0
		tw, cls := fields.Weight(&s.tf[i], fl, &lc.avg)
		t.tw, t.cls = float32(tw), cls
	}
	return s.out
}

func analyzeLang(lang string, all []fields.Doc, idx []int, counted func(*Lang), updatable bool) *Lang {
	lc := &Lang{lang: lang, idKeys: map[string][]int32{}}
	sort.SliceStable(idx, func(a, b int) bool {
		da, db := &all[idx[a]], &all[idx[b]]
		if da.ID != db.ID {
			return da.ID < db.ID
		}
		return da.URL < db.URL
	})
	lc.orig = idx
	lc.docs = make([]*fields.Doc, len(idx))
	for i, j := range idx {
		lc.docs[i] = &all[j]
	}
	n := len(lc.docs)
	lc.live, lc.nIdf = n, n

	var dws []fields.Words
	lc.vocab, dws = fields.CountAll(lc.docs)
	if counted != nil {
		counted(lc)
	}
	lc.analyseWords(dws)
	lc.score(lc.weigh(dws), updatable)
	// The ID and alias lookup keys.
	for d, doc := range lc.docs {
		fields.IDKeys(doc, func(key string) { lc.idKeys[key] = append(lc.idKeys[key], int32(d)) })
	}
	return lc
}

// analyseWords analyses each distinct word once with bleve (parallel) and
// numbers the terms: in format.Cmp16 order, then the inflections and the
// heading pairs.
func (lc *Lang) analyseWords(dws []fields.Words) {
	an := terms.For(lc.lang)
	wordTermStr := make([][]string, len(lc.vocab.Words()))
	parallel.Chunks(len(lc.vocab.Words()), 256, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			wordTermStr[i] = an.Of(lc.vocab.Words()[i])
		}
	})
	lc.termID = map[string]int32{}
	for _, ts := range wordTermStr {
		for _, t := range ts {
			if _, ok := lc.termID[t]; !ok {
				lc.termID[t] = 0
				lc.termList = append(lc.termList, t)
			}
		}
	}
	inTitle := make([]bool, len(lc.vocab.Words()))
	for i := range dws {
		for x := range dws[i].In(fields.Title) {
			if w := lc.vocab.Words()[x]; !inTitle[x] && len(wordTermStr[x]) > 0 && !format.IsCompound(w) {
				inTitle[x] = true
				lc.termList = append(lc.termList, w+format.TitleSuffix)
			}
		}
	}
	slices.SortFunc(lc.termList, format.Cmp16)
	for i, t := range lc.termList {
		lc.termID[t] = int32(i)
	}
	lc.nSorted = int32(len(lc.termList))
	lc.wordTerms = make([][]int32, len(lc.vocab.Words()))
	nwt := 0
	for _, ts := range wordTermStr {
		nwt += len(ts)
	}
	wtBack := make([]int32, 0, nwt)
	for i, ts := range wordTermStr {
		if len(ts) == 0 {
			continue
		}
		lo := len(wtBack)
		for _, t := range ts {
			wtBack = append(wtBack, lc.termID[t])
		}
		lc.wordTerms[i] = wtBack[lo:len(wtBack):len(wtBack)]
	}
	lc.titleTerm = make([]int32, len(lc.vocab.Words()))
	for i, ok := range inTitle {
		lc.titleTerm[i] = -1
		if ok {
			lc.titleTerm[i] = lc.termID[lc.vocab.Words()[i]+format.TitleSuffix]
		}
	}
	lc.addInflections(an)
	lc.pairTerm = map[[2]int32]int32{}
	for i := range dws {
		lc.addPairTerms(&dws[i], nil)
	}

}

// docWeights are the tw and field class of each term of one doc, in the
// order of its docTerms, kept from weigh to score. Parallel slices rather
// than termDocs: 5 bytes a (term, doc) instead of 12, and at 100,000
// articles there are some 27 million.
type docWeights struct {
	tw  []float32
	cls []uint8
}

// weigh returns the tw and field class of every term of every doc
// (parallel), from the field lengths and their averages, and sets
// lc.docTerms. It drops dws's words as it goes.
func (lc *Lang) weigh(dws []fields.Words) []docWeights {
	n := len(lc.docs)
	fieldLen := make([][fields.N]int32, n)
	parallel.For(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			fieldLen[i] = lc.fieldLens(&dws[i])
		}
	})
	for i := range fieldLen {
		for f := 0; f < fields.N; f++ {
			lc.avg[f] += float64(fieldLen[i][f])
		}
	}
	for f := range lc.avg {
		lc.avg[f] /= math.Max(1, float64(n))
	}
	weights := make([]docWeights, n)
	lc.docTerms = make([][]int32, n)
	parallel.For(n, func(lo, hi int) {
		var s termScratch
		for i := lo; i < hi; i++ {
			td := lc.termWeights(&dws[i], &fieldLen[i], &s)
			dws[i] = fields.Words{}
			ts := make([]int32, len(td))
			w := docWeights{tw: make([]float32, len(td)), cls: make([]uint8, len(td))}
			for k, t := range td {
				ts[k], w.tw[k], w.cls[k] = t.term, t.tw, uint8(t.cls)
			}
			lc.docTerms[i], weights[i] = ts, w
		}
	})
	return weights
}

// score sets the postings of every term, with the BM25F score of each
// (term, doc), and with updatable their tws, dropping each doc's weights
// once they are in.
func (lc *Lang) score(weights []docWeights, updatable bool) {
	n := len(lc.docs)
	df := make([]int32, len(lc.termList))
	for _, ts := range lc.docTerms {
		for _, t := range ts {
			df[t]++
		}
	}
	idfs := make([]float64, len(df))
	for t, x := range df {
		idfs[t] = fields.IDF(n, int(x))
	}
	nPost := 0
	for _, x := range df {
		nPost += int(x)
	}
	back := make([]Posting, nPost)
	lc.postings = make([][]Posting, len(lc.termList))
	var twBack []float32
	if updatable {
		twBack = make([]float32, nPost)
		lc.tws = make([][]float32, len(lc.termList))
	}
	off := 0
	for t, x := range df {
		lc.postings[t] = back[off : off : off+int(x)]
		if updatable {
			lc.tws[t] = twBack[off : off : off+int(x)]
		}
		off += int(x)
	}
	for d, ts := range lc.docTerms {
		w := weights[d]
		for k, t := range ts {
			sc := fields.Score(idfs[t], float64(w.tw[k]), int32(w.cls[k]))
			lc.postings[t] = append(lc.postings[t], Posting{int32(d), sc})
			if updatable {
				lc.tws[t] = append(lc.tws[t], w.tw[k])
			}
		}
		weights[d] = docWeights{}
	}
}
