package index

import (
	"kbsite/generator/search/format"
	"kbsite/generator/search/internal/parallel"
)

const (
	relatedTerms = 25 // significant terms of a doc used as its query
	relatedMaxDF = 64 // terms in more docs than this are not significant
)

// Related returns, for each doc given to Analyze, up to n indices (into
// that slice) of the most similar other docs of its language: the doc's most
// significant terms (highest BM25F weight in it, i.e. tf-idf) are queried
// against all other docs; ties go to the smaller ID. After Update, docs
// removed have no list and docs added are left out (see RelatedSources).
func (c *Corpus) Related(n int) [][]int {
	out := make([][]int, c.n)
	for i := range out {
		out[i] = []int{}
	}
	if n <= 0 {
		return out
	}
	for _, lc := range c.langs {
		N := len(lc.docs)
		parallel.For(N, func(lo, hi int) {
			var s relScratch
			for d := lo; d < hi; d++ {
				if lc.docs[d] == nil || lc.orig[d] < 0 {
					continue
				}
				best := lc.relatedOf(int32(d), n, &s)
				res := make([]int, 0, len(best))
				for _, x := range best {
					if o := lc.orig[x]; o >= 0 {
						res = append(res, o)
					}
				}
				out[lc.orig[d]] = res
			}
		})
	}
	return out
}

// RelatedSources returns the Sources of up to n docs most similar to the
// doc of that Source, as Related ranks them, on the current state of the
// corpus (Update included; ties among docs added by Update go by order of
// addition rather than ID). It returns nil for an unknown source.
func (c *Corpus) RelatedSources(source string, n int) []string {
	ref, ok := c.bySource[source]
	if !ok || n <= 0 {
		return nil
	}
	var s relScratch
	best := ref.lc.relatedOf(ref.d, n, &s)
	out := make([]string, len(best))
	for i, x := range best {
		out[i] = ref.lc.docs[x].Source
	}
	return out
}

type relScratch struct {
	acc     []int64
	touched []int32
	ts      []termScore
	best    []int32
}

type termScore struct{ term, score int32 }

// score returns the score of doc d in the postings of a term, 0 if none.
func score(ps []posting, d int32) int32 {
	lo, hi := 0, len(ps)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ps[m].doc < d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ps) && ps[lo].doc == d {
		return ps[lo].score >> 2
	}
	return 0
}

// termLess orders terms by cmp16, as their numbers do after Analyze.
func (lc *Lang) termLess(a, b int32) bool {
	if a < lc.nSorted && b < lc.nSorted {
		return a < b
	}
	return format.Cmp16(lc.termList[a], lc.termList[b]) < 0
}

// relatedOf returns up to n docs most similar to d, in scratch memory.
func (lc *Lang) relatedOf(d int32, n int, s *relScratch) []int32 {
	if len(s.acc) < len(lc.docs) {
		s.acc = make([]int64, len(lc.docs))
	}
	// Very common terms say little about similarity; the fixed cap also
	// keeps the cost linear in the number of docs.
	maxDF := min(max(lc.live/20, 2), relatedMaxDF)
	ts := s.ts[:0]
	for _, t := range lc.docTerms[d] {
		ps := lc.postings[t]
		if len(ps) < 2 || len(ps) > maxDF {
			continue
		}
		if sc := score(ps, d); sc > 0 {
			ts = append(ts, termScore{t, sc})
		}
	}
	// Insertion sort: few terms pass the df test.
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0; j-- {
			a, b := ts[j-1], ts[j]
			if a.score > b.score || (a.score == b.score && lc.termLess(a.term, b.term)) {
				break
			}
			ts[j-1], ts[j] = b, a
		}
	}
	if len(ts) > relatedTerms {
		ts = ts[:relatedTerms]
	}
	s.ts = ts
	acc := s.acc
	touched := s.touched[:0]
	for _, t := range ts {
		for _, p := range lc.postings[t.term] {
			if p.doc == d {
				continue
			}
			if acc[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			acc[p.doc] += int64(t.score) * int64(p.score>>2)
		}
	}
	s.touched = touched
	// The n best by score, then doc number (ID order after Analyze).
	better := func(x, y int32) bool { return acc[x] > acc[y] || (acc[x] == acc[y] && x < y) }
	best := s.best[:0]
	for _, x := range touched {
		if len(best) == n && !better(x, best[n-1]) {
			continue
		}
		if len(best) < n {
			best = append(best, x)
		} else {
			best[n-1] = x
		}
		for j := len(best) - 1; j > 0 && better(best[j], best[j-1]); j-- {
			best[j], best[j-1] = best[j-1], best[j]
		}
	}
	for _, x := range touched {
		acc[x] = 0
	}
	s.best = best
	return best
}
