package listing

import (
	"strings"

	"kbsite/generator/site"
)

// Same reports whether the listings, the home page, the sitemap and the
// feed show a and b alike, so that a change from one to the other need not
// rewrite them.
func Same(a, b site.Entry) bool { return key(a) == key(b) }

// key holds what the listings show of an entry.
func key(e site.Entry) string {
	return strings.Join([]string{e.Meta.ID, e.Meta.Title, e.Meta.Summary, e.Meta.Updated.String(),
		strings.Join(e.Meta.Products, "\x00"), strings.Join(e.Meta.Keywords, "\x00")}, "\x01")
}

// Update is what the listings need after the entries olds were replaced by
// news, all being every entry after the change: the home, A–Z and listing
// pages of the languages of the changed entries to render (the listings
// only where a changed entry is or was), and the paths of every listing of
// those languages, which exist after the change.
func Update(b site.Builder, all, olds, news []site.Entry) (jobs []Job, live []string) {
	langs, touched := map[string]bool{}, map[string]bool{}
	for _, e := range append(append([]site.Entry{}, olds...), news...) {
		langs[e.Meta.Lang] = true
		for _, p := range Of(b, e) {
			touched[p] = true
		}
	}
	for _, lang := range b.Paths.Languages {
		if !langs[lang] {
			continue
		}
		l := Group(b, lang, all)
		live = append(live, l.Paths()...)
		jobs = append(jobs, l.Pages(func(p string) bool { return touched[p] })...)
	}
	return jobs, live
}
