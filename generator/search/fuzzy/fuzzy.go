// Package fuzzy finds the vocabulary words a mistyped query word may have
// meant, in the client index as search/reader reads it: the words within a
// few edits (optimal string alignment) of it, and the best of them as the
// "did you mean" suggestion. search-engine.js does the same, in the same
// order, which the parity tests check.
package fuzzy

import (
	"sort"
	"unicode/utf8"

	"kbsite/generator/search/format"
	"kbsite/generator/search/reader"
)

const maxCands = 10 // candidates per word

// Cand is a word within D edits of a query word, with its terms.
type Cand struct {
	Word  string
	D     int
	Refs  []reader.Term
	shard int
}

// Near returns up to 10 non-stop words within maxd edits of w, by
// distance then word: those of w's shard, and with wide those of the
// shards on either side too, since a word spelt wrong can sort past a
// shard's end. touch is called with every shard read.
func Near(f *reader.Files, w string, maxd int, wide bool, touch func(int)) []Cand {
	k := f.Route(w)
	out := near(f, k, w, maxd, nil, touch)
	if wide {
		for _, k2 := range []int{k - 1, k + 1} {
			if k2 >= 0 && k2 < f.NumShards() {
				out = near(f, k2, w, maxd, out, touch)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].D != out[j].D {
			return out[i].D < out[j].D
		}
		return format.Cmp16(out[i].Word, out[j].Word) < 0
	})
	if len(out) > maxCands {
		out = out[:maxCands]
	}
	for i := range out {
		i0, _ := f.Shard(out[i].shard).Word(out[i].Word)
		out[i].Refs = f.Refs(out[i].shard, i0, touch)
	}
	return out
}

// near appends the words of shard k within maxd edits of w.
func near(f *reader.Files, k int, w string, maxd int, out []Cand, touch func(int)) []Cand {
	touch(k)
	s := f.Shard(k)
	a := []rune(w)
	for i, x := range s.W {
		if s.Stop(i) {
			continue
		}
		b := []rune(x)
		if abs(len(a)-len(b)) > maxd {
			continue
		}
		if d := osa(a, b, maxd); d <= maxd {
			out = append(out, Cand{Word: x, D: d, shard: k})
		}
	}
	return out
}

// Suggest returns the closest vocabulary word to an unknown word, the
// commonest of the closest: 1 edit, or 2 for words of 5+ letters.
func Suggest(f *reader.Files, w string, wide bool, touch func(int)) string {
	maxd := 1
	if utf8.RuneCountInString(w) >= 5 {
		maxd = 2
	}
	best, bestD, bestDF := "", maxd+1, -1
	for _, c := range Near(f, w, maxd, wide, touch) {
		df := 0
		for _, t := range c.Refs {
			df = max(df, f.DF(t))
		}
		if c.D < bestD || (c.D == bestD && df > bestDF) {
			best, bestD, bestDF = c.Word, c.D, df
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// osa is the optimal string alignment distance, or maxd+1 when larger.
func osa(a, b []rune, maxd int) int {
	n, m := len(a), len(b)
	prev2 := make([]int, m+1)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= m; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > maxd {
			return maxd + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[m], maxd+1)
}
