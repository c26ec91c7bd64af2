package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNeverSuggestsWhatWasTyped: a hint equal to the typed value, exactly
// or (for names matched ignoring case) in another case, is no help.
func TestNeverSuggestsWhatWasTyped(t *testing.T) {
	ids := []string{"KB310221", "KB310222", "Q1"}
	for typed, want := range map[string]string{
		"KB31022":  "KB310221",
		"kb310221": "KB310222", // KB310221 is what was typed
		"KB310221": "KB310222",
		"q1":       "",
		"Q1":       "",
	} {
		if got := Closest(typed, ids); got != want {
			t.Errorf("Closest(%q) = %q, want %q", typed, got, want)
		}
	}
	anchors := []string{"cause", "causes", "lan-settings"}
	for typed, want := range map[string]string{
		"Cause":        "cause", // anchors are case-sensitive: the case is the fix
		"cause":        "causes",
		"lan-setings":  "lan-settings",
		"lan-settings": "",
	} {
		if got := ClosestCased(typed, anchors); got != want {
			t.Errorf("ClosestCased(%q) = %q, want %q", typed, got, want)
		}
	}
}

// TestClosestIsTheNearest compares the pruned search with the plain one:
// the full distance to every candidate, the same limit and tie rule.
func TestClosestIsTheNearest(t *testing.T) {
	plain := func(a, b []rune) int {
		d := make([][]int, len(a)+1)
		for i := range d {
			d[i] = make([]int, len(b)+1)
			d[i][0] = i
		}
		for j := range d[0] {
			d[0][j] = j
		}
		for i := 1; i <= len(a); i++ {
			for j := 1; j <= len(b); j++ {
				cost := 1
				if a[i-1] == b[j-1] {
					cost = 0
				}
				d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			}
		}
		return d[len(a)][len(b)]
	}
	want := func(s string, cands []string, fold bool) string {
		ls := []rune(strings.ToLower(s))
		limit := max(2, len(ls)/3)
		best, bestD := "", limit+1
		for _, c := range cands {
			lc := []rune(strings.ToLower(c))
			if c == s || fold && string(lc) == string(ls) || abs(len(lc)-len(ls)) > limit {
				continue
			}
			if d := plain(ls, lc); d < bestD || (d == bestD && c < best) {
				best, bestD = c, d
			}
		}
		return best
	}
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const letters = "abcAB-é"
		rs := []rune(letters)
		w := make([]rune, r.IntN(12))
		for i := range w {
			w[i] = rs[r.IntN(len(rs))]
		}
		return string(w)
	}
	for range 2000 {
		cands := make([]string, r.IntN(20))
		for i := range cands {
			cands[i] = word()
		}
		s := word()
		if got, w := Closest(s, cands), want(s, cands, true); got != w {
			t.Fatalf("Closest(%q, %q) = %q, want %q", s, cands, got, w)
		}
		if got, w := ClosestCased(s, cands), want(s, cands, false); got != w {
			t.Fatalf("ClosestCased(%q, %q) = %q, want %q", s, cands, got, w)
		}
	}
}
