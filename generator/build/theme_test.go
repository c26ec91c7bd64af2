package build

import (
	"os"
	"path/filepath"
	"testing"
)

// A template mistake is reported at its file and line before any article
// is parsed, and nothing is written.
func TestTemplateErrorBeforeContent(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "templates")
	os.Mkdir(tmpl, 0o755)
	os.WriteFile(filepath.Join(tmpl, "list.html"), []byte("{{define \"content\"}}\n{{range .List.Groups}}\n{{end}}"), 0o644)
	out := filepath.Join(dir, "public")
	res := buildInto(t, filepath.Join(repo, "content"), out, func(o *Options) { o.TemplatesDir = tmpl })
	if len(res.Diagnostics) != 1 || res.Articles != 0 {
		t.Fatalf("want only the template error, got %d articles:\n%s", res.Articles, messages(res))
	}
	d := res.Diagnostics[0]
	if d.File != filepath.Join(tmpl, "list.html") || d.Line != 3 {
		t.Errorf("diagnostic at %s:%d: %s", d.File, d.Line, d.Msg)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output written: %v", err)
	}
}

// With no templates folder the built-in theme builds the site.
func TestBuiltInTheme(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, filepath.Join(repo, "content"), out, func(o *Options) { o.TemplatesDir = "" })
	if res.Failed() {
		t.Fatal(messages(res))
	}
	if _, err := os.Stat(filepath.Join(out, "kb", "kb307294.html")); err != nil {
		t.Error(err)
	}
}
