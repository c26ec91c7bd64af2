package build

import (
	"errors"
	"io/fs"
	"path/filepath"

	"kbsite/generator/content"
	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/diag"
	"kbsite/generator/site"
	"kbsite/generator/site/nav"
)

// tocFile is the DocFX table of contents at the root of a content folder.
const tocFile = "toc.yml"

// buildNav makes each language's navigation tree: the default language's
// from toc.yml when the content folder has one, else from folders for
// foreign content (derive_ids) and from products for KB content. It needs
// the sealed link index, through which toc hrefs reach the articles'
// output paths.
func (s *Site) buildNav(dl *diag.List) map[string]*nav.Tree {
	navs := map[string]*nav.Tree{}
	file := filepath.Join(s.contentDir, tocFile)
	data, err := content.ReadFile(s.contentDir, tocFile, content.MaxSize)
	switch {
	case err == nil:
		navs[s.Config.Language] = s.readTOC(file, data, dl)
		s.tocNav = true
		return navs
	case !errors.Is(err, fs.ErrNotExist):
		dl.Warnf(file, 0, 0, "cannot read the table of contents: %v", err)
	}
	for _, lang := range s.Languages {
		arts := s.articlesIn(lang)
		if s.Config.DeriveIDs != nil && *s.Config.DeriveIDs {
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

// readTOC reads the toc.yml at file (with the toc files it names) into a
// tree; its problems are warnings located in the toc file.
func (s *Site) readTOC(file string, data []byte, dl *diag.List) *nav.Tree {
	toc, problems := docfx.ParseTOC(tocFile, data, func(rel string) ([]byte, bool) {
		b, err := content.ReadFile(s.contentDir, rel, content.MaxSize)
		return b, err == nil
	})
	for _, p := range problems {
		dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
	}
	find := func(source string) (nav.Article, bool) {
		t := s.Index.BySource(source)
		if t == nil || t.Lang != s.Config.Language {
			return nav.Article{}, false
		}
		return nav.Article{Source: t.Source, Path: t.Path, Title: t.Title}, true
	}
	tree, missing := nav.FromTOC(toc, find, s.Index.HostURL)
	for _, p := range missing {
		dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
	}
	return tree
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
