package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"kbsite/generator/diag"
)

// Session keeps a built site in memory so that serve mode can rebuild only
// what a change touches: the changed articles, the articles whose
// backlinks or link texts change with them, and the listings they are in.
// The session's site is always the last good one: a change with errors is
// reported and not applied.
type Session struct {
	opts Options
	site *Site
}

// NewSession runs a full build and keeps its state.
func NewSession(opts Options) (*Session, *Result, error) {
	res, err := Build(opts)
	if err != nil || res.Failed() {
		return nil, res, err
	}
	return &Session{opts: opts, site: res.Site}, res, nil
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
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if !strings.EqualFold(filepath.Ext(rel), ".md") && !strings.EqualFold(filepath.Ext(rel), ".markdown") {
		return "", false
	}
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") || strings.HasPrefix(part, "_") {
			return "", false
		}
	}
	return rel, true
}

func (s *Session) full() (*Result, []string, error) {
	res, err := Build(s.opts)
	if err != nil || res.Failed() {
		return res, nil, err
	}
	s.site = res.Site
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

	bySource := map[string]*Article{}
	for _, a := range site.Articles {
		bySource[a.Source] = a
	}
	// 1. Parse the new versions; nothing is changed yet.
	var olds, news []*Article
	for _, rel := range rels {
		if old := bySource[rel]; old != nil {
			olds = append(olds, old)
		}
		file := filepath.Join(s.opts.ContentDir, filepath.FromSlash(rel))
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		a := parseOne(s.opts.ContentDir, rel, site.renderer, dl)
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
	taken := map[string]*Article{}
	for _, a := range site.Articles {
		if !oldSet[a] {
			taken[strings.ToUpper(a.Meta.ID)] = a
		}
	}
	for _, a := range news {
		if first := taken[strings.ToUpper(a.Meta.ID)]; first != nil {
			p := a.Meta.Pos["id"]
			dl.Errorf(a.File, p.Line, p.Col, "duplicate id %q: %s already uses it", a.Meta.ID, first.File)
		}
		taken[strings.ToUpper(a.Meta.ID)] = a
	}
	if dl.HasErrors() {
		return finish(nil)
	}

	// 2. Swap the targets in the link index and try every affected link.
	// Articles that linked to an old version must still resolve.
	for _, a := range olds {
		site.Index.Remove(a.target)
	}
	redirects := map[string]*Article{}
	for p, a := range site.Redirects {
		if !oldSet[a] {
			redirects[p] = a
		}
	}
	trial := &Site{Config: site.Config, Index: site.Index, Redirects: redirects, ByID: map[string]*Article{}}
	for id, a := range site.ByID {
		if !oldSet[a] {
			trial.ByID[id] = a
		}
	}
	for _, a := range news {
		site.Index.Put(a.target)
		trial.ByID[a.Meta.ID] = a
	}
	for _, a := range news {
		trial.addAliases(a, dl)
	}
	trial.Articles = append(trial.Articles, news...)
	trial.checkAliasPaths(dl)
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
		resolved[a] = trial.resolveArticle(a, dl)
	}
	for b := range sources {
		resolved[b] = trial.resolveArticle(b, dl)
	}
	related := map[*Article][]*Article{}
	for _, a := range news {
		related[a] = trial.relatedOf(a, dl)
	}
	for b := range relatedBy {
		related[b] = trial.relatedOf(b, dl)
	}
	if s.opts.WarnLinks {
		dl.Demote(diag.KindLink)
	}
	if dl.HasErrors() {
		// Put the index back as it was.
		for _, a := range news {
			site.Index.Remove(a.target)
		}
		for _, a := range olds {
			site.Index.Put(a.target)
			for _, al := range a.Meta.Aliases {
				if !isPathAlias(al) {
					site.Index.AddAlias(al, a.target)
				}
			}
		}
		return finish(nil)
	}

	// 3. Apply: from here on the change is accepted.
	touched := map[*Article]bool{} // article pages to rewrite
	for _, a := range olds {
		for _, t := range a.out {
			touched[t] = true
		}
	}
	for a, r := range resolved {
		r.apply(a)
		touched[a] = true
		for _, t := range r.out {
			touched[t] = true
		}
	}
	for a, r := range related {
		a.Related = r
		touched[a] = true
	}
	var arts []*Article
	for _, a := range site.Articles {
		if !oldSet[a] {
			arts = append(arts, a)
		}
	}
	arts = append(arts, news...)
	sort.Slice(arts, func(i, j int) bool { return arts[i].Meta.ID < arts[j].Meta.ID })
	site.Articles = arts
	site.ByID = trial.ByID
	removedRedirects := []string{}
	for p, a := range site.Redirects {
		if oldSet[a] {
			if _, again := redirects[p]; !again {
				removedRedirects = append(removedRedirects, p)
			}
		}
	}
	site.Redirects = redirects
	// Backlinks of every touched target, from the current out-links.
	for t := range touched {
		if oldSet[t] {
			delete(touched, t)
		}
	}
	backlinks := map[*Article][]*Article{}
	for _, a := range site.Articles {
		for _, t := range a.out {
			if touched[t] {
				backlinks[t] = append(backlinks[t], a)
			}
		}
	}
	for t := range touched {
		t.Backlinks = backlinks[t]
		sortByTitle(t.Backlinks)
	}
	checkReachable(&Site{Articles: news}, dl)

	// 4. Write what changed.
	var written []string
	out := liveDir(s.opts.OutDir)
	var pages atomic.Int64
	var jobs []func() error
	add := func(tmpl string, p *Page) {
		written = append(written, p.Path)
		jobs = append(jobs, pageJob(site.layout, out, tmpl, p, &pages, nil))
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
	add("home", site.homePage())
	add("list", site.azPage())
	changedProducts, changedKeywords := map[string]bool{}, map[string]bool{}
	for _, a := range append(slices.Clone(olds), news...) {
		for _, p := range a.Meta.Products {
			changedProducts[p] = true
		}
		for _, k := range a.Meta.Keywords {
			changedKeywords[KeywordPath(k)] = true
		}
	}
	slugs, byProduct := site.products()
	for _, slug := range slugs {
		if changedProducts[slug] {
			add("list", site.productPage(slug, byProduct[slug]))
		}
	}
	paths, names, byKeyword := site.keywords()
	for _, kp := range paths {
		if changedKeywords[kp] {
			add("list", site.keywordPage(kp, names[kp], byKeyword[kp]))
		}
	}
	if err := run(jobs); err != nil {
		return nil, nil, err
	}
	// Pages that no longer exist.
	live := map[string]bool{}
	for _, a := range site.Articles {
		live[a.Path] = true
	}
	for p := range site.Redirects {
		live[p] = true
	}
	for _, slug := range slugs {
		live[ProductPath(slug)] = true
	}
	for _, kp := range paths {
		live[kp] = true
	}
	var gone []string
	for _, a := range olds {
		gone = append(gone, a.Path)
		for _, p := range a.Meta.Products {
			gone = append(gone, ProductPath(p))
		}
		for _, k := range a.Meta.Keywords {
			gone = append(gone, KeywordPath(k))
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
	if err := site.writeWebFiles(out); err != nil {
		return nil, nil, err
	}
	res.Pages = int(pages.Load())
	sort.Strings(written)
	return finish(slices.Compact(written))
}

// liveDir writes into the served output folder. Each file is written
// beside its final name and renamed over it, so a reader never sees half
// a page.
type liveDir string

func (d liveDir) path(rel string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(rel))
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("output path %q leaves the output folder", rel)
	}
	return filepath.Join(string(d), clean), nil
}

func (d liveDir) WriteFile(rel string, data []byte) error {
	p, err := d.path(rel)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp := p + ".kbsite-tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

func (d liveDir) Remove(rel string) error {
	p, err := d.path(rel)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
