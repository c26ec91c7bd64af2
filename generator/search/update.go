package search

import (
	"reflect"
	"slices"
	"sort"

	"kbsite/generator/search/format"
)

// Update applies edits to an analysed corpus, for serve mode, and returns
// the client index files to write (new files and files whose content
// changed, sorted by path) and the paths of files to delete, relative to
// what the last Export or Update returned. If Export was never called, it
// returns every file.
//
// Docs are matched by Source (Sources are assumed unique; Analyze keys
// duplicates by the first). removed is applied first: each doc whose Source
// is in it is dropped. Then each doc of changed replaces the doc of its
// Source, or is added if the Source is new; a doc equal to the one it
// replaces costs nothing. Update keeps the changed docs (and their slices):
// the caller must not modify them afterwards.
//
// Numbering: a changed doc keeps its number, a new doc is numbered after
// all others, and a removed doc leaves a hole: no posting, ID key or product
// list refers to it and its record file is deleted, so both engines never
// see it (the manifest's doc count includes holes). A full Build of the
// same docs numbers them differently, in ID order.
//
// Statistics: BM25F needs the number of docs and the average length of
// each field over all docs; Update keeps both from Analyze. Document
// frequencies are exact: the terms a doc gains or loses are rescored in
// every doc, the other terms of a changed doc only in that doc. Scores can
// thus differ slightly from those of a full build of the same docs, which
// is fine for a preview.
//
// Files: shard boundaries (the manifest's start keys) are kept, so a new
// key goes to the shard whose range holds it and only shards whose content
// changes are rewritten under a new hash; records keep the records version
// of the last Export, so a changed doc's record file is rewritten in place
// (serve mode serves with Cache-Control: no-cache). Words that no longer
// occur stay in the vocabulary, with no docs.
func (c *Corpus) Update(changed []Doc, removed []string) (write []File, remove []string) {
	touched := map[*langCorpus]bool{}
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
		doc := new(Doc)
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
			lc = analyzeLang(key, []Doc{*doc}, []int{0})
			lc.orig[0] = -1
			c.langs = append(c.langs, lc)
			slices.SortFunc(c.langs, func(a, b *langCorpus) int { return cmpString(a.lang, b.lang) })
			c.bySource[doc.Source] = docRef{lc, 0}
			continue // exported in full below
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
	for _, lc := range c.langs {
		if lc.exp == nil {
			write = append(write, collect(lc.export)...)
			lc.ed = nil
			continue
		}
		if touched[lc] {
			w, r := lc.flush()
			write = append(write, w...)
			remove = append(remove, r...)
		}
	}
	sortFiles(write)
	slices.Sort(remove)
	return write, remove
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

func (c *Corpus) lang(key string) *langCorpus {
	for _, lc := range c.langs {
		if lc.lang == key {
			return lc
		}
	}
	return nil
}

// edits is what one Update changed in a language, until flush.
type edits struct {
	oldDF    map[int32]int   // terms whose postings changed: df before
	scoreNew []posRef        // postings added, to score once idf is known
	keys     map[string]bool // keys whose entry may have changed
	records  map[int32]bool  // docs whose record is new or changed
	gone     []int32         // docs removed
	added    map[int32]bool  // docs added
	prods    bool
	nWords   int // words before
	count    *counter
	scratch  termScratch
	keep     map[int32]bool // terms the doc being set keeps
}

type posRef struct{ term, doc int32 }

func (lc *langCorpus) edits() *edits {
	if lc.ed == nil {
		lc.ed = &edits{oldDF: map[int32]int{}, keys: map[string]bool{}, records: map[int32]bool{}, added: map[int32]bool{},
			nWords: len(lc.vocab.Words())}
	}
	return lc.ed
}

func (e *edits) termChanged(lc *langCorpus, t int32) {
	if _, ok := e.oldDF[t]; !ok {
		e.oldDF[t] = len(lc.postings[t])
	}
}

// removeDoc takes doc d out of the postings and ID keys; drop also makes it
// a hole.
func (e *edits) removeDoc(lc *langCorpus, d int32, drop bool) {
	doc := lc.docs[d]
	if doc == nil {
		return
	}
	for _, t := range lc.docTerms[d] {
		e.termChanged(lc, t)
		ps := lc.postings[t]
		if i := searchDoc(ps, d); i < len(ps) && ps[i].doc == d {
			lc.postings[t] = slices.Delete(ps, i, i+1)
		}
	}
	lc.docTerms[d] = nil
	e.dropIDKeys(lc, doc, d)
	if len(doc.Products) > 0 {
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
func (e *edits) dropIDKeys(lc *langCorpus, doc *Doc, d int32) {
	docIDKeys(doc, func(key string) {
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

func searchDoc(ps []posting, d int32) int {
	return sort.Search(len(ps), func(i int) bool { return ps[i].doc >= d })
}

// setDoc analyses doc as doc d, replacing the doc d has, if any. A term
// the doc keeps has its posting updated in place, and its key marked
// changed only if the score changes.
func (e *edits) setDoc(lc *langCorpus, d int32, doc *Doc) {
	old := lc.docs[d]
	if old != nil {
		e.dropIDKeys(lc, old, d)
		if len(old.Products) > 0 {
			e.prods = true
		}
	} else {
		lc.live++
	}
	lc.docs[d] = doc
	if e.count == nil {
		e.count = &counter{in: lc.vocab}
	}
	dw := e.count.doc(doc)
	// New words: analyse them, number new terms after the others.
	if n := len(lc.vocab.Words()); n > len(lc.wordTerms) {
		an := analyzerFor(lc.lang)
		var added []int32
		for w := len(lc.wordTerms); w < n; w++ {
			var ids []int32
			for _, s := range analyseWord(an, lc.vocab.Words()[w]) {
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
			for _, w := range lc.inflectionsOf(an, t, inflections[lc.lang]) {
				lc.vocab.ID(w)
				lc.wordTerms = append(lc.wordTerms, []int32{t})
				e.keys[w] = true
			}
		}
	}
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
		if j < len(ps) && ps[j].doc == d { // a term the doc keeps
			e.keep[t] = true
			ps[j].tw = float32(td.tw)
			if sc := bm25(idfOf(lc.nIdf, len(ps)), td.tw, td.cls); sc != ps[j].score {
				ps[j].score = sc
				e.keys[lc.termList[t]] = true
			}
			continue
		}
		e.termChanged(lc, t)
		lc.postings[t] = slices.Insert(ps, j, posting{d, td.cls, float32(td.tw)})
		e.scoreNew = append(e.scoreNew, posRef{t, d})
	}
	for _, t := range lc.docTerms[d] { // terms the doc lost
		if !e.keep[t] {
			e.termChanged(lc, t)
			ps := lc.postings[t]
			if i := searchDoc(ps, d); i < len(ps) && ps[i].doc == d {
				lc.postings[t] = slices.Delete(ps, i, i+1)
			}
		}
	}
	lc.docTerms[d] = terms
	docIDKeys(doc, func(key string) {
		ds := lc.idKeys[key]
		if i, ok := slices.BinarySearch(ds, d); !ok {
			lc.idKeys[key] = slices.Insert(ds, i, d)
		}
		e.keys[key] = true
	})
	if len(doc.Products) > 0 {
		e.prods = true
	}
	e.records[d] = true
}

// flush rescores what the edits changed and returns the files to write and
// delete.
func (lc *langCorpus) flush() (write []File, remove []string) {
	e, exp := lc.ed, lc.exp
	lc.ed = nil
	if e == nil {
		return nil, nil
	}
	// Scores: every posting of a term whose df changed, else the new ones.
	for t, df := range e.oldDF {
		ps := lc.postings[t]
		if len(ps) != df {
			idf := idfOf(lc.nIdf, len(ps))
			for i := range ps {
				ps[i].score = bm25(idf, float64(ps[i].tw), ps[i].score&3)
			}
		}
		e.keys[lc.termList[t]] = true
	}
	for _, p := range e.scoreNew {
		ps := lc.postings[p.term]
		if i := searchDoc(ps, p.doc); i < len(ps) && ps[i].doc == p.doc && ps[i].score>>2 == 0 {
			ps[i].score = bm25(idfOf(lc.nIdf, len(ps)), float64(ps[i].tw), ps[i].score&3)
		}
	}

	// Shards: update the entries of changed keys, render changed shards.
	dirty := map[int]bool{}
	for key := range e.keys {
		k := lc.route(exp, key)
		so := exp.shards[k]
		ent := entry{key: key, word: lc.vocab.Lookup(key), term: -1}
		if t, ok := lc.termID[key]; ok {
			ent.term = t
		}
		_, ent.id = lc.idKeys[key]
		i, found := slices.BinarySearchFunc(so.entries, key, func(x entry, k string) int { return format.Cmp16(x.key, k) })
		switch {
		case found:
			ent.id = ent.id || so.entries[i].id
			so.entries[i] = ent
		case ent.word >= 0 || ent.term >= 0 || ent.id:
			so.entries = slices.Insert(so.entries, i, ent)
		default:
			continue
		}
		dirty[k] = true
	}
	ks := make([]int, 0, len(dirty))
	for k := range dirty {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	var r shardRenderer
	for _, k := range ks {
		so := exp.shards[k]
		old := so.hash
		f := lc.renderShard(k, so, &r)
		if so.hash != old {
			write = append(write, f)
			remove = append(remove, lc.path(format.ShardName(k, old)))
		}
	}

	// Records.
	for _, d := range e.gone {
		remove = append(remove, lc.path(format.RecordName(int(d), exp.recVer)))
	}
	ds := make([]int32, 0, len(e.records))
	for d := range e.records {
		ds = append(ds, d)
	}
	slices.Sort(ds)
	for _, d := range ds {
		data, _ := lc.recordFile(int(d))
		lc.setRecordName(data, int(d), exp.recVer)
		write = append(write, File{Path: lc.path(format.RecordName(int(d), exp.recVer)), Data: data})
	}

	// Products.
	if e.prods {
		var prods []prodOut
		had := map[string]bool{}
		for k, p := range exp.prods {
			had[lc.path(format.ProdName(k, p.hash))] = true
		}
		for k, p := range lc.products() {
			payload := format.AppendJSONString(nil, p.list)
			hs := format.ContentHash(payload)
			prods = append(prods, prodOut{p.name, p.slug, hs})
			path := lc.path(format.ProdName(k, hs))
			if had[path] {
				delete(had, path)
				continue
			}
			write = append(write, File{Path: path, Data: format.FileData(lc.lang+"/"+format.ProdName(k, hs), payload)})
		}
		for path := range had {
			remove = append(remove, path)
		}
		exp.prods = prods
	}

	if m := lc.manifestData(exp); !slices.Equal(m, exp.manifest) {
		exp.manifest = m
		write = append(write, File{Path: lc.path("manifest.js"), Data: m})
	}
	return write, remove
}

// route returns the shard whose key range holds key.
func (lc *langCorpus) route(exp *exportState, key string) int {
	return format.Route(len(exp.shards), func(k int) string { return exp.shards[k].start }, key)
}

// addTitleTerms makes the exact title terms of the words of dw's title
// that have none yet, numbered after the other terms, and marks them in
// keys.
func (lc *langCorpus) addTitleTerms(dw *docWords, keys map[string]bool) {
	for len(lc.titleTerm) < len(lc.vocab.Words()) {
		lc.titleTerm = append(lc.titleTerm, -1)
	}
	for _, x := range dw.wc[dw.off[fTitle]:dw.off[fTitle+1]] {
		w := lc.vocab.Words()[x.w]
		if lc.titleTerm[x.w] >= 0 || len(lc.wordTerms[x.w]) == 0 || format.IsCompound(w) {
			continue
		}
		t, ok := lc.termID[w+format.TitleSuffix]
		if !ok {
			t = lc.newTerm(w+format.TitleSuffix, keys)
		}
		lc.titleTerm[x.w] = t
	}
}

// newTerm numbers a new term after the others, with no postings yet, and
// marks it in keys (if not nil).
func (lc *langCorpus) newTerm(key string, keys map[string]bool) int32 {
	t := int32(len(lc.termList))
	lc.termID[key] = t
	lc.termList = append(lc.termList, key)
	lc.postings = append(lc.postings, nil)
	if keys != nil {
		keys[key] = true
	}
	return t
}
