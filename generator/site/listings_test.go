package site

import (
	"slices"
	"testing"

	"kbsite"
	"kbsite/generator/content"
	"kbsite/generator/internal/config"
	"kbsite/generator/theme"
)

func entryOf(id, lang, title string, products, keywords []string) Entry {
	return Entry{Meta: content.Meta{ID: id, Lang: lang, Title: title, TranslationKey: id, Products: products, Keywords: keywords},
		Path: lang + "/" + ArticlePath(id)}
}

// TestGroupAndLangPages checks a language's listings: products by display
// name, keywords that differ in case on one page, listings sorted by title,
// and only the wanted listings rendered.
func TestGroupAndLangPages(t *testing.T) {
	th, err := theme.Load(kbsite.Theme)
	if err != nil {
		t.Fatal(err)
	}
	b := Builder{Config: config.Site{Language: "en", Products: map[string]string{"zz": "Alpha", "aa": "Zulu"}}, Catalog: th.Catalog(),
		Paths: Paths{Default: "en", Languages: []string{"en", "de"}}}
	all := []Entry{
		entryOf("KB1", "en", "beta", []string{"aa", "zz"}, []string{"VPN"}),
		entryOf("KB2", "en", "Alpha", []string{"zz"}, []string{"vpn"}),
		entryOf("KB3", "de", "Gamma", []string{"zz"}, nil),
	}
	l := b.Group("en", all)
	if got := b.Listings(l); !slices.Equal(got, []string{"products/zz.html", "products/aa.html", b.Paths.Lang("en", KeywordPath("VPN"))}) {
		t.Errorf("listings %q", got)
	}
	jobs := b.LangPages(l, func(p string) bool { return p == "products/zz.html" })
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

func TestLanguagesDefaultFirstTranslationsInOrder(t *testing.T) {
	all := []Entry{entryOf("A", "fr", "a", nil, nil), entryOf("A", "de", "a", nil, nil), entryOf("A", "en", "a", nil, nil)}
	langs, groups := Languages("en", all)
	if !slices.Equal(langs, []string{"en", "de", "fr"}) || !slices.Equal(groups["A"], []int{2, 1, 0}) {
		t.Errorf("languages %q, translations %v", langs, groups)
	}
}

func TestRelatedListExplicitFirstThenSimilar(t *testing.T) {
	e := func(id string) Entry { return entryOf(id, "en", id, nil, nil) }
	got := RelatedList(e("A"), []Entry{e("B"), e("A"), e("B")}, []Entry{e("B"), e("C"), e("A"), e("D"), e("E")}, 2)
	var ids []string
	for _, r := range got {
		ids = append(ids, r.Meta.ID)
	}
	if !slices.Equal(ids, []string{"B", "C", "D"}) {
		t.Errorf("related %q, want B, then two similar: C, D", ids)
	}
}
