// Package paths holds the output-path rules of a site: where every page
// goes (articles by ID or, for foreign content, at their content path;
// listings; each language's folder) and which paths the build owns, so
// content files and aliases stay off them.
package paths

import (
	"path"
	"strings"
	"unicode"

	"kbsite/generator/markdown"
)

// The build's own names: every file a build writes is one of the pages
// named here, lies in one of the folders named here, is a redirect page
// of an alias, or is a foreign article's page at its content path
// (SourcePath); the last two are always .html or .htm, which published
// content files never are.
// Generated and Owned read these names to keep content files and
// aliases off them; TestEveryWrittenFileIsOwned keeps the list complete.
const (
	ArticleDir = "kb/" // article pages and old-ID redirects, per language
	productDir = "products/"
	keywordDir = "keywords/"

	HomeFile   = "index.html" // per language, as are AZFile, TopicsFile and SearchFile
	AZFile     = "az.html"
	TopicsFile = "topics.html"
	SearchFile = "search.html"

	NotFoundFile = "404.html" // at the top of the site, as are the web files
	SitemapFile  = "sitemap.xml"
	RobotsFile   = "robots.txt"
	FeedFile     = "feed.xml"
)

// langPages are the pages every language has in its folder.
var langPages = map[string]string{HomeFile: "the home page", AZFile: "the A–Z index", TopicsFile: "the topics page", SearchFile: "the search page"}

// siteFiles are the files at the top of the site.
var siteFiles = map[string]string{NotFoundFile: "the not-found page", SitemapFile: "the sitemap", RobotsFile: "the robots file", FeedFile: "the feed"}

// dataDirs, at the top of the site, hold the theme's assets (layout names
// them assets/<name>.<hash>.<ext>) and the search index.
var dataDirs = []struct{ dir, what string }{{"assets/", "the theme's assets"}, {"search/", "the search index"}}

// pageDirs hold every language's article pages and listings.
var pageDirs = []struct{ dir, what string }{{ArticleDir, "article pages"}, {productDir, "product listings"}, {keywordDir, "keyword listings"}}

// ArticlePath is the output path of an article: it derives from the ID
// alone, so retitling or moving the Markdown file never breaks a link.
func ArticlePath(id string) string { return ArticleDir + strings.ToLower(id) + ".html" }

// SourcePath is the output path of a page kept at its content path
// (foreign content): "Windows-Client/Net/x y.md" is
// "windows-client/net/x-y.html", lower-case as hosts may ignore case, and
// with characters other than letters, digits, ".", "_" and "-" made "-"
// so the URL needs no escaping.
func SourcePath(rel string) string {
	rel = strings.ToLower(strings.TrimSuffix(rel, path.Ext(rel)))
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '.' || r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '-'
	}, rel) + ".html"
}

// ProductPath is the output path of a product's listing page.
func ProductPath(slug string) string { return productDir + slug + ".html" }

// KeywordPath is the output path of a keyword's listing page.
func KeywordPath(keyword string) string {
	s := markdown.Slug(keyword)
	if s == "" {
		s = "keyword"
	}
	return keywordDir + s + ".html"
}

// Paths places the pages of a site's languages: the default language's at
// the top, the others' in a folder named after the language.
type Paths struct {
	Default   string
	Languages []string // the languages with articles
}

// Lang is the path of a language's page p.
func (ps Paths) Lang(lang, p string) string {
	if lang == ps.Default {
		return p
	}
	return lang + "/" + p
}

// Generated says which generated page or file is at site path p
// ("the home page"), or "" when the build writes nothing there; article
// says whose page an article path of a language is, or "". Case is
// ignored, as hosts on Windows and macOS ignore it.
func (ps Paths) Generated(p string, article func(lang, id string) string) string {
	p = strings.ToLower(p)
	if what, ok := siteFiles[p]; ok {
		return what
	}
	lang, rest := ps.split(p)
	if what, ok := langPages[rest]; ok {
		return what
	}
	if id, ok := strings.CutPrefix(rest, ArticleDir); ok && strings.HasSuffix(id, ".html") {
		if who := article(lang, strings.TrimSuffix(id, ".html")); who != "" {
			return "the page of " + who
		}
	}
	return ""
}

// Owned returns the folder the build owns that site path p lies in
// ("de/kb/") with the unprefixed name (ArticleDir) and what it holds, or
// "" when p lies in none.
func (ps Paths) Owned(p string) (folder, dir, what string) {
	p = strings.ToLower(p)
	for _, d := range dataDirs {
		if strings.HasPrefix(p, d.dir) {
			return d.dir, d.dir, d.what
		}
	}
	_, rest := ps.split(p)
	for _, d := range pageDirs {
		if strings.HasPrefix(rest, d.dir) {
			return p[:len(p)-len(rest)] + d.dir, d.dir, d.what
		}
	}
	return "", "", ""
}

// split splits a site path into the language whose folder it is in and
// the rest: "de/kb/kb1.html" is ("de", "kb/kb1.html"), and a path outside
// every language folder belongs to the default language.
func (ps Paths) split(p string) (lang, rest string) {
	first, rest, ok := strings.Cut(p, "/")
	if ok && first != ps.Default {
		for _, l := range ps.Languages {
			if strings.EqualFold(l, first) {
				return l, rest
			}
		}
	}
	return ps.Default, p
}
