// Package load is the article stage between the content folder and the
// cross-link stage: it reads article files (content), renders their
// Markdown (markdown), completes their front matter from defaults and
// checks that IDs are unique. The full build and serve mode's rebuild of
// changed files both load through a Loader.
//
// In: content-relative article paths, a renderer per language and the rule
// that places pages. Out: one Article per published file, with its page
// path, rendered body (packed) and what link checks and pages use of it;
// problems go to a diag.List.
package load

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/packed"
	"kbsite/generator/internal/progress"
	"kbsite/generator/internal/stopwatch"
	"kbsite/generator/internal/workers"
	"kbsite/generator/markdown"
)

// Article is one loaded article.
type Article struct {
	Meta   content.Meta
	Source string // path relative to the content folder, with "/"
	File   string // path for diagnostics, e.g. content/x.md
	Path   string // output path relative to the site root
	// Links, Steps and the headings are what pages and link checks use of
	// the rendered body; its HTML waits packed in Body, and the texts of
	// the steps (only the article's own page shows them, as HowTo data)
	// in Steps.
	headings headingList
	Links    []markdown.Link
	Steps    packed.Texts
	Anchors  []string // the raw HTML anchors (<a id>) links may name too
	Body     packed.HTML
	// Includes are the content-relative paths of the files the body
	// includes ([!INCLUDE], :::code), found or not: serve mode re-renders
	// the article when one changes.
	Includes []string
	// sections are the body's sections, for the search index only, and
	// texts their texts, packed (sections have none): TakeSections hands
	// them over so that they are not kept after it.
	sections []markdown.Section
	texts    packed.Texts
	firstH1  string // a leading h1's text, the title of foreign content
}

// TakeSections returns the article's sections, without their texts, and
// the texts, packed, and forgets them.
func (a *Article) TakeSections() ([]markdown.Section, packed.Texts) {
	s, t := a.sections, a.texts
	a.sections, a.texts = nil, packed.Texts{}
	return s, t
}

// packSections moves the texts of ss into one packed value in s.
func packSections(s *packed.Store, ss []markdown.Section) packed.Texts {
	texts := make([]string, len(ss))
	for i := range ss {
		texts[i], ss[i].Text = ss[i].Text, ""
	}
	return s.PackTexts(texts)
}

// Headings are the body's headings, in order.
func (a *Article) Headings() []markdown.Heading { return a.headings.all() }

// AnchorIDs are the article's heading IDs and raw HTML anchors, sorted:
// links may name them.
func (a *Article) AnchorIDs() []string {
	hs := a.Headings()
	ids := make([]string, len(hs), len(hs)+len(a.Anchors))
	for i, h := range hs {
		ids[i] = h.ID
	}
	ids = append(ids, a.Anchors...)
	slices.Sort(ids)
	return ids
}

// Loader loads the articles of one content folder.
type Loader struct {
	ContentDir string
	Language   string // the site's default language
	// Foreign content (no site.yaml, or derive_ids) derives IDs and titles
	// from paths, and sums up unknown front matter keys rather than warning
	// at each.
	Foreign bool
	Drafts  bool // load articles marked draft
	// HasStrings tells whether the theme has UI strings for a language,
	// so that a first folder named after it ("de/x.md") sets the language.
	HasStrings func(lang string) bool
	// Renderers render each language's articles; the default language's
	// renders the others. They are only read, by many workers at once.
	Renderers map[string]*markdown.Renderer
	// Place is the page path of an admitted article whose ID was derived
	// from its path or not.
	Place func(a *Article, derivedID bool) string
	Times *stopwatch.Times // read and parse time
	// Bodies keeps the rendered bodies until they are written, and the
	// section texts until they are indexed; nil: in memory.
	Bodies *packed.Store
}

// Load reads, renders and admits the articles at rels in parallel, in the
// order of rels, leaving out those that fail or are not published.
// redirected are the path aliases the DocFX redirect list gives the
// article at each source path.
func (l *Loader) Load(rels []string, redirected map[string][]string, dl *diag.List, pr *progress.Reporter) []*Article {
	parsed := make([]*Article, len(rels))
	var unknown *content.UnknownKeys // counted for foreign content, else warned at each key
	if l.Foreign {
		unknown = &content.UnknownKeys{}
		defer unknown.Report(dl, l.ContentDir)
	}
	dir := content.OpenFolder(l.ContentDir)
	defer dir.Close()
	ahead := startPrefetch(dir, rels)
	defer ahead.close()
	jobs := make([]func() error, len(rels))
	for i, rel := range rels {
		jobs[i] = func() error {
			parsed[i] = l.parseOne(dir, rel, func() ([]byte, error) { return ahead.file(i) }, unknown, dl)
			pr.Add(1)
			return nil
		}
	}
	_ = workers.Run(jobs) // the jobs report problems to dl, not as errors
	var out []*Article
	for _, a := range parsed {
		if a != nil && l.admit(a, redirected[a.Source], dl) {
			out = append(out, a)
		}
	}
	return out
}

// Lang is an article's language: its lang field, else the first folder
// of its path when that names a language with UI strings ("de/x.md"), else
// the site's default language.
func (l *Loader) Lang(field, rel string) string {
	if field != "" {
		return field
	}
	if first, _, ok := strings.Cut(rel, "/"); ok && first != l.Language && l.HasStrings(first) {
		return first
	}
	return l.Language
}

// parseOne renders the article at rel of dir, the content folder, whose
// bytes read returns, with its language's renderer.
func (l *Loader) parseOne(dir *content.Folder, rel string, read func() ([]byte, error), unknown *content.UnknownKeys, dl *diag.List) *Article {
	file := filepath.Join(l.ContentDir, filepath.FromSlash(rel))
	start := time.Now()
	src, err := read()
	start = stopwatch.Since(&l.Times.Read, start)
	defer func() { stopwatch.Since(&l.Times.Parse, start) }()
	if err != nil {
		content.Report(dl, file, err)
		return nil
	}
	doc, ok := content.Parse(file, src, dl)
	if !ok {
		return nil
	}
	if unknown != nil {
		unknown.Add(doc)
	} else {
		content.WarnUnknown(dl, file, doc)
	}
	a := &Article{Meta: doc.Meta, Source: rel, File: file}
	a.Meta.Lang = l.Lang(a.Meta.Lang, rel)
	r, ok := l.Renderers[a.Meta.Lang]
	if !ok {
		r = l.Renderers[l.Language]
	}
	body := r.RenderOpen(markdown.Source{Body: doc.Body, Line: doc.BodyLine, Position: doc.Position}, includer(dir, rel, &a.Includes))
	a.headings, a.Links, a.Steps, a.Anchors = newHeadingList(body.Headings), body.Links, l.Bodies.PackTexts(body.Steps), body.Anchors
	a.Body, a.sections, a.texts, a.firstH1 = l.Bodies.Pack(body.HTML), body.Sections, packSections(l.Bodies, body.Sections), body.FirstH1
	body.Release() // packed: a copy
	checkDecisions(a, body, doc.BodyLine, dl)
	for _, p := range body.Problems {
		dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
	}
	return a
}

// includer opens the files an article includes ([!INCLUDE], :::code),
// named relative to the article's folder, through the content folder's
// one safe reader: nothing outside the content folder, no symbolic link
// out of it. It adds the path of each to opened.
func includer(dir *content.Folder, rel string, opened *[]string) func(string) ([]byte, error) {
	return func(inc string) ([]byte, error) {
		p := path.Clean(path.Join(path.Dir(rel), inc))
		if !fs.ValidPath(p) {
			return nil, errors.New("the path leads outside the content folder")
		}
		if !slices.Contains(*opened, p) {
			*opened = append(*opened, p)
		}
		data, err := dir.ReadFile(p, content.MaxSize)
		if errors.Is(err, fs.ErrNotExist) {
			err = errors.New("no such file in the content folder")
		}
		return data, err
	}
}

// admit completes an article's metadata from defaults (derived IDs and
// titles for foreign content, the site language) and its redirect-list
// aliases, places its page, and reports missing required fields. It
// returns false for articles that are not published.
func (l *Loader) admit(a *Article, redirected []string, dl *diag.List) bool {
	if a.Meta.Draft && !l.Drafts {
		return false
	}
	m := &a.Meta
	derived := m.ID == ""
	if derived {
		if !l.Foreign {
			dl.Errorf(a.File, 1, 1, "front matter has no id (every article needs a unique id such as KB307294)")
			return false
		}
		m.ID, m.IDDerived = content.DeriveID(a.Source), true
	}
	if m.Title == "" {
		m.Title = a.firstH1
	}
	if m.Title == "" {
		if !l.Foreign {
			dl.Errorf(a.File, 1, 1, "front matter has no title")
			return false
		}
		m.Title = strings.TrimSuffix(filepath.Base(a.Source), filepath.Ext(a.Source))
	}
	if m.TranslationKey == "" {
		m.TranslationKey = m.ID
	}
	m.Aliases = append(m.Aliases, redirected...)
	a.Path = l.Place(a, derived)
	return true
}

// UniqueIDs reports every article whose ID, in its language, an earlier one
// of arts or taken (the articles already in the site) uses, and returns the
// others. Both the full build and serve mode's rebuild check IDs here.
func (l *Loader) UniqueIDs(arts []*Article, taken func(key string) *Article, dl *diag.List) []*Article {
	claimed := map[string]*Article{}
	var out []*Article
	for _, a := range arts {
		key := content.Key(a.Meta.Lang, a.Meta.ID)
		first := claimed[key]
		if first == nil {
			first = taken(key)
		}
		if first != nil {
			p := a.Meta.Pos.Of("id")
			dl.Errorf(a.File, p.Line, p.Col, "duplicate id %s%s: %s already uses it", diag.Quote(a.Meta.ID), l.inLanguage(a.Meta.Lang), first.File)
			continue
		}
		claimed[key] = a
		out = append(out, a)
	}
	return out
}

// inLanguage says " in language de" for languages other than the default.
func (l *Loader) inLanguage(lang string) string {
	if lang == l.Language {
		return ""
	}
	return " in language " + lang
}
