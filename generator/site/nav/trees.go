package nav

import (
	"slices"

	"kbsite/generator/internal/diag"
	"kbsite/generator/site"
)

// Trees makes each language's navigation tree: the default language's from
// the content folder's toc.yml when it has one (ReadTOC; the bool says so),
// else each language's from folders for foreign content (derive_ids) and
// from products for KB content. arts are the articles of every language in
// site order; find and hostURL are as for FromTOC.
func Trees(b site.Builder, contentDir string, foreign bool, arts []site.Entry, find func(source string) (Article, bool), hostURL func(string) string, dl *diag.List) (map[string]*Tree, bool) {
	if tree, ok := ReadTOC(contentDir, find, hostURL, dl); ok {
		return map[string]*Tree{b.Config.Language: tree}, true
	}
	trees := map[string]*Tree{}
	for _, lang := range b.Paths.Languages {
		var in []site.Entry
		for _, e := range arts {
			if e.Meta.Lang == lang {
				in = append(in, e)
			}
		}
		if !foreign {
			trees[lang] = FromProducts(b, lang, in)
			continue
		}
		pages := make([]Article, len(in))
		for i, e := range in {
			pages[i] = Article{Source: e.Source, Path: e.Path, Title: e.Meta.Title}
		}
		trees[lang] = FromFolders(pages)
	}
	return trees, false
}

// SameEntry reports whether every tree shows articles a and b alike:
// Trees reads an article's language, title, path, source and products,
// so an edit that keeps those (of its text, most often) cannot change a
// tree, and serve mode need not rebuild them.
func SameEntry(a, b site.Entry) bool {
	return a.Meta.Lang == b.Meta.Lang && a.Meta.Title == b.Meta.Title && a.Path == b.Path && a.Source == b.Source &&
		slices.Equal(a.Meta.Products, b.Meta.Products)
}
