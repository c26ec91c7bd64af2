package build

import (
	"strings"

	"kbsite/generator/resolve"
)

// The build's own names: every file a build writes is one of the pages
// named here, lies in one of the folders named here, or is a redirect page
// of an alias (always .html or .htm, which content files never are).
// generatedFile and ownedFolder read these names to keep content files and
// aliases off them; TestEveryWrittenFileIsOwned keeps the list complete.
const (
	articleDir = "kb/" // article pages and old-ID redirects, per language
	productDir = "products/"
	keywordDir = "keywords/"

	homeFile   = "index.html" // per language, as are azFile and searchFile
	azFile     = "az.html"
	searchFile = "search.html"

	notFoundFile = "404.html" // at the top of the site, as are the web files
	sitemapFile  = "sitemap.xml"
	robotsFile   = "robots.txt"
	feedFile     = "feed.xml"
)

// langPages are the pages every language has in its folder.
var langPages = map[string]string{homeFile: "the home page", azFile: "the A–Z index", searchFile: "the search page"}

// siteFiles are the files at the top of the site.
var siteFiles = map[string]string{notFoundFile: "the not-found page", sitemapFile: "the sitemap", robotsFile: "the robots file", feedFile: "the feed"}

// dataDirs, at the top of the site, hold the theme's assets (layout names
// them assets/<name>.<hash>.<ext>) and the search index.
var dataDirs = []struct{ dir, what string }{{"assets/", "the theme's assets"}, {"search/", "the search index"}}

// pageDirs hold every language's article pages and listings.
var pageDirs = []struct{ dir, what string }{{articleDir, "article pages"}, {productDir, "product listings"}, {keywordDir, "keyword listings"}}

// generatedFile says which generated page or file is at site path p
// ("the home page"), or "" when the build writes nothing there. Case is
// ignored, as hosts on Windows and macOS ignore it.
func (site *Site) generatedFile(p string) string {
	p = strings.ToLower(p)
	if what, ok := siteFiles[p]; ok {
		return what
	}
	lang, rest := site.splitLang(p)
	if what, ok := langPages[rest]; ok {
		return what
	}
	if id, ok := strings.CutPrefix(rest, articleDir); ok && strings.HasSuffix(id, ".html") {
		if a := site.ByKey[resolve.Key(lang, strings.TrimSuffix(id, ".html"))]; a != nil {
			return "the page of " + a.Meta.ID
		}
	}
	return ""
}

// ownedFolder returns the folder the build owns that site path p lies in
// ("de/kb/") with the unprefixed name (articleDir) and what it holds, or
// "" when p lies in none.
func (site *Site) ownedFolder(p string) (folder, dir, what string) {
	p = strings.ToLower(p)
	for _, d := range dataDirs {
		if strings.HasPrefix(p, d.dir) {
			return d.dir, d.dir, d.what
		}
	}
	_, rest := site.splitLang(p)
	for _, d := range pageDirs {
		if strings.HasPrefix(rest, d.dir) {
			return p[:len(p)-len(rest)] + d.dir, d.dir, d.what
		}
	}
	return "", "", ""
}

// splitLang splits a site path into the language whose folder it is in
// and the rest: "de/kb/kb1.html" is ("de", "kb/kb1.html"), and a path
// outside every language folder belongs to the default language.
func (site *Site) splitLang(p string) (lang, rest string) {
	first, rest, ok := strings.Cut(p, "/")
	if ok && first != site.Config.Language {
		for _, l := range site.Languages {
			if strings.EqualFold(l, first) {
				return l, rest
			}
		}
	}
	return site.Config.Language, p
}
