package index

import (
	"reflect"
	"slices"
	"sort"

	"kbsite/generator/search/fields"
	"kbsite/generator/search/format"
	"kbsite/generator/search/terms"
)

// Update applies edits to an analysed corpus, for serve mode, and returns
// what changed in each language whose docs changed, in language order, for
// the index writer (search/export) to rewrite.
//
// Docs are matched by Source (Sources are assumed unique; Analyze keys
// duplicates by the first). removed is applied first: each doc whose Source
// is in it is dropped. Then each doc of changed replaces the doc of its
// Source, or is added if the Source is new; a doc equal to the one it
// replaces costs nothing. Update keeps the changed docs (and their slices):
// the caller must not modify them afterwards. A doc in a new language
// makes a new Lang, which no Changed reports.
//
// Numbering: a changed doc keeps its number, a new doc is numbered after
// all others, and a removed doc leaves a hole: no posting, ID key or product
// list refers to it, so both engines never see it (the manifest's doc
// count includes holes). Analyze of the same docs numbers them
// differently, in ID order.
//
// Statistics: BM25F needs the number of docs and the average length of
// each field over all docs; Update keeps both from Analyze. Document
// frequencies are exact: the terms a doc gains or loses are rescored in
// every doc, the other terms of a changed doc only in that doc. Scores can
// thus differ slightly from those of a full build of the same docs, which
// is fine for a preview. Words that no longer occur stay in the
// vocabulary, with no docs.
func (c *Corpus) Update(changed []fields.Doc, removed []string) []Changed {
	if !c.updatable {
		panic("index: Update of a corpus analysed without updatable")
	}
	touched := map[*Lang]bool{}
	for _, src := range removed {
		ref, ok := c.bySource[src]
		if !ok {
			continue
		}
		ref.lc.edits().removeDoc(ref.lc, ref.d, true)
		delete(c.bySource, src)
		touched[ref.lc] = true
	}
	for i := range changed {
		doc := new(fields.Doc)
		*doc = changed[i]
		key := format.LangKey(doc.Lang)
		if ref, ok := c.bySource[doc.Source]; ok {
			if ref.lc.lang == key {
				if reflect.DeepEqual(ref.lc.docs[ref.d], doc) {
					continue
				}
				ref.lc.edits().setDoc(ref.lc, ref.d, doc)
				touched[ref.lc] = true
				continue
			}
			ref.lc.edits().removeDoc(ref.lc, ref.d, true)
			touched[ref.lc] = true
		}
		lc := c.lang(key)
		if lc == nil {
			lc = analyzeLang(key, []fields.Doc{*doc}, []int{0}, nil, true)
			lc.orig[0] = -1
			c.langs = append(c.langs, lc)
			slices.SortFunc(c.langs, func(a, b *Lang) int { return cmpString(a.lang, b.lang) })
			c.bySource[doc.Source] = docRef{lc, 0}
			continue
		}
		d := int32(len(lc.docs))
		lc.docs = append(lc.docs, nil)
		lc.orig = append(lc.orig, -1)
		lc.docTerms = append(lc.docTerms, nil)
		lc.edits().added[d] = true
		lc.edits().setDoc(lc, d, doc)
		c.bySource[doc.Source] = docRef{lc, d}
		touched[lc] = true
	}
	var out []Changed
	for _, lc := range c.langs {
		if touched[lc] {
			out = append(out, lc.finish())
		}
	}
	return out
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (c *Corpus) lang(key string) *Lang {
	for _, lc := range c.langs {
		if lc.lang == key {
			return lc
		}
	}
	return nil
}

// Changed is what an Update changed in one language: what the index
// writer rewrites.
type Changed struct {
	Lang     *Lang
	Keys     map[string]bool // keys (words, terms, ID keys) whose entry may have changed
	Records  []int32         // docs whose record is new or changed, in order
	Gone     []int32         // docs removed
	Products bool            // whether the product or type lists may have changed
}

// edits is what one Update changed in a language, until finish.
type edits struct {
	oldDF    map[int32]int   // terms whose postings changed: df before
	scoreNew []posRef        // postings added, to score once idf is known
	keys     map[string]bool // keys whose entry may have changed
	records  map[int32]bool  // docs whose record is new or changed
	gone     []int32         // docs removed
	added    map[int32]bool  // docs added
	prods    bool
	nWords   int // words before
	count    *fields.Counter
	scratch  termScratch
	keep     map[int32]bool // terms the doc being set keeps
}

type posRef struct{ term, doc int32 }

func (lc *Lang) edits() *edits {
	if lc.ed == nil {
		lc.ed = &edits{oldDF: map[int32]int{}, keys: map[string]bool{}, records: map[int32]bool{}, added: map[int32]bool{},
			nWords: len(lc.vocab.Words())}
	}
	return lc.ed
}

func (e *edits) termChanged(lc *Lang, t int32) {
	if _, ok := e.oldDF[t]; !ok {
		e.oldDF[t] = len(lc.postings[t])
	}
}

// removeDoc takes doc d out of the postings and ID keys; drop also makes it
// a hole.
func (e *edits) removeDoc(lc *Lang, d int32, drop bool) {
	doc := lc.docs[d]
	if doc == nil {
		return
	}
	for _, t := range lc.docTerms[d] {
		e.termChanged(lc, t)
		lc.dropPosting(t, d)
	}
	lc.docTerms[d] = nil
	e.dropIDKeys(lc, doc, d)
	if len(doc.Products) > 0 || doc.Type != "" {
		e.prods = true
	}
	if drop {
		lc.docs[d] = nil
		lc.live--
		delete(e.records, d)
		if !e.added[d] {
			e.gone = append(e.gone, d)
		}
	}
}

// dropIDKeys takes doc d out of the ID and alias lookup of its keys.
func (e *edits) dropIDKeys(lc *Lang, doc *fields.Doc, d int32) {
	fields.IDKeys(doc, func(key string) {
		ds := lc.idKeys[key]
		if i, ok := slices.BinarySearch(ds, d); ok {
			ds = slices.Delete(ds, i, i+1)
		}
		if len(ds) == 0 {
			delete(lc.idKeys, key)
		} else {
			lc.idKeys[key] = ds
		}
		e.keys[key] = true
	})
}

// dropPosting takes doc d out of the postings of term t.
func (lc *Lang) dropPosting(t, d int32) {
	ps := lc.postings[t]
	if i := searchDoc(ps, d); i < len(ps) && ps[i].Doc == d {
		lc.postings[t] = slices.Delete(ps, i, i+1)
		lc.tws[t] = slices.Delete(lc.tws[t], i, i+1)
	}
}

func searchDoc(ps []Posting, d int32) int {
	return sort.Search(len(ps), func(i int) bool { return ps[i].Doc >= d })
}

// analyseNewWords analyses the words added to the vocabulary since the
// last analysis, numbering new terms after the others, and adds the
// inflections of the new terms.
func (e *edits) analyseNewWords(lc *Lang) {
	n := len(lc.vocab.Words())
	if n <= len(lc.wordTerms) {
		return
	}
	an := terms.For(lc.lang)
	known := func(w string) bool { return lc.vocab.Lookup(w) >= 0 }
	var added []int32
	for w := len(lc.wordTerms); w < n; w++ {
		var ids []int32
		for _, s := range an.Of(lc.vocab.Words()[w]) {
			t, ok := lc.termID[s]
			if !ok {
				t = lc.newTerm(s, e.keys)
				added = append(added, t)
			}
			ids = append(ids, t)
		}
		lc.wordTerms = append(lc.wordTerms, ids)
		e.keys[lc.vocab.Words()[w]] = true
	}
	for _, t := range added {
		for _, w := range an.Inflections(lc.termList[t], known) {
			lc.vocab.ID(w)
			lc.wordTerms = append(lc.wordTerms, []int32{t})
			e.keys[w] = true
		}
	}
}

// setDoc analyses doc as doc d, replacing the doc d has, if any. A term
// the doc keeps has its posting updated in place, and its key marked
// changed only if the score changes.
func (e *edits) setDoc(lc *Lang, d int32, doc *fields.Doc) {
	old := lc.docs[d]
	if old != nil {
		e.dropIDKeys(lc, old, d)
		e.prods = e.prods || !sameLists(old, doc)
	} else {
		lc.live++
		e.prods = e.prods || len(doc.Products) > 0 || doc.Type != ""
	}
	lc.docs[d] = doc
	if e.count == nil {
		e.count = fields.NewCounter(lc.vocab)
	}
	dw := e.count.Count(doc)
	e.analyseNewWords(lc)
	lc.addTitleTerms(&dw, e.keys)
	lc.addPairTerms(&dw, e.keys)
	fl := lc.fieldLens(&dw)
	tds := lc.termWeights(&dw, &fl, &e.scratch)
	if e.keep == nil {
		e.keep = map[int32]bool{}
	}
	clear(e.keep)
	terms := make([]int32, len(tds))
	for i, td := range tds {
		t := td.term
		terms[i] = t
		ps := lc.postings[t]
		j := searchDoc(ps, d)
		if j < len(ps) && ps[j].Doc == d { // a term the doc keeps
			e.keep[t] = true
			lc.tws[t][j] = td.tw
			if sc := fields.Score(fields.IDF(lc.nIdf, len(ps)), float64(td.tw), td.cls); sc != ps[j].Score {
				ps[j].Score = sc
				e.keys[lc.termList[t]] = true
			}
			continue
		}
		e.termChanged(lc, t)
		lc.postings[t] = slices.Insert(ps, j, Posting{d, td.cls})
		lc.tws[t] = slices.Insert(lc.tws[t], j, td.tw)
		e.scoreNew = append(e.scoreNew, posRef{t, d})
	}
	for _, t := range lc.docTerms[d] { // terms the doc lost
		if !e.keep[t] {
			e.termChanged(lc, t)
			lc.dropPosting(t, d)
		}
	}
	lc.docTerms[d] = terms
	fields.IDKeys(doc, func(key string) {
		ds := lc.idKeys[key]
		if i, ok := slices.BinarySearch(ds, d); !ok {
			lc.idKeys[key] = slices.Insert(ds, i, d)
		}
		e.keys[key] = true
	})
	e.records[d] = true
}

// sameLists tells whether two versions of a doc are in the same product
// and type lists: an edit of the text alone need not rebuild the lists,
// which walks every doc.
func sameLists(a, b *fields.Doc) bool {
	return slices.Equal(a.Products, b.Products) && slices.Equal(a.ProductSlugs, b.ProductSlugs) &&
		a.Type == b.Type && a.TypeSlug == b.TypeSlug
}

// finish rescores what the edits changed and returns what they changed.
func (lc *Lang) finish() Changed {
	e := lc.ed
	lc.ed = nil
	// Scores: every posting of a term whose df changed, else the new ones.
	for t, df := range e.oldDF {
		ps := lc.postings[t]
		if len(ps) != df {
			idf := fields.IDF(lc.nIdf, len(ps))
			for i := range ps {
				ps[i].Score = fields.Score(idf, float64(lc.tws[t][i]), ps[i].Score&3)
			}
		}
		e.keys[lc.termList[t]] = true
	}
	for _, p := range e.scoreNew {
		ps := lc.postings[p.term]
		if i := searchDoc(ps, p.doc); i < len(ps) && ps[i].Doc == p.doc && ps[i].Score>>2 == 0 {
			ps[i].Score = fields.Score(fields.IDF(lc.nIdf, len(ps)), float64(lc.tws[p.term][i]), ps[i].Score&3)
		}
	}
	ds := make([]int32, 0, len(e.records))
	for d := range e.records {
		ds = append(ds, d)
	}
	slices.Sort(ds)
	return Changed{Lang: lc, Keys: e.keys, Records: ds, Gone: e.gone, Products: e.prods}
}

// addTitleTerms makes the exact title terms of the words of dw's title
// that have none yet, numbered after the other terms, and marks them in
// keys.
func (lc *Lang) addTitleTerms(dw *fields.Words, keys map[string]bool) {
	for len(lc.titleTerm) < len(lc.vocab.Words()) {
		lc.titleTerm = append(lc.titleTerm, -1)
	}
	for x := range dw.In(fields.Title) {
		w := lc.vocab.Words()[x]
		if lc.titleTerm[x] >= 0 || len(lc.wordTerms[x]) == 0 || format.IsCompound(w) {
			continue
		}
		t, ok := lc.termID[w+format.TitleSuffix]
		if !ok {
			t = lc.newTerm(w+format.TitleSuffix, keys)
		}
		lc.titleTerm[x] = t
	}
}

// newTerm numbers a new term after the others, with no postings yet, and
// marks it in keys (if not nil).
func (lc *Lang) newTerm(key string, keys map[string]bool) int32 {
	t := int32(len(lc.termList))
	lc.termID[key] = t
	lc.termList = append(lc.termList, key)
	lc.postings = append(lc.postings, nil)
	lc.tws = append(lc.tws, nil)
	if keys != nil {
		keys[key] = true
	}
	return t
}
