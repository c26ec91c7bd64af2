package kb

import (
	"kbsite/generator/site"
)

// pages makes this site's pages (site.Builder holds the common parts).
func (s *Site) pages() site.Builder {
	return site.Builder{Config: s.config, Catalog: s.catalog, Paths: s.paths(), Featured: s.featured}
}

// articlePage is a's page. Its body is filled in when the page is written
// rather than kept, so only the packed copy of every body waits in memory.
func (s *Site) articlePage(a *Article) *site.Page {
	in := site.ArticleIn{Entry: entry(a), Headings: a.Headings, HTML: a.linked.Fill(a.Body.Unpack()), Self: -1}
	in.Related, in.Backlinks = site.RelatedLists(entry(a), entries(a.related), entries(a.backlinks), entries(a.similar), similarCount)
	for i, t := range s.translations[a.Meta.TranslationKey] {
		in.Translations = append(in.Translations, entry(t))
		if t == a {
			in.Self = i
		}
	}
	return s.pages().ArticlePage(in)
}

// entry is what the site-wide files and structured data show of a.
func entry(a *Article) site.Entry {
	return site.Entry{Meta: a.Meta, Source: a.Source, Path: a.Path, Steps: a.Steps}
}

// entries are the site-wide files' view of arts.
func entries(arts []*Article) []site.Entry {
	out := make([]site.Entry, len(arts))
	for i, a := range arts {
		out[i] = entry(a)
	}
	return out
}
