package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitThenBuildAnywhere scaffolds a knowledge base outside the
// repository and builds it there with no flags and no templates folder:
// the built-in theme is enough, and README.md is not an article.
func TestInitThenBuildAnywhere(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kb")
	if code, _, stderr := kbsite("init", dir); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	t.Chdir(dir)
	if _, err := os.Stat("templates"); !os.IsNotExist(err) {
		t.Fatalf("init made a templates folder: %v", err)
	}
	code, stdout, stderr := kbsite("check")
	if code != 0 || stderr != "" || !strings.Contains(stdout, "checked 2 articles: 0 errors, 0 warnings") {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = kbsite("build")
	if code != 0 || !strings.Contains(stdout, "built 2 articles") {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, p := range []string{"index.html", "kb/kb000001.html", "kb/kb000002.html", "products/example-app.html", "products/example-cloud.html", "search.html"} {
		if _, err := os.Stat(filepath.Join("public", p)); err != nil {
			t.Error(err)
		}
	}
	page, _ := os.ReadFile(filepath.Join("public", "kb", "kb000001.html"))
	for _, want := range []string{`class="callout callout-note"`, "<ol>", `href="kb000002.html">Example Cloud does not sync files</a>`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("sample article lacks %s", want)
		}
	}
	if code, _, stderr := kbsite("init", dir); code != 1 || !strings.Contains(stderr, "is not empty") {
		t.Errorf("init into a full folder: exit %d %q", code, stderr)
	}
}

// A theme mistake fails `kbsite check` with its file and line.
func TestCheckParsesTemplates(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := kbsite("init", dir); code != 0 {
		t.Fatal(stderr)
	}
	os.MkdirAll(filepath.Join(dir, "templates", "partials"), 0o755)
	os.WriteFile(filepath.Join(dir, "templates", "partials", "searchform.html"), []byte("{{define \"searchform\"}}\n{{.T \"x\"}\n{{end}}"), 0o644)
	code, _, stderr := kbsite("check", "--content", filepath.Join(dir, "content"))
	want := filepath.Join(dir, "templates", "partials", "searchform.html") + ":2: "
	if code != 1 || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q, want it to start with %s", code, stderr, want)
	}
}
