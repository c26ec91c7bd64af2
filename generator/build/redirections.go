package build

import (
	"strings"

	"kbsite/generator/internal/diag"
	"kbsite/generator/site"
)

// addRedirections gives the articles the path aliases of the content
// folder's DocFX redirect list (site.Redirections). The aliases are kept by
// article source, so serve's rebuild of an article keeps them.
func (s *Site) addRedirections(dl *diag.List) {
	pages := map[string]string{}
	for _, a := range s.Articles {
		if a.Meta.Lang == s.Config.Language {
			pages[strings.TrimSuffix(a.Path, ".html")] = a.Source
		}
	}
	s.redirected = site.Redirections(s.contentDir, pages, dl)
	for _, a := range s.Articles {
		a.Meta.Aliases = append(a.Meta.Aliases, s.redirected[a.Source]...)
	}
}
