package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/resolve"
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
	// bySource and byKey (upper-cased IDs) find articles by file and ID.
	bySource, byKey map[string]*Article
}

// NewSession runs a full build and keeps its state.
func NewSession(opts Options) (*Session, *Result, error) {
	opts.keepIndex = true
	res, err := Build(opts)
	if err != nil || res.Failed() {
		return nil, res, err
	}
	s := &Session{opts: opts}
	s.adopt(res.Site)
	return s, res, nil
}

// adopt makes site the session's last good site.
func (s *Session) adopt(site *Site) {
	s.site = site
	s.bySource = make(map[string]*Article, len(site.Articles))
	s.byKey = make(map[string]*Article, len(site.Articles))
	for _, a := range site.Articles {
		s.bySource[a.Source] = a
		s.byKey[resolve.Key(a.Meta.Lang, a.Meta.ID)] = a
	}
}

// Update rebuilds after the files at paths changed (created, written or
// removed). Changes to templates, site.yaml or non-article files rebuild
// everything; article changes are applied incrementally. It returns the
// site-relative paths it wrote or removed.
func (s *Session) Update(paths []string) (*Result, []string, error) {
	var rels []string
	for _, p := range paths {
		rel, ok := s.articleRel(p)
		if !ok {
			return s.full()
		}
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	rels = slices.Compact(rels)
	return s.incremental(rels)
}

// articleRel returns the content-relative path of an article file.
func (s *Session) articleRel(p string) (string, bool) {
	rel, err := filepath.Rel(s.opts.ContentDir, p)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	return rel, content.Classify(rel) == content.Article
}

func (s *Session) full() (*Result, []string, error) {
	opts := s.opts
	opts.keepIndex = true
	res, err := Build(opts)
	if err != nil || res.Failed() {
		return res, nil, err
	}
	s.adopt(res.Site)
	return res, []string{"*"}, nil
}

// incremental applies changes to the articles at rels.
func (s *Session) incremental(rels []string) (*Result, []string, error) {
	start := time.Now()
	site := s.site
	dl := &diag.List{}
	res := &Result{Site: site}
	finish := func(written []string) (*Result, []string, error) {
		if s.opts.WarnLinks {
			dl.Demote(diag.KindLink)
		}
		res.Diagnostics = dl.Sorted()
		res.Errors, res.Warnings = dl.Count()
		res.Articles = len(site.Articles)
		res.Elapsed = time.Since(start)
		return res, written, nil
	}

	bySource, byKey := s.bySource, s.byKey
	// 1. Parse the new versions; nothing is changed yet.
	var olds, news []*Article
	for _, rel := range rels {
		if old := bySource[rel]; old != nil {
			olds = append(olds, old)
		}
		file := filepath.Join(s.opts.ContentDir, filepath.FromSlash(rel))
		// Lstat: a symbolic link is read (and refused if it leads out).
		if _, err := os.Lstat(file); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		a := site.parseOne(s.opts.ContentDir, rel, dl)
		if a == nil || !site.admit(a, s.opts.Drafts, dl) {
			continue
		}
		news = append(news, a)
	}
	if dl.HasErrors() {
		return finish(nil)
	}
	oldSet := map[*Article]bool{}
	for _, a := range olds {
		oldSet[a] = true
	}
	claimed := map[string]*Article{}
	for _, a := range news {
		k := resolve.Key(a.Meta.Lang, a.Meta.ID)
		first := claimed[k]
		if other := byKey[k]; other != nil && !oldSet[other] {
			first = other
		}
		if first != nil {
			p := a.Meta.Pos["id"]
			dl.Errorf(a.File, p.Line, p.Col, "duplicate id %s: %s already uses it", diag.Quote(a.Meta.ID), first.File)
		}
		claimed[k] = a
	}
	if dl.HasErrors() {
		return finish(nil)
	}

	// 2. Swap the new versions into the site's maps and link index, keeping
	// an undo list, and try every affected link: articles that linked to an
	// old version must still resolve.
	var undo []func()
	for _, a := range olds {
		site.Index.Remove(a.target)
		delete(site.ByKey, resolve.Key(a.Meta.Lang, a.Meta.ID))
		undo = append(undo, func() {
			site.Index.Put(a.target)
			for _, al := range a.Meta.Aliases {
				if !isPathAlias(al) {
					site.Index.AddAlias(al, a.target)
				}
			}
			site.ByKey[resolve.Key(a.Meta.Lang, a.Meta.ID)] = a
		})
	}
	var oldRedirects []string
	for p, a := range site.Redirects {
		if oldSet[a] {
			oldRedirects = append(oldRedirects, p)
		}
	}
	for _, p := range oldRedirects {
		p, a := p, site.Redirects[p]
		delete(site.Redirects, p)
		undo = append(undo, func() { site.Redirects[p] = a })
	}
	for _, a := range news {
		site.Index.Put(a.target)
		site.ByKey[resolve.Key(a.Meta.Lang, a.Meta.ID)] = a
		undo = append(undo, func() {
			site.Index.Remove(a.target)
			delete(site.ByKey, resolve.Key(a.Meta.Lang, a.Meta.ID))
			for p, r := range site.Redirects {
				if r == a {
					delete(site.Redirects, p)
				}
			}
		})
	}
	for _, a := range news {
		site.addAliases(a, dl)
	}
	site.checkAliasPaths(news, dl)
	sources := map[*Article]bool{} // unchanged articles that linked to a changed one
	for _, a := range olds {
		for _, b := range a.Backlinks {
			if !oldSet[b] {
				sources[b] = true
			}
		}
	}
	relatedBy := map[*Article]bool{} // unchanged articles listing a changed one as related
	for _, b := range site.Articles {
		if oldSet[b] {
			continue
		}
		for _, r := range b.Related {
			if oldSet[r] {
				relatedBy[b] = true
			}
		}
	}
	resolved := map[*Article]resolution{}
	for _, a := range news {
		resolved[a] = site.resolveArticle(a, dl)
	}
	for b := range sources {
		resolved[b] = site.resolveArticle(b, dl)
	}
	related := map[*Article][]*Article{}
	for _, a := range news {
		related[a] = site.relatedOf(a, dl)
	}
	for b := range relatedBy {
		related[b] = site.relatedOf(b, dl)
	}
	if s.opts.WarnLinks {
		dl.Demote(diag.KindLink)
	}
	if dl.HasErrors() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
		return finish(nil)
	}
	for _, o := range olds {
		delete(bySource, o.Source)
		delete(byKey, resolve.Key(o.Meta.Lang, o.Meta.ID))
	}
	for _, n := range news {
		bySource[n.Source] = n
		byKey[resolve.Key(n.Meta.Lang, n.Meta.ID)] = n
	}

	// 3. Apply: from here on the change is accepted.
	newBySource, oldBySource := map[string]*Article{}, map[string]*Article{}
	for _, a := range news {
		newBySource[a.Source] = a
	}
	for _, a := range olds {
		oldBySource[a.Source] = a
	}
	replacement := map[*Article]*Article{} // old version -> new version (nil if deleted)
	linkChanged := map[*Article]bool{}     // old versions whose title, ID or page moved
	listingsChanged := len(olds) != len(news)
	for _, o := range olds {
		n := newBySource[o.Source]
		replacement[o] = n
		if n == nil || n.Meta.Title != o.Meta.Title || n.Path != o.Path {
			linkChanged[o] = true
		}
		if n == nil || listingKey(n) != listingKey(o) {
			listingsChanged = true
		}
	}
	for _, n := range news {
		if oldBySource[n.Source] == nil {
			listingsChanged = true
		}
	}
	touched := map[*Article]bool{} // article pages to rewrite
	candidates := map[*Article]bool{}
	oldOut := map[*Article]map[*Article]bool{}
	for _, o := range olds {
		set := map[*Article]bool{}
		for _, t := range o.out {
			set[t] = true
			candidates[t] = true
		}
		oldOut[o] = set
	}
	for o, n := range replacement {
		if n == nil {
			for _, t := range o.out {
				touched[t] = true // loses a backlink
			}
		}
	}
	for a, r := range resolved {
		if newBySource[a.Source] == a {
			// A new version: its page is new; the targets whose backlink
			// lists gain or lose it, or show its new title, change too.
			touched[a] = true
			var before map[*Article]bool
			var oldVersion *Article
			if o := oldBySource[a.Source]; o != nil {
				before, oldVersion = oldOut[o], o
			}
			after := map[*Article]bool{}
			for _, t := range r.out {
				after[t] = true
				candidates[t] = true
				if !before[t] || oldVersion == nil || linkChanged[oldVersion] || oldVersion.Meta.Title != a.Meta.Title {
					touched[t] = true
				}
			}
			for t := range before {
				if !after[t] {
					touched[t] = true
				}
			}
		} else if !slices.Equal(a.fills, r.fills) || !slices.Equal(a.texts, r.texts) {
			touched[a] = true // an unchanged article whose links now read differently
		}
		r.apply(a)
	}
	for a, r := range related {
		a.Related = r
	}
	for _, a := range site.Articles {
		if oldSet[a] {
			continue
		}
		for i, r := range a.Similar {
			if n, ok := replacement[r]; ok {
				a.Similar[i] = n
				if linkChanged[r] {
					touched[a] = true
				}
			}
		}
		a.Similar = slices.DeleteFunc(a.Similar, func(r *Article) bool { return r == nil })
		for _, r := range a.Related {
			if linkChanged[r] {
				touched[a] = true
			}
		}
	}
	for _, n := range news {
		candidates[n] = true
		if o := oldBySource[n.Source]; o != nil {
			n.Similar = nil
			for _, r := range o.Similar {
				if m, ok := replacement[r]; ok {
					r = m
				}
				if r != nil && r != n {
					n.Similar = append(n.Similar, r)
				}
			}
		}
	}
	var arts []*Article
	for _, a := range site.Articles {
		if !oldSet[a] {
			arts = append(arts, a)
		}
	}
	arts = append(arts, news...)
	sortArticles(arts)
	site.Articles = arts
	before := strings.Join(site.Languages, ",")
	site.finishLanguages()
	if strings.Join(site.Languages, ",") != before {
		// Every page's language switcher changes.
		return s.full()
	}
	for _, a := range append(slices.Clone(olds), news...) {
		for _, t := range site.translations[a.Meta.TranslationKey] {
			if !oldSet[t] {
				touched[t] = true
			}
		}
	}
	var removedRedirects []string
	for _, p := range oldRedirects {
		if _, again := site.Redirects[p]; !again {
			removedRedirects = append(removedRedirects, p)
		}
	}
	// Backlinks of every article whose backlinks may have changed, from the
	// current out-links.
	for t := range candidates {
		if oldSet[t] {
			delete(candidates, t)
		}
	}
	for t := range touched {
		if oldSet[t] {
			delete(touched, t)
		}
	}
	backlinks := map[*Article][]*Article{}
	for _, a := range site.Articles {
		for _, t := range a.out {
			if candidates[t] {
				backlinks[t] = append(backlinks[t], a)
			}
		}
	}
	for t := range candidates {
		t.Backlinks = backlinks[t]
		sortByTitle(t.Backlinks)
	}
	checkReachable(&Site{Articles: news}, dl)

	// 4. Write what changed.
	var written []string
	out := write.Live(s.opts.OutDir)
	searchWrite, searchRemove := site.updateSearch(olds, news, bySource)
	for _, f := range searchWrite {
		if err := out.WriteFile(f.Path, f.Data); err != nil {
			return nil, nil, err
		}
		written = append(written, f.Path)
	}
	for _, p := range searchRemove {
		if err := out.Remove(p); err != nil {
			return nil, nil, err
		}
		written = append(written, p)
	}
	var pages atomic.Int64
	var jobs []func() error
	add := func(tmpl string, p *Page) {
		written = append(written, p.Path)
		jobs = append(jobs, pageJob(site.layout, out, tmpl, func() *Page { return p }, &pages, nil, &site.times))
	}
	for a := range touched {
		add("article", site.articlePage(a))
	}
	for p, a := range site.Redirects {
		for _, n := range news {
			if a == n {
				add("redirect", site.redirectPage(p, a))
			}
		}
	}
	live := map[string]bool{} // listing pages that exist after the change
	if listingsChanged {
		changedLangs := map[string]bool{}
		changedProducts, changedKeywords := map[string]bool{}, map[string]bool{}
		for _, a := range append(slices.Clone(olds), news...) {
			changedLangs[a.Meta.Lang] = true
			for _, p := range a.Meta.Products {
				changedProducts[site.langPath(a.Meta.Lang, ProductPath(p))] = true
			}
			for _, k := range a.Meta.Keywords {
				changedKeywords[site.langPath(a.Meta.Lang, KeywordPath(k))] = true
			}
		}
		for _, lang := range site.Languages {
			if !changedLangs[lang] {
				continue
			}
			add("home", site.homePage(lang))
			add("list", site.azPage(lang))
			slugs, byProduct := site.products(lang)
			for _, slug := range slugs {
				live[site.langPath(lang, ProductPath(slug))] = true
				if changedProducts[site.langPath(lang, ProductPath(slug))] {
					add("list", site.productPage(lang, slug, byProduct[slug]))
				}
			}
			paths, names, byKeyword := site.keywords(lang)
			for _, kp := range paths {
				live[kp] = true
				if changedKeywords[kp] {
					add("list", site.keywordPage(lang, kp, names[kp], byKeyword[kp]))
				}
			}
		}
	}
	if err := run(jobs); err != nil {
		return nil, nil, err
	}
	// Pages that no longer exist.
	for _, a := range site.Articles {
		live[a.Path] = true
	}
	for p := range site.Redirects {
		live[p] = true
	}
	var gone []string
	for _, a := range olds {
		gone = append(gone, a.Path)
		if listingsChanged {
			for _, p := range a.Meta.Products {
				gone = append(gone, site.langPath(a.Meta.Lang, ProductPath(p)))
			}
			for _, k := range a.Meta.Keywords {
				gone = append(gone, site.langPath(a.Meta.Lang, KeywordPath(k)))
			}
		}
	}
	gone = append(gone, removedRedirects...)
	for _, p := range gone {
		if !live[p] {
			if err := out.Remove(p); err != nil {
				return nil, nil, err
			}
			written = append(written, p)
		}
	}
	if listingsChanged {
		if err := site.writeWebFiles(out); err != nil {
			return nil, nil, err
		}
	}
	res.Pages = int(pages.Load())
	sort.Strings(written)
	return finish(slices.Compact(written))
}

// listingKey holds what listings, the home page, the sitemap and the feed
// show of an article; when it is unchanged they need not be rewritten.
func listingKey(a *Article) string {
	return strings.Join([]string{a.Meta.ID, a.Meta.Title, a.Meta.Summary, a.Meta.Updated.String(),
		strings.Join(a.Meta.Products, "\x00"), strings.Join(a.Meta.Keywords, "\x00")}, "\x01")
}
