package kb

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kbsite"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/stopwatch"
	"kbsite/generator/search/export"
	"kbsite/generator/theme"
	"kbsite/generator/write"
)

// writeSite loads, links, indexes and writes the site in content into out,
// as a full build does, and returns it.
func writeSite(t *testing.T, content, out, baseURL string) *Site {
	t.Helper()
	dl := &diag.List{}
	cfg := config.Load(content, dl)
	cfg.BaseURL = config.NormalizeBaseURL(baseURL)
	s := Load(Input{ContentDir: content, Config: cfg, Theme: theme.Open("", kbsite.Theme, dl), Times: &stopwatch.Times{}}, dl)
	s.Link(dl)
	if dl.HasErrors() {
		t.Fatal(dl.Sorted())
	}
	dir, err := write.Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	writeFile := func(f export.File) error { return dir.WriteFile(f.Path, f.Data) }
	if err := s.IndexSearch(false, writeFile).Export(writeFile); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(dir, nil); err != nil {
		t.Fatal(err)
	}
	if err := dir.Commit(); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestEveryWrittenFileIsOwned keeps the ownership rules (package
// site/paths, and newFiles) complete: every file a build writes is a
// generated file, lies in an owned folder, is a redirect page (whose
// extension no content file has) or is a published content file.
func TestEveryWrittenFileIsOwned(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(content, "messenger", "kb307294.md")
	src, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(src, []byte("aliases: [Q307294]"), []byte("aliases: [Q307294, /support/kb/307294/]"), 1), 0o644)
	out := filepath.Join(dir, "public")
	site := writeSite(t, content, out, "https://help.example.com/")
	if len(site.languages) < 2 || len(site.redirects) < 2 || len(site.published) == 0 {
		t.Fatalf("the bundled content no longer has translations, aliases and files")
	}
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		rel = filepath.ToSlash(rel)
		_, redirect := site.redirects[rel]
		folder, _, _ := site.paths().Owned(rel)
		switch {
		case strings.HasPrefix(rel, "."): // the build's own markers; content files never start with "."
		case site.paths().Generated(rel, site.articleID) != "" || folder != "" || slices.Contains(site.published, rel):
		case redirect && site.files.Problem(rel) != "": // not a kind of file content may publish
		default:
			t.Errorf("%s is written by the build but the ownership rules do not know it", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSpilledBodiesWriteTheSamePages: a site whose bodies are packed in
// memory (as past 20,000 articles), or all wait in the temporary file (a
// budget of 0, as past 64 MiB of a large site), writes every page as one
// that keeps them as they are (a small site).
func TestSpilledBodiesWriteTheSamePages(t *testing.T) {
	dir := t.TempDir()
	inMem := filepath.Join(dir, "a")
	s := writeSite(t, "../../content", inMem, "")
	for _, a := range s.Articles {
		if a.Body.Spilled() {
			t.Fatalf("%s spilled under a budget of %d bytes", a.Source, bodyBudget)
		}
	}
	defer func(n int, b int64) { unpackedUpTo, bodyBudget = n, b }(unpackedUpTo, bodyBudget)
	unpackedUpTo = 0
	packedDir := filepath.Join(dir, "b")
	s = writeSite(t, "../../content", packedDir, "")
	for _, a := range s.Articles {
		if a.Body.Spilled() {
			t.Fatalf("%s spilled under a budget of %d bytes", a.Source, bodyBudget)
		}
	}
	sameFiles(t, inMem, packedDir)
	bodyBudget = 0
	spilled := filepath.Join(dir, "c")
	s = writeSite(t, "../../content", spilled, "")
	for _, a := range s.Articles {
		if !a.Body.Spilled() {
			t.Fatalf("%s kept in memory under a budget of 0", a.Source)
		}
	}
	sameFiles(t, inMem, spilled)
}

// sameFiles fails unless every file under want is under got, with the
// same bytes.
func sameFiles(t *testing.T, want, got string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(want, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(want, p)
		w, _ := os.ReadFile(p)
		g, err := os.ReadFile(filepath.Join(got, rel))
		if err != nil || !bytes.Equal(g, w) {
			t.Errorf("%s differs in %s (%v)", rel, got, err)
		}
		n++
		return nil
	})
	if err != nil || n < 50 {
		t.Fatalf("compared %d files: %v", n, err)
	}
}
