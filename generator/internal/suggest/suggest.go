// Package suggest finds the closest known name to a misspelt one, for
// "did you mean ...?" hints in error messages.
package suggest

import (
	"strings"
	"unicode/utf8"
)

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
	ls := []rune(strings.ToLower(s))
	limit := max(2, len(ls)/3)
	best, bestD := "", limit+1
	var rows [2][]int
	for _, c := range candidates {
		// The length alone rules most candidates out (lowering keeps the
		// number of runes); only the others are lowered and compared.
		if c == s || abs(utf8.RuneCountInString(c)-len(ls)) > limit {
			continue
		}
		lc := []rune(strings.ToLower(c))
		if fold && string(lc) == string(ls) {
			continue
		}
		d := within(ls, lc, bestD, &rows)
		if d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	var rows [2][]int
	return within(ra, rb, max(len(ra), len(rb)), &rows)
}

// within is the Levenshtein distance between a and b when it is at most
// k, and k+1 otherwise: it stops once a whole row exceeds k. rows are
// reused between calls.
func within(a, b []rune, k int, rows *[2][]int) int {
	for i := range rows {
		if cap(rows[i]) < len(b)+1 {
			rows[i] = make([]int, len(b)+1)
		}
		rows[i] = rows[i][:len(b)+1]
	}
	prev, cur := rows[0], rows[1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > k {
			return k + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], k+1)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
