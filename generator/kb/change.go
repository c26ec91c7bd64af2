package kb

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/load"
	"kbsite/generator/resolve"
	"kbsite/generator/resolve/delta"
	"kbsite/generator/site/listing"
	"kbsite/generator/site/nav"
)

// Change is one incremental update of a Site, filled in step by step:
// Parse finds the versions it replaces and their new versions, Swap
// resolves what they affect, and Apply works out the pages to rewrite
// (package delta tracks the links), which WriteChange writes.
type Change struct {
	olds, news               []*Article // a deleted file has an old version only
	oldSet                   map[*Article]bool
	oldBySource, newBySource map[string]*Article
	oldRedirects             []string // redirect pages of the old versions

	resolved map[*Article]resolve.Links // links of the new versions and of their linkers
	related  map[*Article][]*Article    // related lists that name a changed article

	listingsChanged bool
	touched         map[*Article]bool // article pages to rewrite
}

// Parse reads and admits the new versions of the articles at rels
// (content-relative; a missing file is a deleted article) and checks
// their IDs; nothing is changed yet. It returns nil on errors.
func (s *Site) Parse(rels []string, dl *diag.List) *Change {
	c := &Change{oldSet: map[*Article]bool{}, oldBySource: map[string]*Article{}, newBySource: map[string]*Article{}}
	var present []string
	for _, rel := range rels {
		if old := s.bySource[rel]; old != nil {
			c.olds = append(c.olds, old)
			c.oldSet[old] = true
			c.oldBySource[rel] = old
		}
		file := filepath.Join(s.contentDir, filepath.FromSlash(rel))
		// Lstat: a symbolic link is read (and refused if it leads out).
		if _, err := os.Lstat(file); !errors.Is(err, fs.ErrNotExist) {
			present = append(present, rel)
		}
	}
	loaded := s.loader.Load(present, s.redirected, dl, nil)
	if dl.HasErrors() {
		return nil
	}
	unique := s.loader.UniqueIDs(loaded, func(key string) *load.Article {
		if other := s.byKey[key]; other != nil && !c.oldSet[other] {
			return other.Article
		}
		return nil
	}, dl)
	if dl.HasErrors() {
		return nil
	}
	for _, l := range unique {
		a := newArticle(l)
		c.news = append(c.news, a)
		c.newBySource[a.Source] = a
	}
	return c
}

// Swap puts the new versions into the site's maps and link index in place
// of the old ones and resolves every link the change affects: articles
// that linked to an old version must still resolve. It returns the step
// that undoes it, for a caller that finds errors in dl.
func (s *Site) Swap(c *Change, dl *diag.List) (undo func()) {
	steps := s.swapIn(c)
	s.addAliases(c.news, dl)
	s.resolveAffected(c, dl)
	return func() {
		for i := len(steps) - 1; i >= 0; i-- {
			steps[i]()
		}
	}
}

// Apply applies a swapped change to the site, works out the pages it
// touches and runs the site-wide checks on the new versions. It returns
// false when the change touches every page (the languages, a navigation
// tree, the product names or the featured articles changed): the caller
// then rebuilds everything.
func (s *Site) Apply(c *Change, dl *diag.List) bool {
	for _, o := range c.olds {
		delete(s.bySource, o.Source)
	}
	for _, n := range c.news {
		s.bySource[n.Source] = n
		s.serve.include(n, 1)
	}
	if !s.affected(c) {
		return false // the languages changed, and with them every page's switcher
	}
	if (!c.navSame() && s.navChanged()) || s.serve.products.update(c, s.config.WrittenNames) {
		return false // every page shows the tree; product names are on many
	}
	if !slices.Equal(s.featuredKeys(&diag.List{}), s.featured) {
		return false // a featured article went: the full build says so
	}
	resolve.CheckProductsAmong(linkIns(c.news), s.config.WrittenNames, s.serve.products.uses, s.config.Products, dl)
	s.checkReachable(c.news, dl)
	return true
}

// navSame reports whether the change leaves every navigation tree as it
// was (nav.SameEntry), so that they need not be rebuilt: at 10k articles
// that cost more than the rest of an edit.
func (c *Change) navSame() bool {
	if len(c.olds) != len(c.news) {
		return false
	}
	for src, n := range c.newBySource {
		if o := c.oldBySource[src]; o == nil || !nav.SameEntry(entry(o), entry(n)) {
			return false
		}
	}
	return true
}

// swapIn replaces the old versions by the new ones in the link index
// (resolve.Index.Swap), ByKey and Redirects, and returns the steps that
// undo it.
func (s *Site) swapIn(c *Change) []func() {
	undo := []func(){s.index.Swap(linkIns(c.olds), linkIns(c.news))}
	for _, a := range c.olds {
		delete(s.byKey, content.Key(a.Meta.Lang, a.Meta.ID))
		undo = append(undo, func() { s.byKey[content.Key(a.Meta.Lang, a.Meta.ID)] = a })
	}
	var back func()
	c.oldRedirects, back = s.aliases().Drop(linkIns(c.olds))
	undo = append(undo, back)
	for _, a := range c.news {
		s.byKey[content.Key(a.Meta.Lang, a.Meta.ID)] = a
		undo = append(undo, func() {
			delete(s.byKey, content.Key(a.Meta.Lang, a.Meta.ID))
			s.aliases().Forget(a.linkIn())
		})
	}
	return undo
}

// resolveAffected resolves, without applying, the links of the new
// versions and of the unchanged articles that linked to an old one, and
// the related lists of the new versions and of those that named an old one.
func (s *Site) resolveAffected(c *Change, dl *diag.List) {
	c.resolved, c.related = map[*Article]resolve.Links{}, map[*Article][]*Article{}
	for _, a := range c.news {
		c.resolved[a] = s.resolveArticle(a, dl)
		c.related[a] = s.relatedOf(a, dl)
	}
	for _, a := range c.olds {
		for _, b := range a.backlinks {
			if _, done := c.resolved[b]; !done && !c.oldSet[b] {
				c.resolved[b] = s.resolveArticle(b, dl)
			}
		}
	}
	for _, b := range s.serve.related.naming(c.olds, c.oldSet) {
		c.related[b] = s.relatedOf(b, dl)
	}
}

// affected applies the accepted change to the site and works out the
// article pages it touches and the articles whose backlinks it changes.
// It returns false when the site's languages changed, which touches every
// page.
func (s *Site) affected(c *Change) bool {
	d := delta.New(targetsOf(c.olds), targetsOf(c.news))
	c.listingsChanged = len(c.olds) != len(c.news)
	for _, o := range c.olds {
		n := c.newBySource[o.Source]
		c.listingsChanged = c.listingsChanged || n == nil || !listing.Same(entry(o), entry(n))
	}
	s.relink(c, d)
	s.remapSimilar(c, d)
	if !s.replaceInPlace(c) {
		var arts []*Article
		for _, a := range s.Articles {
			if !c.oldSet[a] {
				arts = append(arts, a)
			}
		}
		arts = append(arts, c.news...)
		sortArticles(arts)
		s.Articles = arts
		before := strings.Join(s.languages, ",")
		s.finishLanguages()
		if strings.Join(s.languages, ",") != before {
			return false
		}
	}
	c.touched = s.current(c, d.Touched)
	for _, a := range append(slices.Clone(c.olds), c.news...) {
		for _, t := range s.translations[a.Meta.TranslationKey] {
			c.touched[t] = true
		}
	}
	s.relinkBacklinks(c, slices.Collect(maps.Keys(s.current(c, d.Backlinked))))
	s.serve.forget(c.olds)
	return true
}

// relinkBacklinks sets the backlinks of targets (linkBacklinks) from the
// only articles that can link to them: their backlinks before the change
// and the articles the change resolved again (the new versions, and the
// backlinks of the old ones, which link to the new versions if at all).
func (s *Site) relinkBacklinks(c *Change, targets []*Article) {
	var from []*Article
	for _, t := range targets {
		from = append(from, t.backlinks...)
	}
	for a := range c.resolved {
		from = append(from, a)
	}
	from = slices.DeleteFunc(from, func(a *Article) bool { return c.oldSet[a] })
	sortArticles(from)
	linkBacklinks(slices.Compact(from), targets)
}

// replaceInPlace puts each new version where its old one is, in the
// site's order and in its translation group, when the change keeps every
// article's place: each old version has a new one of the same ID,
// language and translation key (an edit of an article's text or title).
// Re-sorting every article and regrouping the translations cost an edit
// as much as the rest of it at 10k articles. It reports whether it did;
// it changes nothing when it cannot.
func (s *Site) replaceInPlace(c *Change) bool {
	if len(c.olds) != len(c.news) {
		return false
	}
	at := make([]int, len(c.olds))
	for k, o := range c.olds {
		n := c.newBySource[o.Source]
		if n == nil || n.Meta.ID != o.Meta.ID || n.Meta.Lang != o.Meta.Lang || n.Meta.TranslationKey != o.Meta.TranslationKey {
			return false
		}
		i, found := slices.BinarySearchFunc(s.Articles, o, compareArticles)
		if !found || s.Articles[i] != o || !slices.Contains(s.translations[o.Meta.TranslationKey], o) {
			return false
		}
		at[k] = i
	}
	for k, o := range c.olds {
		n := c.newBySource[o.Source]
		s.Articles[at[k]] = n
		group := s.translations[o.Meta.TranslationKey]
		group[slices.Index(group, o)] = n
	}
	return true
}

// current are the articles of ts that are not old versions.
func (s *Site) current(c *Change, ts map[*resolve.Target]bool) map[*Article]bool {
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
func (s *Site) relink(c *Change, d *delta.Change) {
	after := make(map[*resolve.Target]resolve.Links, len(c.resolved))
	for a, r := range c.resolved {
		after[a.target] = r
	}
	d.Relink(func(t *resolve.Target) resolve.Links { return article(t).linked }, after)
	for a, r := range c.resolved {
		s.setLinked(a, r)
	}
	for a, r := range c.related {
		d.Remap(a.target, targetsOf(a.related)) // touches a if it shows a moved title
		s.setRelated(a, r)
	}
}

// remapSimilar points the similar lists at the new versions and touches
// the pages that show a changed title or address in them; new versions
// start from their old version's list until the search index refreshes it.
func (s *Site) remapSimilar(c *Change, d *delta.Change) {
	for _, a := range s.serve.similar.naming(c.olds, c.oldSet) {
		s.setSimilar(a, articles(d.Remap(a.target, targetsOf(a.similar))))
	}
	for _, n := range c.news {
		if o := c.oldBySource[n.Source]; o != nil {
			s.setSimilar(n, articles(d.Remap(n.target, targetsOf(o.similar))))
		}
	}
}
