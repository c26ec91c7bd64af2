package kb

import (
	"maps"
	"slices"

	"kbsite/generator/resolve"
)

// serveIndex holds the reverse indexes serve mode keeps so that an edit
// costs what it touches rather than a walk over every article: at 100k
// articles each walk costs a few milliseconds, and an edit made a dozen.
// Plain builds do not make it.
type serveIndex struct {
	// related and similar find the articles whose related or similar list
	// names an article.
	related, similar refs
	products         productUse
	// includers are the articles that include each content file; files
	// count the articles that link each content file.
	includers map[string][]*Article
	files     map[string]int
}

// newServeIndex indexes the site's lists and products, once its related
// and similar articles are known.
func (s *Site) newServeIndex() *serveIndex {
	x := &serveIndex{related: refs{}, similar: refs{}, products: productUse{names: map[string]map[string]string{}, uses: map[string]int{}},
		includers: map[string][]*Article{}, files: map[string]int{}}
	for _, a := range s.Articles {
		x.related.set(a, nil, a.related)
		x.similar.set(a, nil, a.similar)
		x.products.add(a, 1)
		x.include(a, 1)
		x.link(a.linked.Files, 1)
	}
	return x
}

// Including are the sources of the articles that include the content
// file rel.
func (s *Site) Including(rel string) []string {
	return each(s.serve.includers[rel], func(a *Article) string { return a.Source })
}

// include counts a's includes in (by 1) or out (by -1).
func (x *serveIndex) include(a *Article, by int) {
	for _, rel := range a.Includes {
		if by > 0 {
			x.includers[rel] = append(x.includers[rel], a)
		} else if l := slices.DeleteFunc(x.includers[rel], func(b *Article) bool { return b == a }); len(l) == 0 {
			delete(x.includers, rel)
		} else {
			x.includers[rel] = l
		}
	}
}

// link counts links to files in (by 1) or out (by -1).
func (x *serveIndex) link(files []string, by int) {
	for _, f := range files {
		if x.files[f] += by; x.files[f] == 0 {
			delete(x.files, f)
		}
	}
}

// setLinked gives a its resolved links, keeping the count of linked files.
func (s *Site) setLinked(a *Article, l resolve.Links) {
	s.serve.link(a.linked.Files, -1)
	s.serve.link(l.Files, 1)
	a.linked = l
}

// published are the content files the articles link to, sorted: what
// usedFiles finds, without a walk over every article.
func (x *serveIndex) published() []string {
	return slices.Sorted(maps.Keys(x.files))
}

// setRelated and setSimilar change a's lists, keeping the index.
func (s *Site) setRelated(a *Article, list []*Article) {
	s.serve.related.set(a, a.related, list)
	a.related = list
}

func (s *Site) setSimilar(a *Article, list []*Article) {
	s.serve.similar.set(a, a.similar, list)
	a.similar = list
}

// forget takes the old versions' lists, includes and links out of the
// index.
func (x *serveIndex) forget(olds []*Article) {
	for _, o := range olds {
		x.related.set(o, o.related, nil)
		x.similar.set(o, o.similar, nil)
		x.include(o, -1)
		x.link(o.linked.Files, -1)
	}
}

// refs is a reverse index of article lists: for each article, the
// articles whose list names it, once per mention, in no order.
type refs map[*Article][]*Article

// set records that a's list changed from before to after.
func (r refs) set(a *Article, before, after []*Article) {
	for _, x := range before {
		l := r[x]
		if i := slices.Index(l, a); i >= 0 {
			l[i] = l[len(l)-1]
			l = l[:len(l)-1]
		}
		if len(l) == 0 {
			delete(r, x)
		} else {
			r[x] = l
		}
	}
	for _, x := range after {
		r[x] = append(r[x], a)
	}
}

// naming are the distinct articles whose list names one of arts, other
// than arts themselves, in the site's order.
func (r refs) naming(arts []*Article, skip map[*Article]bool) []*Article {
	var out []*Article
	for _, a := range arts {
		out = append(out, r[a]...)
	}
	out = slices.DeleteFunc(out, func(b *Article) bool { return skip[b] })
	sortArticles(out)
	return slices.Compact(out)
}

// productUse is what the product checks read of every article
// (resolve.CheckProductsAmong): the product names each article writes, by
// slug and file, and how many product mentions each slug has.
type productUse struct {
	names map[string]map[string]string
	uses  map[string]int
}

// add counts a's products in (by 1) or out (by -1).
func (p productUse) add(a *Article, by int) {
	for _, slug := range a.Meta.Products {
		p.uses[slug] += by
		if p.uses[slug] == 0 {
			delete(p.uses, slug)
		}
	}
	for slug, name := range a.Meta.ProductNames {
		files := p.names[slug]
		if files == nil {
			files = map[string]string{}
			p.names[slug] = files
		}
		if by > 0 {
			files[a.File] = name
		} else if delete(files, a.File); len(files) == 0 {
			delete(p.names, slug)
		}
	}
}

// written is the name written for slug (resolve.WrittenNames: the first
// file's), and whether any article writes one.
func (p productUse) written(slug string) (string, bool) {
	first, name := "", ""
	for f, n := range p.names[slug] {
		if first == "" || f < first {
			first, name = f, n
		}
	}
	return name, first != ""
}

// update applies a change to the product counts and reports whether it
// changes any of the product names the articles write (current), which
// the site shows on many pages.
func (p productUse) update(c *Change, current map[string]string) (renamed bool) {
	var slugs []string
	for _, o := range c.olds {
		p.add(o, -1)
		for slug := range o.Meta.ProductNames {
			slugs = append(slugs, slug)
		}
	}
	for _, n := range c.news {
		p.add(n, 1)
		for slug := range n.Meta.ProductNames {
			slugs = append(slugs, slug)
		}
	}
	for _, slug := range slugs {
		name, ok := p.written(slug)
		if was, had := current[slug]; had != ok || was != name {
			return true
		}
	}
	return false
}
