package build

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"time"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/packed"
	"kbsite/generator/internal/progress"
	"kbsite/generator/markdown"
	"kbsite/generator/resolve"
)

// Article is one article as the build sees it.
type Article struct {
	Meta   content.Meta
	Source string // path relative to the content folder, with "/"
	File   string // path for diagnostics, e.g. content/x.md
	Path   string // output path relative to the site root
	// Headings, Links and Steps are what pages and link checks use of the
	// rendered body; its HTML waits packed in body.
	Headings []markdown.Heading
	Links    []markdown.Link
	Steps    []string
	anchors  []string // the raw HTML anchors (<a id>) links may name too
	body     packed.HTML
	// sections are the body's text by section, for the search index only:
	// takeSections hands them over so that they are not kept after it.
	sections []markdown.Section
	firstH1  string // a leading h1's text, the title of foreign content

	Backlinks []*Article
	Related   []*Article // the explicit related articles, in order
	// Similar are the most similar articles by content, computed with the
	// search index; pages show them after Related.
	Similar []*Article
	target  *resolve.Target // this article as a link target
	linked  resolve.Links   // what the link stage made of its links
}

// takeSections returns the article's section texts and forgets them.
func (a *Article) takeSections() []markdown.Section {
	s := a.sections
	a.sections = nil
	return s
}

// parseAll reads and renders every article in parallel. The result keeps
// the order of rels; entries that could not be read are nil.
func parseAll(contentDir string, rels []string, site *Site, dl *diag.List, pr *progress.Reporter) []*Article {
	out := make([]*Article, len(rels))
	var unknown *content.UnknownKeys // counted for foreign content, else warned at each key
	if site.foreign() {
		unknown = &content.UnknownKeys{}
		defer unknown.Report(dl, contentDir)
	}
	jobs := make([]func() error, len(rels))
	for i, rel := range rels {
		jobs[i] = func() error {
			out[i] = site.parseOne(contentDir, rel, unknown, dl)
			pr.Add(1)
			return nil
		}
	}
	_ = run(jobs) // the jobs report problems to dl, not as errors
	return out
}

// parseOne reads and renders one article with its language's renderer.
// The renderers must exist already (parseOne runs concurrently).
func (site *Site) parseOne(contentDir, rel string, unknown *content.UnknownKeys, dl *diag.List) *Article {
	file := filepath.Join(contentDir, filepath.FromSlash(rel))
	start := time.Now()
	src, err := content.ReadFile(contentDir, rel, content.MaxSize)
	start = since(&site.times.read, start)
	defer func() { since(&site.times.parse, start) }()
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
	a.Meta.Lang = site.langOf(a.Meta.Lang, rel)
	r, ok := site.renderers[a.Meta.Lang]
	if !ok {
		r = site.renderers[site.Config.Language]
	}
	body := r.RenderOpen(markdown.Source{Body: doc.Body, Line: doc.BodyLine, Position: doc.Position}, includer(contentDir, rel))
	a.Headings, a.Links, a.Steps, a.anchors = body.Headings, body.Links, body.Steps, body.Anchors
	a.body, a.sections, a.firstH1 = packed.Pack(body.HTML), body.Sections, body.FirstH1
	checkDecisions(a, body, doc.BodyLine, dl)
	for _, p := range body.Problems {
		dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
	}
	return a
}

// includer opens the files an article includes ([!INCLUDE], :::code),
// named relative to the article's folder, through the content folder's
// one safe reader: nothing outside the content folder, no symbolic link
// out of it.
func includer(contentDir, rel string) func(string) ([]byte, error) {
	return func(inc string) ([]byte, error) {
		p := path.Clean(path.Join(path.Dir(rel), inc))
		if !fs.ValidPath(p) {
			return nil, errors.New("the path leads outside the content folder")
		}
		data, err := content.ReadFile(contentDir, p, content.MaxSize)
		if errors.Is(err, fs.ErrNotExist) {
			err = errors.New("no such file in the content folder")
		}
		return data, err
	}
}
