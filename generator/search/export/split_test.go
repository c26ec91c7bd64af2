package export

import (
	"math/rand/v2"
	"slices"
	"testing"

	"kbsite/generator/search/index"
)

// TestSplitAtIsTheSortedSplit compares the one-pass split with sorting
// by score (ties: the lower doc) and taking the first k, on postings with
// many equal scores.
func TestSplitAtIsTheSortedSplit(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	byDoc := func(a, b index.Posting) int { return int(a.Doc - b.Doc) }
	for range 500 {
		n := 1 + r.IntN(300)
		ps := make([]index.Posting, n)
		doc := int32(0)
		for i := range ps {
			doc += 1 + int32(r.IntN(3))
			ps[i] = index.Posting{Doc: doc, Score: int32(r.IntN(1 + r.IntN(40)))}
		}
		k := 1 + r.IntN(n)
		sorted := slices.Clone(ps)
		slices.SortFunc(sorted, func(a, b index.Posting) int {
			if a.Score != b.Score {
				return int(b.Score - a.Score)
			}
			return int(a.Doc - b.Doc)
		})
		wantHead, wantTail := slices.Clone(sorted[:k]), slices.Clone(sorted[k:])
		slices.SortFunc(wantHead, byDoc)
		slices.SortFunc(wantTail, byDoc)
		head, tail := splitAt(ps, k)
		if !slices.Equal(head, wantHead) || !slices.Equal(tail, wantTail) {
			t.Fatalf("n=%d k=%d: head %v tail %v, want %v %v", n, k, head, tail, wantHead, wantTail)
		}
	}
}
