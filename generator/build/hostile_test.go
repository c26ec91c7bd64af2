package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kbsite"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/safehtml"
	"kbsite/generator/theme"

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
	for _, d := range res.Diagnostics {
		if strings.HasPrefix(d.Msg, "alias ") && (d.Kind != diag.KindAlias || d.Line == 0) {
			t.Errorf("%s: kind %q, want %q with a position", d, d.Kind, diag.KindAlias)
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

// forgeAsset writes a script under the hashed name the theme publishes
// search-ui.js at, and an article that links to it, into content.
func forgeAsset(t *testing.T, content string) string {
	t.Helper()
	dl := &diag.List{}
	th := theme.Open(filepath.Join(repo, "templates"), kbsite.Theme, dl)
	if th == nil {
		t.Fatal(dl.Sorted())
	}
	var asset string
	for _, a := range th.Assets() {
		if a.Name == "search-ui.js" {
			asset = a.Path
		}
	}
	if asset == "" {
		t.Fatal("the theme has no search-ui.js")
	}
	for name, data := range map[string]string{
		asset:             "window.__pwned=1\n",
		"linked/asset.md": "---\nid: KB666101\ntitle: A link to a forged asset\nproducts: [evil]\n---\n[over an asset](../" + asset + ")\n",
	} {
		p := filepath.Join(content, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return asset
}

func TestLinkedFilesNeverReplaceGeneratedFilesOrRunScript(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	copyTree(t, "testdata/hostile-files", content)
	asset := forgeAsset(t, content)
	out := filepath.Join(t.TempDir(), "public")
	// --warn-links must not turn these into warnings.
	res := buildInto(t, content, out, func(o *Options) { o.WarnLinks = true; o.BaseURL = "https://help.example.com/" })
	msgs := messages(res)
	const move = "; rename it, or move it to a folder such as files/"
	const kind = " is not published: only images, PDF, text, archives and office documents are, as a browser could run other kinds as pages of this site; link to it as an external URL, or zip it"
	const svg = "; an SVG may not carry script, event handlers, foreignObject or references outside the file"
	want := []string{
		"linked/links.md:6:1: linked file files/evil.html" + kind,
		`linked/links.md:6:28: linked file files/evil-onload.svg is not published: line 1:1: <svg onload="window.__pwned=1">: event handler` + svg,
		"linked/links.md:7:1: linked file files/evil-script.svg is not published: line 2:3: <script> element" + svg,
		"linked/links.md:8:1: linked file kb/kb310221.html would replace the generated kb/kb310221.html (the page of KB310221)" + move,
		"linked/links.md:8:40: linked file search.html would replace the generated search.html (the search page)" + move,
		"linked/links.md:9:1: linked file robots.txt would replace the generated robots.txt (the robots file)" + move,
		"linked/asset.md:6:1: linked file " + asset + " would be published in assets/, the folder of the theme's assets" + move,
		`linked/aliases.md:5:11: alias "index.html" would replace index.html (the home page)`,
		`linked/aliases.md:5:23: alias "search.html" would replace search.html (the search page)`,
		`linked/aliases.md:5:36: alias "kb/kb310221.html" would replace kb/kb310221.html (the page of KB310221)`,
		`linked/aliases.md:5:54: alias "./az.html" would replace az.html (the A–Z index)`,
		`linked/aliases.md:5:65: alias "kb//kb305159.html" would replace kb/kb305159.html (the page of KB305159)`,
		`linked/aliases.md:5:84: alias "products/evil.html" would replace a page in products/, the folder of product listings`,
		`linked/kb310221.md:5:11: alias "/old/page.html" is already used by KB305159`,
	}
	for _, w := range want {
		if !strings.Contains(msgs, w+"\n") {
			t.Errorf("missing %q", w)
		}
	}
	if res.Errors != len(want) {
		t.Errorf("want %d errors, got %d:\n%s", len(want), res.Errors, msgs)
	}
	for _, d := range res.Diagnostics {
		if d.Severity == diag.Error && d.Kind != diag.KindFile && d.Kind != diag.KindAlias {
			t.Errorf("%s: kind %q", d, d.Kind)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build wrote %s", out)
	}
}

func TestEveryPublishedKindIsPublished(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, "testdata/hostile", out, func(o *Options) { o.WarnLinks = true })
	if res.Failed() {
		t.Fatalf("%s", messages(res))
	}
	for _, f := range []string{"pixel.png", "diagram.svg", "manual.pdf", "tools.zip", "report.docx", "notes.txt"} {
		want, _ := os.ReadFile(filepath.Join("testdata/hostile/files", f))
		got, err := os.ReadFile(filepath.Join(out, "files", f))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("files/%s not published as it is: %v", f, err)
		}
	}
}

// In serve mode, an edit that points an alias at a page, or a new article
// at an address an alias holds, is refused at the alias.
func TestServeRefusesAliasesOverPages(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyTree(t, filepath.Join(repo, "content"), content)
	sess, res, err := NewSession(Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: filepath.Join(dir, "public")})
	if err != nil || res.Failed() {
		t.Fatalf("%v %s", err, messages(res))
	}
	write := func(rel, src string) string {
		p := filepath.Join(content, rel)
		os.WriteFile(p, []byte(src), 0o644)
		return p
	}
	for _, c := range []struct{ rel, src, want string }{
		{"new.md", "---\nid: KB900001\ntitle: New\nproducts: [x]\naliases: [Q1, ./search.html]\n---\n",
			`new.md:5:15: alias "./search.html" would replace search.html (the search page)`},
		{"new.md", "---\nid: Q307294\ntitle: New\nproducts: [x]\n---\n",
			`messenger/kb307294.md:8:11: alias "Q307294" is the address of Q307294`},
	} {
		res, _, err := sess.Update([]string{write(c.rel, c.src)})
		if err != nil {
			t.Fatal(err)
		}
		if msgs := messages(res); !res.Failed() || !strings.Contains(msgs, c.want) {
			t.Errorf("want %q, got:\n%s", c.want, msgs)
		}
	}
}
