package nav

import (
	"os"
	"path/filepath"
	"testing"

	"kbsite/generator/content"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/site"
	"kbsite/generator/site/paths"
)

// TestTrees: toc.yml, when there is one, gives the default language's tree
// alone; else every language gets a tree of its own articles, by folders
// for foreign content and by products otherwise.
func TestTrees(t *testing.T) {
	b := site.Builder{Config: config.Site{Language: "en"}, Catalog: testCatalog(t), Paths: paths.Paths{Default: "en", Languages: []string{"en", "de"}}}
	arts := []site.Entry{
		{Meta: &content.Meta{ID: "KB1", Title: "DNS", Lang: "en", Products: []string{"net"}}, Source: "net/dns.md", Path: "net/dns.html"},
		{Meta: &content.Meta{ID: "KB1", Title: "DNS (de)", Lang: "de", Products: []string{"net"}}, Source: "de/net/dns.md", Path: "de/net/dns.html"},
	}
	find := func(src string) (Article, bool) {
		return Article{Source: src, Path: "kb/toc-" + src + ".html"}, src == "net/dns.md"
	}
	host := func(string) string { return "" }
	dir := t.TempDir()
	for _, foreign := range []bool{false, true} {
		trees, toc := Trees(b, dir, foreign, arts, find, host, &diag.List{})
		if toc || len(trees) != 2 || !trees["en"].Has("net/dns.html") || trees["en"].Has("de/net/dns.html") || !trees["de"].Has("de/net/dns.html") {
			t.Errorf("foreign %v: toc %v, trees %v", foreign, toc, trees)
		}
		if byFolders := trees["en"].Same(FromFolders([]Article{{Source: "net/dns.md", Path: "net/dns.html", Title: "DNS"}})); byFolders != foreign {
			t.Errorf("foreign %v: tree made by folders %v", foreign, byFolders)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "toc.yml"), []byte("- name: DNS\n  href: net/dns.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	trees, toc := Trees(b, dir, true, arts, find, host, &diag.List{})
	if !toc || len(trees) != 1 || !trees["en"].Has("kb/toc-net/dns.md.html") {
		t.Errorf("with toc.yml: toc %v, trees %v", toc, trees)
	}
}

// TestSameEntry: an edit of an article's text leaves its tree entry alone;
// a change of any field a tree shows does not.
func TestSameEntry(t *testing.T) {
	a := site.Entry{Meta: &content.Meta{Lang: "en", Title: "T", Products: []string{"p", "q"}, Summary: "s"}, Source: "x/a.md", Path: "kb/kb1.html"}
	edited := copyEntry(a)
	edited.Meta.Summary, edited.Steps = "other", []string{"step"}
	if !SameEntry(a, edited) {
		t.Error("a summary and steps change shows on no tree")
	}
	for name, change := range map[string]func(*site.Entry){
		"lang":     func(e *site.Entry) { e.Meta.Lang = "de" },
		"title":    func(e *site.Entry) { e.Meta.Title = "U" },
		"path":     func(e *site.Entry) { e.Path = "kb/kb2.html" },
		"source":   func(e *site.Entry) { e.Source = "y/a.md" },
		"products": func(e *site.Entry) { e.Meta.Products = []string{"q", "p"} },
	} {
		b := copyEntry(a)
		change(&b)
		if SameEntry(a, b) {
			t.Errorf("a changed %s looks the same to the trees", name)
		}
	}
}

// copyEntry is e with a Meta of its own, which a test may change.
func copyEntry(e site.Entry) site.Entry {
	m := *e.Meta
	e.Meta = &m
	return e
}
