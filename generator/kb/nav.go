package kb

import (
	"kbsite/generator/internal/diag"
	"kbsite/generator/site"
	"kbsite/generator/site/nav"
)

// buildNav makes each language's navigation tree (nav.Trees). It needs
// the sealed link index, through which toc hrefs reach the articles'
// output paths.
func (s *Site) buildNav(dl *diag.List) map[string]*nav.Tree {
	find := func(source string) (nav.Article, bool) {
		t := s.index.BySource(source)
		if t == nil || t.Lang != s.config.Language {
			return nav.Article{}, false
		}
		return nav.Article{Source: t.Source, Path: t.Path, Title: t.Title}, true
	}
	navs, toc := nav.Trees(s.pages(), s.contentDir, s.foreign(), entries(s.Articles), find, s.index.HostURL, dl)
	s.tocNav = toc
	return navs
}

// navChanged rebuilds the trees after an incremental change and reports
// whether they differ from the ones every page shows.
func (s *Site) navChanged() bool {
	navs := s.buildNav(&diag.List{}) // toc.yml's warnings were reported by the full build
	for lang, n := range navs {
		if !n.Same(s.nav[lang]) {
			return true
		}
	}
	return len(navs) != len(s.nav)
}

// applyNav shows the tree of p's language on p. A redirect page only
// sends the reader on, so it gets none (there are as many of them as
// articles with old IDs).
func (s *Site) applyNav(p *site.Page) *site.Page {
	if p.Kind != "redirect" {
		s.nav[p.Lang].Apply(p)
	}
	return p
}
