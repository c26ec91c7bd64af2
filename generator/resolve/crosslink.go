package resolve

import (
	"fmt"
	"html"
	"maps"
	"slices"
	"sort"
	"strings"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/suggest"
	"kbsite/generator/markdown"
)

// Article is one article as the cross-link stage reads it: the link target
// it is, and what it links to.
type Article struct {
	Target *Target
	File   string        // the Markdown file, for diagnostics
	Meta   *content.Meta // related IDs, products, aliases and their positions; read only
	Links  []markdown.Link
}

// Links is what resolving one article's links gives.
type Links struct {
	// Fills and Texts replace the body's link placeholders: the URL and,
	// for a link written without text (markdown.Link.Empty), the text of
	// link n. Texts is nil when no link needs one, as in most articles.
	Fills, Texts []string
	Out          []*Target // the other articles it links to, each once, in link order
	Files        []string  // the content files it links to
}

// AppendFill appends the rendered body html to dst with its link
// placeholders filled in (markdown.AppendFill).
func (l Links) AppendFill(dst, html []byte) []byte {
	return markdown.AppendFill(dst, html, func(kind byte, n int) string {
		if n < 0 || n >= len(l.Fills) {
			return ""
		}
		if kind == 'T' {
			if n >= len(l.Texts) {
				return ""
			}
			return l.Texts[n]
		}
		return l.Fills[n]
	})
}

// setText sets the text of link j, making Texts when it is the first.
func (r *Links) setText(j int, text string) {
	if r.Texts == nil {
		r.Texts = make([]string, len(r.Fills))
	}
	r.Texts[j] = text
}

// Links resolves a's links against the index: the placeholder fills, the
// articles it links to and the files it references (which files may
// publish); broken links go to dl. It changes nothing, so serve mode can
// try a change before accepting it, and may run concurrently.
func (ix *Index) Links(a Article, files *Files, dl *diag.List) Links {
	r := Links{Fills: make([]string, len(a.Links))}
	seen := map[*Target]bool{}
	for j, l := range a.Links {
		if l.External {
			continue
		}
		fail := func(kind, msg string) {
			if l.Include != "" {
				msg = l.Include + ": " + msg
			}
			dl.Add(diag.Diagnostic{File: a.File, Line: l.Line, Col: l.Col, Severity: diag.Error, Kind: kind, Msg: msg})
			r.Fills[j] = "#"
			if l.Empty {
				r.setText(j, html.EscapeString(l.Dest))
			}
		}
		to, err := ix.Resolve(a.Target, l.Dest)
		if err != nil {
			fail(diag.KindLink, fmt.Sprintf("broken link %s: %s", diag.Quote(l.Dest), err))
			continue
		}
		if to.URL != "" { // a host-relative link under link_root
			r.Fills[j] = html.EscapeString(to.URL)
			if l.Empty {
				r.setText(j, r.Fills[j])
			}
			continue
		}
		if to.File != "" {
			if why := files.Problem(to.File); why != "" {
				fail(diag.KindFile, why)
				continue
			}
		}
		href := to.Path
		if href != "" {
			href = Rel(a.Target.Path, to.Path)
		}
		if to.Fragment != "" {
			href += "#" + to.Fragment
		}
		r.Fills[j] = html.EscapeString(href)
		if t := to.Target; t != nil {
			if l.Empty {
				r.setText(j, html.EscapeString(t.Title))
			}
			if t != a.Target && !seen[t] {
				seen[t] = true
				r.Out = append(r.Out, t)
			}
		}
		if to.File != "" {
			r.Files = append(r.Files, to.File)
			if l.Empty {
				r.setText(j, html.EscapeString(to.File))
			}
		}
	}
	return r
}

// Related resolves a's related IDs to articles, each once, reporting
// unknown IDs at their place in the front matter.
func (ix *Index) Related(a Article, dl *diag.List) []*Target {
	var out []*Target
	seen := map[*Target]bool{a.Target: true}
	for i, id := range a.Meta.Related {
		t := ix.Find(a.Meta.Lang, id)
		if t == nil {
			p := a.Meta.Pos.Entry("related", i)
			dl.Add(diag.Diagnostic{File: a.File, Line: p.Line, Col: p.Col, Severity: diag.Error, Kind: diag.KindLink,
				Msg: fmt.Sprintf("related article %s does not exist%s", diag.Quote(id), ix.hint(id))})
			continue
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// hint suggests the article ID closest to id.
func (ix *Index) hint(id string) string {
	if h := suggest.Closest(id, ix.ids); h != "" {
		return " (did you mean " + h + "?)"
	}
	return ""
}

// ExternalLink is a link to another web site, with where it was written.
type ExternalLink struct {
	URL  string
	File string
	Line int
	Col  int
}

// External lists the external links of arts, in order.
func (ix *Index) External(arts []Article) []ExternalLink {
	var out []ExternalLink
	for _, a := range arts {
		for _, l := range a.Links {
			u := l.Dest
			if !l.External {
				u = ix.HostURL(l.Dest) // "" unless host-relative under link_root
			}
			if u != "" {
				out = append(out, ExternalLink{URL: u, File: a.File, Line: l.Line, Col: l.Col})
			}
		}
	}
	return out
}

// WrittenNames are the display names articles write in place of product
// slugs, by slug; where two articles write one differently, the one of the
// first file by name wins, so the result does not depend on their order.
func WrittenNames(arts []Article) map[string]string {
	names, from := map[string]string{}, map[string]string{}
	for _, a := range arts {
		for slug, name := range a.Meta.ProductNames {
			if f, ok := from[slug]; !ok || a.File < f {
				names[slug], from[slug] = name, a.File
			}
		}
	}
	return names
}

// CheckProducts checks the products of arts among those of all: a product
// site.yaml does not name (when names names products at all) and no
// article names either is a warning, and so is a product slug so close to
// another one, named in site.yaml or used by at least as many articles,
// that it is most likely a typo of it.
func CheckProducts(arts, all []Article, names map[string]string, dl *diag.List) {
	uses := map[string]int{}
	for _, a := range all {
		for _, p := range a.Meta.Products {
			uses[p]++
		}
	}
	CheckProductsAmong(arts, WrittenNames(all), uses, names, dl)
}

// CheckProductsAmong is CheckProducts given what it reads of all the
// articles: the names they write (WrittenNames) and how many times each
// product is used. Serve mode keeps both rather than walk every article.
func CheckProductsAmong(arts []Article, written map[string]string, uses map[string]int, names map[string]string, dl *diag.List) {
	known := slices.Collect(maps.Keys(uses))
	for p := range names {
		if uses[p] == 0 {
			known = append(known, p)
		}
	}
	for _, a := range arts {
		for i, p := range a.Meta.Products {
			if isNamed(names, p) {
				continue
			}
			// Products derived from DocFX metadata have no position and are
			// not typed by the writer, so they are no typos.
			pos, typed := a.Meta.Pos.Lookup("products", i)
			near := ""
			if typed {
				near = content.SimilarProduct(p, known)
			}
			if near != "" && (isNamed(names, near) || uses[near] >= uses[p]) {
				shown := diag.Quote(p)
				if n := a.Meta.ProductNames[p]; n != "" {
					shown = fmt.Sprintf("%s (slug %s)", diag.Quote(n), p)
				}
				dl.Warnf(a.File, pos.Line, pos.Col, "product %s looks like a typo (did you mean %s?)", shown, near)
			} else if _, ok := written[p]; len(names) > 0 && !ok {
				dl.Warnf(a.File, pos.Line, pos.Col, "product %s has no display name in site.yaml", diag.Quote(p))
			}
		}
	}
}

func isNamed(names map[string]string, p string) bool {
	_, ok := names[p]
	return ok
}

// CheckReachable warns about articles of arts readers can only find by
// search: nothing links to them (linked says whether anything does) and
// they are in no product. It also warns about titles used twice among
// arts, which make listings and search results ambiguous.
func CheckReachable(arts []Article, linked func(*Target) bool, dl *diag.List) {
	titles := map[string]Article{}
	for _, a := range arts {
		if !linked(a.Target) && len(a.Meta.Products) == 0 {
			dl.Warnf(a.File, 1, 1, "orphan article %s: no article links to it and it lists no products", a.Meta.ID)
		}
		key := strings.ToLower(a.Meta.Title)
		if first, dup := titles[key]; dup {
			p := a.Meta.Pos.Of("title")
			dl.Warnf(a.File, p.Line, p.Col, "duplicate title %s, also used by %s (%s)", diag.Quote(a.Meta.Title), first.Meta.ID, first.File)
			continue
		}
		titles[key] = a
	}
}

// Backlinks are, for each target of want, the targets of from that link
// to it (out(t) are those t links to, as Links.Out), sorted by title
// ignoring case, then by ID.
func Backlinks(from []*Target, out func(*Target) []*Target, want []*Target) map[*Target][]*Target {
	wanted := make(map[*Target]bool, len(want))
	for _, t := range want {
		wanted[t] = true
	}
	back := map[*Target][]*Target{}
	for _, a := range from {
		for _, t := range out(a) {
			if wanted[t] {
				back[t] = append(back[t], a)
			}
		}
	}
	for _, ts := range back {
		keys := make(map[*Target]string, len(ts))
		for _, t := range ts {
			keys[t] = strings.ToLower(t.Title)
		}
		sort.Slice(ts, func(i, j int) bool {
			if ki, kj := keys[ts[i]], keys[ts[j]]; ki != kj {
				return ki < kj
			}
			return ts[i].ID < ts[j].ID
		})
	}
	return back
}

// Swap puts the targets of news in the index in place of those of olds
// (serve mode's changed articles) and returns what undoes it, putting
// back the olds with their old-ID aliases. The news' aliases are for
// Aliases.Add.
func (ix *Index) Swap(olds, news []Article) (undo func()) {
	for _, a := range olds {
		ix.remove(a)
	}
	for _, a := range news {
		ix.Put(a.Target)
	}
	return func() {
		for i := len(news) - 1; i >= 0; i-- {
			ix.remove(news[i])
		}
		for i := len(olds) - 1; i >= 0; i-- {
			a := olds[i]
			ix.Put(a.Target)
			for _, al := range a.Meta.Aliases {
				if !IsPathAlias(al) {
					ix.AddAlias(al, a.Target)
				}
			}
		}
	}
}
