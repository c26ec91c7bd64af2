// Package build turns a content folder into a site: it loads and renders
// every article, resolves and checks links, and writes all pages into a
// staging folder that replaces the output folder only if nothing failed.
//
// It is the driver: Build (a full build) and Session (serve mode's
// incremental rebuild) call the stages in order: theme (open and parse
// the templates first), site.yaml (config), then the knowledge base's
// steps (package kb: load, link, index for search, write the pages) into
// the staging folder (package write), or, in serve mode, kb's change steps
// (parse, swap or undo, apply, write) into the live folder.
// In: Options. Out: a Result with every diagnostic, and the site on disk.
package build

import (
	"time"

	"kbsite"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/progress"
	"kbsite/generator/internal/stopwatch"
	"kbsite/generator/kb"
	"kbsite/generator/resolve"
	"kbsite/generator/search/export"
	"kbsite/generator/theme"
	"kbsite/generator/write"
)

// Options control one build.
type Options struct {
	ContentDir   string
	TemplatesDir string // laid over the built-in theme file by file; "" for none
	OutDir       string
	BaseURL      string // overrides site.yaml when set
	LinkRoot     string // overrides site.yaml's link_root when set
	Drafts       bool   // include articles marked draft
	WarnLinks    bool   // report broken links as warnings
	// CheckOnly runs every check without writing anything.
	CheckOnly bool
	// Progress, when set, is told about stages and counts.
	Progress *progress.Reporter

	keepIndex bool // set by NewSession
}

// config reads site.yaml, with the base URL and link root the options
// override.
func (opts Options) config(dl *diag.List) config.Site {
	cfg := config.Load(opts.ContentDir, dl)
	if opts.BaseURL != "" {
		cfg.BaseURL = config.NormalizeBaseURL(opts.BaseURL)
	}
	if opts.LinkRoot != "" {
		cfg.LinkRoot = config.NormalizeBaseURL(opts.LinkRoot)
	}
	return cfg
}

// Result describes a finished (or failed) build.
type Result struct {
	Diagnostics []diag.Diagnostic
	Errors      int
	Warnings    int
	Articles    int
	Pages       int
	Elapsed     time.Duration
	// External lists the external links found, for `kbsite check
	// --external`: only a CheckOnly build lists them.
	External []resolve.ExternalLink
	// Site is the loaded site; nil when loading failed.
	Site *kb.Site
	// Stages is where the time went: templates, load, links, write.
	Stages []stopwatch.Stage
}

// Failed reports whether the build had errors (and so wrote nothing).
func (r *Result) Failed() bool { return r.Errors > 0 }

// report records dl's diagnostics, broken links as warnings with
// warnLinks, and the time since start.
func (r *Result) report(dl *diag.List, warnLinks bool, start time.Time) {
	if warnLinks {
		dl.Demote(diag.KindLink)
	}
	r.Diagnostics = dl.Sorted()
	r.Errors, r.Warnings = dl.Count()
	r.Elapsed = time.Since(start)
}

// Build runs a whole build. The error is for failures outside the content
// (an unreadable templates folder, a locked output folder, a full disk, an
// output folder that is not kbsite's to replace: write.ErrUnsafe);
// content problems are in the Result.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	var sweep *write.Sweeper
	if !opts.CheckOnly {
		if err := write.Check(opts.OutDir, opts.ContentDir, opts.TemplatesDir); err != nil {
			return nil, err
		}
		if !opts.keepIndex { // serve mode sweeps after its builds instead
			// The site earlier builds replaced goes while this one is built.
			sweep = write.Sweep(opts.OutDir)
			defer sweep.Wait()
		}
	}
	dl := &diag.List{}
	res := &Result{}
	w := stopwatch.New(start)
	finish := func() (*Result, error) {
		if sweep != nil {
			sweep.Wait()
			w.Stage("old site")
		}
		res.report(dl, opts.WarnLinks, start)
		res.Stages = w.Stages
		return res, nil
	}
	th := theme.Open(opts.TemplatesDir, kbsite.Theme, dl)
	if th == nil {
		return finish()
	}
	w.Stage("templates")
	times := &stopwatch.Times{}
	site := kb.Load(kb.Input{ContentDir: opts.ContentDir, Config: opts.config(dl), Theme: th, Drafts: opts.Drafts, Progress: opts.Progress, Times: times}, dl)
	w.Stage2("load", "parse", &times.Read, &times.Parse)
	opts.Progress.Stage("links", 0)
	site.Link(dl)
	w.Stage("links")
	res.Site = site
	res.Articles = len(site.Articles)
	if opts.CheckOnly {
		res.External = site.External()
	}
	if opts.WarnLinks {
		dl.Demote(diag.KindLink)
	}
	if dl.HasErrors() || opts.CheckOnly {
		return finish()
	}
	if !opts.keepIndex {
		site.DropLinkSources()
	}
	pages, err := publish(site, opts, w, times)
	if err != nil {
		return nil, err
	}
	res.Pages = pages
	return finish()
}

// publish indexes the site for search and writes the index and every page
// into a staging folder, which it swaps in for the output folder.
func publish(site *kb.Site, opts Options, w *stopwatch.Watch, times *stopwatch.Times) (int, error) {
	out, err := write.Begin(opts.OutDir)
	if err != nil {
		return 0, err
	}
	writeFile := func(f export.File) error { return out.WriteFile(f.Path, f.Data) }
	opts.Progress.Stage("search index", 0)
	corpus := site.IndexSearch(opts.keepIndex, writeFile)
	w.Stage("search")
	opts.Progress.Stage("write search files", 0)
	if err := corpus.Export(writeFile); err != nil { // also the error of a record IndexSearch wrote
		out.Abort()
		return 0, err
	}
	corpus = nil // the index is large: let it go before the pages
	w.Stage("search files")
	pages, err := site.Write(out, opts.Progress)
	if err != nil {
		out.Abort()
		return 0, err
	}
	w.Stage2("render", "write", &times.Render, &times.Write)
	if err := site.BodiesErr(); err != nil {
		out.Abort()
		return 0, err
	}
	if err := out.Commit(); err != nil {
		return 0, err
	}
	w.Stage("commit")
	return pages, nil
}
