package site

import (
	"slices"
	"sort"
	"strings"

	"kbsite/generator/content"
)

// feedSize is how many articles the feed lists.
const feedSize = 20

// Lang is one language's articles grouped the way its home page and
// listing pages show them. Group makes it.
type Lang struct {
	Lang     string
	all      []Entry // every article of the site, for the language switcher
	articles []Entry // this language's, in the order given to Group
	products []string
	// byProduct and byKeyword hold each listing's articles in order given.
	byProduct map[string][]Entry
	keywords  []string          // keyword page paths, by keyword
	keyword   map[string]string // keyword page path -> display name
	byKeyword map[string][]Entry
}

// Group sorts the articles of language lang among all (in ID order) into
// its listings: products by display name, keyword pages by keyword
// (keywords that differ only in case or punctuation share a page).
func (b Builder) Group(lang string, all []Entry) Lang {
	l := Lang{Lang: lang, all: all, byProduct: map[string][]Entry{}, keyword: map[string]string{}, byKeyword: map[string][]Entry{}}
	lower := map[string]string{}
	for _, e := range all {
		if e.Meta.Lang != lang {
			continue
		}
		l.articles = append(l.articles, e)
		for _, p := range e.Meta.Products {
			l.byProduct[p] = append(l.byProduct[p], e)
		}
		seen := map[string]bool{}
		for _, k := range e.Meta.Keywords {
			kp := b.Paths.Lang(lang, KeywordPath(k))
			if seen[kp] {
				continue
			}
			seen[kp] = true
			if name, ok := l.keyword[kp]; !ok || k < name {
				l.keyword[kp] = k
				lower[kp] = strings.ToLower(k)
			}
			l.byKeyword[kp] = append(l.byKeyword[kp], e)
		}
	}
	for slug := range l.byProduct {
		l.products = append(l.products, slug)
	}
	sort.Slice(l.products, func(i, j int) bool {
		ni, nj := strings.ToLower(b.Config.ProductName(l.products[i])), strings.ToLower(b.Config.ProductName(l.products[j]))
		if ni != nj {
			return ni < nj
		}
		return l.products[i] < l.products[j]
	})
	for kp := range l.keyword {
		l.keywords = append(l.keywords, kp)
	}
	sort.Slice(l.keywords, func(i, j int) bool {
		ki, kj := l.keywords[i], l.keywords[j]
		if lower[ki] != lower[kj] {
			return lower[ki] < lower[kj]
		}
		return ki < kj
	})
	return l
}

// Listings are the output paths of the language's product and keyword
// listing pages.
func (b Builder) Listings(l Lang) []string {
	var out []string
	for _, slug := range l.products {
		out = append(out, b.Paths.Lang(l.Lang, ProductPath(slug)))
	}
	return append(out, l.keywords...)
}

// ListingsOf are the product and keyword listing pages that show e.
func (b Builder) ListingsOf(e Entry) []string {
	var out []string
	for _, p := range e.Meta.Products {
		out = append(out, b.Paths.Lang(e.Meta.Lang, ProductPath(p)))
	}
	for _, k := range e.Meta.Keywords {
		out = append(out, b.Paths.Lang(e.Meta.Lang, KeywordPath(k)))
	}
	return out
}

// Languages are the languages that articles all are in, def first and
// the others sorted, and the articles of each translation key as indices
// into all, in that language order.
func Languages(def string, all []Entry) ([]string, map[string][]int) {
	seen := map[string]bool{def: true}
	var others []string
	groups := map[string][]int{}
	for i, e := range all {
		if !seen[e.Meta.Lang] {
			seen[e.Meta.Lang] = true
			others = append(others, e.Meta.Lang)
		}
		k := e.Meta.TranslationKey
		groups[k] = append(groups[k], i)
	}
	sort.Strings(others)
	langs := append([]string{def}, others...)
	order := func(lang string) int {
		if i := slices.Index(langs, lang); i >= 0 {
			return i
		}
		return len(langs)
	}
	for _, g := range groups {
		sort.Slice(g, func(i, j int) bool { return order(all[g[i]].Meta.Lang) < order(all[g[j]].Meta.Lang) })
	}
	return langs, groups
}

// Job is a page to render with a template. Page makes it when the job
// runs, so that pages are not all held at once.
type Job struct {
	Template string
	Page     func() *Page
}

// LangPages are the pages of a language that list its articles: home,
// A–Z, and the product and keyword listings for which want(path) holds.
// Serve mode asks only for the listings a change touched.
func (b Builder) LangPages(l Lang, want func(path string) bool) []Job {
	jobs := []Job{
		{"home", func() *Page { return b.homePage(l) }},
		{"list", func() *Page { return b.azPage(l.Lang, sortByTitle(l.articles)) }},
	}
	for _, slug := range l.products {
		if want(b.Paths.Lang(l.Lang, ProductPath(slug))) {
			jobs = append(jobs, Job{"list", func() *Page { return b.productPage(l, slug) }})
		}
	}
	for _, kp := range l.keywords {
		if want(kp) {
			jobs = append(jobs, Job{"list", func() *Page { return b.keywordPage(l, kp) }})
		}
	}
	return jobs
}

func (b Builder) homePage(l Lang) *Page {
	lang := l.Lang
	p := b.Page(lang, "home", b.Paths.Lang(lang, HomeFile), "")
	p.Description = b.Config.Description
	h := &HomeView{Count: len(l.articles)}
	for _, e := range l.articles {
		if e.Meta.Type == content.TypeTroubleshooter {
			h.Troubleshooters = append(h.Troubleshooters, Item(p, e))
		}
	}
	for _, slug := range l.products {
		h.Products = append(h.Products, Link{Title: b.Config.ProductName(slug), URL: p.URL(b.Paths.Lang(lang, ProductPath(slug))), Note: p.Count("article_count", len(l.byProduct[slug]))})
	}
	for _, e := range recent(l.articles, b.Config.RecentCount) {
		h.Recent = append(h.Recent, Item(p, e))
	}
	for _, kp := range l.keywords {
		h.Keywords = append(h.Keywords, Link{Title: l.keyword[kp], URL: p.URL(kp), Note: p.Count("article_count", len(l.byKeyword[kp]))})
	}
	p.Home = h
	b.Switcher(p, b.SamePage("index.html"))
	return p
}

// productPage lists a product's articles.
func (b Builder) productPage(l Lang, slug string) *Page {
	name := b.Config.ProductName(slug)
	intro := strings.ReplaceAll(b.Catalog.T(l.Lang, "product_intro"), "{name}", name)
	return b.listPage(l.Lang, ProductPath(slug), name, intro, sortByTitle(l.byProduct[slug]), func(lang string) bool {
		for _, e := range l.all {
			if e.Meta.Lang == lang && slices.Contains(e.Meta.Products, slug) {
				return true
			}
		}
		return false
	})
}

// keywordPage lists a keyword's articles; kp is its path in the output.
func (b Builder) keywordPage(l Lang, kp string) *Page {
	name := l.keyword[kp]
	intro := strings.ReplaceAll(b.Catalog.T(l.Lang, "keyword_intro"), "{name}", name)
	logical := strings.TrimPrefix(kp, b.Paths.Lang(l.Lang, ""))
	return b.listPage(l.Lang, logical, name, intro, sortByTitle(l.byKeyword[kp]), func(lang string) bool { return lang == l.Lang })
}

// sortByTitle returns es ordered by title, ignoring case, then by ID.
func sortByTitle(es []Entry) []Entry {
	keys := make([]string, len(es))
	order := make([]int, len(es))
	for i, e := range es {
		keys[i], order[i] = strings.ToLower(e.Meta.Title), i
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if keys[a] != keys[b] {
			return keys[a] < keys[b]
		}
		return es[a].Meta.ID < es[b].Meta.ID
	})
	out := make([]Entry, len(es))
	for i, k := range order {
		out[i] = es[k]
	}
	return out
}

// recent returns up to n of es, most recently updated first.
func recent(es []Entry, n int) []Entry {
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
func (b Builder) WebFiles(all []Entry) []File {
	if b.Config.BaseURL == "" {
		return nil
	}
	var listed []string
	for _, e := range all {
		listed = append(listed, e.Path)
	}
	for _, lang := range b.Paths.Languages {
		listed = append(listed, b.Paths.Lang(lang, HomeFile), b.Paths.Lang(lang, AZFile))
		listed = append(listed, b.Listings(b.Group(lang, all))...)
	}
	return []File{
		{SitemapFile, Sitemap(b.Config.BaseURL, listed, all)},
		{RobotsFile, Robots(b.Config.BaseURL)},
		{FeedFile, Feed(b.Config.Title, b.Config.BaseURL, recent(all, feedSize))},
	}
}
