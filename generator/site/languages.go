package site

import (
	"slices"
	"sort"
)

// Languages are the languages that articles all are in, def first and
// the others sorted, and the articles of each translation key as indices
// into all, in that language order.
func Languages(def string, all []Entry) ([]string, map[string][]int) {
	seen := map[string]bool{def: true}
	var others []string
	groups := map[string][]int{}
	for i, e := range all {
		if !seen[e.Meta.Lang] {
			seen[e.Meta.Lang] = true
			others = append(others, e.Meta.Lang)
		}
		k := e.Meta.TranslationKey
		groups[k] = append(groups[k], i)
	}
	sort.Strings(others)
	langs := append([]string{def}, others...)
	order := func(lang string) int {
		if i := slices.Index(langs, lang); i >= 0 {
			return i
		}
		return len(langs)
	}
	for _, g := range groups {
		sort.Slice(g, func(i, j int) bool { return order(all[g[i]].Meta.Lang) < order(all[g[j]].Meta.Lang) })
	}
	return langs, groups
}
