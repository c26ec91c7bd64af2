package listing

import (
	"slices"
	"testing"

	"kbsite"
	"kbsite/generator/content"
	"kbsite/generator/internal/config"
	"kbsite/generator/site"
	"kbsite/generator/theme"
)

func entryOf(id, lang, title string, products, keywords []string) site.Entry {
	return site.Entry{Meta: content.Meta{ID: id, Lang: lang, Title: title, TranslationKey: id, Products: products, Keywords: keywords},
		Path: lang + "/" + site.ArticlePath(id)}
}

// TestGroupAndPages checks a language's listings: products by display
// name, keywords that differ in case on one page, listings sorted by title,
// and only the wanted listings rendered.
func TestGroupAndPages(t *testing.T) {
	th, err := theme.Load(kbsite.Theme)
	if err != nil {
		t.Fatal(err)
	}
	b := site.Builder{Config: config.Site{Language: "en", Products: map[string]string{"zz": "Alpha", "aa": "Zulu"}}, Catalog: th.Catalog(),
		Paths: site.Paths{Default: "en", Languages: []string{"en", "de"}}}
	all := []site.Entry{
		entryOf("KB1", "en", "beta", []string{"aa", "zz"}, []string{"VPN"}),
		entryOf("KB2", "en", "Alpha", []string{"zz"}, []string{"vpn"}),
		entryOf("KB3", "de", "Gamma", []string{"zz"}, nil),
	}
	l := Group(b, "en", all)
	if got := l.Paths(); !slices.Equal(got, []string{"products/zz.html", "products/aa.html", b.Paths.Lang("en", site.KeywordPath("VPN"))}) {
		t.Errorf("listings %q", got)
	}
	jobs := l.Pages(func(p string) bool { return p == "products/zz.html" })
	if len(jobs) != 3 || jobs[0].Template != "home" {
		t.Fatalf("jobs %+v, want home, A–Z and one product", jobs)
	}
	p := jobs[2].Page()
	items := p.List.Groups[0].Items
	if len(items) != 2 || items[0].Note != "KB2" || items[1].Note != "KB1" || len(p.Languages) != 2 || p.Languages[1].URL != "../de/products/zz.html" {
		t.Errorf("product page items %+v, switcher %+v", items, p.Languages)
	}
	if h := jobs[0].Page().Home; h.Count != 2 || len(h.Keywords) != 1 || h.Products[0].Title != "Alpha" {
		t.Errorf("home %+v", h)
	}
}
