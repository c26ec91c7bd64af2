package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyTemplates copies the bundled templates folder into a temporary one.
func copyTemplates(t *testing.T) string {
	t.Helper()
	src, _ := filepath.Abs("../../templates")
	dst := filepath.Join(t.TempDir(), "templates")
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestTemplateSymlinksAreRefused: a page template, base.html, a partial,
// an asset or a whole sub-folder that is a symbolic link is an error
// naming it, never read.
func TestTemplateSymlinksAreRefused(t *testing.T) {
	if _, err := Load(copyTemplates(t), nil); err != nil {
		t.Fatalf("the bundled templates do not load: %v", err)
	}
	secret := filepath.Join(t.TempDir(), "environ")
	os.WriteFile(secret, []byte("SECRET={{.}}"), 0o644)
	for _, rel := range []string{"base.html", "article.html", "partials/searchform.html", "assets/site.css", "partials", "assets"} {
		dir := copyTemplates(t)
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.RemoveAll(p)
		if err := os.Symlink(secret, p); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		_, err := Load(dir, nil)
		if err == nil || !strings.Contains(err.Error(), p+": symbolic links are not followed") {
			t.Errorf("%s as a symbolic link: %v", rel, err)
		}
	}
}
