// Package suggest finds the closest known name to a misspelt one, for
// "did you mean ...?" hints in error messages.
package suggest

import "strings"

// Closest returns the candidate nearest to s by edit distance (ignoring
// case), or "" when none is close enough to be a plausible typo. Ties go to
// the candidate that sorts first, so hints are deterministic. It is for
// names matched without regard to case (article IDs): a candidate equal to
// s in any case is the name that was typed, and is never suggested.
func Closest(s string, candidates []string) string {
	return closest(s, candidates, true)
}

// ClosestCased is Closest for names matched exactly (paths, anchors): a
// candidate that differs from s only in case is the best hint there, and
// only s itself is never suggested.
func ClosestCased(s string, candidates []string) string {
	return closest(s, candidates, false)
}

func closest(s string, candidates []string, fold bool) string {
	ls := strings.ToLower(s)
	limit := max(2, len([]rune(ls))/3)
	best, bestD := "", limit+1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if c == s || fold && lc == ls || abs(len(lc)-len(ls)) > limit {
			continue
		}
		d := Distance(ls, lc)
		if d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
