// Package nav is the site's navigation tree: made from a toc.yml
// (FromTOC), from the content folders (FromFolders) or from products
// (FromProducts), and shown on each page by Tree.Apply, which fills the
// page's Nav, breadcrumbs and previous and next links (site.Page).
package nav

import (
	"reflect"

	"kbsite/generator/site"
)

// Tree is the navigation tree of one language's pages. Apply shows it on
// a page: the tree, the page's breadcrumbs along it and the previous and
// next pages in its order.
type Tree struct {
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

// Article is an article as the navigation tree sees it.
type Article struct {
	Source string // content-relative Markdown path
	Path   string // output path
	Title  string
}

// newTree indexes roots: the reading order and each entry's parent.
func newTree(roots []*navNode) *Tree {
	n := &Tree{roots: roots, at: map[string]int{}, parent: map[*navNode]*navNode{}}
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
func (n *Tree) Apply(p *site.Page) {
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
	crumbs := append([]site.Link(nil), p.Crumbs[:min(1, len(p.Crumbs))]...) // home
	var above []site.Link
	for a := n.parent[cur]; a != nil; a = n.parent[a] {
		above = append([]site.Link{{Title: a.title, URL: n.href(p, a)}}, above...)
	}
	p.Crumbs = append(append(crumbs, above...), site.Link{Title: p.Title})
	if i > 0 {
		p.Prev = &site.Link{Title: n.pages[i-1].title, URL: p.URL(n.pages[i-1].path)}
	}
	if i+1 < len(n.pages) {
		p.Next = &site.Link{Title: n.pages[i+1].title, URL: p.URL(n.pages[i+1].path)}
	}
}

func (n *Tree) items(p *site.Page, nodes []*navNode, cur *navNode, open map[*navNode]bool) []site.NavItem {
	if len(nodes) == 0 {
		return nil
	}
	out := make([]site.NavItem, len(nodes))
	for i, c := range nodes {
		out[i] = site.NavItem{Title: c.title, URL: n.href(p, c), External: c.url != "", Current: c == cur,
			Open: len(c.items) > 0 && (c.expanded || open[c] || c == cur), Items: n.items(p, c.items, cur, open)}
	}
	return out
}

// href is the link from p to an entry, "" for a group without a page.
func (n *Tree) href(p *site.Page, c *navNode) string {
	switch {
	case c.url != "":
		return c.url
	case c.path == "":
		return ""
	}
	return p.URL(c.path) + c.frag
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
