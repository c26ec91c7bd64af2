package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kbsite/generator/safehtml"

	"golang.org/x/net/html"
)

// siteScripts allows the site's own scripts: assets loaded by src and
// JSON-LD data.
func siteScripts(attrs []html.Attribute, body string) bool {
	for _, a := range attrs {
		switch {
		case a.Key == "src" && strings.Contains(a.Val, "assets/") && strings.TrimSpace(body) == "":
			return true
		case a.Key == "type" && a.Val == "application/ld+json":
			return strings.HasPrefix(strings.TrimSpace(body), "{") || strings.HasPrefix(strings.TrimSpace(body), "[")
		}
	}
	return false
}

func TestHostileContentRendersSafely(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyTree(t, "testdata/hostile", content)
	// A 5 MB article, generated rather than committed.
	var big strings.Builder
	big.WriteString("---\nid: KB666009\ntitle: A very large article\nproducts: [evil]\n---\n")
	for big.Len() < 5<<20 {
		big.WriteString("## Section <script>window.__pwned=1</script>\n\nSome *text* with [a link](script.md) and `code`.\n\n")
	}
	os.WriteFile(filepath.Join(content, "articles", "big.md"), []byte(big.String()), 0o644)

	out := filepath.Join(dir, "public")
	res := buildInto(t, content, out, func(o *Options) { o.WarnLinks = true; o.BaseURL = "https://help.example.com/" })
	if res.Failed() {
		t.Fatalf("hostile content should build with --warn-links:\n%s", messages(res))
	}
	tree := readTree(t, out)
	pages := 0
	for p, data := range tree {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		if err := safehtml.Check(data, safehtml.Options{AllowScript: siteScripts}); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if pages < 10 {
		t.Errorf("only %d pages checked", pages)
	}
	page := string(tree["kb/kb666001.html"])
	for _, want := range []string{
		`&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; Title with &#39;quotes&#39; &amp; &#34;doubles&#34;`,
		`\u003c/script\u003e\u003cscript\u003ewindow.__pwned=1`, // inside JSON-LD
		`&lt;script&gt;window.__pwned=1&lt;/script&gt;`,         // raw HTML shown as text
	} {
		if !strings.Contains(page, want) {
			t.Errorf("kb666001.html lacks %s", want)
		}
	}
	msgs := messages(res)
	for _, want := range []string{
		`script.md:17:1: warning: unsafe link "javascript:window.__pwned=1" removed`,
		`script.md:18:43: warning: unsafe link "javascript:window.__pwned=1" removed`,
		`script.md:18:86: warning: unsafe link "java\tscript:window.__pwned=1" removed`,
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("missing %q in:\n%s", want, msgs)
		}
	}
	if _, ok := tree["kb/kb666009.html"]; !ok {
		t.Errorf("5 MB article not built")
	}
	// Search records carry hostile titles as data that cannot close a script.
	for p, data := range tree {
		if strings.HasPrefix(p, "search/") && strings.Contains(string(data), "</script") {
			t.Errorf("%s contains a literal </script", p)
		}
	}
}

func TestBrokenContentFailsWithOneLocatedErrorPerFile(t *testing.T) {
	res := buildInto(t, "testdata/broken", filepath.Join(t.TempDir(), "public"))
	msgs := messages(res)
	for _, want := range []string{
		"broken/binary.md:1:5: binary file, not Markdown text (NUL byte)",
		"broken/latin1.md:3:11: invalid UTF-8 (byte 0xe9); save the file as UTF-8",
		"broken/empty.md:1:1: front matter has no id",
		`broken/dup-b.md:2:5: duplicate id "kb100": testdata/broken/dup-a.md already uses it`,
		`broken/alias-steals-id.md:4:11: alias "KB100" is already the ID or an alias of KB100`,
		`broken/escape.md:5:1: broken link "../../../../etc/passwd": the path leads outside the content folder`,
		`broken/escape.md:5:34: broken link "/etc/passwd": absolute paths are not allowed`,
		`broken/escape.md:5:53: broken link "../../secret.png": the path leads outside the content folder`,
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("missing %q in:\n%s", want, msgs)
		}
	}
	if res.Errors != 8 {
		t.Errorf("want 8 errors, got %d:\n%s", res.Errors, msgs)
	}
}

func TestSymlinkOutsideContentIsRefused(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(content, 0o755)
	secret := filepath.Join(dir, "secret.md")
	os.WriteFile(secret, []byte("---\nid: KB9\ntitle: Secret\n---\nsecret text\n"), 0o644)
	os.Symlink(secret, filepath.Join(content, "link.md"))
	os.Symlink("/etc/passwd", filepath.Join(content, "passwd.png"))
	os.WriteFile(filepath.Join(content, "a.md"), []byte("---\nid: KB1\ntitle: A\nproducts: [x]\n---\n![p](passwd.png)\n"), 0o644)
	res := buildInto(t, content, filepath.Join(dir, "public"))
	msgs := messages(res)
	if !res.Failed() || !strings.Contains(msgs, "link.md:1:1: symbolic link points outside the content folder") ||
		!strings.Contains(msgs, "passwd.png:1:1: symbolic link points outside the content folder") {
		t.Errorf("symlinks not refused:\n%s", msgs)
	}
}
