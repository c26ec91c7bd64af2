package build

import (
	"kbsite/generator/site"
)

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
