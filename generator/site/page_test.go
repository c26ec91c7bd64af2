package site

import (
	"testing"

	"kbsite"
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
	p := NewPage(cat, SiteInfo{Title: "KB", BaseURL: "https://kb.example/"}, "en", "article", "de/kb/kb1.html", "T")
	if p.Root != "../../" || p.URL("index.html") != "../../index.html" || p.URL("de/kb/kb2.html") != "kb2.html" {
		t.Errorf("root %q, links %q %q", p.Root, p.URL("index.html"), p.URL("de/kb/kb2.html"))
	}
	if p.Canonical != "https://kb.example/de/kb/kb1.html" || p.Dir != "ltr" {
		t.Errorf("canonical %q, dir %q", p.Canonical, p.Dir)
	}
	if p.T("home") == "" || p.T("home") == "home" {
		t.Errorf("T(home) = %q", p.T("home"))
	}
	if q := NewPage(cat, SiteInfo{}, "en", "home", "index.html", ""); q.Canonical != "" || q.Root != "" {
		t.Errorf("without a base URL: canonical %q, root %q", q.Canonical, q.Root)
	}
}
