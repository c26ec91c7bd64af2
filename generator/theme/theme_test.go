package theme

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// minimal is a complete theme: every page kind writes its name.
func minimal() fstest.MapFS {
	fsys := fstest.MapFS{
		"base.html":            {Data: []byte(`{{define "base"}}<p lang="{{.}}">{{block "content" .}}{{end}}</p>{{end}}`)},
		"partials/name.html":   {Data: []byte(`{{define "name"}}built-in {{.}}{{end}}`)},
		"assets/site.css":      {Data: []byte("body{}")},
		"assets/print/p.css":   {Data: []byte("@media print{}")},
		"i18n/en.yaml":         {Data: []byte("home: Home\n")},
		"assets/.hidden.css":   {Data: []byte("skipped")},
		"partials/ignored.txt": {Data: []byte("{{")},
	}
	for _, p := range pages {
		fsys[p+".html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}{{template "name" "` + p + `"}}{{end}}`)}
	}
	return fsys
}

func render(t *testing.T, th *Theme, page string) string {
	t.Helper()
	var b bytes.Buffer
	if err := th.Render(&b, page, Consts{Lang: "en"}, "en"); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func assetData(th *Theme) map[string]string {
	m := map[string]string{}
	for _, a := range th.Assets() {
		m[a.Name] = string(a.Data)
	}
	return m
}

func TestFolderOverridesFileByFile(t *testing.T) {
	top := fstest.MapFS{
		"article.html":       {Data: []byte(`{{define "content"}}mine{{end}}`)},
		"partials/name.html": {Data: []byte(`{{define "name"}}my {{.}}{{end}}`)},
		"assets/site.css":    {Data: []byte("body{color:red}")},
		"i18n/de.yaml":       {Data: []byte("home: Startseite\n")},
	}
	th, err := Load(&overlay{label: "mytheme", top: top, base: minimal()})
	if err != nil {
		t.Fatal(err)
	}
	if got := render(t, th, "article"); got != `<p lang="en">mine</p>` {
		t.Errorf("article from the folder: %s", got)
	}
	if got := render(t, th, "home"); got != `<p lang="en">my home</p>` {
		t.Errorf("home from the default theme with the folder's partial: %s", got)
	}
	assets := assetData(th)
	if assets["site.css"] != "body{color:red}" || assets["print/p.css"] != "@media print{}" || assets["chroma.css"] == "" ||
		assets["search-text.de.js"] != "window.KBSearchText = {};\n" || len(assets) != 5 {
		t.Errorf("assets: %v", assets)
	}
	c := th.Catalog()
	if c.T("de", "home") != "Startseite" || c.T("en", "home") != "Home" {
		t.Errorf("catalog: de=%q en=%q", c.T("de", "home"), c.T("en", "home"))
	}
}

// Each catalog language gets a search-text script of its js_ strings,
// English filling the gaps; other languages take their primary
// language's, else English's.
func TestSearchTextPerLanguage(t *testing.T) {
	top := fstest.MapFS{
		"i18n/en.yaml":    {Data: []byte("home: Home\njs_no_results: No results\njs_see_all: See all {n} results\n")},
		"i18n/de.yaml":    {Data: []byte("home: Startseite\njs_no_results: Keine Ergebnisse\n")},
		"i18n/pt-br.yaml": {Data: []byte("js_no_results: Nenhum resultado\n")},
	}
	th, err := Load(&overlay{label: "mytheme", top: top, base: minimal()})
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"de":    `window.KBSearchText = {"js_no_results":"Keine Ergebnisse","js_see_all":"See all {n} results"};` + "\n",
		"de-at": `window.KBSearchText = {"js_no_results":"Keine Ergebnisse","js_see_all":"See all {n} results"};` + "\n",
		"pt-br": `window.KBSearchText = {"js_no_results":"Nenhum resultado","js_see_all":"See all {n} results"};` + "\n",
		"ja":    `window.KBSearchText = {"js_no_results":"No results","js_see_all":"See all {n} results"};` + "\n",
	} {
		a := th.searchText(lang)
		if string(a.Data) != want || !strings.HasPrefix(a.Path, "assets/search-text.") {
			t.Errorf("%s: %s %q, want %q", lang, a.Path, a.Data, want)
		}
	}
	if th.searchText("pt").Name != "search-text.en.js" {
		t.Errorf("pt takes %s, want English's (pt-br is not its primary language)", th.searchText("pt").Name)
	}
}

func TestMissingFileFallsBackOrIsNamed(t *testing.T) {
	// An empty folder gives the default theme unchanged.
	th, err := Load(&overlay{label: "mytheme", top: fstest.MapFS{}, base: minimal()})
	if err != nil {
		t.Fatal(err)
	}
	if got := render(t, th, "search"); got != `<p lang="en">built-in search</p>` {
		t.Errorf("search: %s", got)
	}
	// A page kind that neither layer has is an error naming the file.
	base := minimal()
	delete(base, "search.html")
	_, err = Load(&overlay{label: "mytheme", top: fstest.MapFS{}, base: base})
	if err == nil || !strings.HasPrefix(err.Error(), "templates/search.html: ") {
		t.Errorf("missing page: %v", err)
	}
}

func TestTemplateErrorHasFileAndLine(t *testing.T) {
	top := fstest.MapFS{"article.html": {Data: []byte("{{define \"content\"}}\n<h1>{{.Title}</h1>\n{{end}}")}}
	_, err := Load(&overlay{label: "mytheme", top: top, base: minimal()})
	te, ok := err.(*Error)
	if !ok || te.File != "mytheme/article.html" || te.Line != 2 || !strings.Contains(te.Msg, "bad character") {
		t.Fatalf("got %#v", err)
	}
	if !strings.HasPrefix(err.Error(), "mytheme/article.html:2: ") {
		t.Errorf("message %q", err)
	}
	// In the default theme, and in a UI strings file.
	base := minimal()
	base["partials/name.html"] = &fstest.MapFile{Data: []byte(`{{define "name"}}{{nosuchfunc .}}{{end}}`)}
	if _, err := Load(base); err == nil || !strings.HasPrefix(err.Error(), `templates/partials/name.html:1: function "nosuchfunc" not defined`) {
		t.Errorf("partial: %v", err)
	}
	base = minimal()
	base["i18n/de.yaml"] = &fstest.MapFile{Data: []byte("home: Start\nback: [unclosed\n")}
	if _, err := Load(base); err == nil || !strings.HasPrefix(err.Error(), "templates/i18n/de.yaml:") {
		t.Errorf("yaml: %v", err)
	}
}

func TestSymbolicLinksAreRefused(t *testing.T) {
	for _, tc := range []struct {
		top  fstest.MapFS
		file string
	}{
		{fstest.MapFS{"article.html": {Mode: os.ModeSymlink, Data: []byte("/etc/passwd")}}, "mytheme/article.html"},
		{fstest.MapFS{"assets/site.css": {Mode: os.ModeSymlink, Data: []byte("../../secret")}}, "mytheme/assets/site.css"},
		{fstest.MapFS{"partials": {Mode: os.ModeSymlink, Data: []byte("/etc")}}, "mytheme/partials"},
		{fstest.MapFS{"assets": {Mode: os.ModeSymlink, Data: []byte("/etc")}}, "mytheme/assets"},
		{fstest.MapFS{"i18n/en.yaml": {Mode: os.ModeSymlink, Data: []byte("/etc/passwd")}}, "mytheme/i18n/en.yaml"},
	} {
		_, err := Load(&overlay{label: "mytheme", top: tc.top, base: minimal()})
		if err == nil || !strings.HasPrefix(err.Error(), tc.file+": symbolic link") {
			t.Errorf("%s: got %v", tc.file, err)
		}
	}
}

// TestOverReadsAFolder checks the real folder: its files win, and a
// symbolic link in it is refused rather than followed.
func TestOverReadsAFolder(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "partials"), 0o755)
	os.WriteFile(filepath.Join(dir, "partials", "name.html"), []byte(`{{define "name"}}disk {{.}}{{end}}`), 0o644)
	fsys, err := Over(dir, minimal())
	if err != nil {
		t.Fatal(err)
	}
	th, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := render(t, th, "list"); got != `<p lang="en">disk list</p>` {
		t.Errorf("list: %s", got)
	}
	secret := filepath.Join(t.TempDir(), "secret.css")
	os.WriteFile(secret, []byte("secret"), 0o644)
	os.Mkdir(filepath.Join(dir, "assets"), 0o755)
	if err := os.Symlink(secret, filepath.Join(dir, "assets", "site.css")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, err = Load(fsys)
	if want := filepath.Join(dir, "assets", "site.css") + ": symbolic link"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v, want %s...", err, want)
	}
	if _, err := Over(filepath.Join(dir, "nope"), minimal()); err == nil || !strings.Contains(err.Error(), "nope: cannot read the templates folder") {
		t.Errorf("missing folder: %v", err)
	}
}

// Error tokens are often valid input the lexer does not know (localhost:8080
// in a shell session); chroma.css must not paint them as alarms.
func TestChromaCSSQuietsErrors(t *testing.T) {
	css := string(chromaCSS())
	rules := 0
	for _, line := range strings.Split(css, "\n") {
		if !strings.Contains(line, ".chroma .err {") {
			continue
		}
		rules++
		if !strings.HasSuffix(line, "color: inherit; background-color: transparent }") {
			t.Errorf("error tokens are styled: %s", line)
		}
	}
	if rules != 2 {
		t.Errorf("%d .err rules, want one per colour scheme:\n%s", rules, css)
	}
}
