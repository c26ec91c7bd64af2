package build

import (
	"errors"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"

	"kbsite/generator/content"
	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/diag"
	"kbsite/generator/site"
)

// addRedirections reads the DocFX redirect list of the content folder
// (.openpublishing.redirection.json) and gives each entry whose
// redirect_url names an article of the site to that article as a path
// alias, so that its old page becomes a redirect page like any alias's.
// Entries that lead elsewhere are summed up in one warning. The aliases
// are kept by article source, so serve's rebuild of an article keeps them.
func (s *Site) addRedirections(dl *diag.List) {
	file := filepath.Join(s.contentDir, docfx.RedirectionFile)
	data, err := content.ReadFile(s.contentDir, docfx.RedirectionFile, content.MaxSize)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		content.Report(dl, file, err)
		return
	}
	redirects, problems := docfx.ParseRedirects(data, "")
	for _, p := range problems {
		dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
	}
	byPath := map[string]*Article{}
	for _, a := range s.Articles {
		if a.Meta.Lang == s.Config.Language {
			byPath[strings.TrimSuffix(a.Path, ".html")] = a
		}
	}
	s.redirected = map[string][]string{}
	var outside []string
	for _, r := range redirects {
		a := redirectTarget(byPath, r.URL)
		if a == nil {
			outside = append(outside, r.URL)
			continue
		}
		al := "/" + site.SourcePath(r.Source)
		s.redirected[a.Source] = append(s.redirected[a.Source], al)
		a.Meta.Aliases = append(a.Meta.Aliases, al)
	}
	if len(outside) > 0 {
		dl.Warnf(file, 0, 0, "%d of %d redirections lead outside this site (such as %s); no redirect pages for them", len(outside), len(redirects), diag.Quote(outside[0]))
	}
}

// redirectTarget is the article a redirect_url names: the one whose page
// path, without ".html", is the longest tail of the URL's path
// ("/windows/wsl/tutorials/gui-apps" is tutorials/gui-apps.html), or nil.
func redirectTarget(byPath map[string]*Article, raw string) *Article {
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	p := strings.ToLower(strings.Trim(u.Path, "/"))
	p = strings.TrimSuffix(strings.TrimSuffix(p, ".md"), ".html")
	for p != "" {
		if a := byPath[p]; a != nil {
			return a
		}
		_, rest, ok := strings.Cut(p, "/")
		if !ok {
			break
		}
		p = rest
	}
	return nil
}
