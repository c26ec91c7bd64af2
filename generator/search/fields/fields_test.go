package fields

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestWordsRoundTrip: word counts packed as uvarints read back field by
// field as they were counted, empty fields included, and renumber maps
// every word.
func TestWordsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var want [N][]WordCount
		var wc []WordCount
		var off [N + 1]int32
		for f := 0; f < N; f++ {
			off[f] = int32(len(wc))
			if r.IntN(3) == 0 {
				continue
			}
			for range r.IntN(20) {
				x := WordCount{int32(r.IntN(1 << (1 + r.IntN(30)))), int32(1 + r.IntN(1<<(1+r.IntN(16))))}
				want[f] = append(want[f], x)
				wc = append(wc, x)
			}
		}
		off[N] = int32(len(wc))
		dw := Words{Off: off}
		dw.WC = pack(wc, &dw.Off)
		read := func(f int) (out []WordCount) {
			for w, c := range dw.In(f) {
				out = append(out, WordCount{w, c})
			}
			return out
		}
		for f := 0; f < N; f++ {
			if got := read(f); !slices.Equal(got, want[f]) {
				t.Fatalf("field %d: got %v, want %v", f, got, want[f])
			}
		}
		m := map[int32]int32{}
		for _, x := range wc {
			m[x.W] = int32(r.IntN(1 << 20))
		}
		dense := make([]int32, 0)
		// A dense map over the words present, through an index of them.
		idx := map[int32]int32{}
		for w, g := range m {
			idx[w] = int32(len(dense))
			dense = append(dense, g)
		}
		local := Words{Off: off}
		lwc := make([]WordCount, len(wc))
		for i, x := range wc {
			lwc[i] = WordCount{idx[x.W], x.C}
		}
		local.WC = pack(lwc, &local.Off)
		var scratch []WordCount
		local.renumber(dense, &scratch)
		for f := 0; f < N; f++ {
			var got []WordCount
			for w, c := range local.In(f) {
				got = append(got, WordCount{w, c})
			}
			var exp []WordCount
			for _, x := range want[f] {
				exp = append(exp, WordCount{m[x.W], x.C})
			}
			if !slices.Equal(got, exp) {
				t.Fatalf("renumbered field %d: got %v, want %v", f, got, exp)
			}
		}
	}
}
