package build

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"kbsite/generator/article"
	"kbsite/generator/config"
	"kbsite/generator/diag"
	"kbsite/generator/links"
	"kbsite/generator/markdown"
	"kbsite/generator/progress"
)

// Article is one article as the build sees it.
type Article struct {
	Meta   article.Meta
	Source string // path relative to the content folder, with "/"
	File   string // path for diagnostics, e.g. content/x.md
	Path   string // output path relative to the site root
	// Body is the rendered article; its HTML is moved to body once parsed.
	Body *markdown.Result
	body packedHTML

	Backlinks []*Article
	Related   []*Article // the explicit related articles, in order
	// Similar are the most similar articles by content, computed with the
	// search index; pages show them after Related.
	Similar []*Article
	// Files are content-relative files the article references (images).
	Files []string

	titleKey string // lower-cased title, the sort key of listings
	// fills and texts replace the body's link placeholders: the URL and,
	// for links written without text, the text of link n.
	fills, texts []string
	out          []*Article    // distinct articles this one links to
	target       *links.Target // this article as a link target
}

// scan lists the Markdown files and other files of the content folder.
// Symbolic links are followed only when they stay inside the folder.
func scan(contentDir string, dl *diag.List) (md, other []string) {
	rootReal, err := filepath.EvalSymlinks(contentDir)
	if err != nil {
		dl.Errorf(contentDir, 0, 0, "cannot read the content folder: %v", err)
		return nil, nil
	}
	// A content folder that is itself a symbolic link is read where it
	// points: the trailing separator makes the walk follow it.
	root := contentDir
	if fi, err := os.Lstat(contentDir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root = contentDir + string(filepath.Separator)
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			dl.Errorf(p, 0, 0, "cannot read: %v", err)
			return nil
		}
		name := d.Name()
		if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(contentDir, p)
		rel = filepath.ToSlash(rel)
		if d.Type()&fs.ModeSymlink != 0 {
			real, err := filepath.EvalSymlinks(p)
			if err != nil || !within(rootReal, real) {
				dl.Errorf(p, 0, 0, "symbolic link points outside the content folder; refusing to read it")
				return nil
			}
			info, err := os.Stat(real)
			if err != nil || info.IsDir() {
				dl.Errorf(p, 0, 0, "symbolic links to folders are not followed")
				return nil
			}
		} else if d.IsDir() {
			return nil
		} else if !d.Type().IsRegular() {
			return nil
		}
		switch {
		case strings.EqualFold(filepath.Ext(name), ".md") || strings.EqualFold(filepath.Ext(name), ".markdown"):
			md = append(md, rel)
		case rel == config.FileName:
		default:
			other = append(other, rel)
		}
		return nil
	})
	if err != nil {
		dl.Errorf(contentDir, 0, 0, "cannot read the content folder: %v", err)
	}
	sort.Strings(md)
	sort.Strings(other)
	return md, other
}

func within(root, p string) bool {
	return p == root || strings.HasPrefix(p, root+string(filepath.Separator))
}

// parseAll reads and renders every article in parallel. The result keeps
// the order of rels; entries that could not be read are nil.
func parseAll(contentDir string, rels []string, site *Site, dl *diag.List, pr *progress.Reporter) []*Article {
	out := make([]*Article, len(rels))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i] = site.parseOne(contentDir, rels[i], dl)
				pr.Add(1)
			}
		}()
	}
	for i := range rels {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}

// parseOne reads and renders one article with its language's renderer.
// The renderers must exist already (parseOne runs concurrently).
func (site *Site) parseOne(contentDir, rel string, dl *diag.List) *Article {
	file := filepath.Join(contentDir, filepath.FromSlash(rel))
	start := time.Now()
	src, err := readLimited(file)
	start = since(&site.times.read, start)
	defer func() { since(&site.times.parse, start) }()
	if err != nil {
		dl.Errorf(file, 0, 0, "%v", err)
		return nil
	}
	doc, ok := article.Parse(file, src, dl)
	if !ok {
		return nil
	}
	a := &Article{Meta: doc.Meta, Source: rel, File: file}
	a.Meta.Lang = site.langOf(a.Meta.Lang, rel)
	r, ok := site.renderers[a.Meta.Lang]
	if !ok {
		r = site.renderers[site.Config.Language]
	}
	a.Body = r.Render(doc.Body, doc.BodyLine)
	a.body, a.Body.HTML = pack(a.Body.HTML), nil
	checkDecisions(a, doc.BodyLine, dl)
	for _, p := range a.Body.Problems {
		dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
	}
	return a
}

// readLimited reads a file but refuses ones over the article size limit
// without loading them.
func readLimited(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > article.MaxSize {
		return nil, errors.New("file is larger than the 16 MiB limit for an article")
	}
	return io.ReadAll(f)
}
