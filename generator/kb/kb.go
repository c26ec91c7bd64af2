// Package kb holds the knowledge base of one build: the loaded,
// cross-linked articles (Site, Article) and the steps that make and keep
// it, which the build driver calls in order. Load reads and renders the
// articles (package load) and checks their IDs; Link resolves links,
// aliases, backlinks and related articles (package resolve), the products,
// the featured articles and the navigation trees; IndexSearch indexes it
// for search (package search) and Write renders every page (packages site
// and write). Serve mode applies a change to it in place: Parse, Swap (or
// undo), Apply and WriteChange.
//
// A Site owns its articles: the steps fill in what each stage found
// (backlinks, related and similar articles, resolved links) and only
// they change it.
package kb

import (
	"cmp"
	"slices"
	"strings"

	"kbsite/generator/content"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/packed"
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
)

// Site is the loaded, resolved content of one build.
type Site struct {
	// Articles are sorted by ID, then language.
	Articles []*Article

	config config.Site
	// byKey finds an article by content.Key(lang, ID), bySource by file.
	byKey, bySource map[string]*Article
	// catalog holds the UI strings; languages are the languages that have
	// articles, the default first.
	catalog   *theme.Catalog
	languages []string
	// translations groups the articles of every language by translation key.
	translations map[string][]*Article
	published    []string // content-relative files the articles link to: published
	index        *resolve.Index
	// redirects maps old output paths (from aliases) to articles.
	redirects map[string]*resolve.Target
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
	// corpus is the analysed search corpus serve mode keeps for its
	// incremental updates (IndexSearch); plain builds let it go.
	corpus *export.Writer
	serve  *serveIndex // serve mode's reverse indexes, made with corpus
	times  *stopwatch.Times
}

// Article is one article as the build sees it: what the load stage made of
// its file, and what the later stages found.
type Article struct {
	*load.Article

	backlinks []*Article
	related   []*Article // the explicit related articles, in order
	// similar are the most similar articles by content, computed with the
	// search index; pages show them after the related ones.
	similar []*Article
	target  *resolve.Target // this article as a link target
	linked  resolve.Links   // what the link stage made of its links
}

// each is f of every article of arts: what one stage reads of them.
func each[T any](arts []*Article, f func(*Article) T) []T {
	out := make([]T, len(arts))
	for i, a := range arts {
		out[i] = f(a)
	}
	return out
}

// Input is what Load needs: the content folder and its configuration, the
// theme (for the UI strings and the pages), and where to report progress
// and record the stages' worker time.
type Input struct {
	ContentDir string
	Config     config.Site
	Theme      *theme.Theme
	Drafts     bool // include articles marked draft
	Progress   *progress.Reporter
	Times      *stopwatch.Times
}

// Load reads, parses and renders every article and checks IDs.
func Load(in Input, dl *diag.List) *Site {
	cfg := in.Config
	s := &Site{config: cfg, contentDir: in.ContentDir, byKey: map[string]*Article{}, bySource: map[string]*Article{},
		index: resolve.NewIndex(cfg.Language, markdown.ReservedIDs...), redirects: map[string]*resolve.Target{},
		catalog: in.Theme.Catalog(), layout: in.Theme, times: in.Times}
	s.files = s.newFiles()
	s.index.SetLinkRoot(cfg.LinkRoot)
	mdFiles, otherFiles := content.Scan(in.ContentDir, dl)
	s.loader = s.newLoader(in.Drafts, len(mdFiles))
	s.otherFiles = otherFiles
	in.Progress.Stage("parse articles", len(mdFiles))
	for _, rel := range mdFiles {
		s.renderer(s.loader.Lang("", rel))
	}
	for _, l := range s.catalog.Languages() {
		s.renderer(l)
	}
	loaded := s.loader.Load(mdFiles, nil, dl, in.Progress)
	for _, a := range s.loader.UniqueIDs(loaded, func(string) *load.Article { return nil }, dl) {
		s.Articles = append(s.Articles, newArticle(a))
	}
	for _, a := range s.Articles {
		s.byKey[content.Key(a.Meta.Lang, a.Meta.ID)] = a
		s.bySource[a.Source] = a
	}
	s.addRedirections(dl)
	sortArticles(s.Articles)
	return s
}

// addRedirections gives the articles the path aliases of the content
// folder's DocFX redirect list (site.Redirections). The aliases are kept by
// article source, so serve's rebuild of an article keeps them.
func (s *Site) addRedirections(dl *diag.List) {
	pages := map[string]string{}
	for _, a := range s.Articles {
		if a.Meta.Lang == s.config.Language {
			pages[strings.TrimSuffix(a.Path, ".html")] = a.Source
		}
	}
	s.redirected = site.Redirections(s.contentDir, pages, dl)
	for _, a := range s.Articles {
		a.Meta.Aliases = append(a.Meta.Aliases, s.redirected[a.Source]...)
	}
}

// sortArticles orders articles by ID, then language.
func sortArticles(as []*Article) { slices.SortFunc(as, compareArticles) }

// compareArticles is the site's order: by ID, then language.
func compareArticles(a, b *Article) int {
	return cmp.Or(strings.Compare(a.Meta.ID, b.Meta.ID), strings.Compare(a.Meta.Lang, b.Meta.Lang))
}

// renderer returns the Markdown renderer for a language, with that
// language's labels for callouts and "Back to the top".
func (s *Site) renderer(lang string) *markdown.Renderer {
	if r, ok := s.loader.Renderers[lang]; ok {
		return r
	}
	labels := markdown.LabelsIn(func(key string) string { return s.catalog.T(lang, key) })
	r := markdown.New(markdown.Options{RawHTML: s.config.RawHTML, Typographer: s.config.Typographer, SupportURL: s.config.SupportURL}, labels)
	s.loader.Renderers[lang] = r
	return r
}

// finishLanguages records the languages that have articles (the default
// first) and groups translations (site.Languages).
func (s *Site) finishLanguages() {
	langs, groups := site.Languages(s.config.Language, entries(s.Articles))
	s.languages = langs
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
func (s *Site) foreign() bool { return s.config.DeriveIDs != nil && *s.config.DeriveIDs }

// articlePath is where an article's page goes (paths.Paths.Place).
func (s *Site) articlePath(a *load.Article, derivedID bool) string {
	return s.paths().Place(a.Meta.Lang, a.Meta.ID, a.Source, derivedID, s.articleID)
}

// Link resolves every link, alias and related article, and runs the
// checks that need the whole site.
func (s *Site) Link(dl *diag.List) {
	s.finishLanguages()
	for _, a := range s.Articles {
		s.index.Add(a.target)
	}
	for _, f := range s.otherFiles {
		s.index.AddFile(f)
	}
	s.addAliases(s.Articles, dl)
	s.index.Seal()
	s.resolveLinks(dl)
	s.resolveRelated(dl)
	s.nameProducts()
	s.featured = s.featuredKeys(dl)
	resolve.CheckProducts(linkIns(s.Articles), linkIns(s.Articles), s.config.Products, dl)
	s.nav = s.buildNav(dl)
	s.checkReachable(s.Articles, dl)
}

// DropLinkSources lets go of what only loading and linking read, for a
// one-off build that does both once: the front matter's value positions,
// the body's Markdown links (their resolved fills stay), the anchors links
// may name and the included files. At 100,000 articles they are some
// 100 MB of small objects that the collector would otherwise mark in
// every cycle of the search and render stages. Serve mode, which links
// again, keeps them.
func (s *Site) DropLinkSources() {
	for _, a := range s.Articles {
		a.Meta.Pos, a.Links, a.Anchors, a.Includes = nil, nil, nil, nil
		a.target.Anchors = nil
	}
}

// BodiesErr reports an article body or section text that could not be
// read back from the temporary file it waited in (packed.Store): the
// pages and search records written from it are incomplete.
func (s *Site) BodiesErr() error { return s.loader.Bodies.Err() }

// Published tells whether the build publishes the content file rel (a
// page links to it).
func (s *Site) Published(rel string) bool { return slices.Contains(s.published, rel) }

// External lists the external links the articles make, for
// `kbsite check --external`.
func (s *Site) External() []resolve.ExternalLink { return s.index.External(linkIns(s.Articles)) }

// newArticle makes the site's article of a loaded one, with its link
// target.
func newArticle(l *load.Article) *Article {
	a := &Article{Article: l}
	a.target = &resolve.Target{ID: l.Meta.ID, Lang: l.Meta.Lang, Title: l.Meta.Title, Source: l.Source, Path: l.Path, Anchors: l.AnchorIDs(), Ref: a}
	return a
}

// newLoader is the load stage's view of this site: its languages,
// renderers (made by renderer) and page paths.
func (s *Site) newLoader(drafts bool, articles int) *load.Loader {
	bodies := packed.NewStore(bodyBudget)
	if articles <= unpackedUpTo {
		bodies = packed.Unpacked()
	}
	return &load.Loader{ContentDir: s.contentDir, Language: s.config.Language, Foreign: s.foreign(), Drafts: drafts,
		HasStrings: s.catalog.Has, Renderers: map[string]*markdown.Renderer{}, Place: s.articlePath, Times: s.times,
		Bodies: bodies}
}

// unpackedUpTo is the largest site, in Markdown files, whose bodies are
// kept as they are (packed.Unpacked): 10,000 articles hold 32 MB more
// that way, and a site of 100,000 must pack to stay in its memory target.
var unpackedUpTo = 20000 // a variable for the tests

// bodyBudget is how many bytes of packed article bodies a site keeps in
// memory; the rest wait in a temporary file (packed.Store). 10,000
// articles take 28 MB and stay in memory; at 100,000 the file takes
// three quarters of 283 MB.
var bodyBudget int64 = 64 << 20 // a variable for the tests

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
	return resolve.Aliases{Index: s.index, Redirects: s.redirects,
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
		return byFolders || len(article(t).backlinks) > 0 || (s.tocNav && s.nav[t.Lang].Has(t.Path))
	}, dl)
}
