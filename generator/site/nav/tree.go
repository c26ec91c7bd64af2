// Package nav is the site's navigation tree: made from a toc.yml
// (FromTOC), from the content folders (FromFolders) or from products
// (FromProducts), and shown on each page by Tree.Apply, which fills the
// page's Nav, breadcrumbs and previous and next links (site.Page).
package nav

import (
	"reflect"

	"kbsite/generator/site"
	"kbsite/generator/site/paths"
)

// Tree is the navigation tree of one language's pages. Apply shows it on
// a page: the tree, the page's breadcrumbs along it and the previous and
// next pages in its order.
type Tree struct {
	roots  []*navNode
	pages  []*navNode     // entries that open a page of the site, in reading order, each path once
	at     map[string]int // output path -> index in pages
	parent map[*navNode]*navNode
	size   int // entries
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
	// lists marks a group whose page lists all its entries.
	lists bool
	items []*navNode
	pages int // the site's pages at and under this entry, in the whole tree
	index int // its place in its group's items (or the roots)
}

// Article is an article as the navigation tree sees it.
type Article struct {
	Source string // content-relative Markdown path
	Path   string // output path
	Title  string
}

// newTree indexes roots: the reading order and each entry's parent.
func newTree(roots []*navNode) *Tree {
	n := &Tree{roots: roots, at: map[string]int{}, parent: map[*navNode]*navNode{}}
	var walk func(parent *navNode, nodes []*navNode) int
	walk = func(parent *navNode, nodes []*navNode) int {
		total := 0
		for i, c := range nodes {
			n.size++
			c.index = i
			if parent != nil {
				n.parent[c] = parent
			}
			if _, seen := n.at[c.path]; c.path != "" && !seen && !c.repeat {
				n.at[c.path] = len(n.pages)
				n.pages = append(n.pages, c)
			}
			c.pages = walk(c, c.items)
			if c.path != "" {
				c.pages++
			}
			total += c.pages
		}
		return total
	}
	walk(nil, roots)
	return n
}

// A tree of up to wholeTree entries is shown whole on every page (a real
// KB of 300 articles in folders: about 15 KB gzip). A larger one is pruned
// at build time, as MkDocs Material's navigation.prune does (Learn loads
// its TOC with JavaScript instead; these pages work without it and on
// file://): each page shows the top level and the groups above it, open;
// the other groups are links to their page or their first page, and a
// list longer than maxList shows the window entries around the page's own
// and a link to all of them. A page then carries O(depth x window)
// entries, not O(site): 10,000 articles would otherwise put 1.7 MB of tree
// on every page. Breadcrumbs and previous and next still follow the whole
// tree.
const (
	wholeTree = 400
	maxList   = 25
	window    = 15
)

// Apply shows the tree on page p, with p's entry marked current and its
// groups open. On an article in the tree it also sets the breadcrumbs
// (home, the groups above it, the page) and the previous and next pages.
func (n *Tree) Apply(p *site.Page) {
	if n == nil || len(n.roots) == 0 {
		return
	}
	i, inTree := n.at[p.Path]
	v := view{Tree: n, p: p, open: map[*navNode]bool{}, pruned: n.size > wholeTree}
	if inTree {
		v.cur = n.pages[i]
		for a := n.parent[v.cur]; a != nil; a = n.parent[a] {
			v.open[a] = true
		}
	}
	p.Nav = v.items(nil, n.roots)
	if v.cur == nil || p.Kind != "article" {
		return
	}
	crumbs := append([]site.Link(nil), p.Crumbs[:min(1, len(p.Crumbs))]...) // home
	var above []site.Link
	for a := n.parent[v.cur]; a != nil; a = n.parent[a] {
		above = append([]site.Link{{Title: a.title, URL: v.href(a)}}, above...)
	}
	p.Crumbs = append(append(crumbs, above...), site.Link{Title: p.Title})
	if i > 0 {
		p.Prev = &site.Link{Title: n.pages[i-1].title, URL: p.URL(n.pages[i-1].path)}
	}
	if i+1 < len(n.pages) {
		p.Next = &site.Link{Title: n.pages[i+1].title, URL: p.URL(n.pages[i+1].path)}
	}
}

// view is the tree as page p shows it: cur is p's entry, open the groups
// above it.
type view struct {
	*Tree
	p      *site.Page
	cur    *navNode
	open   map[*navNode]bool
	pruned bool
}

// items shows the entries of group g (nil for the top level), in a pruned
// tree only a window of a long list, followed by a link to all of them.
func (v view) items(g *navNode, nodes []*navNode) []site.NavItem {
	if len(nodes) == 0 {
		return nil
	}
	lo, hi := 0, len(nodes)
	if v.pruned && len(nodes) > maxList {
		lo, hi = v.window(nodes)
	}
	out := make([]site.NavItem, 0, hi-lo+1)
	for _, c := range nodes[lo:hi] {
		out = append(out, v.item(c))
	}
	if hi-lo < len(nodes) && (g == nil || g.path != v.p.Path) {
		out = append(out, v.all(g))
	}
	return out
}

// window is the range of nodes a pruned tree shows: window entries
// around the one on the page's path, or the first ones.
// The entry on the path is found from the page's entry up, not by
// scanning the list: a product's list at 100,000 articles is thousands
// long, and every page of it asks.
func (v view) window(nodes []*navNode) (lo, hi int) {
	at, found := 0, false
	for c := v.cur; c != nil && !found; c = v.parent[c] {
		if c.index < len(nodes) && nodes[c.index] == c {
			at, found = c.index, true
		}
	}
	for i := 0; i < len(nodes) && !found; i++ { // a list off the path
		if c := nodes[i]; c == v.cur || v.open[c] {
			at, found = i, true
		}
	}
	lo = max(0, at-window/2)
	hi = min(len(nodes), lo+window)
	return max(0, hi-window), hi
}

func (v view) item(c *navNode) site.NavItem {
	it := site.NavItem{Title: c.title, URL: v.href(c), External: c.url != "", Current: c == v.cur, Pages: c.pages}
	switch {
	case len(c.items) == 0:
	case v.pruned && !v.open[c] && c != v.cur:
		it.Collapsed = true
		if it.URL == "" {
			it.URL = v.href(firstLink(c))
		}
	default:
		it.Open = c.expanded || v.open[c] || c == v.cur
		it.Items = v.items(c, c.items)
	}
	return it
}

// all is the link that ends a shortened list of group g: to g's page when
// it lists all of g's articles (a product page), else to the A–Z index.
func (v view) all(g *navNode) site.NavItem {
	if g != nil && g.lists {
		count := v.p.Count("article_count", len(g.items))
		return site.NavItem{Title: v.p.Tf("nav_all", "count", count, "section", g.title), URL: v.href(g), More: true}
	}
	return site.NavItem{Title: v.p.T("az_index"), URL: v.p.LangRoot + paths.AZFile, More: true}
}

// firstLink is the first entry under group g that leads somewhere; every
// group has one, as FromTOC, FromFolders and FromProducts drop empty ones.
func firstLink(g *navNode) *navNode {
	for _, c := range g.items {
		if c.path != "" || c.url != "" {
			return c
		}
		if l := firstLink(c); l != nil {
			return l
		}
	}
	return nil
}

// href is the link from the page to an entry, "" for a group without a
// page.
func (v view) href(c *navNode) string {
	switch {
	case c.url != "":
		return c.url
	case c.path == "":
		return ""
	}
	return v.p.URL(c.path) + c.frag
}

// Has reports whether the page at output path is in the tree.
func (n *Tree) Has(path string) bool {
	if n == nil {
		return false
	}
	_, ok := n.at[path]
	return ok
}

// Same reports whether n and o are the same tree.
func (n *Tree) Same(o *Tree) bool {
	if n == nil || o == nil {
		return n == o
	}
	return reflect.DeepEqual(n.roots, o.roots)
}
