// Package content is the one place that decides which files of a content
// folder are articles, which are other files to publish and which are
// ignored, and that reads them without leaving the folder. The full build,
// serve's incremental rebuild, `kbsite new` and `kbsite check` all go
// through it, so they cannot disagree.
//
// In: a content folder. Out: the lists of article and file paths (Scan),
// their bytes (ReadFile), and each article's front matter with the position
// of every field (Parse), so later checks can point at the exact line.
package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
)

// Kind is what a content file is to the build.
type Kind int

const (
	Ignored Kind = iota // dot and underscore names, site.yaml, paths outside
	Article             // Markdown: .md or .markdown
	File                // anything else, published when an article links it
)

// Diagnostic kinds of the problems this package reports.
const (
	KindUnsafe = "unsafe-path" // a symbolic link the build will not follow
	KindSize   = "size"        // a file over the size limit
	KindRead   = "read"        // any other failure to read
)

// ErrTooLarge is returned by ReadFile for a file over its limit.
var ErrTooLarge = errors.New("file is larger than the limit")

// errOutside is returned for a path that a symbolic link leads out of the
// content folder.
var errOutside = errors.New("symbolic link points outside the content folder or is absolute; refusing to read it")

var errDirLink = errors.New("symbolic links to folders are not followed")

// Classify says what the file at rel (relative to the content folder,
// "/"-separated) is. A name starting with "." or "_" anywhere in the path
// hides the file (editor files, drafts folders). Markdown in a folder
// named "includes" is DocFX's shared text for [!INCLUDE], not an article.
// YAML pages are articles too, but only their first line tells (see
// Scan).
func Classify(rel string) Kind {
	if rel == "" || path.IsAbs(rel) {
		return Ignored
	}
	parts := strings.Split(rel, "/")
	for _, part := range parts {
		if part == "" || part == ".." || strings.HasPrefix(part, ".") || strings.HasPrefix(part, "_") {
			return Ignored
		}
	}
	switch {
	case rel == config.FileName:
		return Ignored
	case strings.EqualFold(path.Ext(rel), ".md"), strings.EqualFold(path.Ext(rel), ".markdown"):
		if slices.ContainsFunc(parts[:len(parts)-1], func(p string) bool { return strings.EqualFold(p, "includes") }) {
			return Ignored
		}
		return Article
	}
	return File
}

// Scan lists the articles and other files under dir, each sorted.
// Symbolic links are read only when they are relative and lead to a file
// inside dir; the others are reported to dl.
func Scan(dir string, dl *diag.List) (articles, files []string) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		dl.Errorf(dir, 0, 0, "cannot read the content folder: %v", err)
		return nil, nil
	}
	defer root.Close()
	fs.WalkDir(root.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
		file := filepath.Join(dir, filepath.FromSlash(rel))
		if err != nil {
			Report(dl, file, err)
			return nil
		}
		kind := Classify(rel)
		switch {
		case rel == ".":
			return nil
		case kind == Ignored && d.IsDir():
			return fs.SkipDir
		case kind == Ignored || d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			if err := checkLink(root, rel); err != nil {
				Report(dl, file, err)
				return nil
			}
		case !d.Type().IsRegular():
			return nil
		}
		if kind == Article {
			articles = append(articles, rel)
			return nil
		}
		switch mime := yamlMime(root, rel); mime {
		case "":
			files = append(files, rel)
		case "FAQ":
			articles = append(articles, rel)
		default:
			dl.Warnf(file, 1, 1, "YamlMime:%s pages are not built (only YamlMime:FAQ is); skipped", mime)
		}
		return nil
	})
	sort.Strings(articles)
	sort.Strings(files)
	return articles, files
}

// yamlMime is the YamlMime of a YAML page ("FAQ", "Landing"), or "" for
// YAML that is data (toc.yml) or cannot be read here (ReadFile reports
// that when an article links it).
func yamlMime(root *os.Root, rel string) string {
	if ext := strings.ToLower(path.Ext(rel)); ext != ".yml" && ext != ".yaml" {
		return ""
	}
	f, err := root.Open(rel)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 256)
	n, _ := io.ReadFull(f, head)
	return docfx.Mime(Normalize(head[:n]))
}

// checkLink accepts a symbolic link that leads to a file inside root.
func checkLink(root *os.Root, rel string) error {
	info, err := root.Stat(rel)
	if err != nil {
		return linkError(err)
	}
	if info.IsDir() {
		return errDirLink
	}
	return nil
}

// linkError turns os.Root's refusal to leave the folder into a message a
// writer understands.
func linkError(err error) error {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes") {
		return errOutside
	}
	return err
}

// ReadFile reads the file at rel inside dir, refusing files over limit
// bytes without reading them. It opens the file through an os.Root, so a
// symbolic link swapped in after Scan still cannot lead outside dir.
func ReadFile(dir, rel string, limit int64) ([]byte, error) {
	f := OpenFolder(dir)
	defer f.Close()
	return f.ReadFile(rel, limit)
}

// Folder reads the files of a content folder as ReadFile does, through
// one os.Root for all of them: the load stage reads thousands.
type Folder struct {
	root *os.Root
	err  error // opening the folder's, returned by each read
}

// OpenFolder opens dir for reading; an error comes back from each read.
func OpenFolder(dir string) *Folder {
	root, err := os.OpenRoot(dir)
	return &Folder{root: root, err: err}
}

// Close releases the folder. It is safe to call on a folder that failed
// to open.
func (d *Folder) Close() {
	if d.root != nil {
		d.root.Close()
	}
}

// ReadFile is ReadFile of the file at rel in the folder. It may be
// called by many goroutines at once.
func (d *Folder) ReadFile(rel string, limit int64) ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	f, err := d.root.Open(filepath.FromSlash(rel))
	if err != nil {
		return nil, linkError(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Size() > limit {
		return nil, tooLarge(limit)
	}
	data, err := readAll(f, info.Size(), min(limit, math.MaxInt64-1)+1)
	if int64(len(data)) > limit {
		return nil, tooLarge(limit) // it grew after the Stat
	}
	return data, err
}

func tooLarge(limit int64) error { return fmt.Errorf("%w of %d MiB", ErrTooLarge, limit>>20) }

// readAll is io.ReadAll of r's first limit bytes into a buffer of the size
// the file had at its Stat, plus one byte to meet the end: one allocation
// and two reads for an article rather than io.ReadAll's growing buffer.
func readAll(r io.Reader, size, limit int64) ([]byte, error) {
	r = io.LimitReader(r, limit)
	data := make([]byte, 0, max(512, min(size, limit)+1))
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

// Report records a problem reading file, at its first line, with the
// kind that says what went wrong.
func Report(dl *diag.List, file string, err error) {
	kind := KindRead
	switch {
	case errors.Is(err, ErrTooLarge):
		kind = KindSize
	case errors.Is(err, errOutside), errors.Is(err, errDirLink):
		kind = KindUnsafe
	}
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = "cannot read: " + pe.Err.Error()
	}
	dl.Add(diag.Diagnostic{File: file, Line: 1, Col: 1, Severity: diag.Error, Msg: msg, Kind: kind})
}
