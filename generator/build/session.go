package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/workers"
	"kbsite/generator/load"
	"kbsite/generator/resolve"
	"kbsite/generator/site"
	"kbsite/generator/site/listing"
	"kbsite/generator/write"
)

// Session keeps a built site in memory so that serve mode can rebuild only
// what a change touches: the changed articles, the articles whose
// backlinks or link texts change with them, and the listings they are in.
// The session's site is always the last good one: a change with errors is
// reported and not applied.
type Session struct {
	opts Options
	site *Site
	// bySource finds articles by file (the site's ByKey finds them by ID).
	bySource map[string]*Article
}

// NewSession runs a full build and keeps its state.
func NewSession(opts Options) (*Session, *Result, error) {
	s := &Session{opts: opts}
	res, _, err := s.full()
	if err != nil || res.Failed() {
		return nil, res, err
	}
	return s, res, nil
}

// adopt makes site the session's last good site.
func (s *Session) adopt(site *Site) {
	s.site = site
	s.bySource = make(map[string]*Article, len(site.Articles))
	for _, a := range site.Articles {
		s.bySource[a.Source] = a
	}
}

// Update rebuilds after the files at paths changed (created, written or
// removed). Changes to articles, and to files articles include that are
// not published themselves, are applied incrementally to the articles;
// changes to templates, site.yaml or other files rebuild everything. It
// returns the site-relative paths it wrote or removed.
func (s *Session) Update(paths []string) (*Result, []string, error) {
	var rels []string
	for _, p := range paths {
		arts, ok := s.articlesAt(p)
		if !ok {
			return s.full()
		}
		rels = append(rels, arts...)
	}
	slices.Sort(rels)
	rels = slices.Compact(rels)
	return s.incremental(rels)
}

// articlesAt returns the content-relative paths of the articles a change
// to the file at p changes: the article itself and the articles that
// include it. It returns false when the change is not confined to
// articles.
func (s *Session) articlesAt(p string) ([]string, bool) {
	rel, err := filepath.Rel(s.opts.ContentDir, p)
	if err != nil {
		return nil, false
	}
	rel = filepath.ToSlash(rel)
	kind := content.Classify(rel)
	if kind == content.File && slices.Contains(s.site.Files, rel) {
		return nil, false // published as well: its copy must be refreshed
	}
	var arts []string
	if kind == content.Article {
		arts = append(arts, rel)
	}
	for _, a := range s.site.Articles {
		if slices.Contains(a.Includes, rel) {
			arts = append(arts, a.Source)
		}
	}
	return arts, len(arts) > 0
}

// full rebuilds everything, keeping the search index for later updates,
// and adopts the result if it has no errors.
func (s *Session) full() (*Result, []string, error) {
	opts := s.opts
	opts.keepIndex = true
	res, err := Build(opts)
	if err != nil || res.Failed() {
		return res, nil, err
	}
	write.Sweep(opts.OutDir) // the replaced site goes in the background
	s.adopt(res.Site)
	return res, []string{"*"}, nil
}

// incremental applies changes to the articles at rels: parse the new
// versions, swap them in (or undo), work out the pages they affect, and
// write those.
func (s *Session) incremental(rels []string) (*Result, []string, error) {
	start := time.Now()
	dl := &diag.List{}
	finish := func(pages int, written []string) (*Result, []string, error) {
		res := &Result{Site: s.site, Articles: len(s.site.Articles), Pages: pages}
		res.report(dl, s.opts.WarnLinks, start)
		return res, written, nil
	}
	c := s.parse(rels, dl)
	if c == nil || !s.swap(c, dl) {
		return finish(0, nil)
	}
	if !s.site.affected(c) {
		// The languages changed, and with them every page's switcher.
		return s.full()
	}
	if s.site.navChanged() || s.site.nameProducts() {
		return s.full() // every page shows the tree; product names are on many
	}
	if !slices.Equal(s.site.featuredKeys(&diag.List{}), s.site.featured) {
		return s.full() // a featured article went: the full build says so
	}
	resolve.CheckProducts(linkIns(c.news), linkIns(s.site.Articles), s.site.Config.Products, dl)
	s.site.checkReachable(c.news, dl)
	pages, written, err := s.writeChange(c)
	if err != nil {
		return nil, nil, err
	}
	return finish(pages, written)
}

// parse reads and admits the new versions of the articles at rels and
// checks their IDs; nothing is changed yet. It returns nil on errors.
func (s *Session) parse(rels []string, dl *diag.List) *change {
	c := &change{oldSet: map[*Article]bool{}, oldBySource: map[string]*Article{}, newBySource: map[string]*Article{}}
	var present []string
	for _, rel := range rels {
		if old := s.bySource[rel]; old != nil {
			c.olds = append(c.olds, old)
			c.oldSet[old] = true
			c.oldBySource[rel] = old
		}
		file := filepath.Join(s.opts.ContentDir, filepath.FromSlash(rel))
		// Lstat: a symbolic link is read (and refused if it leads out).
		if _, err := os.Lstat(file); !errors.Is(err, fs.ErrNotExist) {
			present = append(present, rel)
		}
	}
	loader := s.site.loader
	loaded := loader.Load(present, s.site.redirected, dl, nil)
	if dl.HasErrors() {
		return nil
	}
	unique := loader.UniqueIDs(loaded, func(key string) *load.Article {
		if other := s.site.ByKey[key]; other != nil && !c.oldSet[other] {
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

// swap puts the new versions into the site's maps and link index in place
// of the old ones and resolves every link the change affects: articles
// that linked to an old version must still resolve. On errors it undoes
// the swap and returns false.
func (s *Session) swap(c *change, dl *diag.List) bool {
	site := s.site
	undo := site.swapIn(c)
	site.addAliases(c.news, dl)
	site.resolveAffected(c, dl)
	if s.opts.WarnLinks {
		dl.Demote(diag.KindLink)
	}
	if dl.HasErrors() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
		return false
	}
	for _, o := range c.olds {
		delete(s.bySource, o.Source)
	}
	for _, n := range c.news {
		s.bySource[n.Source] = n
	}
	return true
}

// writeChange writes the search files and pages the change touched and
// removes the pages it ended. It returns the number of pages rendered and
// the site-relative paths written or removed.
func (s *Session) writeChange(c *change) (int, []string, error) {
	cur := s.site
	out := write.Live(s.opts.OutDir)
	written, err := s.writeSearch(c, out)
	if err != nil {
		return 0, nil, err
	}
	pages := &write.Pages{Theme: cur.layout, Out: out, Times: &cur.times}
	render := func(tmpl string, page func() *site.Page) func() error {
		p := cur.applyNav(page())
		written = append(written, p.Path)
		return pages.Job(tmpl, func() *site.Page { return p })
	}
	var jobs []func() error
	for a := range c.touched {
		jobs = append(jobs, render("article", func() *site.Page { return cur.articlePage(a) }))
	}
	for p, t := range cur.Redirects {
		if a := article(t); c.newBySource[a.Source] == a {
			jobs = append(jobs, render("redirect", func() *site.Page { return cur.pages().RedirectPage(p, entry(a)) }))
		}
	}
	var live []string // listing pages that exist after the change
	if c.listingsChanged {
		var listings []listing.Job
		listings, live = listing.Update(cur.pages(), entries(cur.Articles), entries(c.olds), entries(c.news))
		for _, j := range listings {
			jobs = append(jobs, render(j.Template, j.Page))
		}
	}
	if err := workers.Run(jobs); err != nil {
		return 0, nil, err
	}
	removed, err := cur.removeGone(c, out, live)
	if err != nil {
		return 0, nil, err
	}
	files, err := cur.updateFiles(out)
	if err != nil {
		return 0, nil, err
	}
	written = append(written, files...)
	if c.listingsChanged {
		if err := cur.writeWebFiles(out); err != nil {
			return 0, nil, err
		}
	}
	written = append(written, removed...)
	sort.Strings(written)
	return pages.Count(), slices.Compact(written), nil
}

// writeSearch brings the served search index files up to date.
func (s *Session) writeSearch(c *change, out write.Live) ([]string, error) {
	files, remove := s.site.updateSearch(c.olds, c.news, s.bySource)
	var written []string
	for _, f := range files {
		if err := out.WriteFile(f.Path, f.Data); err != nil {
			return nil, err
		}
		written = append(written, f.Path)
	}
	removed, err := out.Prune(remove, func(string) bool { return false })
	if err != nil {
		return nil, err
	}
	return append(written, removed...), nil
}

// removeGone removes the pages of the old versions, their redirects and,
// when listings changed, their listings, unless they still exist (live
// holds the listings that do).
func (site *Site) removeGone(c *change, out write.Live, live []string) ([]string, error) {
	exists := map[string]bool{}
	for _, p := range live {
		exists[p] = true
	}
	for _, a := range site.Articles {
		exists[a.Path] = true
	}
	for p := range site.Redirects {
		exists[p] = true
	}
	gone := slices.Clone(c.oldRedirects)
	for _, a := range c.olds {
		gone = append(gone, a.Path)
		if c.listingsChanged {
			gone = append(gone, listing.Of(site.pages(), entry(a))...)
		}
	}
	return out.Prune(gone, func(p string) bool { return exists[p] })
}

// updateFiles publishes the content files that pages link to after a
// change and did not before, and removes those that no page links any
// more, returning their paths.
func (site *Site) updateFiles(out write.Live) ([]string, error) {
	before := site.Files
	site.Files = usedFiles(site.Articles)
	return out.Sync(before, site.Files, func(f string) error { return site.files.Copy(f, out.WriteFile) })
}
