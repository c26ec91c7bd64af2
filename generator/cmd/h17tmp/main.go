// Throwaway (not committed): writes only the search index of a corpus,
// plus the engine script, for the browser search bench.
package main

import (
	"os"
	"path/filepath"

	"kbsite"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/stopwatch"
	"kbsite/generator/kb"
	"kbsite/generator/search/export"
	"kbsite/generator/theme"
)

func main() {
	content, out := os.Args[1], os.Args[2]
	dl := &diag.List{}
	site := kb.Load(kb.Input{ContentDir: content, Config: config.Load(content, dl), Theme: theme.Open("", kbsite.Theme, dl), Times: &stopwatch.Times{}}, dl)
	site.Link(dl)
	corpus := site.IndexSearch(false)
	os.RemoveAll(out)
	err := corpus.Export(func(f export.File) error {
		p := filepath.Join(out, filepath.FromSlash(f.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		return os.WriteFile(p, f.Data, 0o644)
	})
	if err != nil {
		panic(err)
	}
	js, _ := os.ReadFile("templates/assets/search-engine.js")
	os.MkdirAll(filepath.Join(out, "assets"), 0o755)
	os.WriteFile(filepath.Join(out, "assets", "search-engine.x.js"), js, 0o644)
}
