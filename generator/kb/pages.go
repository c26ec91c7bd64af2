package kb

import (
	"math"
	"sync"

	"kbsite/generator/content"
	"kbsite/generator/resolve"
	"kbsite/generator/site"
	"kbsite/generator/site/paths"
)

// pages makes this site's pages (site.Builder holds the common parts).
func (s *Site) pages() site.Builder {
	return site.Builder{Config: s.config, Catalog: s.catalog, Paths: s.paths(), Featured: s.featured}
}

// articlePage is a's page. Its body is filled in when the page is written
// rather than kept, so only the packed copy of every body waits in memory;
// it is unpacked and filled in reused buffers, which the page shows until
// it is written (site.Release).
func (s *Site) articlePage(a *Article) *site.Page {
	bufs := bodyBufs.Get().(*[2][]byte)
	bufs[0] = a.Body.UnpackTo(bufs[0][:0])
	bufs[1] = a.linked.AppendFill(bufs[1][:0], bufs[0])
	in := site.ArticleIn{Entry: entry(a), Headings: a.Headings(), HTML: bufs[1], Self: -1, Done: func() { bodyBufs.Put(bufs) }}
	in.Related, in.Backlinks = site.RelatedLists(entry(a), entries(a.related), entries(a.backlinks), entries(a.similar), similarCount)
	for i, t := range s.translations[a.Meta.TranslationKey] {
		in.Translations = append(in.Translations, entry(t))
		if t == a {
			in.Self = i
		}
	}
	in.Entry.Steps = a.Steps.Unpack()
	return s.pages().ArticlePage(in)
}

// bodyBufs hold a body unpacked and filled while its page is made.
var bodyBufs = sync.Pool{New: func() any { return new([2][]byte) }}

// entry is what the site-wide files and other pages show of a; its own
// page adds the steps.
func entry(a *Article) site.Entry {
	return site.Entry{Meta: &a.Meta, Source: a.Source, Path: a.Path}
}

// entries are the site-wide files' view of arts.
func entries(arts []*Article) []site.Entry { return each(arts, entry) }

// paths places the site's pages (paths.Paths holds the rule).
func (s *Site) paths() paths.Paths {
	return paths.Paths{Default: s.config.Language, Languages: s.languages}
}

// articleID is the ID of the article with id in lang, as spelt in its
// front matter, or "" when there is none.
func (s *Site) articleID(lang, id string) string {
	if a := s.byKey[content.Key(lang, id)]; a != nil {
		return a.Meta.ID
	}
	return ""
}

// newFiles is the rule for linked content files, over this site's paths.
func (s *Site) newFiles() *resolve.Files {
	return &resolve.Files{
		Generated: func(p string) string { return s.paths().Generated(p, s.articleID) },
		Owned: func(p string) (string, string) {
			folder, _, what := s.paths().Owned(p)
			return folder, what
		},
		Read: func(rel string) ([]byte, error) { return content.ReadFile(s.contentDir, rel, math.MaxInt64) },
	}
}
