package site

import (
	"errors"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"

	"kbsite/generator/content"
	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/diag"
	"kbsite/generator/site/paths"
)

// Redirections reads the DocFX redirect list of the content folder
// (.openpublishing.redirection.json) and returns the path alias each entry
// gives the article its redirect_url names, by article source, so that its
// old page becomes a redirect page like any alias's. pages maps the page
// paths of the default language's articles, without ".html", to their
// sources. Entries that lead elsewhere are summed up in one warning.
func Redirections(contentDir string, pages map[string]string, dl *diag.List) map[string][]string {
	file := filepath.Join(contentDir, docfx.RedirectionFile)
	data, err := content.ReadFile(contentDir, docfx.RedirectionFile, content.MaxSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		content.Report(dl, file, err)
		return nil
	}
	redirects, problems := docfx.ParseRedirects(data, "")
	for _, p := range problems {
		dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
	}
	aliases := map[string][]string{}
	var outside []string
	for _, r := range redirects {
		src, ok := redirectTarget(pages, r.URL)
		if !ok {
			outside = append(outside, r.URL)
			continue
		}
		aliases[src] = append(aliases[src], "/"+paths.SourcePath(r.Source))
	}
	if len(outside) > 0 {
		dl.Warnf(file, 0, 0, "%d of %d redirections lead outside this site (such as %s); no redirect pages for them", len(outside), len(redirects), diag.Quote(outside[0]))
	}
	return aliases
}

// redirectTarget is the source of the article a redirect_url names: the
// one whose page path, without ".html", is the longest tail of the URL's
// path ("/windows/wsl/tutorials/gui-apps" is tutorials/gui-apps.html).
func redirectTarget(pages map[string]string, raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	p := strings.ToLower(strings.Trim(u.Path, "/"))
	p = strings.TrimSuffix(strings.TrimSuffix(p, ".md"), ".html")
	for p != "" {
		if src, ok := pages[p]; ok {
			return src, true
		}
		_, rest, ok := strings.Cut(p, "/")
		if !ok {
			break
		}
		p = rest
	}
	return "", false
}
