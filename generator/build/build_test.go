package build

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// repo is the repository root, two folders up from this package.
var repo, _ = filepath.Abs("../..")

func buildInto(t *testing.T, content, out string, mutate ...func(*Options)) *Result {
	t.Helper()
	opts := Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: out}
	for _, m := range mutate {
		m(&opts)
	}
	res, err := Build(opts)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

func messages(res *Result) string {
	var b strings.Builder
	for _, d := range res.Diagnostics {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// readTree maps every file under dir to its contents.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)], _ = os.ReadFile(p)
		}
		return nil
	})
	return m
}

var hrefRe = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// checkLocalLinks asserts that every relative href/src of every HTML page
// names a file in the tree and, with a fragment, an element ID on it.
func checkLocalLinks(t *testing.T, tree map[string][]byte) int {
	t.Helper()
	checked := 0
	for page, data := range tree {
		if !strings.HasSuffix(page, ".html") {
			continue
		}
		for _, m := range hrefRe.FindAllSubmatch(data, -1) {
			u := string(m[1])
			if u == "" || strings.Contains(u, ":") || strings.HasPrefix(u, "//") {
				continue
			}
			path, frag, _ := strings.Cut(u, "#")
			// html/template percent-encodes non-ASCII; browsers decode it.
			path, _ = url.PathUnescape(path)
			frag, _ = url.PathUnescape(frag)
			target := page
			if path != "" {
				target = filepath.ToSlash(filepath.Join(filepath.Dir(page), path))
			}
			body, ok := tree[target]
			if !ok {
				t.Errorf("%s: link %q: no file %s", page, u, target)
				continue
			}
			if frag != "" && !bytes.Contains(body, []byte(`id="`+frag+`"`)) {
				t.Errorf("%s: link %q: %s has no id %q", page, u, target, frag)
			}
			checked++
		}
	}
	return checked
}

func TestBundledContentBuilds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, filepath.Join(repo, "content"), out)
	if res.Failed() || res.Warnings > 0 {
		t.Fatalf("bundled content must build cleanly:\n%s", messages(res))
	}
	if res.Articles < 12 {
		t.Errorf("want at least 12 articles, got %d", res.Articles)
	}
	tree := readTree(t, out)
	for _, p := range []string{"index.html", "404.html", "az.html", "kb/kb307294.html", "kb/q307294.html",
		"products/windows-messenger.html", "images/connection-types.svg"} {
		if _, ok := tree[p]; !ok {
			t.Errorf("missing page %s", p)
		}
	}
	seed := string(tree["kb/kb307294.html"])
	for _, want := range []string{
		"Common solutions for Windows Messenger account logon problems",
		"This article was previously published under Q307294",
		`<nav class="toc"`, "On this page", `class="callout callout-note"`, `class="callout callout-important"`,
		"Applies to", `href="../products/windows-messenger.html"`, "Back to the top", "<ol>",
		`<nav class="breadcrumbs`, `<time datetime="2005-03-10">`,
	} {
		if !strings.Contains(seed, want) {
			t.Errorf("seed article lacks %q", want)
		}
	}
	if n := checkLocalLinks(t, tree); n < 500 {
		t.Errorf("only %d local links checked; expected a richly linked site", n)
	}
	// Every internal URL is relative: no root-absolute links anywhere.
	for page, data := range tree {
		if strings.HasSuffix(page, ".html") && regexp.MustCompile(`(?:href|src)="/`).Match(data) {
			t.Errorf("%s has a root-absolute URL, which breaks sub-paths and file://", page)
		}
	}
	// Assets carry content hashes.
	if !regexp.MustCompile(`href="assets/site\.[0-9a-f]{10}\.css"`).Match(tree["index.html"]) {
		t.Errorf("home page does not link a hashed stylesheet")
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	buildInto(t, filepath.Join(repo, "content"), a)
	buildInto(t, filepath.Join(repo, "content"), b)
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("file counts differ: %d vs %d", len(ta), len(tb))
	}
	for p, d := range ta {
		if !bytes.Equal(d, tb[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// copyTree copies src into dst so a test can break content safely.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, _ := os.ReadFile(p)
		return os.WriteFile(target, data, 0o644)
	})
}

func TestFailedBuildLeavesPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	copyTree(t, filepath.Join(repo, "content"), content)
	if res := buildInto(t, content, out); res.Failed() {
		t.Fatal(messages(res))
	}
	before := readTree(t, out)

	// Break the last article (by path) and add a second problem elsewhere.
	last := filepath.Join(content, "windows-xp", "kb842242.md")
	src, _ := os.ReadFile(last)
	os.WriteFile(last, append(src, []byte("\nSee [gone](kb:KB999999).\n")...), 0o644)
	os.WriteFile(filepath.Join(content, "broken.md"), []byte("---\nid: KB1\ntitle: [x\n---\n"), 0o644)
	res := buildInto(t, content, out)
	if !res.Failed() || res.Errors != 2 {
		t.Fatalf("want 2 errors, got:\n%s", messages(res))
	}
	msgs := messages(res)
	if !strings.Contains(msgs, "broken.md:") || !strings.Contains(msgs, `kb842242.md:`) || !strings.Contains(msgs, `broken link "kb:KB999999": no article with that ID`) {
		t.Errorf("errors not reported with locations:\n%s", msgs)
	}
	if strings.Index(msgs, "broken.md") > strings.Index(msgs, "windows-xp") {
		t.Errorf("errors not sorted by file:\n%s", msgs)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output changed after a failed build: %d files, was %d", len(after), len(before))
	}
	for p, d := range before {
		if !bytes.Equal(d, after[p]) {
			t.Errorf("%s changed after a failed build", p)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.kbsite-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

// A content folder given as a symbolic link (a checkout linked into place)
// builds like the folder itself.
func TestContentFolderBehindSymlink(t *testing.T) {
	dir := t.TempDir()
	abs, _ := filepath.Abs(filepath.Join(repo, "content"))
	link := filepath.Join(dir, "content")
	if err := os.Symlink(abs, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	direct := buildInto(t, abs, filepath.Join(dir, "direct"))
	linked := buildInto(t, link, filepath.Join(dir, "linked"))
	if linked.Failed() || linked.Articles != direct.Articles || linked.Pages != direct.Pages {
		t.Fatalf("through the link: %d articles, %d pages, %v; directly: %d articles, %d pages",
			linked.Articles, linked.Pages, messages(linked), direct.Articles, direct.Pages)
	}
}

func TestNoStaleFiles(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	copyTree(t, filepath.Join(repo, "content"), content)
	buildInto(t, content, out)
	os.Remove(filepath.Join(content, "messenger", "kb828109.md"))
	// Nothing may link to the removed article any more.
	for _, f := range []string{"messenger/kb307294.md", "messenger/kb822498.md", "messenger/kb950100.md", "network/kb310221.md", "network/kb324214.md",
		"de/messenger/kb307294.md", "fr/messenger/kb307294.md", "de/network/kb310221.md", "fr/network/kb310221.md", "de/network/kb324214.md", "fr/network/kb324214.md"} {
		p := filepath.Join(content, f)
		src, _ := os.ReadFile(p)
		os.WriteFile(p, []byte(regexp.MustCompile(`\]\([^)]*(?:kb828109\.md|kb:KB828109)[^)]*\)|KB828109,? ?`).ReplaceAllStringFunc(string(src), func(s string) string {
			if strings.HasPrefix(s, "](") {
				return "](#top)"
			}
			return ""
		})), 0o644)
	}
	res := buildInto(t, content, out)
	if res.Failed() {
		t.Fatal(messages(res))
	}
	if _, err := os.Stat(filepath.Join(out, "kb", "kb828109.html")); !os.IsNotExist(err) {
		t.Errorf("page of a removed article is still in the output")
	}
}

// TestRebuildSweepsThePreviousSite: a rebuild leaves the site it replaced
// in a trash folder beside the output, and the next build deletes it, in
// the background, and says how long it waited for that.
func TestRebuildSweepsThePreviousSite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	trash := func() []string {
		t.Helper()
		m, _ := filepath.Glob(filepath.Join(dir, ".public.kbsite-*"))
		return m
	}
	content := filepath.Join(repo, "content")
	buildInto(t, content, out)
	buildInto(t, content, out)
	first := trash()
	if len(first) != 1 || !strings.Contains(first[0], ".kbsite-old-") {
		t.Fatalf("after a rebuild: %v, want one trash folder", first)
	}
	if _, err := os.Stat(filepath.Join(first[0], "index.html")); err != nil {
		t.Errorf("the trash folder does not hold the previous site: %v", err)
	}
	res := buildInto(t, content, out)
	if last := res.Stages[len(res.Stages)-1]; last.Name != "old site" {
		t.Errorf("last stage %q, want the wait for the old site", last.Name)
	}
	if second := trash(); len(second) != 1 || second[0] == first[0] {
		t.Errorf("after the next build: %v, want only the newer trash folder (not %s)", second, first[0])
	}
}

// TestStagesReportCPU: each stage carries the CPU time the process used
// during it, so that -v can show how busy the cores were.
func TestStagesReportCPU(t *testing.T) {
	res := buildInto(t, filepath.Join(repo, "content"), filepath.Join(t.TempDir(), "public"))
	var sum time.Duration
	for _, s := range res.Stages {
		if s.CPU < 0 {
			t.Errorf("stage %s: CPU %v", s.Name, s.CPU)
		}
		sum += s.CPU
	}
	if sum <= 0 {
		t.Errorf("no CPU time in the stages: %v", res.Stages)
	}
}

func TestForeignContentBuildsWithWarnings(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, "testdata/foreign", out, func(o *Options) { o.WarnLinks = true })
	if res.Failed() {
		t.Fatalf("foreign content must build:\n%s", messages(res))
	}
	msgs := messages(res)
	for _, want := range []string{"testdata/foreign: warning: 1 front matter key kbsite does not use (ignored): custom_key (1 file)", `broken link "missing.md"`} {
		if !strings.Contains(msgs, want) {
			t.Errorf("want warning %q in:\n%s", want, msgs)
		}
	}
	if strings.Contains(msgs, "ms.") || strings.Contains(msgs, "author") {
		t.Errorf("DocFX keys must be accepted silently:\n%s", msgs)
	}
	tree := readTree(t, out)
	install := string(tree["docs/install.html"])
	for _, want := range []string{`<time datetime="2024-01-15">`, "<dd>How-to guide</dd>", `<meta name="description" content="How to install the tool on Windows.">`} {
		if !strings.Contains(install, want) {
			t.Errorf("install page lacks %s", want)
		}
	}
	if strings.Contains(install, `id="summary"`) {
		t.Errorf("a DocFX description is shown as a Summary section")
	}
	if !strings.Contains(install, "Install the tool") || !strings.Contains(install, `href="setup.html#configure-it"`) {
		t.Errorf("derived IDs or links wrong:\n%s", install)
	}
	// Pages keep the folder layout, except where the build's own pages
	// and folders are, and articles with their own ID: those go beside the
	// articles, by ID.
	for _, p := range []string{"docs/setup.html", "kb/index.html", "kb/assets-guide.html", "kb/kb-faq.html"} {
		if _, ok := tree[p]; !ok {
			t.Errorf("page %s missing", p)
		}
	}
	if setup := string(tree["docs/setup.html"]); !strings.Contains(setup, `href="questions.html#can-i-run-it-on-arm--or-x86-"`) {
		t.Errorf("link to a question of faq.yml not resolved:\n%s", setup)
	}
	faq := string(tree["docs/questions.html"])
	for _, want := range []string{`<h3 id="can-i-run-it-on-arm--or-x86-">`, `"@type":"FAQPage"`, `"name":"Is it free?"`, `"acceptedAnswer":{"@type":"Answer","text":"Yes."}`} {
		if !strings.Contains(faq, want) {
			t.Errorf("FAQ page lacks %s:\n%s", want, faq)
		}
	}
	for page, want := range map[string]string{"old/install-old.html": `href="../docs/install.html"`, "setup-legacy.html": `href="docs/setup.html"`} {
		if !strings.Contains(string(tree[page]), want) {
			t.Errorf("redirection %s lacks %s:\n%s", page, want, tree[page])
		}
	}
	if want := `.openpublishing.redirection.json: warning: 1 of 3 redirections lead outside this site (such as "https://elsewhere.example.com/other-page")`; !strings.Contains(msgs, want) {
		t.Errorf("want %s in:\n%s", want, msgs)
	}
	indexed := false
	for rel, data := range tree {
		indexed = indexed || strings.HasPrefix(rel, "search/") && strings.Contains(string(data), `["is-it-free-","Is it free?","Yes."]`)
	}
	if !indexed {
		t.Errorf("search does not index each FAQ question as a section")
	}
}

// TestRealCorpora builds the real documentation of ../shared/corpus (as
// a writer would, with --warn-links, since the copies lack some images and
// includes, and --link-root https://learn.microsoft.com/) and checks that no page shows DocFX syntax as text, an escaped
// <br/>, or an en dash where the source has "--".
func TestRealCorpora(t *testing.T) {
	literal := regexp.MustCompile(`:::|\[!(?:INCLUDE|div|VIDEO|NOTE|TIP|IMPORTANT|WARNING|CAUTION)|&lt;br ?/?&gt;|\x{2013}(?:install|help|version|list|distribution|shutdown|terminate|update|set-)`)
	for _, name := range []string{"wsl", "kb-support"} {
		t.Run(name, func(t *testing.T) {
			corpus := requireCorpus(t, name)
			out := filepath.Join(t.TempDir(), "public")
			res := buildInto(t, corpus, out, func(o *Options) { o.WarnLinks = true; o.LinkRoot = "https://learn.microsoft.com/" })
			if res.Failed() {
				t.Fatalf("%s failed:\n%s", name, messages(res))
			}
			pages := 0
			for p, data := range readTree(t, out) {
				if !strings.HasSuffix(p, ".html") {
					continue
				}
				pages++
				if m := literal.Find(data); m != nil {
					t.Errorf("%s shows %q as text", p, m)
				}
			}
			t.Logf("%d articles, %d pages (%d HTML), %d warnings", res.Articles, res.Pages, pages, res.Warnings)
			if name == "kb-support" { // the copy lacks the images and most includes; nothing else is wrong
				for _, d := range res.Diagnostics {
					if !absentFile.MatchString(d.String()) {
						t.Errorf("a warning not about a file absent from the copy: %s", d)
					}
				}
			}
		})
	}
}

// absentFile is a warning about a link, image or include to a file the
// copy of a corpus does not have.
var absentFile = regexp.MustCompile(`: warning: (broken link ".*": no such file in the content folder|included file .* cannot be read \((no such file in|the path leads outside) the content folder\))`)

// requireCorpus returns the folder of a real corpus, skipping the test when
// it is absent unless KBSITE_REQUIRE_CORPUS is set (make test sets it).
func requireCorpus(t *testing.T, name string) string {
	t.Helper()
	corpus := filepath.Join(repo, "..", "shared", "corpus", name)
	if _, err := os.Stat(corpus); err != nil {
		if os.Getenv("KBSITE_REQUIRE_CORPUS") != "" {
			t.Fatalf("corpus %s absent: %v (KBSITE_REQUIRE_CORPUS is set)", name, err)
		}
		t.Skipf("corpus %s absent: %v", name, err)
	}
	return corpus
}

// TestBadValueReportsEveryError: a bad date is one error, the same file's
// broken link is reported in the same run, and the articles that link to
// the file get no errors of their own: the article stays in the build.
func TestBadValueReportsEveryError(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	copyTree(t, filepath.Join(repo, "content"), content)
	file := filepath.Join(content, "messenger", "kb307294.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	src = regexp.MustCompile(`(?m)^updated: .*$`).ReplaceAll(src, []byte("updated: soon"))
	src = bytes.Replace(src, []byte("(../network/kb310221.md"), []byte("(../network/kb31022.md"), 1)
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	res := buildInto(t, content, filepath.Join(t.TempDir(), "public"), func(o *Options) { o.CheckOnly = true })
	msgs := messages(res)
	if res.Errors != 2 || !strings.Contains(msgs, `updated "soon" is not a date`) || !strings.Contains(msgs, `broken link "../network/kb31022.md`) {
		t.Errorf("want the date and the link error, and nothing else; got %d errors:\n%s", res.Errors, msgs)
	}
	for _, d := range res.Diagnostics {
		if d.Kind == "" {
			t.Errorf("no kind: %s", d)
		}
	}
}
