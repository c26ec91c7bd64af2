package build

import (
	"slices"
	"strings"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/resolve"
)

// change is one incremental update of a Session, filled in stage by stage:
// parse finds the versions it replaces and their new versions, swap
// resolves what they affect, and affected works out the pages to rewrite.
type change struct {
	olds, news               []*Article // a deleted file has an old version only
	oldSet                   map[*Article]bool
	oldBySource, newBySource map[string]*Article
	oldRedirects             []string // redirect pages of the old versions

	resolved map[*Article]resolve.Links // links of the new versions and of their linkers
	related  map[*Article][]*Article    // related lists that name a changed article

	replacement     map[*Article]*Article // old version -> new version (nil if deleted)
	linkChanged     map[*Article]bool     // old versions whose title, ID or page moved
	listingsChanged bool
	touched         map[*Article]bool // article pages to rewrite
	candidates      map[*Article]bool // articles whose backlinks may change
}

// swapIn replaces the old versions by the new ones in the link index
// (resolve.Index.Swap), ByKey and Redirects, and returns the steps that
// undo it.
func (site *Site) swapIn(c *change) []func() {
	undo := []func(){site.Index.Swap(linkIns(c.olds), linkIns(c.news))}
	for _, a := range c.olds {
		delete(site.ByKey, content.Key(a.Meta.Lang, a.Meta.ID))
		undo = append(undo, func() { site.ByKey[content.Key(a.Meta.Lang, a.Meta.ID)] = a })
	}
	for p, t := range site.Redirects {
		if c.oldSet[article(t)] {
			c.oldRedirects = append(c.oldRedirects, p)
		}
	}
	for _, p := range c.oldRedirects {
		a := site.Redirects[p]
		delete(site.Redirects, p)
		undo = append(undo, func() { site.Redirects[p] = a })
	}
	for _, a := range c.news {
		site.ByKey[content.Key(a.Meta.Lang, a.Meta.ID)] = a
		undo = append(undo, func() {
			delete(site.ByKey, content.Key(a.Meta.Lang, a.Meta.ID))
			for p, r := range site.Redirects {
				if r == a.target {
					delete(site.Redirects, p)
				}
			}
		})
	}
	return undo
}

// resolveAffected resolves, without applying, the links of the new
// versions and of the unchanged articles that linked to an old one, and
// the related lists of the new versions and of those that named an old one.
func (site *Site) resolveAffected(c *change, dl *diag.List) {
	c.resolved, c.related = map[*Article]resolve.Links{}, map[*Article][]*Article{}
	for _, a := range c.news {
		c.resolved[a] = site.resolveArticle(a, dl)
		c.related[a] = site.relatedOf(a, dl)
	}
	for _, a := range c.olds {
		for _, b := range a.Backlinks {
			if _, done := c.resolved[b]; !done && !c.oldSet[b] {
				c.resolved[b] = site.resolveArticle(b, dl)
			}
		}
	}
	for _, b := range site.Articles {
		if c.oldSet[b] {
			continue
		}
		for _, r := range b.Related {
			if c.oldSet[r] {
				c.related[b] = site.relatedOf(b, dl)
				break
			}
		}
	}
}

// affected applies the accepted change to the site and works out the
// article pages it touches and the articles whose backlinks it changes.
// It returns false when the site's languages changed, which touches every
// page.
func (site *Site) affected(c *change) bool {
	c.compare()
	c.relink()
	site.remapSimilar(c)
	var arts []*Article
	for _, a := range site.Articles {
		if !c.oldSet[a] {
			arts = append(arts, a)
		}
	}
	arts = append(arts, c.news...)
	sortArticles(arts)
	site.Articles = arts
	before := strings.Join(site.Languages, ",")
	site.finishLanguages()
	if strings.Join(site.Languages, ",") != before {
		return false
	}
	for _, a := range append(slices.Clone(c.olds), c.news...) {
		for _, t := range site.translations[a.Meta.TranslationKey] {
			c.touched[t] = true
		}
	}
	var targets []*Article
	for t := range c.candidates {
		if !c.oldSet[t] {
			targets = append(targets, t)
		}
	}
	for t := range c.touched {
		if c.oldSet[t] {
			delete(c.touched, t)
		}
	}
	linkBacklinks(site.Articles, targets)
	return true
}

// compare pairs old and new versions and records which changed how they
// are linked to or listed.
func (c *change) compare() {
	c.replacement, c.linkChanged = map[*Article]*Article{}, map[*Article]bool{}
	c.listingsChanged = len(c.olds) != len(c.news)
	for _, o := range c.olds {
		n := c.newBySource[o.Source]
		c.replacement[o] = n
		if n == nil || n.Meta.Title != o.Meta.Title || n.Path != o.Path {
			c.linkChanged[o] = true
		}
		if n == nil || listingKey(n) != listingKey(o) {
			c.listingsChanged = true
		}
	}
	for _, n := range c.news {
		if c.oldBySource[n.Source] == nil {
			c.listingsChanged = true
		}
	}
}

// relink applies the resolved links and related lists, and touches the
// pages whose links or backlinks read differently for it.
func (c *change) relink() {
	c.touched, c.candidates = map[*Article]bool{}, map[*Article]bool{}
	oldOut := map[*Article]map[*Article]bool{}
	for _, o := range c.olds {
		set := map[*Article]bool{}
		for _, to := range o.linked.Out {
			t := article(to)
			set[t] = true
			c.candidates[t] = true
			if c.replacement[o] == nil {
				c.touched[t] = true // loses a backlink
			}
		}
		oldOut[o] = set
	}
	for a, r := range c.resolved {
		if c.newBySource[a.Source] == a {
			c.relinkNew(a, r, oldOut[c.oldBySource[a.Source]])
		} else if !slices.Equal(a.linked.Fills, r.Fills) || !slices.Equal(a.linked.Texts, r.Texts) {
			c.touched[a] = true // an unchanged article whose links now read differently
		}
		a.linked = r
	}
	for a, r := range c.related {
		a.Related = r
	}
	for _, n := range c.news {
		c.candidates[n] = true
	}
}

// relinkNew touches a new version's page and the targets whose backlink
// lists gain or lose it, or show its new title; before is what its old
// version linked to.
func (c *change) relinkNew(a *Article, r resolve.Links, before map[*Article]bool) {
	c.touched[a] = true
	o := c.oldBySource[a.Source]
	after := map[*Article]bool{}
	for _, to := range r.Out {
		t := article(to)
		after[t] = true
		c.candidates[t] = true
		if !before[t] || o == nil || c.linkChanged[o] || o.Meta.Title != a.Meta.Title {
			c.touched[t] = true
		}
	}
	for t := range before {
		if !after[t] {
			c.touched[t] = true
		}
	}
}

// remapSimilar points the similar lists at the new versions and touches
// the pages that show a changed title or address in them; new versions
// start from their old version's list until the search index refreshes it.
func (site *Site) remapSimilar(c *change) {
	for _, a := range site.Articles {
		if c.oldSet[a] {
			continue
		}
		for i, r := range a.Similar {
			if n, ok := c.replacement[r]; ok {
				a.Similar[i] = n
				if c.linkChanged[r] {
					c.touched[a] = true
				}
			}
		}
		a.Similar = slices.DeleteFunc(a.Similar, func(r *Article) bool { return r == nil })
		for _, r := range a.Related {
			if c.linkChanged[r] {
				c.touched[a] = true
			}
		}
	}
	for _, n := range c.news {
		o := c.oldBySource[n.Source]
		if o == nil {
			continue
		}
		n.Similar = nil
		for _, r := range o.Similar {
			if m, ok := c.replacement[r]; ok {
				r = m
			}
			if r != nil && r != n {
				n.Similar = append(n.Similar, r)
			}
		}
	}
}
