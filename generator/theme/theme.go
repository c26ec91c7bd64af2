// Package theme reads a site's look: page templates, static assets and UI
// strings, from an fs.FS laid out like the templates/ folder. Doc writers
// restyle a site by editing those files; no Go changes are needed.
//
// What goes in (paths inside the theme):
//
//	base.html           {{define "base"}}: the page frame every page executes
//	partials/*.html     shared {{define}}s, such as "searchform", "linklist"
//	home.html article.html list.html topics.html 404.html redirect.html search.html
//	                    one per page kind; each defines "content" (or
//	                    redefines "base") and sees base.html and partials/
//	assets/**           static files, published as assets/<name>.<hash>.<ext>
//	                    (names starting with "." are skipped)
//	i18n/<lang>.yaml    UI strings of one language (keys to text or lists)
//
// Every page template receives the build's page model (site.Page: .Site,
// .Kind, .Title, .Lang, .Dir, .Root, .LangRoot, one of .Article, .List,
// .Home or .Redirect, and the methods .T KEY, .Date, .Count that look up
// this Catalog). Besides the html/template built-ins, templates may call:
//
//	date, isodate  format a time.Time for readers and for machines
//	asset          asset ROOT NAME: the hashed URL of an asset, an error if unknown
//	searchtext     searchtext ROOT LANG: the hashed URL of the script that
//	               gives search-ui.js its strings in LANG (the js_ keys)
//	dict           dict KEY VALUE ...: a map, to pass several values to a partial
//
// What comes out: a Theme that renders page kinds by name, the assets to
// publish (the code highlighting stylesheet chroma.css among them), and
// the UI string Catalog. Everything is read once, by Load, before any
// article is parsed, so a theme mistake is reported with its file and line
// first. Over lays a templates folder over the default theme (the one
// embedded in the binary) file by file. Render specialises each page
// template for the page's language and folder depth (Consts, fold.go):
// what is the same on every such page is written as text, not computed
// per page.
package theme

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// pages are the page templates a theme must provide.
var pages = []string{"home", "article", "list", "topics", "404", "redirect", "search"}

// Asset is one published static file.
type Asset struct {
	Name string // logical name, e.g. "site.css"
	Path string // published path relative to the site root
	Data []byte
}

// Theme holds parsed templates, assets and UI strings.
type Theme struct {
	pages   map[string]*specialised
	assets  map[string]Asset
	catalog *Catalog
}

// Error is a problem in one theme file. Line is 0 when unknown.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Load reads and parses the whole theme in fsys. The error is an *Error.
func Load(fsys fs.FS) (*Theme, error) {
	th := &Theme{pages: map[string]*specialised{}, assets: map[string]Asset{}}
	if err := th.readAssets(fsys); err != nil {
		return nil, err
	}
	th.addAsset("chroma.css", chromaCSS())
	cat, err := loadCatalog(fsys)
	if err != nil {
		return nil, err
	}
	th.catalog = cat
	th.addSearchTexts()
	base, err := th.parseShared(fsys)
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		t, err := base.Clone()
		if err != nil {
			return nil, &Error{File: where(fsys, "base.html"), Msg: err.Error()}
		}
		if err := parse(t, fsys, p+".html"); err != nil {
			return nil, err
		}
		th.pages[p] = &specialised{master: t, th: th, byKey: map[Consts]*template.Template{}}
	}
	return th, nil
}

// parseShared parses base.html and partials/*.html, which every page sees.
func (th *Theme) parseShared(fsys fs.FS) (*template.Template, error) {
	base := template.New("base").Funcs(funcs(th))
	partials, err := list(fsys, "partials", ".html")
	if err != nil {
		return nil, err
	}
	for _, name := range append([]string{"base.html"}, partials...) {
		if err := parse(base, fsys, name); err != nil {
			return nil, err
		}
	}
	return base, nil
}

// parse adds file name of fsys to t's set. The template is named after
// the file as errors show it, so html/template's messages locate it.
func parse(t *template.Template, fsys fs.FS, name string) error {
	data, err := readFile(fsys, name)
	if err != nil {
		return err
	}
	label := where(fsys, name)
	if _, err := t.New(label).Parse(string(data)); err != nil {
		return templateError(label, err)
	}
	return nil
}

// templateError turns html/template's "template: NAME:LINE: msg" into an
// Error at that file and line.
func templateError(label string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	rest, ok := strings.CutPrefix(msg, label+":")
	if !ok {
		return &Error{File: label, Msg: msg}
	}
	num, text, _ := strings.Cut(rest, ":")
	line, convErr := strconv.Atoi(num)
	if convErr != nil {
		return &Error{File: label, Msg: strings.TrimSpace(rest)}
	}
	return &Error{File: label, Line: line, Msg: strings.TrimSpace(text)}
}

// readFile reads one theme file, with a located error.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fileError(fsys, name, err)
	}
	return data, nil
}

// list returns the files of folder dir whose names end in ext, sorted;
// none if the folder does not exist. (fs.Glob would hide a refused link.)
func list(fsys fs.FS, dir, ext string) ([]string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fileError(fsys, dir, err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ext) {
			out = append(out, dir+"/"+e.Name())
		}
	}
	return out, nil
}

// fileError names the file an fs error is about: the link on the way to
// name, when that was the problem.
func fileError(fsys fs.FS, name string, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if fs.ValidPath(pe.Path) {
			name = pe.Path
		}
		err = pe.Err
	}
	return &Error{File: where(fsys, name), Msg: err.Error()}
}

// readAssets reads every file under assets/ except hidden ones.
func (th *Theme) readAssets(fsys fs.FS) error {
	err := fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "assets" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return fileError(fsys, p, err)
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := readFile(fsys, p)
		if err != nil {
			return err
		}
		th.addAsset(strings.TrimPrefix(p, "assets/"), data)
		return nil
	})
	return err
}

func (th *Theme) addAsset(name string, data []byte) {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	hashed := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
	th.assets[name] = Asset{Name: name, Path: hashed, Data: data}
}

// Assets returns the assets sorted by name.
func (th *Theme) Assets() []Asset {
	out := make([]Asset, 0, len(th.assets))
	for _, a := range th.assets {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Catalog returns the theme's UI strings.
func (th *Theme) Catalog() *Catalog { return th.catalog }

// Render executes page template name with data, a page with constants c,
// into w. On an error w may hold part of the page: callers render into a
// buffer they drop.
func (th *Theme) Render(w io.Writer, name string, c Consts, data any) error {
	s := th.pages[name]
	if s == nil {
		return fmt.Errorf("no template %q", name)
	}
	t, err := s.get(c)
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, "base", data)
}

func funcs(th *Theme) template.FuncMap {
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
			p := th.assets[name].Path
			if p == "" {
				return "", fmt.Errorf("unknown asset %q", name)
			}
			return root + p, nil
		},
		"searchtext": func(root, lang string) string { return root + th.searchText(lang).Path },
		"dict":       dict,
	}
}

// The search box's strings (the catalog's js_ keys, some 1.5 KB) are the
// same on every page of a language. Written into each page they were a
// sixth of a 10,000-article site's bytes; as one small script per
// language, loaded before search-ui.js, they are fetched once and cached.
// A catalog language has its own script; any other language takes that
// of its primary language, else English's (what Catalog.T falls back to).

// searchTextName is the asset name of language lang's search strings.
func searchTextName(lang string) string { return "search-text." + lang + ".js" }

// addSearchTexts adds the search strings script of each catalog language
// and of the fallback language.
func (th *Theme) addSearchTexts() {
	for _, lang := range append(th.catalog.Languages(), fallback) {
		js := "window.KBSearchText = " + th.catalog.ScriptJSON(lang, "js_") + ";\n"
		th.addAsset(searchTextName(lang), []byte(js))
	}
}

// searchText is the search strings script for pages in lang.
func (th *Theme) searchText(lang string) Asset {
	for _, l := range []string{lang, base(lang)} {
		if a, ok := th.assets[searchTextName(l)]; ok && th.catalog.langs[l] != nil {
			return a
		}
	}
	return th.assets[searchTextName(fallback)]
}

// dict makes a map of its key, value pairs, so that a template can pass a
// partial more than one value.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict needs key, value pairs")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not text", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}
