package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
)

// tinySite writes a content folder with one article under dir.
func tinySite(t *testing.T, dir string) string {
	t.Helper()
	content := filepath.Join(dir, "content")
	os.MkdirAll(content, 0o755)
	os.WriteFile(filepath.Join(content, "a.md"), []byte("---\nid: KB1\ntitle: A\nproducts: [x]\n---\n## Symptoms\n\nText.\n"), 0o644)
	return content
}

// TestOutOverlappingInputsIsUsageError: --out equal to, inside or around
// the content or templates folder, also through a symbolic link, exits 2
// and deletes nothing, for build and serve.
func TestOutOverlappingInputsIsUsageError(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "s")
	content := tinySite(t, site)
	templates := filepath.Join(dir, "t")
	os.MkdirAll(templates, 0o755)
	os.WriteFile(filepath.Join(templates, "base.html"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(site, "notes.txt"), []byte("mine"), 0o644)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(site, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, c := range []struct{ name, templates, out string }{
		{"out is the content folder's parent", "", site},
		{"out is the content folder", "", content},
		{"out is inside the content folder", "", filepath.Join(content, "public")},
		{"out is the templates folder", templates, templates},
		{"out is inside the templates folder", templates, filepath.Join(templates, "public")},
		{"out contains the content folder through a link", "", link},
	} {
		args := []string{"--content", content, "--out", c.out}
		if c.templates != "" {
			args = append(args, "--templates", c.templates)
		} else {
			args = append(args, "--templates", filepath.Join(repo, "templates"))
		}
		for _, cmd := range [][]string{{"build"}, {"serve", "--port", "0"}} {
			code, _, errs := kbsite(append(cmd, args...)...)
			if code != exitUsage || !strings.Contains(errs, "--out") {
				t.Errorf("%s, %s: exit %d, want 2 with a hint naming --out; stderr:\n%s", c.name, cmd[0], code, errs)
			}
		}
	}
	for _, f := range []string{filepath.Join(content, "a.md"), filepath.Join(site, "notes.txt"), filepath.Join(templates, "base.html")} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("an input file is gone: %v", err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(content, "public*")); len(left) > 0 {
		t.Errorf("written before the refusal: %v", left)
	}
}

// TestOutReplacedOnlyWhenKbsiteMadeIt: an empty folder and kbsite's own
// output are replaced; someone's folder, or a site an earlier kbsite built
// without the marker, is refused with a way forward and kept.
func TestOutReplacedOnlyWhenKbsiteMadeIt(t *testing.T) {
	dir := t.TempDir()
	content := tinySite(t, dir)
	out := filepath.Join(dir, "public")
	os.MkdirAll(out, 0o755)
	build := func() (int, string) {
		code, _, errs := kbsite("build", "-q", "--content", content, "--templates", filepath.Join(repo, "templates"), "--out", out)
		return code, errs
	}
	for i := 0; i < 2; i++ { // into the empty folder, then over its own output
		if code, errs := build(); code != exitOK {
			t.Fatalf("build %d: exit %d\n%s", i+1, code, errs)
		}
	}
	os.Remove(filepath.Join(out, ".kbsite")) // as an earlier kbsite left it
	code, errs := build()
	if code != exitUsage || !strings.Contains(errs, "delete it or pick another --out") || !strings.Contains(errs, "older than the marker") {
		t.Errorf("unmarked output: exit %d, want 2 with a hint:\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("the unmarked folder was touched: %v", err)
	}
}

// TestSystemErrorsExit3: an output location that cannot be written is a
// system error (3), not a content error (1).
func TestSystemErrorsExit3(t *testing.T) {
	dir := t.TempDir()
	content := tinySite(t, dir)
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	code, _, errs := kbsite("build", "--content", content, "--templates", filepath.Join(repo, "templates"), "--out", filepath.Join(file, "public"))
	if code != exitSystem {
		t.Errorf("unwritable output: exit %d, want 3\n%s", code, errs)
	}
	code, _, errs = kbsite("new", "--content", filepath.Join(file, "content"), "--product", "x", "Title")
	if code != exitSystem {
		t.Errorf("new into an unwritable folder: exit %d, want 3\n%s", code, errs)
	}
}

// TestNewTitleRoundTrips: whatever the title holds, the written front
// matter parses back to exactly that title.
func TestNewTitleRoundTrips(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	for _, title := range []string{
		`C:\Windows\System32 is missing`,
		`Error "0x80048820": sign-in fails`,
		`'quoted' #not-a-comment {braces} [brackets] & *star`,
		`- starts like a list: yes`,
		"tab\there, bell\a, and ünïcödé ✓",
		`trailing backslash \`,
	} {
		code, stdout, errs := kbsite("new", "--content", dir, "--product", "x", "--", title)
		if code != exitOK {
			t.Fatalf("%q: exit %d\n%s", title, code, errs)
		}
		path := strings.TrimSpace(stdout)
		src, _ := os.ReadFile(path)
		doc, ok := content.Parse(path, src, &diag.List{})
		if !ok || doc.Meta.Title != title {
			t.Errorf("title %q read back as %q (ok %v)", title, doc.Meta.Title, ok)
		}
	}
}
