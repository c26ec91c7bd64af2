package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var repo, _ = filepath.Abs("../../..")

func kbsite(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitCodesAndHelp(t *testing.T) {
	if code, _, _ := kbsite(); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
	if code, _, errs := kbsite("frobnicate"); code != 2 || !strings.Contains(errs, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: exit %d %q", code, errs)
	}
	for _, cmd := range []string{"build", "check", "serve", "new", "search", "init"} {
		code, out, errs := kbsite(cmd, "--help")
		// The usage once, on stdout, and nothing on stderr.
		if code != 0 || strings.Count(out, "Usage: kbsite "+cmd) != 1 || errs != "" {
			t.Errorf("%s --help: exit %d, output %q, errors %q", cmd, code, out, errs)
		}
		if cmd == "init" || cmd == "search" {
			continue
		}
		if !strings.Contains(out, "-content") {
			t.Errorf("%s --help does not list --content: %q", cmd, out)
		}
		if code, _, _ := kbsite(cmd, "--no-such-flag"); code != 2 {
			t.Errorf("%s with a bad flag: exit %d, want 2", cmd, code)
		}
	}
	if code, _, errs := kbsite("build", "--base-url", "not a url"); code != 2 || !strings.Contains(errs, "--base-url") {
		t.Errorf("bad base URL: exit %d %q", code, errs)
	}
}

func TestBuildSummaryAndContentErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	code, stdout, stderr := kbsite("build", "--content", filepath.Join(repo, "content"), "--templates", filepath.Join(repo, "templates"), "--out", out)
	if code != 0 || !strings.HasPrefix(stdout, "kbsite: built ") || !strings.Contains(stdout, " articles, ") || stderr != "" {
		t.Fatalf("build: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	content := filepath.Join(dir, "content")
	os.MkdirAll(content, 0o755)
	os.WriteFile(filepath.Join(content, "x.md"), []byte("---\nid: KB1\ntitle: T\nupdated: soon\n---\nSee [a](kb:KB2).\n"), 0o644)
	code, _, stderr = kbsite("build", "--content", content, "--templates", filepath.Join(repo, "templates"), "--out", out)
	if code != 1 {
		t.Errorf("content error: exit %d, want 1", code)
	}
	want := filepath.Join(content, "x.md") + `:4:10: updated "soon" is not a date`
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "left unchanged") {
		t.Errorf("stderr %q lacks %q", stderr, want)
	}
}

func TestCheckJSON(t *testing.T) {
	content := t.TempDir()
	os.WriteFile(filepath.Join(content, "a.md"), []byte("---\nid: KB310221\ntitle: A\nproducts: [x]\n---\n## LAN settings\n\nSee [b](kb:KB31022) and [c](https://example.com).\n"), 0o644)
	code, stdout, _ := kbsite("check", "--content", content, "--templates", filepath.Join(repo, "templates"), "--format", "json", "--external")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var rep struct {
		OK       bool
		Errors   int
		Problems []struct {
			File, Severity, Kind, Message string
			Line, Col                     int
		}
		External []struct{ URL string }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if rep.OK || rep.Errors != 1 || len(rep.Problems) != 1 {
		t.Fatalf("report = %+v", rep)
	}
	p := rep.Problems[0]
	if p.Line != 8 || p.Col != 5 || p.Kind != "link" || p.Message != `broken link "kb:KB31022": no article with that ID (did you mean KB310221?)` {
		t.Errorf("problem = %+v", p)
	}
	if len(rep.External) != 1 || rep.External[0].URL != "https://example.com" {
		t.Errorf("external = %+v", rep.External)
	}
}

func TestNewCreatesNextArticleThatBuilds(t *testing.T) {
	content := t.TempDir()
	os.MkdirAll(filepath.Join(content, "x"), 0o755)
	os.WriteFile(filepath.Join(content, "x", "a.md"), []byte("---\nid: KB307294\ntitle: A\nproducts: [x]\n---\nText.\n"), 0o644)
	code, stdout, stderr := kbsite("new", "--content", content, "--product", "windows-messenger", `Error "80048820" when you sign in`)
	want := filepath.Join(content, "windows-messenger", "kb307295.md")
	if code != 0 || strings.TrimSpace(stdout) != want {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	src, _ := os.ReadFile(want)
	for _, s := range []string{"id: KB307295", `title: "Error \"80048820\" when you sign in"`, "## Symptoms", "## Cause", "## Resolution", "## More information", "products: [windows-messenger]"} {
		if !strings.Contains(string(src), s) {
			t.Errorf("new article lacks %q:\n%s", s, src)
		}
	}
	// The skeleton is a valid article: it builds without errors.
	code, _, stderr = kbsite("check", "--content", content, "--templates", filepath.Join(repo, "templates"))
	if code != 0 {
		t.Errorf("new article does not pass check: %s", stderr)
	}
	if code, _, _ := kbsite("new", "--content", content, "Title"); code != 2 {
		t.Errorf("missing --product: exit %d, want 2", code)
	}
	if code, _, _ := kbsite("new", "--content", content, "--product", "x"); code != 2 {
		t.Errorf("missing title: exit %d, want 2", code)
	}
}

// TestLinkRoot: host-relative links are errors that suggest link_root;
// --link-root (on build, check and serve) or site.yaml's link_root makes
// them external links, listed by check --external and written absolute.
func TestLinkRoot(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(content, 0o755)
	os.WriteFile(filepath.Join(content, "x.md"), []byte("# T\n\nSee [terminal](/windows/terminal) and [wsl](~/windows/wsl/faq#top).\n"), 0o644)
	tpl := filepath.Join(repo, "templates")
	if code, _, errs := kbsite("check", "--content", content, "--templates", tpl); code != 1 || !strings.Contains(errs, "link_root") {
		t.Errorf("without a link root: exit %d %q", code, errs)
	}
	code, out, errs := kbsite("check", "--external", "--content", content, "--templates", tpl, "--link-root", "https://learn.microsoft.com")
	if code != 0 || !strings.Contains(out, "x.md:3:5: https://learn.microsoft.com/windows/terminal") ||
		!strings.Contains(out, "https://learn.microsoft.com/windows/wsl/faq#top") {
		t.Errorf("check --link-root: exit %d\nstdout %q\nstderr %q", code, out, errs)
	}
	os.WriteFile(filepath.Join(content, "site.yaml"), []byte("link_root: https://learn.microsoft.com/\nderive_ids: true\n"), 0o644)
	site := filepath.Join(dir, "public")
	if code, _, errs := kbsite("build", "-q", "--content", content, "--templates", tpl, "--out", site); code != 0 {
		t.Fatalf("build with link_root in site.yaml: exit %d %q", code, errs)
	}
	pages, _ := filepath.Glob(filepath.Join(site, "*", "x.html"))
	page, _ := os.ReadFile(filepath.Join(site, "x.html")) // where foreign pages keep their layout
	for _, p := range pages {
		page, _ = os.ReadFile(p)
	}
	if !strings.Contains(string(page), `href="https://learn.microsoft.com/windows/terminal"`) {
		t.Errorf("page lacks the absolute link:\n%s", page)
	}
	for _, cmd := range []string{"build", "check", "serve"} {
		if code, _, errs := kbsite(cmd, "--link-root", "ftp://x y"); code != 2 || !strings.Contains(errs, "--link-root") {
			t.Errorf("%s with a bad link root: exit %d %q", cmd, code, errs)
		}
	}
}

// TestNewPlacesArticleWithItsProduct: new puts the article in the folder
// holding most of the product's articles, whether the product is typed as
// its slug or its display name, and makes a folder only for a product no
// article has; the placeholders it writes are warnings until replaced.
func TestNewPlacesArticleWithItsProduct(t *testing.T) {
	content := t.TempDir()
	for i, a := range []struct{ rel, products string }{{"messenger/a.md", "windows-messenger"}, {"messenger/b.md", "[windows-messenger, x]"}, {"other/c.md", "windows-messenger"}} {
		os.MkdirAll(filepath.Join(content, filepath.Dir(a.rel)), 0o755)
		os.WriteFile(filepath.Join(content, a.rel), []byte(fmt.Sprintf("---\nid: KB%06d\ntitle: %s\nproducts: %s\n---\nText.\n", 98+i, a.rel, a.products)), 0o644)
	}
	for _, c := range []struct{ product, file, written, stderr string }{
		{"Windows Messenger", "messenger/kb000101.md", "products: [windows-messenger]", ""},
		{"Office Tools", "office-tools/kb000102.md", `products: ["Office Tools"]`, ""},
		{"windows-mesenger", "windows-mesenger/kb000103.md", "products: [windows-mesenger]", "no article has product windows-mesenger yet (did you mean windows-messenger?)"},
	} {
		code, stdout, stderr := kbsite("new", "--content", content, "--product", c.product, "Title "+c.product)
		want := filepath.Join(content, filepath.FromSlash(c.file))
		if code != 0 || strings.TrimSpace(stdout) != want || !strings.Contains(stderr, c.stderr) {
			t.Fatalf("new --product %q: exit %d, stdout %q (want %s), stderr %q", c.product, code, stdout, want, stderr)
		}
		if src, _ := os.ReadFile(want); !strings.Contains(string(src), c.written) {
			t.Errorf("%s lacks %q:\n%s", c.file, c.written, src)
		}
	}
	code, _, stderr := kbsite("check", "--content", content, "--templates", filepath.Join(repo, "templates"))
	want := filepath.Join(content, "messenger", "kb000101.md") + `:4:10: warning: placeholder text left from kbsite new: "One or two sentences that say what this article solves." (and 6 more, on lines 14, 18, 24, 25, 28, 32)`
	if code != 0 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "product \"windows-mesenger\" looks like a typo") {
		t.Errorf("check: exit %d, stderr lacks %q:\n%s", code, want, stderr)
	}
}

// TestProductDisplayNames: `products: [Windows Messenger]` lists the
// article under products/windows-messenger.html with that name, which
// site.yaml's name for the slug overrides.
func TestProductDisplayNames(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(content, 0o755)
	os.WriteFile(filepath.Join(content, "x.md"), []byte("---\nid: KB1\ntitle: X\nproducts: [Windows Messenger, MSN Messenger]\n---\nSee [](kb:KB2).\n"), 0o644)
	os.WriteFile(filepath.Join(content, "y.md"), []byte("---\nid: KB2\ntitle: Y\nproducts: [windows-messenger]\n---\nSee [](kb:KB1).\n"), 0o644)
	os.WriteFile(filepath.Join(content, "site.yaml"), []byte("products:\n  msn-messenger: MSN Messenger 6.x\n"), 0o644)
	out := filepath.Join(dir, "public")
	if code, _, errs := kbsite("build", "-q", "--content", content, "--templates", filepath.Join(repo, "templates"), "--out", out); code != 0 || errs != "" {
		t.Fatalf("build: exit %d %q", code, errs)
	}
	page, _ := os.ReadFile(filepath.Join(out, "kb", "kb2.html"))
	if !strings.Contains(string(page), `<a href="../products/windows-messenger.html">Windows Messenger</a>`) {
		t.Errorf("KB2 does not name windows-messenger as KB1 wrote it:\n%s", page)
	}
	if n := strings.Count(string(page), ">Applies to<"); n != 1 {
		t.Errorf(`"Applies to" shown %d times, want once (at the top)`, n)
	}
	page, _ = os.ReadFile(filepath.Join(out, "kb", "kb1.html"))
	if !strings.Contains(string(page), `<a href="../products/msn-messenger.html">MSN Messenger 6.x</a>`) {
		t.Errorf("site.yaml's name does not win:\n%s", page)
	}
}

// TestCheckReportsEveryErrorOfAFile: a front matter mistake does not hide
// the same file's link errors, and every problem in JSON has a kind.
func TestCheckReportsEveryErrorOfAFile(t *testing.T) {
	content := t.TempDir()
	os.WriteFile(filepath.Join(content, "x.md"), []byte("---\nid: KB1\ntitle: T\nupdated: soon\n---\nSee [a](kb:KB2) and [b](#nowhere).\n"), 0o644)
	code, stdout, _ := kbsite("check", "--content", content, "--templates", filepath.Join(repo, "templates"), "--format", "json")
	var rep struct {
		Problems []struct {
			Line, Col int
			Kind      string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); code != 1 || err != nil {
		t.Fatalf("exit %d, %v\n%s", code, err, stdout)
	}
	var got []string
	for _, p := range rep.Problems {
		got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Kind))
	}
	if want := "4:10 front-matter, 6:5 link, 6:21 link"; strings.Join(got, ", ") != want {
		t.Errorf("problems %q, want %s", got, want)
	}
}
