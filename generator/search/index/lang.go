package index

import "kbsite/generator/search/format"

// What the index writer reads of a Lang. Slices and maps returned are the
// Lang's own: callers must not modify them.

// Langs returns the languages of the corpus, by key.
func (c *Corpus) Langs() []*Lang { return c.langs }

// Key is the language's key (format.LangKey), the folder of its files.
func (lc *Lang) Key() string { return lc.lang }

// Docs returns the docs by number; a doc removed by Update is nil.
func (lc *Lang) Docs() []*Doc { return lc.docs }

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
		b = format.AppendNum(b, int(p.doc-prev))
		b = format.AppendNum(b, int(p.score))
		prev = p.doc
	}
	return b
}

// PostingsLen is len(AppendPostings(nil, t)).
func (lc *Lang) PostingsLen(t int32) int {
	n, prev := 0, int32(0)
	for _, p := range lc.postings[t] {
		n += format.NumLen(int(p.doc-prev)) + format.NumLen(int(p.score))
		prev = p.doc
	}
	return n
}
