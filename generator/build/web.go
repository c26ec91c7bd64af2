package build

import (
	"sort"

	"kbsite/generator/site"
)

// feedSize is how many articles the feed lists.
const feedSize = 20

// entry is what the site-wide files and structured data show of a.
func entry(a *Article) site.Entry { return site.Entry{Meta: a.Meta, Path: a.Path, Steps: a.Steps} }

// entries are the site-wide files' view of arts.
func entries(arts []*Article) []site.Entry {
	out := make([]site.Entry, len(arts))
	for i, a := range arts {
		out[i] = entry(a)
	}
	return out
}

// recent returns up to n of arts, most recently updated first.
func recent(arts []*Article, n int) []*Article {
	recent := append([]*Article(nil), arts...)
	sort.SliceStable(recent, func(i, j int) bool {
		if !recent[i].Meta.Updated.Equal(recent[j].Meta.Updated) {
			return recent[i].Meta.Updated.After(recent[j].Meta.Updated)
		}
		return recent[i].Meta.ID < recent[j].Meta.ID
	})
	if len(recent) > n {
		recent = recent[:n]
	}
	return recent
}
