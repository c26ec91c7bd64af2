// Package site is the page model: the data every page template of the
// theme receives. It is the contract between the build and the templates,
// so a template writer reads one place.
//
// In: plain Entry values (an article's front matter, page path and steps),
// an ArticleIn per article page, and the site's Config, UI strings and
// languages in a Builder. Builder makes the pages: ArticlePage (with
// RelatedLists), ListPage, SearchPage, NotFoundPage, RedirectPage;
// subpackage listing groups a language's articles into its home, A–Z,
// topics, product and keyword pages and makes the sitemap, robots.txt and feed.
// Languages groups translations. Out: the values templates see as
// dot: .Site, .Kind, .Title, .Lang, .Dir, .Root, .LangRoot, .Canonical,
// .Crumbs, .Languages, .Alternates, .Nav, the kind's view, the methods .T,
// .Tf, .Date, .Count, .JSMessages and .TSMessages that look up the UI
// strings in the page's language, and .NavHTML, the navigation tree's
// markup.
//
// Subpackage paths holds the site's addresses (where every page goes and
// which paths the build owns). This package holds the formats of the
// site-wide files made from plain Entry values: the
// sitemap, robots.txt, the Atom feed and each article's JSON-LD.
package site

import (
	"html/template"
	"strings"
	"time"

	"kbsite/generator/resolve"
	"kbsite/generator/theme"
)

// Page is what every template receives.
type Page struct {
	Site        SiteInfo
	Kind        string // home, article, list, topics, search, 404, redirect
	Title       string
	Description string
	Lang        string
	Dir         string // ltr or rtl
	// Path is the page's output path; Root is the "../" prefix that leads
	// from it to the site root, for relative links.
	Path      string
	Root      string
	Canonical string // absolute URL, only with a base URL
	// JSONLD is schema.org structured data as JSON (EncodeJSONLD).
	JSONLD   template.JS
	Crumbs   []Link
	Article  *ArticleView
	List     *ListView
	Home     *HomeView
	Redirect *Link
	// LangRoot leads from the page to its language's folder (index.html,
	// az.html and search.html of that language).
	LangRoot string
	// Languages is the language switcher; Alternates are the hreflang
	// links of an article's translations, itself included.
	Languages  []LangLink
	Alternates []LangLink
	// Nav is the site's navigation tree (see nav.Tree.Apply); Prev and
	// Next are the article's neighbours in its reading order.
	Nav        []NavItem
	Prev, Next *Link

	cat     *theme.Catalog
	release []func() // what Release hands back
}

// Release hands back the memory a written page's body and structured
// data share, for the next page to reuse: at 100,000 articles they are
// 650 MB the collector would otherwise have to find. The page must not
// be rendered after. A function, not a method, so that no template can
// call it.
func Release(p *Page) {
	for _, f := range p.release {
		f()
	}
	p.release = nil
}

// NavItem is a tree entry as one page shows it.
type NavItem struct {
	Title string
	URL   string // page-relative, or absolute for External; "" for a group without a page
	// External entries lead to another site.
	External bool
	Current  bool // the page itself
	Open     bool // a group shown open: expanded, or holding the current page
	Items    []NavItem
	// Collapsed is a group of a pruned tree shown without its entries: URL
	// opens its page or its first page.
	Collapsed bool
	// More is the link that ends a shortened list, to all of its entries.
	More bool
	// Pages counts the site's pages at and under the entry in the whole
	// tree, pruned or not: the home page's section cards show it.
	Pages int
}

// LangLink is a link to a page in one language.
type LangLink struct {
	Lang    string
	Name    string
	URL     string
	Current bool
}

// SiteInfo is the site-wide part of every page.
type SiteInfo struct {
	Title       string
	Description string
	BaseURL     string
	// Favicon is the site-relative path of site.yaml's favicon and its
	// media type, or "" for the theme's assets/favicon.svg.
	Favicon, FaviconType string
}

// Link is a titled page-relative URL.
type Link struct {
	Title string
	URL   string
	Note  string // secondary text, such as a count or an ID
}

// ArticleView is an article page's content.
type ArticleView struct {
	ID        string
	IDDerived bool // made from the file's path: not shown as an article ID
	Title     string
	Summary   string
	Body      template.HTML
	TOC       []TOCEntry
	Products  []Link
	Keywords  []Link
	Updated   time.Time
	OldIDs    []string
	Related   []Link
	Backlinks []Link
	Source    string
	// EditURL is the "Edit this page" link and Feedback the "Was this page
	// helpful?" answers, when site.yaml sets edit_url and feedback_url.
	EditURL  string
	Feedback *Feedback
	// Troubleshooter is set for a guided troubleshooter's page.
	Troubleshooter bool
	// Translations are the article in other languages.
	Translations []LangLink
	// Type is the article type of DocFX content ("Troubleshooting").
	Type string
}

// TOCEntry is an h2 with its h3s.
type TOCEntry struct {
	ID       string
	Text     string
	Children []TOCEntry
}

// ListView is a listing page (a product, a keyword, the A-Z index).
type ListView struct {
	Heading string
	Intro   string
	Groups  []ListGroup
}

// ListGroup is a run of articles under an optional letter heading.
type ListGroup struct {
	Heading string
	ID      string
	Items   []ListItem
}

// ListItem is one article in a listing. Its fields are its own, not an
// embedded Link's: text/template finds a promoted field by a slow search
// that allocates, on every item of every list page.
type ListItem struct {
	Title   string
	URL     string
	Note    string
	Summary string
	Updated time.Time
}

// HomeView is the home page's content.
type HomeView struct {
	Products []Link
	Recent   []ListItem
	// Featured are the articles site.yaml features, in the page's language.
	Featured []ListItem
	// Topics are the topics with the most articles; TopicCount counts every
	// topic, as the topics page (paths.TopicsFile) lists them all.
	Topics     []Link
	TopicCount int
	Count      int
	// Troubleshooters are the language's guided troubleshooters.
	Troubleshooters []ListItem
}

// newPage is the page at output path path, with the site-wide
// information and the UI strings of lang.
func newPage(cat *theme.Catalog, info SiteInfo, lang, kind, path, title string) *Page {
	p := &Page{
		Site:  info,
		Kind:  kind,
		Title: title,
		Lang:  lang,
		Dir:   cat.Dir(lang),
		Path:  path,
		Root:  strings.Repeat("../", strings.Count(path, "/")),
		cat:   cat,
	}
	if info.BaseURL != "" {
		p.Canonical = info.BaseURL + path
	}
	return p
}

// URL is the link from this page to the site-relative path target.
func (p *Page) URL(target string) string { return resolve.Rel(p.Path, target) }

// LastCrumb reports whether breadcrumb i is the page itself.
func (p *Page) LastCrumb(i int) bool { return i == len(p.Crumbs)-1 }

// T returns the UI string key in the page's language.
func (p *Page) T(key string) string { return p.cat.T(p.Lang, key) }

// Tf is T with "{name}" style placeholders replaced: Tf "key" "name" value.
func (p *Page) Tf(key string, pairs ...string) string {
	s := p.T(key)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// JSMessages is the JSON of the UI strings the search script shows.
func (p *Page) JSMessages() string {
	return p.cat.ScriptJSON(p.Lang, "js_")
}

// Date formats a date for the page's readers.
func (p *Page) Date(t time.Time) string { return p.cat.Date(p.Lang, t) }

// Count formats a count with the singular or plural UI string.
func (p *Page) Count(key string, n int) string { return p.cat.Count(p.Lang, key, n) }

// TSMessages is the JSON of the UI strings the troubleshooter script shows.
func (p *Page) TSMessages() string {
	return p.cat.ScriptJSON(p.Lang, "ts_")
}
