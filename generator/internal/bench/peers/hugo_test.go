package peers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fakeRepo is a repository with only the Hugo config HugoSite copies.
func fakeRepo(t *testing.T) string {
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{"bench/hugo/hugo.toml": "title = 'bench'\n"})
	return repo
}

func TestHugoSiteRewritesLinks(t *testing.T) {
	corpus := t.TempDir()
	writeFiles(t, corpus, map[string]string{
		"a/kb1.md": "---\nid: KB1\ntitle: First\nsummary: One.\nupdated: 2024-01-02\nkeywords: [k]\nproducts: [p]\naliases: [Q1]\n---\n" +
			"See [](kb:KB2#fix), [old](kb:q1), [rel](../b/kb2.md#x) and [web](https://example.com/a).\n",
		"b/kb2.md": "---\nid: KB2\ntitle: Second\n---\nBody.\n",
	})
	dir, err := HugoSite(t.TempDir(), corpus, 2, 1, fakeRepo(t))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "content", "kb", "kb1.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: First\ndescription: One.\ndate: \"2024-01-02\"\ntags:\n    - k\nproducts:\n    - p\naliases:\n    - /kb/q1/\n---\n" +
		"See [Second](/kb/kb2/#fix), [old](/kb/q1/), [rel](/kb/kb2/#x) and [web](https://example.com/a).\n"
	if string(got) != want {
		t.Errorf("kb1.md:\n%s\nwant:\n%s", got, want)
	}
	for _, f := range []string{"hugo.toml", ".complete", "content/kb/kb2.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
}

func TestHugoSiteUnknownLink(t *testing.T) {
	corpus := t.TempDir()
	writeFiles(t, corpus, map[string]string{"a/kb1.md": "---\nid: KB1\ntitle: First\n---\n[x](kb:KB9)\n"})
	_, err := HugoSite(t.TempDir(), corpus, 1, 1, fakeRepo(t))
	if err == nil || !strings.Contains(err.Error(), "a/kb1.md: link to unknown article KB9") {
		t.Fatalf("err = %v, want the unknown link located in a/kb1.md", err)
	}
}
