package build

import (
	"kbsite/generator/internal/diag"
	"kbsite/generator/site"
	"kbsite/generator/site/nav"
)

// buildNav makes each language's navigation tree: the default language's
// from toc.yml when the content folder has one, else from folders for
// foreign content (derive_ids) and from products for KB content. It needs
// the sealed link index, through which toc hrefs reach the articles'
// output paths.
func (s *Site) buildNav(dl *diag.List) map[string]*nav.Tree {
	navs := map[string]*nav.Tree{}
	find := func(source string) (nav.Article, bool) {
		t := s.Index.BySource(source)
		if t == nil || t.Lang != s.Config.Language {
			return nav.Article{}, false
		}
		return nav.Article{Source: t.Source, Path: t.Path, Title: t.Title}, true
	}
	if tree, ok := nav.ReadTOC(s.contentDir, find, s.Index.HostURL, dl); ok {
		navs[s.Config.Language] = tree
		s.tocNav = true
		return navs
	}
	for _, lang := range s.Languages {
		arts := s.articlesIn(lang)
		if s.foreign() {
			pages := make([]nav.Article, len(arts))
			for i, a := range arts {
				pages[i] = nav.Article{Source: a.Source, Path: a.Path, Title: a.Meta.Title}
			}
			navs[lang] = nav.FromFolders(pages)
		} else {
			navs[lang] = nav.FromProducts(s.pages(), lang, entries(arts))
		}
	}
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

// applyNav shows the tree of p's language on p.
func (s *Site) applyNav(p *site.Page) *site.Page {
	s.nav[p.Lang].Apply(p)
	return p
}

// articlesIn returns the articles of one language, in site order.
func (s *Site) articlesIn(lang string) []*Article {
	var out []*Article
	for _, a := range s.Articles {
		if a.Meta.Lang == lang {
			out = append(out, a)
		}
	}
	return out
}
