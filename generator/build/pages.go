package build

import (
	"slices"
	"sort"
	"strings"

	"kbsite/generator/site"
)

// pages makes this site's pages (site.Builder holds the common parts).
func (s *Site) pages() site.Builder {
	return site.Builder{Config: s.Config, Catalog: s.Catalog, Paths: s.paths()}
}

func (s *Site) articlePage(a *Article) *site.Page {
	in := site.ArticleIn{Entry: entry(a), Source: a.Source, Headings: a.Headings, HTML: a.html(),
		Related: entries(relatedList(a)), Backlinks: entries(a.Backlinks), Self: -1}
	for i, t := range s.translations[a.Meta.TranslationKey] {
		in.Translations = append(in.Translations, entry(t))
		if t == a {
			in.Self = i
		}
	}
	return s.pages().ArticlePage(in)
}

// articlesIn returns the articles of one language, in ID order.
func (s *Site) articlesIn(lang string) []*Article {
	var out []*Article
	for _, a := range s.Articles {
		if a.Meta.Lang == lang {
			out = append(out, a)
		}
	}
	return out
}

// products returns the product slugs of a language's articles with those
// articles, sorted by product name.
func (s *Site) products(lang string) ([]string, map[string][]*Article) {
	m := map[string][]*Article{}
	for _, a := range s.Articles {
		if a.Meta.Lang != lang {
			continue
		}
		for _, p := range a.Meta.Products {
			m[p] = append(m[p], a)
		}
	}
	slugs := make([]string, 0, len(m))
	for k := range m {
		slugs = append(slugs, k)
	}
	sort.Slice(slugs, func(i, j int) bool {
		ni, nj := strings.ToLower(s.Config.ProductName(slugs[i])), strings.ToLower(s.Config.ProductName(slugs[j]))
		if ni != nj {
			return ni < nj
		}
		return slugs[i] < slugs[j]
	})
	return slugs, m
}

// keywords returns a language's keyword pages (by output path) with their
// display name and articles; keywords that differ only in case or
// punctuation share one page.
func (s *Site) keywords(lang string) ([]string, map[string]string, map[string][]*Article) {
	names := map[string]string{}
	keys := map[string]string{}
	arts := map[string][]*Article{}
	for _, a := range s.Articles {
		if a.Meta.Lang != lang {
			continue
		}
		seen := map[string]bool{}
		for _, k := range a.Meta.Keywords {
			kp := s.langPath(lang, site.KeywordPath(k))
			if seen[kp] {
				continue
			}
			seen[kp] = true
			if _, ok := names[kp]; !ok || k < names[kp] {
				names[kp] = k
				keys[kp] = strings.ToLower(k)
			}
			arts[kp] = append(arts[kp], a)
		}
	}
	paths := make([]string, 0, len(names))
	for p := range names {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool {
		if keys[paths[i]] != keys[paths[j]] {
			return keys[paths[i]] < keys[paths[j]]
		}
		return paths[i] < paths[j]
	})
	return paths, names, arts
}

func (s *Site) homePage(lang string) *site.Page {
	p := s.pages().Page(lang, "home", s.langPath(lang, site.HomeFile), "")
	p.Description = s.Config.Description
	arts := s.articlesIn(lang)
	h := &site.HomeView{Count: len(arts), Troubleshooters: s.troubleshooters(p, lang)}
	slugs, byProduct := s.products(lang)
	for _, slug := range slugs {
		h.Products = append(h.Products, site.Link{Title: s.Config.ProductName(slug), URL: p.URL(s.langPath(lang, site.ProductPath(slug))), Note: p.Count("article_count", len(byProduct[slug]))})
	}
	for _, a := range recent(arts, s.Config.RecentCount) {
		h.Recent = append(h.Recent, site.Item(p, entry(a)))
	}
	paths, names, byKeyword := s.keywords(lang)
	for _, kp := range paths {
		h.Keywords = append(h.Keywords, site.Link{Title: names[kp], URL: p.URL(kp), Note: p.Count("article_count", len(byKeyword[kp]))})
	}
	p.Home = h
	s.pages().Switcher(p, s.pages().SamePage("index.html"))
	return p
}

// listPage is a listing of articles; logical is its path without the
// language folder, for the language switcher.
func (s *Site) listPage(lang, logical, heading, intro string, as []*Article, exists func(lang string) bool) *site.Page {
	sorted := append([]*Article(nil), as...)
	sortByTitle(sorted)
	return s.pages().ListPage(lang, logical, heading, intro, entries(sorted), exists)
}

// azPage lists every article of a language by the first letter of its title.
func (s *Site) azPage(lang string) *site.Page {
	sorted := s.articlesIn(lang)
	sortByTitle(sorted)
	return s.pages().AZPage(lang, entries(sorted))
}

// productPage lists a product's articles.
func (s *Site) productPage(lang, slug string, as []*Article) *site.Page {
	name := s.Config.ProductName(slug)
	intro := strings.ReplaceAll(s.Catalog.T(lang, "product_intro"), "{name}", name)
	return s.listPage(lang, site.ProductPath(slug), name, intro, as, func(l string) bool {
		for _, a := range s.Articles {
			if a.Meta.Lang == l && slices.Contains(a.Meta.Products, slug) {
				return true
			}
		}
		return false
	})
}

// keywordPage lists a keyword's articles; kp is its path in the output.
func (s *Site) keywordPage(lang, kp, name string, as []*Article) *site.Page {
	intro := strings.ReplaceAll(s.Catalog.T(lang, "keyword_intro"), "{name}", name)
	p := s.listPage(lang, strings.TrimPrefix(kp, s.langPath(lang, "")), name, intro, as, func(l string) bool { return l == lang })
	return p
}
