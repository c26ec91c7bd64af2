package site

import (
	"testing"

	"kbsite"
	"kbsite/generator/content"
	"kbsite/generator/internal/config"
	"kbsite/generator/site/paths"
	"kbsite/generator/theme"
)

// TestNewPage checks what every template relies on: the root prefix and
// relative links from a nested page, the canonical URL only with a base
// URL, and UI strings in the page's language.
func TestNewPage(t *testing.T) {
	th, err := theme.Load(kbsite.Theme)
	if err != nil {
		t.Fatal(err)
	}
	cat := th.Catalog()
	p := newPage(cat, SiteInfo{Title: "KB", BaseURL: "https://kb.example/"}, "en", "article", "de/kb/kb1.html", "T")
	if p.Root != "../../" || p.URL("index.html") != "../../index.html" || p.URL("de/kb/kb2.html") != "kb2.html" {
		t.Errorf("root %q, links %q %q", p.Root, p.URL("index.html"), p.URL("de/kb/kb2.html"))
	}
	if p.Canonical != "https://kb.example/de/kb/kb1.html" || p.Dir != "ltr" {
		t.Errorf("canonical %q, dir %q", p.Canonical, p.Dir)
	}
	if p.T("home") == "" || p.T("home") == "home" {
		t.Errorf("T(home) = %q", p.T("home"))
	}
	if q := newPage(cat, SiteInfo{}, "en", "home", "index.html", ""); q.Canonical != "" || q.Root != "" {
		t.Errorf("without a base URL: canonical %q, root %q", q.Canonical, q.Root)
	}
}

// TestBuilderPages checks the pages that need no article list: the 404
// page links absolutely with a base URL, a redirect points at the article
// and the language switcher lists every language, the current one marked.
func TestBuilderPages(t *testing.T) {
	th, err := theme.Load(kbsite.Theme)
	if err != nil {
		t.Fatal(err)
	}
	b := Builder{Config: config.Site{Title: "KB", Language: "en", BaseURL: "https://kb.example/"}, Catalog: th.Catalog(),
		Paths: paths.Paths{Default: "en", Languages: []string{"en", "de"}}}
	if p := b.NotFoundPage(); p.Root != "https://kb.example/" || p.LangRoot != "https://kb.example/" {
		t.Errorf("404 root %q, lang root %q", p.Root, p.LangRoot)
	}
	r := b.RedirectPage("old/x/index.html", Entry{Meta: &content.Meta{Title: "X", Lang: "de"}, Path: "de/kb/kb1.html"})
	if r.Redirect.URL != "../../de/kb/kb1.html" || r.Canonical != "https://kb.example/de/kb/kb1.html" {
		t.Errorf("redirect to %q, canonical %q", r.Redirect.URL, r.Canonical)
	}
	s := b.SearchPage("de")
	if s.Path != "de/search.html" || len(s.Languages) != 2 || !s.Languages[1].Current || s.Languages[0].URL != "../search.html" {
		t.Errorf("search page %q, switcher %+v", s.Path, s.Languages)
	}
}

// TestDerivedIDsAreNotShown: an ID made from a foreign file's path
// ("windows-client/networking/x") is no article ID a reader can use, so
// links to it carry no ID note; a writer's own ID does.
func TestDerivedIDsAreNotShown(t *testing.T) {
	th, err := theme.Load(kbsite.Theme)
	if err != nil {
		t.Fatal(err)
	}
	p := newPage(th.Catalog(), SiteInfo{Title: "KB"}, "en", "article", "kb/a.html", "A")
	own := ArticleLink(p, Entry{Meta: &content.Meta{ID: "KB307294", Title: "B"}, Path: "kb/kb307294.html"})
	derived := ArticleLink(p, Entry{Meta: &content.Meta{ID: "networking/x", IDDerived: true, Title: "X"}, Path: "networking/x.html"})
	if own.Note != "KB307294" || derived.Note != "" {
		t.Errorf("notes: own %q, derived %q", own.Note, derived.Note)
	}
}
