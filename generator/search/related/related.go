// Package related finds the "most similar" articles of each article from
// the search analysis (search/index): each doc's most significant terms
// (highest BM25F weight in it, i.e. tf-idf) are queried against all other
// docs of its language. It reads a Corpus through its read-only view and
// never changes it.
package related

import (
	"kbsite/generator/search/index"
	"kbsite/generator/search/internal/parallel"
)

const (
	relatedTerms = 25 // significant terms of a doc used as its query
	relatedMaxDF = 64 // terms in more docs than this are not significant
)

// All returns, for each doc given to index.Analyze, up to n indices (into
// that slice) of the most similar other docs of its language; ties go to
// the smaller ID. After Update, docs removed have no list and docs added
// are left out (see Sources).
func All(c *index.Corpus, n int) [][]int {
	out := make([][]int, c.Analyzed())
	for i := range out {
		out[i] = []int{}
	}
	if n <= 0 {
		return out
	}
	for _, lc := range c.Langs() {
		docs, orig := lc.Docs(), lc.Orig()
		parallel.For(len(docs), func(lo, hi int) {
			var s scratch
			for d := lo; d < hi; d++ {
				if docs[d] == nil || orig[d] < 0 {
					continue
				}
				best := similar(lc, int32(d), n, &s)
				res := make([]int, 0, len(best))
				for _, x := range best {
					if o := orig[x]; o >= 0 {
						res = append(res, o)
					}
				}
				out[orig[d]] = res
			}
		})
	}
	return out
}

// Sources returns the Sources of up to n docs most similar to the doc of
// that Source, as All ranks them, on the current state of the corpus
// (Update included; ties among docs added by Update go by order of
// addition rather than ID). It returns nil for an unknown source.
func Sources(c *index.Corpus, source string, n int) []string {
	lc, d, ok := c.Doc(source)
	if !ok || n <= 0 {
		return nil
	}
	var s scratch
	best := similar(lc, d, n, &s)
	out := make([]string, len(best))
	for i, x := range best {
		out[i] = lc.Docs()[x].Source
	}
	return out
}

// scratch is the per-worker memory of similar.
type scratch struct {
	acc     []int64
	touched []int32
	ts      []termScore
	best    []int32
}

type termScore struct{ term, score int32 }

// score returns the score of doc d in the postings of a term, 0 if none.
func score(ps []index.Posting, d int32) int32 {
	lo, hi := 0, len(ps)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ps[m].Doc < d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ps) && ps[lo].Doc == d {
		return ps[lo].Score >> 2
	}
	return 0
}

// similar returns up to n docs most similar to d, in scratch memory.
func similar(lc *index.Lang, d int32, n int, s *scratch) []int32 {
	if nd := len(lc.Docs()); len(s.acc) < nd {
		s.acc = make([]int64, nd)
	}
	// Very common terms say little about similarity; the fixed cap also
	// keeps the cost linear in the number of docs.
	maxDF := min(max(lc.Live()/20, 2), relatedMaxDF)
	ts := s.ts[:0]
	for _, t := range lc.DocTerms(d) {
		ps := lc.Postings(t)
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
			if a.score > b.score || (a.score == b.score && lc.TermLess(a.term, b.term)) {
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
		for _, p := range lc.Postings(t.term) {
			if p.Doc == d {
				continue
			}
			if acc[p.Doc] == 0 {
				touched = append(touched, p.Doc)
			}
			acc[p.Doc] += int64(t.score) * int64(p.Score>>2)
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
