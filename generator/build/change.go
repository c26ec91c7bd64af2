package build

import (
	"maps"
	"slices"
	"strings"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/resolve"
	"kbsite/generator/resolve/delta"
	"kbsite/generator/site/listing"
)

// change is one incremental update of a Session, filled in stage by stage:
// parse finds the versions it replaces and their new versions, swap
// resolves what they affect, and affected works out the pages to rewrite
// (package delta tracks the links).
type change struct {
	olds, news               []*Article // a deleted file has an old version only
	oldSet                   map[*Article]bool
	oldBySource, newBySource map[string]*Article
	oldRedirects             []string // redirect pages of the old versions

	resolved map[*Article]resolve.Links // links of the new versions and of their linkers
	related  map[*Article][]*Article    // related lists that name a changed article

	listingsChanged bool
	touched         map[*Article]bool // article pages to rewrite
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
	var back func()
	c.oldRedirects, back = site.aliases().Drop(func(t *resolve.Target) bool { return c.oldSet[article(t)] })
	undo = append(undo, back)
	for _, a := range c.news {
		site.ByKey[content.Key(a.Meta.Lang, a.Meta.ID)] = a
		undo = append(undo, func() {
			delete(site.ByKey, content.Key(a.Meta.Lang, a.Meta.ID))
			site.aliases().Forget(a.target)
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
	d := delta.New(targetsOf(c.olds), targetsOf(c.news))
	c.listingsChanged = len(c.olds) != len(c.news)
	for _, o := range c.olds {
		n := c.newBySource[o.Source]
		c.listingsChanged = c.listingsChanged || n == nil || !listing.Same(entry(o), entry(n))
	}
	c.relink(d)
	site.remapSimilar(c, d)
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
	c.touched = site.current(c, d.Touched)
	for _, a := range append(slices.Clone(c.olds), c.news...) {
		for _, t := range site.translations[a.Meta.TranslationKey] {
			c.touched[t] = true
		}
	}
	linkBacklinks(site.Articles, slices.Collect(maps.Keys(site.current(c, d.Backlinked))))
	return true
}

// current are the articles of ts that are not old versions.
func (site *Site) current(c *change, ts map[*resolve.Target]bool) map[*Article]bool {
	out := map[*Article]bool{}
	for t := range ts {
		if a := article(t); !c.oldSet[a] {
			out[a] = true
		}
	}
	return out
}

// relink applies the resolved links and related lists, and has d touch
// the pages whose links, backlinks or related lists read differently.
func (c *change) relink(d *delta.Change) {
	after := make(map[*resolve.Target]resolve.Links, len(c.resolved))
	for a, r := range c.resolved {
		after[a.target] = r
	}
	d.Relink(func(t *resolve.Target) resolve.Links { return article(t).linked }, after)
	for a, r := range c.resolved {
		a.linked = r
	}
	for a, r := range c.related {
		d.Remap(a.target, targetsOf(a.Related)) // touches a if it shows a moved title
		a.Related = r
	}
}

// remapSimilar points the similar lists at the new versions and touches
// the pages that show a changed title or address in them; new versions
// start from their old version's list until the search index refreshes it.
func (site *Site) remapSimilar(c *change, d *delta.Change) {
	for _, a := range site.Articles {
		if !c.oldSet[a] {
			a.Similar = articles(d.Remap(a.target, targetsOf(a.Similar)))
		}
	}
	for _, n := range c.news {
		if o := c.oldBySource[n.Source]; o != nil {
			n.Similar = articles(d.Remap(n.target, targetsOf(o.Similar)))
		}
	}
}

// articles are the articles behind ts.
func articles(ts []*resolve.Target) []*Article {
	var out []*Article
	for _, t := range ts {
		out = append(out, article(t))
	}
	return out
}
