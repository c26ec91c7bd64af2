package build

import (
	"html/template"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"kbsite/generator/links"
	"kbsite/generator/markdown"
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
}

func (s *Site) page(kind, path, title string) *Page {
	p := &Page{
		Site:  SiteInfo{Title: s.Config.Title, Description: s.Config.Description, BaseURL: s.Config.BaseURL},
		Kind:  kind,
		Title: title,
		Lang:  s.Config.Language,
		Dir:   "ltr",
		Path:  path,
		Root:  strings.Repeat("../", strings.Count(path, "/")),
	}
	if s.Config.BaseURL != "" {
		p.Canonical = s.Config.BaseURL + path
	}
	return p
}

func (p *Page) url(target string) string { return links.Rel(p.Path, target) }

func (p *Page) articleLink(a *Article) Link {
	return Link{Title: a.Meta.Title, URL: p.url(a.Path), Note: a.Meta.ID}
}

func (p *Page) listItem(a *Article) ListItem {
	return ListItem{Link: p.articleLink(a), Summary: a.Meta.Summary, Updated: a.Meta.Updated}
}

func (s *Site) articlePage(a *Article) *Page {
	p := s.page("article", a.Path, a.Meta.Title)
	p.Lang = a.Meta.Lang
	p.Description = a.Meta.Summary
	p.JSONLD = s.jsonLD(a)
	v := &ArticleView{
		ID:      a.Meta.ID,
		Title:   a.Meta.Title,
		Summary: a.Meta.Summary,
		Body:    template.HTML(a.html()),
		TOC:     toc(a.Body.Headings),
		Updated: a.Meta.Updated,
		Source:  a.Source,
	}
	for _, al := range a.Meta.Aliases {
		if !isPathAlias(al) {
			v.OldIDs = append(v.OldIDs, al)
		}
	}
	for _, prod := range a.Meta.Products {
		v.Products = append(v.Products, Link{Title: s.Config.ProductName(prod), URL: p.url(ProductPath(prod))})
	}
	for _, k := range a.Meta.Keywords {
		v.Keywords = append(v.Keywords, Link{Title: k, URL: p.url(KeywordPath(k))})
	}
	for _, r := range relatedList(a) {
		v.Related = append(v.Related, p.articleLink(r))
	}
	for _, b := range a.Backlinks {
		v.Backlinks = append(v.Backlinks, p.articleLink(b))
	}
	p.Crumbs = []Link{{Title: "Home", URL: p.url("index.html")}}
	if len(a.Meta.Products) > 0 {
		prod := a.Meta.Products[0]
		p.Crumbs = append(p.Crumbs, Link{Title: s.Config.ProductName(prod), URL: p.url(ProductPath(prod))})
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

// products returns product slugs with their articles, sorted by name.
func (s *Site) products() ([]string, map[string][]*Article) {
	m := map[string][]*Article{}
	for _, a := range s.Articles {
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

// keywords returns keyword pages (by output path) with their display name
// and articles; keywords that differ only in case or punctuation share one.
func (s *Site) keywords() ([]string, map[string]string, map[string][]*Article) {
	names := map[string]string{}
	arts := map[string][]*Article{}
	for _, a := range s.Articles {
		seen := map[string]bool{}
		for _, k := range a.Meta.Keywords {
			kp := KeywordPath(k)
			if seen[kp] {
				continue
			}
			seen[kp] = true
			if _, ok := names[kp]; !ok || k < names[kp] {
				names[kp] = k
			}
			arts[kp] = append(arts[kp], a)
		}
	}
	paths := make([]string, 0, len(names))
	for p := range names {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool {
		return strings.ToLower(names[paths[i]]) < strings.ToLower(names[paths[j]]) || (strings.ToLower(names[paths[i]]) == strings.ToLower(names[paths[j]]) && paths[i] < paths[j])
	})
	return paths, names, arts
}

func (s *Site) homePage() *Page {
	p := s.page("home", "index.html", "")
	p.Description = s.Config.Description
	h := &HomeView{Count: len(s.Articles)}
	slugs, byProduct := s.products()
	for _, slug := range slugs {
		h.Products = append(h.Products, Link{Title: s.Config.ProductName(slug), URL: p.url(ProductPath(slug)), Note: plural(len(byProduct[slug]), "article")})
	}
	for _, a := range s.recent(s.Config.RecentCount) {
		h.Recent = append(h.Recent, p.listItem(a))
	}
	paths, names, arts := s.keywords()
	for _, kp := range paths {
		h.Keywords = append(h.Keywords, Link{Title: names[kp], URL: p.url(kp), Note: plural(len(arts[kp]), "article")})
	}
	p.Home = h
	return p
}

func (s *Site) listPage(path, heading, intro string, as []*Article) *Page {
	p := s.page("list", path, heading)
	p.Description = intro
	items := make([]ListItem, 0, len(as))
	sorted := append([]*Article(nil), as...)
	sortByTitle(sorted)
	for _, a := range sorted {
		items = append(items, p.listItem(a))
	}
	p.List = &ListView{Heading: heading, Intro: intro, Groups: []ListGroup{{Items: items}}}
	p.Crumbs = []Link{{Title: "Home", URL: p.url("index.html")}, {Title: heading}}
	return p
}

// azPage lists every article by the first letter of its title.
func (s *Site) azPage() *Page {
	p := s.page("list", "az.html", "A–Z index")
	sorted := append([]*Article(nil), s.Articles...)
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
	p.List = &ListView{Heading: "A–Z index", Intro: "Every article, by title.", Groups: groups}
	p.Crumbs = []Link{{Title: "Home", URL: p.url("index.html")}, {Title: "A–Z index"}}
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
	p := s.page("redirect", from, a.Meta.Title)
	p.Redirect = &Link{Title: a.Meta.Title, URL: p.url(a.Path)}
	if s.Config.BaseURL != "" {
		p.Canonical = s.Config.BaseURL + a.Path
	}
	return p
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
