// Package build turns a content folder into a site: it loads and renders
// every article, resolves and checks links, and writes all pages into a
// staging folder that replaces the output folder only if nothing failed.
//
// It is the driver: Build (a full build) and Session (serve mode's
// incremental rebuild) call the stages in order, sharing their steps:
// theme (load and parse the templates first), content (scan), load (read,
// render with markdown, complete front matter, unique IDs), resolve (links,
// aliases, backlinks, related, published files), search (index and similar
// articles), site (page models, navigation, redirect list) and write
// (staging folder, or the live folder in serve mode; page jobs).
// In: Options. Out: a Result with every diagnostic, and the site on disk.
package build

import (
	"sort"
	"strings"
	"time"

	"kbsite"
	"kbsite/generator/content"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/progress"
	"kbsite/generator/internal/stopwatch"
	"kbsite/generator/load"
	"kbsite/generator/markdown"
	"kbsite/generator/resolve"
	"kbsite/generator/search/export"
	"kbsite/generator/site"
	"kbsite/generator/site/nav"
	"kbsite/generator/site/paths"
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

// Result describes a finished (or failed) build.
type Result struct {
	Diagnostics []diag.Diagnostic
	Errors      int
	Warnings    int
	Articles    int
	Pages       int
	Elapsed     time.Duration
	// External lists the external links found, for `kbsite check --external`.
	External []resolve.ExternalLink
	// Site is the loaded site; nil when loading failed.
	Site *Site
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

// Site is the loaded, resolved content of one build.
type Site struct {
	Config   config.Site
	Articles []*Article // sorted by ID, then language
	// ByKey finds an article by content.Key(lang, ID).
	ByKey map[string]*Article
	// Catalog holds the UI strings; Languages are the languages that have
	// articles, the default first.
	Catalog   *theme.Catalog
	Languages []string
	// translations groups the articles of every language by translation key.
	translations map[string][]*Article
	Files        []string // content-relative files referenced by articles
	Index        *resolve.Index
	// Redirects maps old output paths (from aliases) to articles.
	Redirects map[string]*resolve.Target
	// redirected are the path aliases the DocFX redirect list gives the
	// article at each source path (see addRedirections).
	redirected map[string][]string
	// nav is each language's navigation tree; tocNav says it is toc.yml's,
	// written by hand, so that articles in it are not orphans.
	nav    map[string]*nav.Tree
	tocNav bool
	// featured are the translation keys of site.yaml's featured articles.
	featured []string

	otherFiles []string // content files that are not articles
	contentDir string
	files      *resolve.Files // which linked files may be published
	loader     *load.Loader
	layout     *theme.Theme
	// keepIndex keeps the analysed search corpus for serve mode's
	// incremental updates; plain builds let it go.
	keepIndex bool
	corpus    *export.Writer
	times     stopwatch.Times
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
	cfg := config.Load(opts.ContentDir, dl)
	if opts.BaseURL != "" {
		cfg.BaseURL = config.NormalizeBaseURL(opts.BaseURL)
	}
	if opts.LinkRoot != "" {
		cfg.LinkRoot = config.NormalizeBaseURL(opts.LinkRoot)
	}
	site := loadArticles(opts, cfg, th, dl)
	site.keepIndex = opts.keepIndex
	w.Stage2("load", "parse", &site.times.Read, &site.times.Parse)
	opts.Progress.Stage("links", 0)
	crossLink(site, dl)
	w.Stage("links")
	res.Site = site
	res.Articles = len(site.Articles)
	res.External = site.Index.External(linkIns(site.Articles))
	if opts.WarnLinks {
		dl.Demote(diag.KindLink)
	}
	if dl.HasErrors() || opts.CheckOnly {
		return finish()
	}
	pages, err := publish(site, opts, w)
	if err != nil {
		return nil, err
	}
	res.Pages = pages
	return finish()
}

// publish indexes the site for search and writes the index and every page
// into a staging folder, which it swaps in for the output folder.
func publish(site *Site, opts Options, w *stopwatch.Watch) (int, error) {
	opts.Progress.Stage("search index", 0)
	corpus := site.indexSearch()
	w.Stage("search")
	out, err := write.Begin(opts.OutDir)
	if err != nil {
		return 0, err
	}
	opts.Progress.Stage("write search files", 0)
	if err := corpus.Export(func(f export.File) error { return out.WriteFile(f.Path, f.Data) }); err != nil {
		out.Abort()
		return 0, err
	}
	corpus = nil // the index holds every section's text: let it go before the pages
	w.Stage("search files")
	pages, err := writeSite(site, site.layout, out, opts.Progress)
	if err != nil {
		out.Abort()
		return 0, err
	}
	w.Stage2("render", "write", &site.times.Render, &site.times.Write)
	if err := out.Commit(); err != nil {
		return 0, err
	}
	w.Stage("commit")
	return pages, nil
}

// loadArticles reads, parses and renders every article and checks IDs.
func loadArticles(opts Options, cfg config.Site, th *theme.Theme, dl *diag.List) *Site {
	site := &Site{Config: cfg, contentDir: opts.ContentDir, ByKey: map[string]*Article{}, Index: resolve.NewIndex(cfg.Language, markdown.ReservedIDs...), Redirects: map[string]*resolve.Target{}}
	site.files = site.newFiles()
	site.Index.SetLinkRoot(cfg.LinkRoot)
	cat := th.Catalog()
	site.Catalog, site.layout = cat, th
	site.loader = site.newLoader(opts.Drafts)
	mdFiles, otherFiles := content.Scan(opts.ContentDir, dl)
	site.otherFiles = otherFiles
	opts.Progress.Stage("parse articles", len(mdFiles))
	for _, rel := range mdFiles {
		site.renderer(site.loader.Lang("", rel))
	}
	for _, l := range cat.Languages() {
		site.renderer(l)
	}
	loaded := site.loader.Load(mdFiles, nil, dl, opts.Progress)
	for _, a := range site.loader.UniqueIDs(loaded, func(string) *load.Article { return nil }, dl) {
		site.Articles = append(site.Articles, newArticle(a))
	}
	for _, a := range site.Articles {
		site.ByKey[content.Key(a.Meta.Lang, a.Meta.ID)] = a
	}
	site.addRedirections(dl)
	sortArticles(site.Articles)
	return site
}

// addRedirections gives the articles the path aliases of the content
// folder's DocFX redirect list (site.Redirections). The aliases are kept by
// article source, so serve's rebuild of an article keeps them.
func (s *Site) addRedirections(dl *diag.List) {
	pages := map[string]string{}
	for _, a := range s.Articles {
		if a.Meta.Lang == s.Config.Language {
			pages[strings.TrimSuffix(a.Path, ".html")] = a.Source
		}
	}
	s.redirected = site.Redirections(s.contentDir, pages, dl)
	for _, a := range s.Articles {
		a.Meta.Aliases = append(a.Meta.Aliases, s.redirected[a.Source]...)
	}
}

// sortArticles orders articles by ID, then language.
func sortArticles(as []*Article) {
	sort.Slice(as, func(i, j int) bool {
		if as[i].Meta.ID != as[j].Meta.ID {
			return as[i].Meta.ID < as[j].Meta.ID
		}
		return as[i].Meta.Lang < as[j].Meta.Lang
	})
}

// renderer returns the Markdown renderer for a language, with that
// language's labels for callouts and "Back to the top".
func (site *Site) renderer(lang string) *markdown.Renderer {
	if r, ok := site.loader.Renderers[lang]; ok {
		return r
	}
	labels := markdown.LabelsIn(func(key string) string { return site.Catalog.T(lang, key) })
	r := markdown.New(markdown.Options{RawHTML: site.Config.RawHTML, Typographer: site.Config.Typographer, SupportURL: site.Config.SupportURL}, labels)
	site.loader.Renderers[lang] = r
	return r
}

// finishLanguages records the languages that have articles (the default
// first) and groups translations (site.Languages).
func (s *Site) finishLanguages() {
	langs, groups := site.Languages(s.Config.Language, entries(s.Articles))
	s.Languages = langs
	s.translations = make(map[string][]*Article, len(groups))
	for k, is := range groups {
		for _, i := range is {
			s.translations[k] = append(s.translations[k], s.Articles[i])
		}
	}
}

// foreign tells whether the content folder is foreign content (no
// site.yaml, or derive_ids set): IDs come from paths, and unknown front
// matter keys are summed up rather than warned one by one.
func (s *Site) foreign() bool { return s.Config.DeriveIDs != nil && *s.Config.DeriveIDs }

// articlePath is where an article's page goes (paths.Paths.Place).
func (s *Site) articlePath(a *load.Article, derivedID bool) string {
	return s.paths().Place(a.Meta.Lang, a.Meta.ID, a.Source, derivedID, s.articleID)
}

// crossLink resolves every link, alias and related article, and runs the
// checks that need the whole site.
func crossLink(site *Site, dl *diag.List) {
	site.finishLanguages()
	for _, a := range site.Articles {
		site.Index.Add(a.target)
	}
	for _, f := range site.otherFiles {
		site.Index.AddFile(f)
	}
	site.addAliases(site.Articles, dl)
	site.Index.Seal()
	resolveLinks(site, dl)
	resolveRelated(site, dl)
	site.nameProducts()
	site.featured = site.featuredKeys(dl)
	resolve.CheckProducts(linkIns(site.Articles), linkIns(site.Articles), site.Config.Products, dl)
	site.nav = site.buildNav(dl)
	site.checkReachable(site.Articles, dl)
}

// newArticle makes the build's article of a loaded one, with its link
// target.
func newArticle(l *load.Article) *Article {
	a := &Article{Article: l}
	a.target = &resolve.Target{ID: l.Meta.ID, Lang: l.Meta.Lang, Title: l.Meta.Title, Source: l.Source, Path: l.Path, Anchors: l.AnchorIDs(), Ref: a}
	return a
}

// newLoader is the load stage's view of this site: its languages,
// renderers (made by renderer) and page paths.
func (s *Site) newLoader(drafts bool) *load.Loader {
	return &load.Loader{ContentDir: s.contentDir, Language: s.Config.Language, Foreign: s.foreign(), Drafts: drafts,
		HasStrings: s.Catalog.Has, Renderers: map[string]*markdown.Renderer{}, Place: s.articlePath, Times: &s.times}
}

// addAliases registers the aliases of arts and checks that no redirect
// takes the page of one of them.
func (s *Site) addAliases(arts []*Article, dl *diag.List) {
	as := s.aliases()
	for _, a := range arts {
		as.Add(a.linkIn(), dl)
	}
	as.CheckPaths(linkIns(arts), func(t *resolve.Target) resolve.Article { return article(t).linkIn() }, dl)
}

// aliases registers aliases and their redirect pages in this site
// (resolve.Aliases holds the rules).
func (s *Site) aliases() resolve.Aliases {
	return resolve.Aliases{Index: s.Index, Redirects: s.Redirects,
		IDPage: func(lang, id string) string { return s.paths().Lang(lang, paths.ArticlePath(id)) },
		Clash:  func(p string) string { return s.paths().Clash(p, s.articleID) }}
}

// checkReachable warns about orphan articles and duplicate titles among
// arts (resolve.CheckReachable). An article in toc.yml's tree, written by
// hand, is reachable; a product tree does not count, or it would hide
// every orphan. Foreign content without a toc.yml is navigated by its
// folders, which reach every page, so none of it is an orphan.
func (s *Site) checkReachable(arts []*Article, dl *diag.List) {
	byFolders := s.foreign() && !s.tocNav
	resolve.CheckReachable(linkIns(arts), func(t *resolve.Target) bool {
		return byFolders || len(article(t).Backlinks) > 0 || (s.tocNav && s.nav[t.Lang].Has(t.Path))
	}, dl)
}
