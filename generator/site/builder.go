package site

import (
	"strings"

	"kbsite/generator/internal/config"
	"kbsite/generator/site/paths"
	"kbsite/generator/theme"
)

// Builder makes the pages of one site: it knows the configuration, the UI
// strings and where each language's pages go.
type Builder struct {
	Config  config.Site
	Catalog *theme.Catalog
	Paths   paths.Paths
	// Featured are the translation keys of the articles the home pages
	// feature (site.yaml featured), in order.
	Featured []string
}

// Page is the page at output path path in language lang, with the
// site-wide information filled in.
func (b Builder) Page(lang, kind, path, title string) *Page {
	info := SiteInfo{Title: b.Config.Title, Description: b.Config.Description, BaseURL: b.Config.BaseURL}
	info.Favicon, info.FaviconType = Favicon(b.Config)
	p := newPage(b.Catalog, info, lang, kind, path, title)
	p.LangRoot = strings.TrimSuffix(p.URL(b.Paths.Lang(lang, paths.HomeFile)), paths.HomeFile)
	return p
}

// Switcher fills the language switcher: for each language of the site,
// the same page in that language when it exists (path(lang) != ""), else
// that language's home page.
func (b Builder) Switcher(p *Page, path func(lang string) string) {
	if len(b.Paths.Languages) < 2 {
		return
	}
	for _, l := range b.Paths.Languages {
		target := path(l)
		if target == "" {
			target = b.Paths.Lang(l, paths.HomeFile)
		}
		p.Languages = append(p.Languages, LangLink{Lang: l, Name: b.Catalog.T(l, "language_name"), URL: p.URL(target), Current: l == p.Lang})
	}
}

// SamePage is a switcher path for pages every language has.
func (b Builder) SamePage(name string) func(string) string {
	return func(l string) string { return b.Paths.Lang(l, name) }
}

// SearchPage is the shareable results page, search.html?q=...
func (b Builder) SearchPage(lang string) *Page {
	p := b.Page(lang, "search", b.Paths.Lang(lang, paths.SearchFile), "")
	p.Title = p.T("search")
	p.Crumbs = []Link{{Title: p.T("home"), URL: p.URL(b.Paths.Lang(lang, paths.HomeFile))}, {Title: p.T("search")}}
	b.Switcher(p, b.SamePage(paths.SearchFile))
	return p
}

// NotFoundPage is 404.html, in the default language.
func (b Builder) NotFoundPage() *Page {
	p := b.Page(b.Config.Language, "404", paths.NotFoundFile, "")
	p.Title = p.T("not_found_title")
	// A host serves 404.html for missing pages at any depth, where relative
	// links would break; with a base URL the page links absolutely.
	if b.Config.BaseURL != "" {
		p.Root = b.Config.BaseURL
		p.LangRoot = b.Config.BaseURL
	}
	return p
}

// RedirectPage is the page at from that sends readers on to the article.
func (b Builder) RedirectPage(from string, to Entry) *Page {
	p := b.Page(to.Meta.Lang, "redirect", from, to.Meta.Title)
	p.Redirect = &Link{Title: to.Meta.Title, URL: p.URL(to.Path)}
	if b.Config.BaseURL != "" {
		p.Canonical = b.Config.BaseURL + to.Path
	}
	return p
}

// ArticleLink is a link from page p to an article, noted with its ID
// unless the ID was derived from the file's path.
func ArticleLink(p *Page, e Entry) Link {
	l := Link{Title: e.Meta.Title, URL: p.URL(e.Path)}
	if !e.Meta.IDDerived {
		l.Note = e.Meta.ID
	}
	return l
}

// Item is an article as a listing on page p shows it.
func Item(p *Page, e Entry) ListItem {
	l := ArticleLink(p, e)
	return ListItem{Title: l.Title, URL: l.URL, Note: l.Note, Summary: e.Meta.Summary, Updated: e.Meta.Updated}
}

// ListPage is a listing of articles, in the order given; logical is its
// path without the language folder, and exists says which languages have
// the same listing, for the language switcher.
func (b Builder) ListPage(lang, logical, heading, intro string, sorted []Entry, exists func(lang string) bool) *Page {
	p := b.Page(lang, "list", b.Paths.Lang(lang, logical), heading)
	p.Description = intro
	items := make([]ListItem, 0, len(sorted))
	for _, e := range sorted {
		items = append(items, Item(p, e))
	}
	p.List = &ListView{Heading: heading, Intro: intro, Groups: []ListGroup{{Items: items}}}
	p.Crumbs = []Link{{Title: p.T("home"), URL: p.URL(b.Paths.Lang(lang, paths.HomeFile))}, {Title: heading}}
	b.Switcher(p, func(l string) string {
		if exists(l) {
			return b.Paths.Lang(l, logical)
		}
		return ""
	})
	return p
}
