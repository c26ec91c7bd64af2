// Package layout loads the html/template page layouts and the static assets
// under templates/. Doc writers restyle a site by editing those files; no Go
// changes are needed. Assets are published under content-hashed names so
// they can be cached forever.
package layout

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

// Pages are the page templates a templates folder must provide. Each is
// parsed together with base.html and the partials/ folder.
var Pages = []string{"home", "article", "list", "404", "redirect", "search"}

// Asset is one published static file.
type Asset struct {
	Name string // logical name, e.g. "site.css"
	Path string // published path relative to the site root
	Data []byte
}

// Layout holds parsed templates and assets.
type Layout struct {
	pages  map[string]*template.Template
	assets map[string]Asset
}

// Load parses dir's templates and reads its assets/ folder. extra holds
// generated assets (such as the code highlighting stylesheet) to publish
// the same way.
func Load(dir string, extra map[string][]byte) (*Layout, error) {
	l := &Layout{pages: map[string]*template.Template{}, assets: map[string]Asset{}}
	assetDir := filepath.Join(dir, "assets")
	err := filepath.WalkDir(assetDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return linkError(p)
		}
		data, err := ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(assetDir, p)
		l.addAsset(filepath.ToSlash(rel), data)
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	for name, data := range extra {
		l.addAsset(name, data)
	}

	base := template.New("base").Funcs(funcs(l))
	shared := []string{filepath.Join(dir, "base.html")}
	partialDir := filepath.Join(dir, "partials")
	if err := RefuseLink(partialDir); err != nil {
		return nil, err
	}
	partials, _ := filepath.Glob(filepath.Join(partialDir, "*.html"))
	sort.Strings(partials)
	shared = append(shared, partials...)
	if err := parseFiles(base, shared...); err != nil {
		return nil, err
	}
	for _, p := range Pages {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseFiles(t, filepath.Join(dir, p+".html")); err != nil {
			return nil, err
		}
		l.pages[p] = t
	}
	return l, nil
}

// parseFiles adds files to t, each as a template named by its base name,
// as template.ParseFiles does, but read with ReadFile.
func parseFiles(t *template.Template, files ...string) error {
	for _, f := range files {
		data, err := ReadFile(f)
		if err != nil {
			return err
		}
		if _, err := t.New(filepath.Base(f)).Parse(string(data)); err != nil {
			return fmt.Errorf("templates: %w", err)
		}
	}
	return nil
}

// ReadFile reads a file of the templates folder. Symbolic links there are
// refused, not followed: a partial linked to /proc/self/environ would put
// the environment into every page. O_NOFOLLOW keeps the refusal true for a
// link swapped in at any moment.
func ReadFile(p string) ([]byte, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW, 0)
	if errors.Is(err, syscall.ELOOP) {
		return nil, linkError(p)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", p)
	}
	return io.ReadAll(f)
}

// RefuseLink refuses a templates sub-folder that is a symbolic link.
func RefuseLink(dir string) error {
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return linkError(dir)
	}
	return nil
}

func linkError(p string) error {
	return fmt.Errorf("%s: symbolic links are not followed in templates", p)
}

func (l *Layout) addAsset(name string, data []byte) {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	hashed := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
	l.assets[name] = Asset{Name: name, Path: hashed, Data: data}
}

// Assets returns the assets sorted by name.
func (l *Layout) Assets() []Asset {
	out := make([]Asset, 0, len(l.assets))
	for _, a := range l.assets {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// AssetPath returns the published path of an asset, or "" if unknown.
func (l *Layout) AssetPath(name string) string { return l.assets[name].Path }

// Render executes page template name with data into w.
func (l *Layout) Render(w io.Writer, name string, data any) error {
	t := l.pages[name]
	if t == nil {
		return fmt.Errorf("no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func funcs(l *Layout) template.FuncMap {
	return template.FuncMap{
		// date formats a date for readers; isodate for machines.
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2 January 2006")
		},
		"isodate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2006-01-02")
		},
		"asset": func(root, name string) (string, error) {
			p := l.AssetPath(name)
			if p == "" {
				return "", fmt.Errorf("unknown asset %q", name)
			}
			return root + p, nil
		},
	}
}
