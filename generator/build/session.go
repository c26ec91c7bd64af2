package build

import (
	"path/filepath"
	"slices"
	"time"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/kb"
	"kbsite/generator/write"
)

// Session keeps a built site in memory so that serve mode can rebuild only
// what a change touches: the changed articles, the articles whose
// backlinks or link texts change with them, and the listings they are in.
// The session's site is always the last good one: a change with errors is
// reported and not applied.
type Session struct {
	opts Options
	site *kb.Site
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
	if kind == content.File && s.site.Published(rel) {
		return nil, false // published as well: its copy must be refreshed
	}
	var arts []string
	if kind == content.Article {
		arts = append(arts, rel)
	}
	arts = append(arts, s.site.Including(rel)...)
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
	s.site = res.Site
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
	c := s.site.Parse(rels, dl)
	if c == nil {
		return finish(0, nil)
	}
	undo := s.site.Swap(c, dl)
	if s.opts.WarnLinks {
		dl.Demote(diag.KindLink)
	}
	if dl.HasErrors() {
		undo()
		return finish(0, nil)
	}
	if !s.site.Apply(c, dl) {
		return s.full()
	}
	pages, written, err := s.site.WriteChange(c, write.Live(s.opts.OutDir))
	if err == nil {
		err = s.site.BodiesErr()
	}
	if err != nil {
		return nil, nil, err
	}
	return finish(pages, written)
}
