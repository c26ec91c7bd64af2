package build

import (
	"encoding/json"
	"html/template"
	"sort"
	"strings"
	"time"
	"unicode"

	"kbsite/generator/content"
	"kbsite/generator/markdown"
	"kbsite/generator/resolve"
	"kbsite/generator/theme"
)

// Page is what every template receives.
type Page struct {
	Site        SiteInfo
	Kind        string // home, article, list, 404, redirect
	Title       string
	Description string
	Lang        string
	Dir         string // ltr or rtl
	// Path is the page's output path; Root is the "../" prefix that leads
	// from it to the site root, for relative links.
	Path      string
	Root      string
	Canonical string // absolute URL, only with a base URL
	// JSONLD is schema.org structured data, encoded by the template.
	JSONLD   any
	Crumbs   []Link
	Article  *ArticleView
	List     *ListView
	Home     *HomeView
	Redirect *Link
	// LangRoot leads from the page to its language's folder (index.html,
	// az.html and search.html of that language).
	LangRoot string
	// Languages is the language switcher; Alternates are the hreflang
	// links of an article's translations, itself included.
	Languages  []LangLink
	Alternates []LangLink

	cat *theme.Catalog
}

// LangLink is a link to a page in one language.
type LangLink struct {
	Lang    string
	Name    string
	URL     string
	Current bool
}

// SiteInfo is the site-wide part of every page.
type SiteInfo struct {
	Title       string
	Description string
	BaseURL     string
}

// Link is a titled page-relative URL.
type Link struct {
	Title string
	URL   string
	Note  string // secondary text, such as a count or an ID
}

// ArticleView is an article page's content.
type ArticleView struct {
	ID        string
	Title     string
	Summary   string
	Body      template.HTML
	TOC       []TOCEntry
	Products  []Link
	Keywords  []Link
	Updated   time.Time
	OldIDs    []string
	Related   []Link
	Backlinks []Link
	Source    string
	// Troubleshooter is set for a guided troubleshooter's page.
	Troubleshooter bool
	// Translations are the article in other languages.
	Translations []LangLink
}

// TOCEntry is an h2 with its h3s.
type TOCEntry struct {
	ID       string
	Text     string
	Children []TOCEntry
}

// ListView is a listing page (a product, a keyword, the A-Z index).
type ListView struct {
	Heading string
	Intro   string
	Groups  []ListGroup
}

// ListGroup is a run of articles under an optional letter heading.
type ListGroup struct {
	Heading string
	ID      string
	Items   []ListItem
}

// ListItem is one article in a listing.
type ListItem struct {
	Link
	Summary string
	Updated time.Time
}

// HomeView is the home page's content.
type HomeView struct {
	Products []Link
	Recent   []ListItem
	Keywords []Link
	Count    int
	// Troubleshooters are the language's guided troubleshooters.
	Troubleshooters []ListItem
}

func (s *Site) page(lang, kind, path, title string) *Page {
	p := &Page{
		Site:  SiteInfo{Title: s.Config.Title, Description: s.Config.Description, BaseURL: s.Config.BaseURL},
		Kind:  kind,
		Title: title,
		Lang:  lang,
		Dir:   s.Catalog.Dir(lang),
		Path:  path,
		Root:  strings.Repeat("../", strings.Count(path, "/")),
		cat:   s.Catalog,
	}
	p.LangRoot = p.url(s.langPath(lang, "index.html"))
	p.LangRoot = strings.TrimSuffix(p.LangRoot, "index.html")
	if s.Config.BaseURL != "" {
		p.Canonical = s.Config.BaseURL + path
	}
	return p
}

// langPath puts a language's pages in their own folder; the default
// language's are at the top.
func (s *Site) langPath(lang, p string) string {
	if lang == s.Config.Language {
		return p
	}
	return lang + "/" + p
}

// T returns the UI string key in the page's language.
func (p *Page) T(key string) string { return p.cat.T(p.Lang, key) }

// Tf is T with "{name}" style placeholders replaced: Tf "key" "name" value.
func (p *Page) Tf(key string, pairs ...string) string {
	s := p.T(key)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// JSMessages is the JSON of the UI strings the search script shows.
func (p *Page) JSMessages() string {
	b, _ := json.Marshal(p.cat.Prefixed(p.Lang, "js_"))
	return string(b)
}

// Date formats a date for the page's readers.
func (p *Page) Date(t time.Time) string { return p.cat.Date(p.Lang, t) }

// Count formats a count with the singular or plural UI string.
func (p *Page) Count(key string, n int) string { return p.cat.Count(p.Lang, key, n) }

func (p *Page) url(target string) string { return resolve.Rel(p.Path, target) }

func (p *Page) articleLink(a *Article) Link {
	return Link{Title: a.Meta.Title, URL: p.url(a.Path), Note: a.Meta.ID}
}

func (p *Page) listItem(a *Article) ListItem {
	return ListItem{Link: p.articleLink(a), Summary: a.Meta.Summary, Updated: a.Meta.Updated}
}

// switcher fills the language switcher: for each language of the site,
// the same page in that language when it exists (path(lang) != ""), else
// that language's home page.
func (s *Site) switcher(p *Page, path func(lang string) string) {
	if len(s.Languages) < 2 {
		return
	}
	for _, l := range s.Languages {
		target := path(l)
		if target == "" {
			target = s.langPath(l, "index.html")
		}
		p.Languages = append(p.Languages, LangLink{Lang: l, Name: s.Catalog.T(l, "language_name"), URL: p.url(target), Current: l == p.Lang})
	}
}

// samePage is a switcher path for pages every language has.
func (s *Site) samePage(p string) func(string) string {
	return func(l string) string { return s.langPath(l, p) }
}

func (s *Site) articlePage(a *Article) *Page {
	lang := a.Meta.Lang
	p := s.page(lang, "article", a.Path, a.Meta.Title)
	p.Description = a.Meta.Summary
	p.JSONLD = s.jsonLD(a)
	v := &ArticleView{
		ID:      a.Meta.ID,
		Title:   a.Meta.Title,
		Summary: a.Meta.Summary,
		Body:    template.HTML(a.html()),
		TOC:     toc(a.Headings),
		Updated: a.Meta.Updated,
		Source:  a.Source,

		Troubleshooter: a.Meta.Type == content.TypeTroubleshooter,
	}
	for _, al := range a.Meta.Aliases {
		if !resolve.IsPathAlias(al) {
			v.OldIDs = append(v.OldIDs, al)
		}
	}
	for _, prod := range a.Meta.Products {
		v.Products = append(v.Products, Link{Title: s.Config.ProductName(prod), URL: p.url(s.langPath(lang, ProductPath(prod)))})
	}
	for _, k := range a.Meta.Keywords {
		v.Keywords = append(v.Keywords, Link{Title: k, URL: p.url(s.langPath(lang, KeywordPath(k)))})
	}
	for _, r := range relatedList(a) {
		v.Related = append(v.Related, p.articleLink(r))
	}
	for _, b := range a.Backlinks {
		v.Backlinks = append(v.Backlinks, p.articleLink(b))
	}
	translations := s.translations[a.Meta.TranslationKey]
	for _, t := range translations {
		l := LangLink{Lang: t.Meta.Lang, Name: s.Catalog.T(t.Meta.Lang, "language_name"), URL: p.url(t.Path), Current: t == a}
		p.Alternates = append(p.Alternates, l)
		if t != a {
			v.Translations = append(v.Translations, l)
		}
	}
	if len(translations) < 2 {
		p.Alternates = nil
	}
	s.switcher(p, func(l string) string {
		for _, t := range translations {
			if t.Meta.Lang == l {
				return t.Path
			}
		}
		return ""
	})
	p.Crumbs = []Link{{Title: p.T("home"), URL: p.url(s.langPath(lang, "index.html"))}}
	if len(a.Meta.Products) > 0 {
		prod := a.Meta.Products[0]
		p.Crumbs = append(p.Crumbs, Link{Title: s.Config.ProductName(prod), URL: p.url(s.langPath(lang, ProductPath(prod)))})
	}
	p.Crumbs = append(p.Crumbs, Link{Title: a.Meta.Title})
	p.Article = v
	return p
}

func toc(hs []markdown.Heading) []TOCEntry {
	var out []TOCEntry
	for _, h := range hs {
		switch {
		case h.Level == 2:
			out = append(out, TOCEntry{ID: h.ID, Text: h.Text})
		case h.Level == 3 && len(out) > 0:
			last := &out[len(out)-1]
			last.Children = append(last.Children, TOCEntry{ID: h.ID, Text: h.Text})
		case h.Level == 3:
			out = append(out, TOCEntry{ID: h.ID, Text: h.Text})
		}
	}
	return out
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
			kp := s.langPath(lang, KeywordPath(k))
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

func (s *Site) homePage(lang string) *Page {
	p := s.page(lang, "home", s.langPath(lang, homeFile), "")
	p.Description = s.Config.Description
	arts := s.articlesIn(lang)
	h := &HomeView{Count: len(arts), Troubleshooters: s.troubleshooters(p, lang)}
	slugs, byProduct := s.products(lang)
	for _, slug := range slugs {
		h.Products = append(h.Products, Link{Title: s.Config.ProductName(slug), URL: p.url(s.langPath(lang, ProductPath(slug))), Note: p.Count("article_count", len(byProduct[slug]))})
	}
	for _, a := range recent(arts, s.Config.RecentCount) {
		h.Recent = append(h.Recent, p.listItem(a))
	}
	paths, names, byKeyword := s.keywords(lang)
	for _, kp := range paths {
		h.Keywords = append(h.Keywords, Link{Title: names[kp], URL: p.url(kp), Note: p.Count("article_count", len(byKeyword[kp]))})
	}
	p.Home = h
	s.switcher(p, s.samePage("index.html"))
	return p
}

// listPage is a listing of articles; logical is its path without the
// language folder, for the language switcher.
func (s *Site) listPage(lang, logical, heading, intro string, as []*Article, exists func(lang string) bool) *Page {
	p := s.page(lang, "list", s.langPath(lang, logical), heading)
	p.Description = intro
	items := make([]ListItem, 0, len(as))
	sorted := append([]*Article(nil), as...)
	sortByTitle(sorted)
	for _, a := range sorted {
		items = append(items, p.listItem(a))
	}
	p.List = &ListView{Heading: heading, Intro: intro, Groups: []ListGroup{{Items: items}}}
	p.Crumbs = []Link{{Title: p.T("home"), URL: p.url(s.langPath(lang, "index.html"))}, {Title: heading}}
	s.switcher(p, func(l string) string {
		if exists(l) {
			return s.langPath(l, logical)
		}
		return ""
	})
	return p
}

// azPage lists every article of a language by the first letter of its title.
func (s *Site) azPage(lang string) *Page {
	p := s.page(lang, "list", s.langPath(lang, azFile), "")
	p.Title = p.T("az_index")
	sorted := s.articlesIn(lang)
	sortByTitle(sorted)
	var groups []ListGroup
	for _, a := range sorted {
		letter := initial(a.Meta.Title)
		if len(groups) == 0 || groups[len(groups)-1].Heading != letter {
			id := "letter-" + markdown.Slug(letter)
			if letter == "#" {
				id = "letter-other"
			}
			groups = append(groups, ListGroup{Heading: letter, ID: id})
		}
		g := &groups[len(groups)-1]
		g.Items = append(g.Items, p.listItem(a))
	}
	p.List = &ListView{Heading: p.T("az_index"), Intro: p.T("az_intro"), Groups: groups}
	p.Crumbs = []Link{{Title: p.T("home"), URL: p.url(s.langPath(lang, "index.html"))}, {Title: p.T("az_index")}}
	s.switcher(p, s.samePage("az.html"))
	return p
}

func initial(title string) string {
	for _, r := range title {
		if unicode.IsLetter(r) {
			return strings.ToUpper(string(r))
		}
		if unicode.IsDigit(r) {
			return "#"
		}
	}
	return "#"
}

func (s *Site) redirectPage(from string, a *Article) *Page {
	p := s.page(a.Meta.Lang, "redirect", from, a.Meta.Title)
	p.Redirect = &Link{Title: a.Meta.Title, URL: p.url(a.Path)}
	if s.Config.BaseURL != "" {
		p.Canonical = s.Config.BaseURL + a.Path
	}
	return p
}
