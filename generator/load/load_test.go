package load

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/stopwatch"
	"kbsite/generator/markdown"
)

// loader is a Loader over dir whose pages go beside their sources.
func loader(dir string, foreign bool) *Loader {
	return &Loader{ContentDir: dir, Language: "en", Foreign: foreign,
		HasStrings: func(lang string) bool { return lang == "de" },
		Renderers:  map[string]*markdown.Renderer{"en": markdown.New(markdown.Options{}, markdown.DefaultLabels())},
		Place:      func(a *Article, derived bool) string { return strings.TrimSuffix(a.Source, ".md") + ".html" },
		Times:      &stopwatch.Times{}}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLoadAdmitsAndRecordsIncludes: articles get their language from a
// folder with UI strings, drafts stay out, a missing id is a located
// error, and each article lists the files it includes, nested ones too.
func TestLoadAdmitsAndRecordsIncludes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.md":              "---\nid: KB1\ntitle: A\n---\n[!INCLUDE [x](includes/outer.md)]\n",
		"de/b.md":           "---\nid: KB2\ntitle: B\n---\nText.\n",
		"draft.md":          "---\nid: KB3\ntitle: Draft\ndraft: true\n---\n",
		"noid.md":           "---\ntitle: No id\n---\n",
		"includes/outer.md": "[!INCLUDE [y](inner.md)]\n",
		"includes/inner.md": "Inner text.\n",
	})
	dl := &diag.List{}
	arts := loader(dir, false).Load([]string{"a.md", "de/b.md", "draft.md", "noid.md"}, map[string][]string{"a.md": {"/old/a"}}, dl, nil)
	if len(arts) != 2 || arts[0].Source != "a.md" || arts[1].Meta.Lang != "de" || arts[1].Path != "de/b.html" {
		t.Fatalf("loaded %+v", arts)
	}
	if want := []string{"includes/outer.md", "includes/inner.md"}; !slices.Equal(arts[0].Includes, want) {
		t.Errorf("includes %v, want %v", arts[0].Includes, want)
	}
	if !slices.Contains(arts[0].Meta.Aliases, "/old/a") || arts[0].Meta.TranslationKey != "KB1" {
		t.Errorf("front matter not completed: %+v", arts[0].Meta)
	}
	want := filepath.Join(dir, "noid.md") + ":1:1: front matter has no id"
	if got := dl.Sorted(); len(got) != 1 || !strings.HasPrefix(got[0].String(), want) || !dl.HasErrors() {
		t.Errorf("diagnostics %v, want %q", got, want)
	}
}

// TestUniqueIDs: a second article with an ID (in any case) that an earlier
// one or the site already uses is reported at its id field and left out.
func TestUniqueIDs(t *testing.T) {
	l := loader(t.TempDir(), false)
	mk := func(file, id string) *Article {
		return &Article{File: file, Meta: content.Meta{ID: id, Lang: "en", Pos: idAt(2, 5)}}
	}
	site := mk("site.md", "KB9")
	dl := &diag.List{}
	got := l.UniqueIDs([]*Article{mk("a.md", "KB1"), mk("b.md", "kb1"), mk("c.md", "KB9")}, func(key string) *Article {
		if key == content.Key("en", "KB9") {
			return site
		}
		return nil
	}, dl)
	if len(got) != 1 || got[0].File != "a.md" {
		t.Errorf("kept %v", got)
	}
	var msgs []string
	for _, d := range dl.Sorted() {
		msgs = append(msgs, d.String())
	}
	want := []string{`b.md:2:5: duplicate id "kb1": a.md already uses it`, `c.md:2:5: duplicate id "KB9": site.md already uses it`}
	if errs, _ := dl.Count(); errs != 2 || !slices.Equal(msgs, want) {
		t.Errorf("got %q, want %q", msgs, want)
	}
}

// idAt is the position of the id field alone.
func idAt(line, col int) content.Positions {
	var ps content.Positions
	ps.Set("id", -1, content.Pos{Line: line, Col: col})
	return ps
}
