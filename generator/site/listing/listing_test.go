package listing

import (
	"fmt"
	"slices"
	"testing"

	"kbsite"
	"kbsite/generator/content"
	"kbsite/generator/internal/config"
	"kbsite/generator/site"
	"kbsite/generator/site/paths"
	"kbsite/generator/theme"
)

// testBuilder is a site in English and German with the default theme.
func testBuilder(t *testing.T, cfg config.Site) site.Builder {
	t.Helper()
	th, err := theme.Load(kbsite.Theme)
	if err != nil {
		t.Fatal(err)
	}
	return site.Builder{Config: cfg, Catalog: th.Catalog(), Paths: paths.Paths{Default: "en", Languages: []string{"en", "de"}}}
}

func entryOf(id, lang, title string, products, keywords []string) site.Entry {
	return site.Entry{Meta: &content.Meta{ID: id, Lang: lang, Title: title, TranslationKey: id, Products: products, Keywords: keywords},
		Path: lang + "/" + paths.ArticlePath(id)}
}

// TestGroupAndPages checks a language's listings: products by display
// name, keywords that differ in case on one page, listings sorted by title,
// and only the wanted listings rendered.
func TestGroupAndPages(t *testing.T) {
	b := testBuilder(t, config.Site{Language: "en", Products: map[string]string{"zz": "Alpha", "aa": "Zulu"}})
	all := []site.Entry{
		entryOf("KB1", "en", "beta", []string{"aa", "zz"}, []string{"VPN"}),
		entryOf("KB2", "en", "Alpha", []string{"zz"}, []string{"vpn"}),
		entryOf("KB3", "de", "Gamma", []string{"zz"}, nil),
	}
	l := Group(b, "en", all)
	if got := l.Paths(); !slices.Equal(got, []string{"products/zz.html", "products/aa.html", b.Paths.Lang("en", paths.KeywordPath("VPN"))}) {
		t.Errorf("listings %q", got)
	}
	jobs := l.Pages(func(p string) bool { return p == "products/zz.html" })
	if len(jobs) != 4 || jobs[0].Template != "home" || jobs[2].Template != "topics" {
		t.Fatalf("jobs %+v, want home, A–Z, topics and one product", jobs)
	}
	p := jobs[3].Page()
	items := p.List.Groups[0].Items
	if len(items) != 2 || items[0].Note != "KB2" || items[1].Note != "KB1" || len(p.Languages) != 2 || p.Languages[1].URL != "../de/products/zz.html" {
		t.Errorf("product page items %+v, switcher %+v", items, p.Languages)
	}
	if h := jobs[0].Page().Home; h.Count != 2 || len(h.Topics) != 1 || h.Products[0].Title != "Alpha" {
		t.Errorf("home %+v", h)
	}
}

// TestHomeFeaturedAndTopics: the home page features site.yaml's articles
// in its own language, in order, and shows the topics with the most
// articles (at most topTopics, most first) with the count of them all.
func TestHomeFeaturedAndTopics(t *testing.T) {
	b := testBuilder(t, config.Site{Language: "en", RecentCount: 8})
	b.Featured = []string{"KB3", "KB1", "KB99"}
	var all []site.Entry
	for i := 1; i <= 20; i++ {
		var kws []string
		for k := 1; k <= i && k <= 15; k++ {
			kws = append(kws, fmt.Sprintf("topic %02d", k))
		}
		all = append(all, entryOf(fmt.Sprintf("KB%d", i), "en", fmt.Sprintf("Title %d", i), nil, kws))
	}
	all = append(all, entryOf("KB1", "de", "Titel 1", nil, nil))
	h := homePage(b, Group(b, "en", all)).Home
	if len(h.Featured) != 2 || h.Featured[0].Title != "Title 3" || h.Featured[1].Title != "Title 1" {
		t.Errorf("featured %+v", h.Featured)
	}
	if len(h.Topics) != topTopics || h.TopicCount != 15 || h.Topics[0].Title != "topic 01" || h.Topics[0].Note != "20 articles" || h.Topics[11].Title != "topic 12" {
		t.Errorf("topics %+v of %d", h.Topics, h.TopicCount)
	}
	if de := homePage(b, Group(b, "de", all)).Home; len(de.Featured) != 1 || de.Featured[0].Title != "Titel 1" {
		t.Errorf("de featured %+v", de.Featured)
	}
	p := topicsPage(b, Group(b, "en", all))
	if len(p.List.Groups) != 1 || len(p.List.Groups[0].Items) != 15 || p.List.Groups[0].Items[14].Note != "6 articles" || p.Path != "topics.html" {
		t.Errorf("topics page %+v", p.List)
	}
}
