package nav

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"kbsite"
	"kbsite/generator/content"
	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/config"
	"kbsite/generator/site"
	"kbsite/generator/site/paths"
	"kbsite/generator/theme"
)

// testPage is the page at path in English on a site with one language.
func testPage(cat *theme.Catalog, kind, path, title string) *site.Page {
	return site.Builder{Catalog: cat, Paths: paths.Paths{Default: "en"}}.Page("en", kind, path, title)
}

func testCatalog(t *testing.T) *theme.Catalog {
	t.Helper()
	th, err := theme.Load(kbsite.Theme)
	if err != nil {
		t.Fatal(err)
	}
	return th.Catalog()
}

const testTOC = `- name: Docs
  href: index.md
- name: Install
  items:
  - name: Install WSL
    href: install.md
  - name: Networking
    href: net/networking.md#mirrored
- name: Reference
  expanded: true
  items:
  - name: C++
    href: /cpp/build/wsl
  - name: Gone
    href: gone.md
  - name: Deeper
    items:
    - name: Config
      href: net/config.md
`

// testTOCNav parses testTOC; the articles' output paths deliberately differ
// from their sources, so the tree must follow the paths, not the hrefs.
func testTOCNav(t *testing.T) (*Tree, []docfx.Problem) {
	t.Helper()
	toc, probs := docfx.ParseTOC("toc.yml", []byte(testTOC), func(string) ([]byte, bool) { return nil, false })
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	paths := map[string]string{"index.md": "kb/index.html", "install.md": "kb/install.html",
		"net/networking.md": "docs/net/networking.html", "net/config.md": "docs/net/config.html"}
	find := func(src string) (Article, bool) {
		p, ok := paths[src]
		return Article{Source: src, Path: p, Title: "Title of " + src}, ok
	}
	hostURL := func(h string) string { return "https://learn.microsoft.com/" + strings.TrimPrefix(h, "/") }
	return FromTOC(toc, find, hostURL)
}

func TestTOCNavOnAPage(t *testing.T) {
	nav, probs := testTOCNav(t)
	if len(probs) != 1 || probs[0].Line != 14 || !strings.Contains(probs[0].Msg, `"gone.md", which is not a page`) {
		t.Errorf("problems: %+v", probs)
	}
	p := testPage(testCatalog(t), "article", "docs/net/networking.html", "Networking title")
	p.Crumbs = []site.Link{{Title: "Home", URL: "../../index.html"}, {Title: "Networking title"}}
	nav.Apply(p)
	want := []site.NavItem{
		{Title: "Docs", URL: "../../kb/index.html", Pages: 1},
		{Title: "Install", Open: true, Pages: 2, Items: []site.NavItem{
			{Title: "Install WSL", URL: "../../kb/install.html", Pages: 1},
			{Title: "Networking", URL: "networking.html#mirrored", Current: true, Pages: 1},
		}},
		{Title: "Reference", Open: true, Pages: 1, Items: []site.NavItem{
			{Title: "C++", URL: "https://learn.microsoft.com/cpp/build/wsl", External: true},
			{Title: "Deeper", Pages: 1, Items: []site.NavItem{{Title: "Config", URL: "config.html", Pages: 1}}},
		}},
	}
	if !reflect.DeepEqual(p.Nav, want) {
		t.Errorf("tree:\n%+v\nwant\n%+v", p.Nav, want)
	}
	crumbs := []site.Link{{Title: "Home", URL: "../../index.html"}, {Title: "Install"}, {Title: "Networking title"}}
	if !reflect.DeepEqual(p.Crumbs, crumbs) || !p.LastCrumb(2) || p.LastCrumb(1) {
		t.Errorf("crumbs %+v", p.Crumbs)
	}
	if p.Prev == nil || p.Prev.URL != "../../kb/install.html" || p.Prev.Title != "Install WSL" ||
		p.Next == nil || p.Next.URL != "config.html" || p.Next.Title != "Config" {
		t.Errorf("prev %+v next %+v", p.Prev, p.Next)
	}
}

// TestNavEnds: the first page has no previous page, the last no next; a
// page outside the tree gets the tree with nothing current and keeps its
// breadcrumbs.
func TestNavEnds(t *testing.T) {
	nav, _ := testTOCNav(t)
	cat := testCatalog(t)
	first := testPage(cat, "article", "kb/index.html", "Docs")
	nav.Apply(first)
	last := testPage(cat, "article", "docs/net/config.html", "Config")
	nav.Apply(last)
	if first.Prev != nil || first.Next == nil || first.Next.Title != "Install WSL" || last.Next != nil || last.Prev == nil {
		t.Errorf("first %+v %+v, last %+v %+v", first.Prev, first.Next, last.Prev, last.Next)
	}
	if !last.Nav[2].Items[1].Open || last.Nav[1].Open {
		t.Errorf("the current page's groups must be open, the others closed: %+v", last.Nav)
	}
	home := testPage(cat, "home", "index.html", "")
	home.Crumbs = []site.Link{{Title: "Home"}}
	nav.Apply(home)
	if len(home.Nav) != 3 || home.Nav[0].URL != "kb/index.html" || home.Prev != nil || len(home.Crumbs) != 1 {
		t.Errorf("home: %+v %+v", home.Nav, home.Crumbs)
	}
	var none *Tree
	none.Apply(home) // a language without a tree
}

func TestTOCNavHostRelativeWithoutLinkRoot(t *testing.T) {
	toc, _ := docfx.ParseTOC("toc.yml", []byte("- name: C++\n  href: /cpp/x\n- name: Bad\n  href: javascript:alert(1)\n"), nil)
	nav, probs := FromTOC(toc, func(string) (Article, bool) { return Article{}, false }, func(string) string { return "" })
	if len(nav.roots) != 0 || len(probs) != 2 || !strings.Contains(probs[0].Msg, "link_root") || !strings.Contains(probs[1].Msg, "not an http or https URL") {
		t.Errorf("roots %d, problems %+v", len(nav.roots), probs)
	}
}

func TestFolderNav(t *testing.T) {
	nav := FromFolders([]Article{
		{Source: "windows-client/networking/b.md", Path: "windows-client/networking/b.html", Title: "beta"},
		{Source: "windows-client/networking/a.md", Path: "windows-client/networking/a.html", Title: "Alpha"},
		{Source: "windows-client/setup.md", Path: "windows-client/setup.html", Title: "Setup"},
		{Source: "index.md", Path: "index-page.html", Title: "Start"},
		{Source: "windows-server/dns.md", Path: "windows-server/dns.html", Title: "DNS"},
	})
	p := testPage(testCatalog(t), "article", "windows-client/networking/a.html", "Alpha")
	nav.Apply(p)
	var titles func(items []site.NavItem) string
	titles = func(items []site.NavItem) string {
		var s []string
		for _, it := range items {
			x := it.Title
			if it.Open {
				x += "+"
			}
			if len(it.Items) > 0 {
				x += "(" + titles(it.Items) + ")"
			}
			s = append(s, x)
		}
		return strings.Join(s, " ")
	}
	if got := titles(p.Nav); got != "Start Windows Client+(Setup Networking+(Alpha beta)) Windows Server(DNS)" {
		t.Errorf("tree %s", got)
	}
	if p.Next == nil || p.Next.Title != "beta" || p.Prev == nil || p.Prev.Title != "Setup" {
		t.Errorf("prev %+v next %+v", p.Prev, p.Next)
	}
}

func TestProductNav(t *testing.T) {
	cat := testCatalog(t)
	b := site.Builder{Config: config.Site{Language: "en", Products: map[string]string{"net": "Networking"}}, Catalog: cat, Paths: paths.Paths{Default: "en"}}
	entry := func(id, title string, products ...string) site.Entry {
		return site.Entry{Meta: &content.Meta{ID: id, Title: title, Lang: "en", Products: products}, Path: paths.ArticlePath(id)}
	}
	nav := FromProducts(b, "en", []site.Entry{entry("KB2", "Proxy", "net"), entry("KB1", "DNS", "net", "acme"), entry("KB3", "Orphan")})
	p := b.Page("en", "article", paths.ArticlePath("KB2"), "Proxy")
	p.Crumbs = []site.Link{{Title: "Home", URL: "../index.html"}}
	nav.Apply(p)
	if len(p.Nav) != 2 || p.Nav[0].Title != "Acme" || p.Nav[1].Title != "Networking" || !p.Nav[1].Open ||
		p.Nav[1].URL != "../"+paths.ProductPath("net") || p.Nav[1].Items[1].Title != "Proxy" || !p.Nav[1].Items[1].Current {
		t.Errorf("tree %+v", p.Nav)
	}
	if len(p.Crumbs) != 3 || p.Crumbs[1].Title != "Networking" || p.Crumbs[1].URL == "" {
		t.Errorf("crumbs %+v", p.Crumbs)
	}
	// DNS is in acme too, which comes first: its place is still under its
	// first product.
	dns := b.Page("en", "article", paths.ArticlePath("KB1"), "DNS")
	dns.Crumbs = []site.Link{{Title: "Home", URL: "../index.html"}}
	nav.Apply(dns)
	if len(dns.Crumbs) != 3 || dns.Crumbs[1].Title != "Networking" || dns.Nav[0].Open || !dns.Nav[1].Items[0].Current || dns.Nav[0].Items[0].Current {
		t.Errorf("DNS: crumbs %+v, tree %+v", dns.Crumbs, dns.Nav)
	}
}

// bigProductTree has more than wholeTree entries: 400 articles in Big,
// three in Small, one in Acme.
func bigProductTree(t *testing.T) (site.Builder, *Tree) {
	b := site.Builder{Config: config.Site{Language: "en"}, Catalog: testCatalog(t), Paths: paths.Paths{Default: "en"}}
	var entries []site.Entry
	add := func(product string, n int) {
		for i := range n {
			id := fmt.Sprintf("KB%s%03d", product, i)
			entries = append(entries, site.Entry{Meta: &content.Meta{ID: id, Title: fmt.Sprintf("%s %03d", product, i), Lang: "en", Products: []string{product}}, Path: paths.ArticlePath(id)})
		}
	}
	add("big", 400)
	add("small", 3)
	add("acme", 1)
	return b, FromProducts(b, "en", entries)
}

// TestPrunedTree: a large tree shows the groups above the page open, the
// others as links, and a window of a long list ending with a link to the
// product page that lists it all; breadcrumbs and previous and next
// still follow the whole tree.
func TestPrunedTree(t *testing.T) {
	b, tree := bigProductTree(t)
	p := b.Page("en", "article", paths.ArticlePath("KBbig200"), "big 200")
	p.Crumbs = []site.Link{{Title: "Home", URL: "../index.html"}}
	tree.Apply(p)
	if len(p.Nav) != 3 || !p.Nav[0].Collapsed || p.Nav[0].Items != nil || p.Nav[0].URL != "../"+paths.ProductPath("acme") ||
		!p.Nav[2].Collapsed || !p.Nav[1].Open || p.Nav[1].Collapsed {
		t.Fatalf("top level %+v", p.Nav)
	}
	// A collapsed group still counts its pages in the whole tree (the
	// product page and its 3 articles), for the home page's cards.
	if p.Nav[2].Pages != 4 || p.Nav[1].Pages != 401 {
		t.Errorf("pages under the groups: small %d, big %d", p.Nav[2].Pages, p.Nav[1].Pages)
	}
	big := p.Nav[1].Items
	if len(big) != window+1 || big[0].Title != "big 193" || !big[7].Current || big[14].Title != "big 207" {
		t.Errorf("window %+v", big)
	}
	if all := big[window]; !all.More || all.Title != "All 400 articles in Big" || all.URL != "../"+paths.ProductPath("big") {
		t.Errorf("all link %+v", all)
	}
	if p.Prev == nil || p.Prev.Title != "big 199" || p.Next == nil || p.Next.Title != "big 201" || len(p.Crumbs) != 3 || p.Crumbs[1].Title != "Big" {
		t.Errorf("prev %+v next %+v crumbs %+v", p.Prev, p.Next, p.Crumbs)
	}
	last := b.Page("en", "article", paths.ArticlePath("KBbig399"), "big 399")
	tree.Apply(last)
	if items := last.Nav[1].Items; items[0].Title != "big 385" || !items[window-1].Current {
		t.Errorf("window at the end %+v", items)
	}
	// The product page lists the articles itself: no link to itself.
	list := b.Page("en", "list", b.Paths.Lang("en", paths.ProductPath("big")), "Big")
	tree.Apply(list)
	if items := list.Nav[1].Items; !list.Nav[1].Current || len(items) != window || items[0].Title != "big 000" || items[window-1].More {
		t.Errorf("product page %+v", list.Nav[1])
	}
	home := b.Page("en", "home", "index.html", "")
	tree.Apply(home)
	for _, it := range home.Nav {
		if !it.Collapsed || it.Open || it.Items != nil {
			t.Errorf("home %+v", it)
		}
	}
}

// TestPrunedFolderTree: a long list of a group without a listing page
// ends with a link to the A–Z index, and a collapsed group without a page
// opens its first page.
func TestPrunedFolderTree(t *testing.T) {
	var pages []Article
	for i := range 450 {
		pages = append(pages, Article{Source: fmt.Sprintf("net/a%03d.md", i), Path: fmt.Sprintf("net/a%03d.html", i), Title: fmt.Sprintf("A%03d", i)})
	}
	pages = append(pages, Article{Source: "setup/z.md", Path: "setup/z.html", Title: "Z"}, Article{Source: "setup/y.md", Path: "setup/y.html", Title: "Y"})
	tree := FromFolders(pages)
	p := testPage(testCatalog(t), "article", "net/a002.html", "A002")
	tree.Apply(p)
	if len(p.Nav) != 2 || p.Nav[1].Title != "Setup" || !p.Nav[1].Collapsed || p.Nav[1].URL != "../setup/y.html" {
		t.Fatalf("tree %+v", p.Nav)
	}
	items := p.Nav[0].Items
	if len(items) != window+1 || items[0].Title != "A000" || !items[2].Current {
		t.Errorf("window %+v", items)
	}
	if all := items[window]; !all.More || all.Title != "A–Z index" || all.URL != "../az.html" {
		t.Errorf("all link %+v", all)
	}
}
