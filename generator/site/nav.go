package site

import (
	"net/url"
	"path"
	"reflect"
	"sort"
	"strings"

	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/diag"
)

// Nav is the navigation tree of one language's pages: from toc.yml
// (TOCNav), from the content folders (FolderNav) or from products
// (Builder.ProductNav). Apply shows it on a page: the tree, the page's
// breadcrumbs along it and the previous and next pages in its order.
type Nav struct {
	roots  []*navNode
	pages  []*navNode     // entries that open a page of the site, in reading order, each path once
	at     map[string]int // output path -> index in pages
	parent map[*navNode]*navNode
}

// navNode is one entry: a page of the site (path), a link elsewhere (url),
// or a group of items with neither.
type navNode struct {
	title    string
	path     string // output path relative to the site root
	frag     string // "#anchor" the entry links to on that page, if any
	url      string // absolute URL of an external entry
	expanded bool   // shown open on every page
	// repeat marks a page listed again elsewhere in the tree: the first
	// listing (or the one not marked) is the page's place in the tree.
	repeat bool
	items  []*navNode
}

// NavItem is a tree entry as one page shows it.
type NavItem struct {
	Title string
	URL   string // page-relative, or absolute for External; "" for a group without a page
	// External entries lead to another site.
	External bool
	Current  bool // the page itself
	Open     bool // a group shown open: expanded, or holding the current page
	Items    []NavItem
}

// Pages counts the site's own pages at and under the entry, for the home
// page's section cards.
func (n NavItem) Pages() int {
	c := 0
	if n.URL != "" && !n.External {
		c = 1
	}
	for _, it := range n.Items {
		c += it.Pages()
	}
	return c
}

// NavPage is an article as the navigation tree sees it.
type NavPage struct {
	Source string // content-relative Markdown path
	Path   string // output path
	Title  string
}

// newNav indexes roots: the reading order and each entry's parent.
func newNav(roots []*navNode) *Nav {
	n := &Nav{roots: roots, at: map[string]int{}, parent: map[*navNode]*navNode{}}
	var walk func(parent *navNode, nodes []*navNode)
	walk = func(parent *navNode, nodes []*navNode) {
		for _, c := range nodes {
			if parent != nil {
				n.parent[c] = parent
			}
			if _, seen := n.at[c.path]; c.path != "" && !seen && !c.repeat {
				n.at[c.path] = len(n.pages)
				n.pages = append(n.pages, c)
			}
			walk(c, c.items)
		}
	}
	walk(nil, roots)
	return n
}

// Apply shows the tree on page p, with p's entry marked current and its
// groups open. On an article in the tree it also sets the breadcrumbs
// (home, the groups above it, the page) and the previous and next pages.
func (n *Nav) Apply(p *Page) {
	if n == nil || len(n.roots) == 0 {
		return
	}
	i, inTree := n.at[p.Path]
	var cur *navNode
	open := map[*navNode]bool{}
	if inTree {
		cur = n.pages[i]
		for a := n.parent[cur]; a != nil; a = n.parent[a] {
			open[a] = true
		}
	}
	p.Nav = n.items(p, n.roots, cur, open)
	if cur == nil || p.Kind != "article" {
		return
	}
	crumbs := append([]Link(nil), p.Crumbs[:min(1, len(p.Crumbs))]...) // home
	var above []Link
	for a := n.parent[cur]; a != nil; a = n.parent[a] {
		above = append([]Link{{Title: a.title, URL: n.href(p, a)}}, above...)
	}
	p.Crumbs = append(append(crumbs, above...), Link{Title: p.Title})
	if i > 0 {
		p.Prev = &Link{Title: n.pages[i-1].title, URL: p.URL(n.pages[i-1].path)}
	}
	if i+1 < len(n.pages) {
		p.Next = &Link{Title: n.pages[i+1].title, URL: p.URL(n.pages[i+1].path)}
	}
}

func (n *Nav) items(p *Page, nodes []*navNode, cur *navNode, open map[*navNode]bool) []NavItem {
	if len(nodes) == 0 {
		return nil
	}
	out := make([]NavItem, len(nodes))
	for i, c := range nodes {
		out[i] = NavItem{Title: c.title, URL: n.href(p, c), External: c.url != "", Current: c == cur,
			Open: len(c.items) > 0 && (c.expanded || open[c] || c == cur), Items: n.items(p, c.items, cur, open)}
	}
	return out
}

// href is the link from p to an entry, "" for a group without a page.
func (n *Nav) href(p *Page, c *navNode) string {
	switch {
	case c.url != "":
		return c.url
	case c.path == "":
		return ""
	}
	return p.URL(c.path) + c.frag
}

// Has reports whether the page at output path is in the tree.
func (n *Nav) Has(path string) bool {
	if n == nil {
		return false
	}
	_, ok := n.at[path]
	return ok
}

// Same reports whether n and o are the same tree.
func (n *Nav) Same(o *Nav) bool {
	if n == nil || o == nil {
		return n == o
	}
	return reflect.DeepEqual(n.roots, o.roots)
}

// LastCrumb reports whether breadcrumb i is the page itself.
func (p *Page) LastCrumb(i int) bool { return i == len(p.Crumbs)-1 }

// TOCNav makes the tree of a parsed toc.yml. find returns the article of a
// content-relative source path; hrefs resolve through it to the article's
// own output path. hostURL makes a host-relative href ("/cpp/...")
// absolute, or returns "" when the site has no link root.
func TOCNav(toc []*docfx.TOCNode, find func(source string) (NavPage, bool), hostURL func(string) string) (*Nav, []docfx.Problem) {
	var problems []docfx.Problem
	var conv func(nodes []*docfx.TOCNode) []*navNode
	conv = func(nodes []*docfx.TOCNode) []*navNode {
		var out []*navNode
		for _, t := range nodes {
			c := &navNode{title: t.Name, expanded: t.Expanded, items: conv(t.Items)}
			if msg := tocHref(c, t, find, hostURL); msg != "" {
				problems = append(problems, docfx.Problem{Line: t.Line, Col: t.Col, Msg: msg})
			}
			if c.path != "" || c.url != "" || len(c.items) > 0 {
				out = append(out, c)
			}
		}
		return out
	}
	return newNav(conv(toc)), problems
}

// tocHref points c at the page or URL that t's href names, and explains an
// href it cannot follow.
func tocHref(c *navNode, t *docfx.TOCNode, find func(string) (NavPage, bool), hostURL func(string) string) string {
	switch {
	case t.Href == "":
		return ""
	case t.External:
		if u := hostURL(t.Href); u != "" {
			c.url = u
			return ""
		}
		if u, err := url.Parse(t.Href); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			c.url = t.Href
			return ""
		}
		if strings.HasPrefix(t.Href, "/") || strings.HasPrefix(t.Href, "~/") {
			return "table of contents entry " + diag.Quote(t.Name) + " links to " + diag.Quote(t.Href) + ", a host-relative link: set link_root in site.yaml (or --link-root URL)"
		}
		return "table of contents entry " + diag.Quote(t.Name) + " links to " + diag.Quote(t.Href) + ", not an http or https URL"
	}
	src, frag, hasFrag := strings.Cut(t.Href, "#")
	if hasFrag {
		c.frag = "#" + frag
	}
	pg, ok := find(src)
	if !ok {
		return "table of contents entry " + diag.Quote(t.Name) + " links to " + diag.Quote(src) + ", which is not a page of the site"
	}
	c.path = pg.Path
	if c.title == "" {
		c.title = pg.Title
	}
	return ""
}

// FolderNav makes the tree of foreign content without a toc.yml from its
// folders: a group per folder, named from the folder, with its articles
// by title and then its subfolders.
func FolderNav(pages []NavPage) *Nav {
	root := &navNode{}
	groups := map[string]*navNode{".": root}
	var group func(dir string) *navNode
	group = func(dir string) *navNode {
		if g := groups[dir]; g != nil {
			return g
		}
		g := &navNode{title: docfx.DisplayName(path.Base(dir))}
		parent := group(path.Dir(dir))
		parent.items = append(parent.items, g)
		groups[dir] = g
		return g
	}
	sorted := append([]NavPage(nil), pages...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Source < sorted[j].Source })
	for _, pg := range sorted {
		g := group(path.Dir(pg.Source))
		g.items = append(g.items, &navNode{title: pg.Title, path: pg.Path})
	}
	sortTree(root)
	return newNav(root.items)
}

// sortTree orders each group's pages by title before its subgroups.
func sortTree(g *navNode) {
	sort.SliceStable(g.items, func(i, j int) bool {
		a, b := g.items[i], g.items[j]
		if (len(a.items) > 0) != (len(b.items) > 0) {
			return len(a.items) == 0
		}
		return strings.ToLower(a.title) < strings.ToLower(b.title)
	})
	for _, c := range g.items {
		sortTree(c)
	}
}

// ProductNav makes the tree of KB content from products: a group per
// product (opening its product page) with its articles by title. An
// article's place is under its first product, as in its breadcrumbs
// before; articles without products are not in it.
func (b Builder) ProductNav(lang string, articles []Entry) *Nav {
	byProduct := map[string]*navNode{}
	var roots []*navNode
	for _, e := range articles {
		for _, slug := range e.Meta.Products {
			g := byProduct[slug]
			if g == nil {
				g = &navNode{title: b.Config.ProductName(slug), path: b.Paths.Lang(lang, ProductPath(slug))}
				byProduct[slug] = g
				roots = append(roots, g)
			}
			g.items = append(g.items, &navNode{title: e.Meta.Title, path: e.Path, repeat: slug != e.Meta.Products[0]})
		}
	}
	root := &navNode{items: roots}
	sortTree(root)
	return newNav(root.items)
}
