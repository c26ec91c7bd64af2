package index

import (
	"kbsite/generator/search/fields"
	"kbsite/generator/search/format"
)

// What the index writer and search/related read of a Corpus. Slices and
// maps returned are the Corpus's own: callers must not modify them.

// Analyzed returns the number of docs given to Analyze.
func (c *Corpus) Analyzed() int { return c.n }

// Doc locates the doc of a Source: its language and number there.
func (c *Corpus) Doc(source string) (*Lang, int32, bool) {
	ref, ok := c.bySource[source]
	return ref.lc, ref.d, ok
}

// Langs returns the languages of the corpus, by key.
func (c *Corpus) Langs() []*Lang { return c.langs }

// Key is the language's key (format.LangKey), the folder of its files.
func (lc *Lang) Key() string { return lc.lang }

// Docs returns the docs by number; a doc removed by Update is nil.
func (lc *Lang) Docs() []*fields.Doc { return lc.docs }

// Orig returns, by doc number, the doc's index in the slice given to
// Analyze; -1 for a doc added by Update.
func (lc *Lang) Orig() []int { return lc.orig }

// Live returns the number of docs that are not nil.
func (lc *Lang) Live() int { return lc.live }

// DocTerms returns the terms of doc d (nil after DropDocTerms).
func (lc *Lang) DocTerms(d int32) []int32 { return lc.docTerms[d] }

// DropDocTerms lets the terms of every doc go, once search/related has
// read them: the index files are written from the postings, and only
// Update reads them again (at 100,000 articles they are 95 MB through the
// writing of the index). It does nothing to an updatable corpus.
func (c *Corpus) DropDocTerms() {
	if c.updatable {
		return
	}
	for _, lc := range c.langs {
		clear(lc.docTerms)
	}
}

// Postings returns the postings of term t, by doc.
func (lc *Lang) Postings(t int32) []Posting { return lc.postings[t] }

// TermLess orders terms by format.Cmp16, as their numbers do after Analyze.
func (lc *Lang) TermLess(a, b int32) bool {
	if a < lc.nSorted && b < lc.nSorted {
		return a < b
	}
	return format.Cmp16(lc.termList[a], lc.termList[b]) < 0
}

// Words returns the surface words by number.
func (lc *Lang) Words() []string { return lc.vocab.Words() }

// WordID returns the number of a word, or -1.
func (lc *Lang) WordID(w string) int32 { return lc.vocab.Lookup(w) }

// WordTerms returns the terms of word w; none for a stop word.
func (lc *Lang) WordTerms(w int32) []int32 { return lc.wordTerms[w] }

// Terms returns the terms by number.
func (lc *Lang) Terms() []string { return lc.termList }

// TermID returns the number of a term.
func (lc *Lang) TermID(key string) (int32, bool) {
	t, ok := lc.termID[key]
	return t, ok
}

// IDKeys maps each ID lookup key (format.IDKey) to its docs, in order.
func (lc *Lang) IDKeys() map[string][]int32 { return lc.idKeys }

// AppendPostings appends the number string (format.AppendNum) of the
// postings of term t: pairs (doc delta, score).
func (lc *Lang) AppendPostings(b []byte, t int32) []byte {
	prev := int32(0)
	for _, p := range lc.postings[t] {
		b = format.AppendNum(b, int(p.Doc-prev))
		b = format.AppendNum(b, int(p.Score))
		prev = p.Doc
	}
	return b
}

// PostingsLen is len(AppendPostings(nil, t)).
func (lc *Lang) PostingsLen(t int32) int {
	n, prev := 0, int32(0)
	for _, p := range lc.postings[t] {
		n += format.NumLen(int(p.Doc-prev)) + format.NumLen(int(p.Score))
		prev = p.Doc
	}
	return n
}
