package nav

import (
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/diag"
	"kbsite/generator/site"
	"kbsite/generator/site/paths"
)

// FromTOC makes the tree of a parsed toc.yml. find returns the article of a
// content-relative source path; hrefs resolve through it to the article's
// own output path. hostURL makes a host-relative href ("/cpp/...")
// absolute, or returns "" when the site has no link root.
func FromTOC(toc []*docfx.TOCNode, find func(source string) (Article, bool), hostURL func(string) string) (*Tree, []docfx.Problem) {
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
	return newTree(conv(toc)), problems
}

// tocHref points c at the page or URL that t's href names, and explains an
// href it cannot follow.
func tocHref(c *navNode, t *docfx.TOCNode, find func(string) (Article, bool), hostURL func(string) string) string {
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

// FromFolders makes the tree of foreign content without a toc.yml from its
// folders: a group per folder, named from the folder, with its articles
// by title and then its subfolders.
func FromFolders(pages []Article) *Tree {
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
	sorted := append([]Article(nil), pages...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Source < sorted[j].Source })
	for _, pg := range sorted {
		g := group(path.Dir(pg.Source))
		g.items = append(g.items, &navNode{title: pg.Title, path: pg.Path})
	}
	sortTree(root)
	return newTree(root.items)
}

// sortTree orders each group's pages by title before its subgroups.
// Each title is lowered once, not at each comparison: a product group at
// 100,000 articles holds thousands of pages.
func sortTree(g *navNode) {
	type keyed struct {
		n     *navNode
		group bool
		key   string
	}
	ks := make([]keyed, len(g.items))
	for i, n := range g.items {
		ks[i] = keyed{n, len(n.items) > 0, strings.ToLower(n.title)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if a.group != b.group {
			if a.group {
				return 1
			}
			return -1
		}
		return strings.Compare(a.key, b.key)
	})
	for i, k := range ks {
		g.items[i] = k.n
	}
	for _, c := range g.items {
		sortTree(c)
	}
}

// FromProducts makes the tree of KB content from products: a group per
// product (opening its product page) with its articles by title. An
// article's place is under its first product, as in its breadcrumbs
// before; articles without products are not in it.
func FromProducts(b site.Builder, lang string, articles []site.Entry) *Tree {
	byProduct := map[string]*navNode{}
	var roots []*navNode
	for _, e := range articles {
		for _, slug := range e.Meta.Products {
			g := byProduct[slug]
			if g == nil {
				g = &navNode{title: b.Config.ProductName(slug), path: b.Paths.Lang(lang, paths.ProductPath(slug)), lists: true}
				byProduct[slug] = g
				roots = append(roots, g)
			}
			g.items = append(g.items, &navNode{title: e.Meta.Title, path: e.Path, repeat: slug != e.Meta.Products[0]})
		}
	}
	root := &navNode{items: roots}
	sortTree(root)
	return newTree(root.items)
}
