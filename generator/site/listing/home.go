package listing

import (
	"slices"

	"kbsite/generator/content"
	"kbsite/generator/site"
	"kbsite/generator/site/paths"
)

// topTopics is how many topics the home page shows; the topics page
// lists them all.
const topTopics = 12

// homePage is a language's home page: troubleshooters, product cards with
// counts, featured articles, the most recently updated of the articles
// that have a date, and the top topics.
func homePage(b site.Builder, l Lang) *site.Page {
	lang := l.Lang
	p := b.Page(lang, "home", b.Paths.Lang(lang, paths.HomeFile), "")
	p.Description = b.Config.Description
	h := &site.HomeView{Count: len(l.articles), Featured: featured(p, b.Featured, l.articles), TopicCount: len(l.keywords)}
	for _, e := range l.articles {
		if e.Meta.Type == content.TypeTroubleshooter {
			h.Troubleshooters = append(h.Troubleshooters, site.Item(p, e))
		}
	}
	for _, slug := range l.products {
		h.Products = append(h.Products, site.Link{Title: b.Config.ProductName(slug), URL: p.URL(b.Paths.Lang(lang, paths.ProductPath(slug))), Note: p.Count("article_count", len(l.byProduct[slug]))})
	}
	dated := slices.DeleteFunc(slices.Clone(l.articles), func(e site.Entry) bool { return e.Meta.Updated.IsZero() })
	for _, e := range recent(dated, b.Config.RecentCount) {
		h.Recent = append(h.Recent, site.Item(p, e))
	}
	for _, kp := range l.topTopics(topTopics) {
		h.Topics = append(h.Topics, site.Link{Title: l.keyword[kp], URL: p.URL(kp), Note: p.Count("article_count", len(l.byKeyword[kp]))})
	}
	p.Home = h
	b.Switcher(p, b.SamePage(paths.HomeFile))
	return p
}

// featured are the articles of es (one language's) whose translation keys
// are keys, in that order; a key without an article in that language is
// left out.
func featured(p *site.Page, keys []string, es []site.Entry) []site.ListItem {
	if len(keys) == 0 {
		return nil
	}
	byKey := make(map[string]site.Entry, len(es))
	for _, e := range es {
		byKey[e.Meta.TranslationKey] = e
	}
	var out []site.ListItem
	for _, k := range keys {
		if e, ok := byKey[k]; ok {
			out = append(out, site.Item(p, e))
		}
	}
	return out
}

// topTopics are the paths of the n keywords with the most articles, most
// first, ties in collation order.
func (l Lang) topTopics(n int) []string {
	top := slices.Clone(l.keywords)
	slices.SortStableFunc(top, func(a, b string) int { return len(l.byKeyword[b]) - len(l.byKeyword[a]) })
	return top[:min(n, len(top))]
}
