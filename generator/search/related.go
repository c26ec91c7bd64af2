package search

import "sort"

const (
	relatedTerms = 25 // significant terms of a doc used as its query
	relatedMaxDF = 64 // terms in more docs than this are not significant
)

// Related returns, for each doc, up to n indices of the most similar other
// docs of the same language.
func Related(docs []Doc, n int) [][]int { return Analyze(docs).Related(n) }

// Related returns, for each input doc, up to n indices (into the input
// slice) of the most similar other docs of its language: the doc's most
// significant terms (highest BM25F weight in it, i.e. tf-idf) are queried
// against all other docs; ties go to the smaller ID.
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
		// Very common terms say little about similarity; the fixed cap also
		// keeps the cost linear in the number of docs.
		maxDF := min(max(N/20, 2), relatedMaxDF)
		parallel(N, func(lo, hi int) {
			acc := make([]int64, N)
			var touched []int32
			for d := lo; d < hi; d++ {
				type tw struct {
					term  int32
					score int32
				}
				var ts []tw
				for _, t := range lc.docTerms[d] {
					ps := lc.postings[t.term]
					if len(ps) < 2 || len(ps) > maxDF {
						continue
					}
					i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= int32(d) })
					if i < len(ps) && ps[i].doc == int32(d) {
						ts = append(ts, tw{t.term, ps[i].score})
					}
				}
				sort.Slice(ts, func(a, b int) bool {
					if ts[a].score != ts[b].score {
						return ts[a].score > ts[b].score
					}
					return ts[a].term < ts[b].term
				})
				if len(ts) > relatedTerms {
					ts = ts[:relatedTerms]
				}
				touched = touched[:0]
				for _, t := range ts {
					for _, p := range lc.postings[t.term] {
						if p.doc == int32(d) {
							continue
						}
						if acc[p.doc] == 0 {
							touched = append(touched, p.doc)
						}
						acc[p.doc] += int64(t.score) * int64(p.score)
					}
				}
				sort.Slice(touched, func(a, b int) bool {
					x, y := touched[a], touched[b]
					if acc[x] != acc[y] {
						return acc[x] > acc[y]
					}
					return x < y // doc order is ID order
				})
				k := min(n, len(touched))
				res := make([]int, k)
				for i := 0; i < k; i++ {
					res[i] = lc.orig[touched[i]]
				}
				out[lc.orig[d]] = res
				for _, x := range touched {
					acc[x] = 0
				}
			}
		})
	}
	return out
}
