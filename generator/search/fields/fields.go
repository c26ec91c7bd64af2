// Package fields is what an article is to search: a Doc, the fields its
// text goes into (ID, title, headings, keywords, summary, body), the words
// of each field counted (Counter), and the BM25F formula that weighs them.
// search/index analyses a corpus of Docs with it, for a full build and for
// the edits of serve mode alike.
package fields

import (
	"encoding/binary"
	"iter"
	"math"
	"slices"
	"sync"

	"kbsite/generator/internal/packed"
	"kbsite/generator/search/format"
	"kbsite/generator/search/internal/parallel"
	"kbsite/generator/search/vocab"
)

// Doc is one article to index. URL is the page path relative to the site
// root (e.g. "kb/kb307294.html").
type Doc struct {
	ID, Title, URL, Source, Lang, Summary string
	Aliases, Keywords                     []string
	Products                              []string // display names
	ProductSlugs                          []string // e.g. "windows-messenger"
	Type                                  string   // article type, display name; "" if untyped
	TypeSlug                              string   // e.g. "how-to"
	// IDDerived marks an ID made from the file's path (foreign content):
	// results do not show it as an article ID.
	IDDerived bool
	Sections  []Section
	// Texts, when it holds any, are the sections' texts, packed: the
	// Sections then have none (see SectionTexts).
	Texts packed.Texts
}

// Section is body text under one heading; Heading is "" for the text
// before the first heading.
type Section struct{ ID, Heading, Text string }

// SectionTextsInto returns the text of each section, from Texts when
// they were packed there, unpacked into *buf (nil: fresh memory); see
// packed.Texts.UnpackInto.
func (d *Doc) SectionTextsInto(buf *[]byte) []string {
	if d.Texts.Len() == len(d.Sections) && len(d.Sections) > 0 {
		if buf == nil {
			return d.Texts.Unpack()
		}
		return d.Texts.UnpackInto(buf)
	}
	out := make([]string, len(d.Sections))
	for i, s := range d.Sections {
		out[i] = s.Text
	}
	return out
}

// The fields, and their weights: title > headings/keywords > ID/summary >
// body.
// Each field saturates on its own (k1) before it is weighted, so a term
// in the title always outweighs any number of it in the body: a field can
// add at most its weight times k1+1.
const (
	ID = iota // the ID, the aliases and their digits
	Title
	Headings
	Keywords
	Summary
	Body
	N // the number of fields
)

// The ID field weighs like the summary: an exact ID or alias typed alone
// already comes first, and IDs made from file paths ("tutorials-wsl-git")
// hold words that say less than the title.
var (
	fieldBoost = [N]float64{2, 8, 4, 4, 2, 1}
	fieldB     = [N]float64{0, 0.5, 0.75, 0, 0.75, 0.75}
)

const bm25K1 = 1.2

var fieldClass = [N]int32{format.ClsBody, format.ClsTitle, format.ClsHeading, format.ClsHeading, format.ClsBody, format.ClsBody}

// texts sets f to the texts of each field of d, the section texts
// unpacked into *buf (reused from doc to doc: the Counter keeps no text).
func texts(d *Doc, f *[N][]string, buf *[]byte) {
	for i := range f {
		f[i] = f[i][:0]
	}
	f[ID] = append(append(f[ID], d.ID), d.Aliases...)
	for i := 0; i <= len(d.Aliases); i++ {
		id := d.ID
		if i > 0 {
			id = d.Aliases[i-1]
		}
		if dg := format.IDDigits(format.IDKey(id)); dg != "" {
			f[ID] = append(f[ID], dg)
		}
	}
	f[Title] = append(f[Title], d.Title)
	f[Keywords] = append(append(f[Keywords], d.Keywords...), d.Products...)
	f[Summary] = append(f[Summary], d.Summary)
	for i, text := range d.SectionTextsInto(buf) {
		if h := d.Sections[i].Heading; h != "" {
			f[Headings] = append(f[Headings], h)
		}
		f[Body] = append(f[Body], text)
	}
}

// IDKeys calls f with each distinct ID lookup key (format.IDKey) of d.
func IDKeys(d *Doc, f func(string)) {
	var seen []string
	for i := 0; i <= len(d.Aliases); i++ {
		id := d.ID
		if i > 0 {
			id = d.Aliases[i-1]
		}
		k := format.IDKey(id)
		for _, key := range [2]string{k, format.IDDigits(k)} {
			if key != "" && !slices.Contains(seen, key) {
				seen = append(seen, key)
				f(key)
			}
		}
	}
}

// WordCount is a word (its number in the Counter's vocabulary) and its
// occurrences in one field of a doc.
type WordCount struct{ W, C int32 }

// Words are the distinct words of each field of a doc.
type Words struct {
	// WC are the word counts of every field, each a pair of uvarints
	// (word, count), field f's at WC[Off[f]:Off[f+1]]: 4 bytes a pair
	// rather than 8, and at 100,000 articles there are 27 million, the
	// largest part of the search analysis' peak heap.
	WC  []byte
	Off [N + 1]int32
	Seq []int32 // the words of each heading in order, each heading ended by -1
}

// In returns the words of field f with their counts.
func (dw *Words) In(f int) iter.Seq2[int32, int32] {
	b := dw.WC[dw.Off[f]:dw.Off[f+1]]
	return func(yield func(w, c int32) bool) {
		for i := 0; i < len(b); {
			w, n := binary.Uvarint(b[i:])
			c, m := binary.Uvarint(b[i+n:])
			i += n + m
			if !yield(int32(w), int32(c)) {
				return
			}
		}
	}
}

// pack encodes word counts as Words.WC. fieldOff holds where each field's
// counts start in wc, and is rewritten to where they start in the bytes.
func pack(wc []WordCount, fieldOff *[N + 1]int32) []byte {
	size := 0
	for _, x := range wc {
		size += uvarintLen(uint64(x.W)) + uvarintLen(uint64(x.C))
	}
	b := make([]byte, 0, size)
	var off [N + 1]int32
	f := 0
	for i, x := range wc {
		for f < N && int32(i) >= fieldOff[f+1] {
			f++
			off[f] = int32(len(b))
		}
		b = binary.AppendUvarint(binary.AppendUvarint(b, uint64(x.W)), uint64(x.C))
	}
	for f < N {
		f++
		off[f] = int32(len(b))
	}
	*fieldOff = off
	return b
}

func uvarintLen(v uint64) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

// Counter counts the words of docs, numbering them in its vocabulary. It
// keeps scratch memory between docs, so each goroutine needs its own.
type Counter struct {
	in  *vocab.Vocab
	ft  [N][]string
	ids []int32
	pos []int32 // by word: index+1 in buf
	buf []WordCount
	txt []byte // the doc's section texts, unpacked
}

// NewCounter returns a Counter that numbers words in v.
func NewCounter(v *vocab.Vocab) *Counter { return &Counter{in: v} }

// Count returns the words of each field of d.
func (k *Counter) Count(d *Doc) Words {
	texts(d, &k.ft, &k.txt)
	var dw Words
	k.buf = k.buf[:0]
	for f := 0; f < N; f++ {
		dw.Off[f] = int32(len(k.buf))
		k.ids = k.ids[:0]
		for _, t := range k.ft[f] {
			lo := len(k.ids)
			k.ids = k.in.Text(t, k.ids)
			if f == Headings {
				dw.Seq = append(append(dw.Seq, k.ids[lo:]...), -1)
			}
			format.ExtraWords(t, func(w string) { k.ids = append(k.ids, k.in.ID(w)) })
		}
		if len(k.pos) < len(k.in.Words()) {
			k.pos = append(k.pos, make([]int32, len(k.in.Words())-len(k.pos)+len(k.in.Words())/4)...)
		}
		lo := len(k.buf)
		for _, id := range k.ids {
			if p := k.pos[id]; p != 0 {
				k.buf[p-1].C++
				continue
			}
			k.buf = append(k.buf, WordCount{id, 1})
			k.pos[id] = int32(len(k.buf))
		}
		for _, x := range k.buf[lo:] {
			k.pos[x.W] = 0
		}
	}
	dw.Off[N] = int32(len(k.buf))
	dw.WC = pack(k.buf, &dw.Off)
	return dw
}

// CountAll counts the distinct words of every field of every doc
// (parallel), numbering words locally per worker, then merges the workers'
// vocabularies into the one it returns, numbered in doc order.
func CountAll(docs []*Doc) (*vocab.Vocab, []Words) {
	n := len(docs)
	type worker struct {
		lo, hi int
		words  []string
	}
	var workers []*worker
	var wmu sync.Mutex
	dws := make([]Words, n)
	parallel.For(n, func(lo, hi int) {
		v := vocab.New(4096)
		k := NewCounter(v)
		for i := lo; i < hi; i++ {
			dws[i] = k.Count(docs[i])
		}
		wmu.Lock()
		workers = append(workers, &worker{lo, hi, v.Words()})
		wmu.Unlock()
	})
	slices.SortFunc(workers, func(a, b *worker) int { return a.lo - b.lo })
	total := 0
	for _, w := range workers {
		total += len(w.words)
	}
	all := vocab.New(total/len(workers) + total/8)
	for _, w := range workers {
		global := make([]int32, len(w.words))
		for l, word := range w.words {
			global[l] = all.IDNoCopy(word)
		}
		if w != workers[0] { // the first worker's numbers are the global ones
			parallel.For(w.hi-w.lo, func(lo, hi int) {
				var wc []WordCount
				for i := w.lo + lo; i < w.lo+hi; i++ {
					dws[i].renumber(global, &wc)
				}
			})
		}
	}
	return all, dws
}

// renumber maps the words of dw (counts and heading sequence) through
// global, in scratch memory wc.
func (dw *Words) renumber(global []int32, wc *[]WordCount) {
	*wc = (*wc)[:0]
	off := dw.Off
	for f := 0; f < N; f++ {
		off[f] = int32(len(*wc))
		for w, c := range dw.In(f) {
			*wc = append(*wc, WordCount{global[w], c})
		}
	}
	off[N] = int32(len(*wc))
	dw.WC = pack(*wc, &off)
	dw.Off = off
	for k, w := range dw.Seq {
		if w >= 0 {
			dw.Seq[k] = global[w]
		}
	}
}

// Score is the stored score of a term of idf in a doc with weight tw (the
// sum of the doc's saturated, weighted field frequencies, see Weight) and
// field class cls.
func Score(idf, tw float64, cls int32) int32 {
	si := int32(math.Round(idf * tw * format.ScoreScale))
	if si < 1 {
		si = 1
	}
	return si<<2 | cls
}

// IDF is log2(1 + n/df): unlike BM25's idf it stays above 1 for a term in
// every doc, so such a term still ranks by field and frequency. It is
// idfQ/1024, the value both engines compute for a prefix's own weight.
func IDF(n, df int) float64 { return float64(format.IDFQ(n, df)) / 1024 }

// Weight returns the tw of a term in a doc, the sum over fields of its
// saturated, weighted frequency freq given the doc's field lengths fl and
// their corpus averages avg, and the best field class the term is in.
func Weight(freq, fl *[N]int32, avg *[N]float64) (tw float64, cls int32) {
	cls = format.ClsBody
	for f := 0; f < N; f++ {
		tf := min(freq[f], math.MaxUint16)
		if tf == 0 {
			continue
		}
		norm := 1.0
		if avg[f] > 0 {
			norm = 1 - fieldB[f] + fieldB[f]*float64(fl[f])/avg[f]
		}
		x := float64(tf) / norm
		tw += fieldBoost[f] * x * (bm25K1 + 1) / (bm25K1 + x)
		cls = max(cls, fieldClass[f])
	}
	return tw, cls
}
