// Package listing makes the pages that list a language's articles (home,
// A–Z, all topics, product and keyword pages) and the site-wide files that list them
// all (sitemap, robots.txt, feed).
//
// In: every article as a site.Entry, in ID order, and the site.Builder of
// the site. Group sorts one language's articles into its listings; Out:
// the pages to render (Lang.Pages, as Jobs that make each site.Page when
// run), the listings' output paths (Lang.Paths, Of) and the web files
// (WebFiles).
package listing

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"

	"kbsite/generator/site"
	"kbsite/generator/site/paths"
)

// feedSize is how many articles the feed lists.
const feedSize = 20

// Lang is one language's articles grouped the way its home page and
// listing pages show them. Group makes it.
type Lang struct {
	Lang     string
	b        site.Builder
	all      []site.Entry // every article of the site, for the language switcher
	articles []site.Entry // this language's, in the order given to Group
	products []string
	// byProduct and byKeyword hold each listing's articles in the order
	// given, as indexes in all: an Entry is some 400 bytes, and at
	// 100,000 articles copies of them for every listing were 320 MB.
	byProduct map[string][]int32
	keywords  []string          // keyword page paths, by keyword
	keyword   map[string]string // keyword page path -> display name
	byKeyword map[string][]int32
	own       []int32 // this language's articles, as indexes in all
	order     *titleOrder
}

// titleOrder numbers a language's articles in title order (byTitle's:
// the collation of titles, then IDs), once, for its A–Z page and every
// product and keyword listing to sort by: collating each listing's titles
// again cost a collator and a key per article per listing, and the
// keyword pages list each article several times.
type titleOrder struct {
	once sync.Once
	rank []int32 // by index in all
}

// byTitle returns the articles at ix in title order.
func (l Lang) byTitle(ix []int32) []site.Entry {
	l.order.once.Do(func() {
		sorted := sortBy(newCollation(l.Lang), l.own, func(i int32) string { return l.all[i].Meta.Title },
			func(a, b int32) int { return strings.Compare(l.all[a].Meta.ID, l.all[b].Meta.ID) })
		l.order.rank = make([]int32, len(l.all))
		for r, i := range sorted {
			l.order.rank[i] = int32(r)
		}
	})
	s := slices.Clone(ix)
	slices.SortFunc(s, func(a, b int32) int { return cmp.Compare(l.order.rank[a], l.order.rank[b]) })
	return l.entries(s)
}

// Group sorts, for the site b, the articles of language lang among all (in ID order) into
// its listings: products by display name, keyword pages by keyword
// (keywords that differ only in case or punctuation share a page), both
// in the language's collation order.
func Group(b site.Builder, lang string, all []site.Entry) Lang {
	l := Lang{Lang: lang, b: b, all: all, byProduct: map[string][]int32{}, keyword: map[string]string{}, byKeyword: map[string][]int32{}, order: &titleOrder{}}
	for i, e := range all {
		if e.Meta.Lang != lang {
			continue
		}
		l.articles = append(l.articles, e)
		l.own = append(l.own, int32(i))
		for _, p := range e.Meta.Products {
			l.byProduct[p] = append(l.byProduct[p], int32(i))
		}
		seen := map[string]bool{}
		for _, k := range e.Meta.Keywords {
			kp := b.Paths.Lang(lang, paths.KeywordPath(k))
			if seen[kp] {
				continue
			}
			seen[kp] = true
			if name, ok := l.keyword[kp]; !ok || k < name {
				l.keyword[kp] = k
			}
			l.byKeyword[kp] = append(l.byKeyword[kp], int32(i))
		}
	}
	c := newCollation(lang)
	for slug := range l.byProduct {
		l.products = append(l.products, slug)
	}
	l.products = sortBy(c, l.products, b.Config.ProductName, strings.Compare)
	for kp := range l.keyword {
		l.keywords = append(l.keywords, kp)
	}
	l.keywords = sortBy(c, l.keywords, func(kp string) string { return l.keyword[kp] }, strings.Compare)
	return l
}

// Paths are the output paths of the language's product and keyword
// listing pages.
func (l Lang) Paths() []string {
	b := l.b
	var out []string
	for _, slug := range l.products {
		out = append(out, b.Paths.Lang(l.Lang, paths.ProductPath(slug)))
	}
	return append(out, l.keywords...)
}

// Of are the product and keyword listing pages of site b that show e.
func Of(b site.Builder, e site.Entry) []string {
	var out []string
	for _, p := range e.Meta.Products {
		out = append(out, b.Paths.Lang(e.Meta.Lang, paths.ProductPath(p)))
	}
	for _, k := range e.Meta.Keywords {
		out = append(out, b.Paths.Lang(e.Meta.Lang, paths.KeywordPath(k)))
	}
	return out
}

// Job is a page to render with a template. Page makes it when the job
// runs, so that pages are not all held at once.
type Job struct {
	Template string
	Page     func() *site.Page
}

// Pages are the pages of a language that list its articles: home,
// A–Z, all topics, and the product and keyword listings for which
// want(path) holds.
// Serve mode asks only for the listings a change touched.
func (l Lang) Pages(want func(path string) bool) []Job {
	b := l.b
	jobs := []Job{
		{"home", func() *site.Page { return homePage(b, l) }},
		{"list", func() *site.Page { return azPage(b, l) }},
		{"topics", func() *site.Page { return topicsPage(b, l) }},
	}
	for _, slug := range l.products {
		if want(b.Paths.Lang(l.Lang, paths.ProductPath(slug))) {
			jobs = append(jobs, Job{"list", func() *site.Page { return productPage(b, l, slug) }})
		}
	}
	for _, kp := range l.keywords {
		if want(kp) {
			jobs = append(jobs, Job{"list", func() *site.Page { return keywordPage(b, l, kp) }})
		}
	}
	return jobs
}

// entries are the articles of all at indexes ix.
func (l Lang) entries(ix []int32) []site.Entry {
	out := make([]site.Entry, len(ix))
	for k, i := range ix {
		out[k] = l.all[i]
	}
	return out
}

// productPage lists a product's articles.
func productPage(b site.Builder, l Lang, slug string) *site.Page {
	name := b.Config.ProductName(slug)
	intro := strings.ReplaceAll(b.Catalog.T(l.Lang, "product_intro"), "{name}", name)
	return b.ListPage(l.Lang, paths.ProductPath(slug), name, intro, l.byTitle(l.byProduct[slug]), func(lang string) bool {
		for _, e := range l.all {
			if e.Meta.Lang == lang && slices.Contains(e.Meta.Products, slug) {
				return true
			}
		}
		return false
	})
}

// keywordPage lists a keyword's articles; kp is its path in the output.
func keywordPage(b site.Builder, l Lang, kp string) *site.Page {
	name := l.keyword[kp]
	intro := strings.ReplaceAll(b.Catalog.T(l.Lang, "keyword_intro"), "{name}", name)
	logical := strings.TrimPrefix(kp, b.Paths.Lang(l.Lang, ""))
	return b.ListPage(l.Lang, logical, name, intro, l.byTitle(l.byKeyword[kp]), func(lang string) bool { return lang == l.Lang })
}

// recent returns up to n of es, most recently updated first.
func recent(es []site.Entry, n int) []site.Entry {
	out := slices.Clone(es)
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Meta.Updated.Equal(out[j].Meta.Updated) {
			return out[i].Meta.Updated.After(out[j].Meta.Updated)
		}
		return out[i].Meta.ID < out[j].Meta.ID
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// File is a file of the site that is not a page.
type File struct {
	Path string
	Data []byte
}

// WebFiles are the sitemap, robots.txt and feed of the site whose articles
// are all, in ID order; there are none without a base URL.
func WebFiles(b site.Builder, all []site.Entry) []File {
	if b.Config.BaseURL == "" {
		return nil
	}
	var listed []string
	for _, e := range all {
		listed = append(listed, e.Path)
	}
	for _, lang := range b.Paths.Languages {
		listed = append(listed, b.Paths.Lang(lang, paths.HomeFile), b.Paths.Lang(lang, paths.AZFile), b.Paths.Lang(lang, paths.TopicsFile))
		listed = append(listed, Group(b, lang, all).Paths()...)
	}
	return []File{
		{paths.SitemapFile, site.Sitemap(b.Config.BaseURL, listed, all)},
		{paths.RobotsFile, site.Robots(b.Config.BaseURL)},
		{paths.FeedFile, site.Feed(b.Config.Title, b.Config.BaseURL, recent(all, feedSize))},
	}
}
