package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// featuredSite writes a three-article site whose site.yaml features what
// featured lists, and returns its content folder.
func featuredSite(t *testing.T, featured string) string {
	t.Helper()
	content := filepath.Join(t.TempDir(), "content")
	writeTree(t, content, map[string][]byte{
		"site.yaml": []byte("title: T\nfeatured:\n" + featured),
		"a.md":      []byte("---\nid: KB1\ntitle: Alpha\nproducts: [p]\n---\nText.\n"),
		"b/b.md":    []byte("---\nid: KB2\ntitle: Beta\nsummary: Beta's summary.\nproducts: [p]\n---\nText.\n"),
		"c.md":      []byte("---\nid: KB3\ntitle: Gamma\nproducts: [p]\n---\nText.\n"),
	})
	return content
}

// TestFeaturedArticles: site.yaml's featured IDs and content paths are
// the home page's featured articles, in order; an unknown one is an error
// at its line in site.yaml.
func TestFeaturedArticles(t *testing.T) {
	content := featuredSite(t, "  - b/b.md\n  - kb1\n")
	out := filepath.Join(t.TempDir(), "public")
	if res := buildInto(t, content, out); res.Failed() {
		t.Fatal(messages(res))
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(home), `<ul class="card-grid featured-list">
<li class="card"><a class="card-title" href="kb/kb2.html">Beta</a><p class="card-text">Beta&#39;s summary.</p></li>
<li class="card"><a class="card-title" href="kb/kb1.html">Alpha</a></li>
</ul>`) {
		t.Errorf("home page lacks the featured articles:\n%s", home)
	}
	bad := featuredSite(t, "  - KB1\n  - KB4\n  - b/c.md\n")
	res := buildInto(t, bad, filepath.Join(t.TempDir(), "public"))
	yaml := filepath.Join(bad, "site.yaml")
	want := yaml + `:4:5: featured article "KB4" does not exist (did you mean KB1?)
` + yaml + `:5:5: featured article "b/c.md" does not exist (did you mean b/b.md?)
`
	if !res.Failed() || messages(res) != want {
		t.Errorf("got\n%swant\n%s", messages(res), want)
	}
}

// TestServeReportsAFeaturedArticleGone: deleting a featured article in
// serve mode is the same error as in a full build, also when the tree
// (toc.yml, without it) stays the same.
func TestServeReportsAFeaturedArticleGone(t *testing.T) {
	content := featuredSite(t, "  - c.md\n")
	writeTree(t, content, map[string][]byte{"toc.yml": []byte("items:\n- name: Alpha\n  href: a.md\n- name: Beta\n  href: b/b.md\n")})
	sess, res, err := NewSession(Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: filepath.Join(t.TempDir(), "public")})
	if err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	gone := filepath.Join(content, "c.md")
	os.Remove(gone)
	res, _, err = sess.Update([]string{gone})
	if err != nil || !res.Failed() || !strings.Contains(messages(res), `site.yaml:3:5: featured article "c.md" does not exist`) {
		t.Errorf("want the featured error, got %v %s", err, messages(res))
	}
}
