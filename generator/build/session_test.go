package build

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"kbsite/generator/search/engine"
)

// TestIncrementalMatchesFullBuild applies edits through a Session and
// checks after each that the live output is byte-identical to a fresh full
// build of the same content: incremental rebuilds may skip work, never
// change the result. Each step says whether it may be incremental, so
// that the shortcuts are the ones tested, and the steps follow each other
// on one session, so that serve mode's indexes must stay right from edit
// to edit (an article edited twice, a new article edited, then deleted).
func TestIncrementalMatchesFullBuild(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	copyTree(t, filepath.Join(repo, "content"), content)
	// A tree that names none of the edited articles: every page shows it,
	// so a change of title it shows would rebuild everything.
	os.WriteFile(filepath.Join(content, "toc.yml"), []byte("- name: Messenger\n  href: messenger/kb307294.md\n"), 0o644)
	opts := Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: out}
	sess, res, err := NewSession(opts)
	if err != nil || res.Failed() {
		t.Fatalf("%v %s", err, messages(res))
	}
	edit := func(rel, old, new string) string {
		p := filepath.Join(content, rel)
		src, _ := os.ReadFile(p)
		if !strings.Contains(string(src), old) {
			t.Fatalf("%s lacks %q", rel, old)
		}
		os.WriteFile(p, []byte(strings.Replace(string(src), old, new, 1)), 0o644)
		return p
	}
	steps := []struct {
		name  string
		full  bool // the edit changes what every page shows
		apply func() []string
	}{
		{"edit the text of a linked article", false, func() []string {
			return []string{edit("network/kb310221.md", "## Cause", "## Cause\n\nAn added sentence.")}
		}},
		{"retitle a linked article", false, func() []string {
			return []string{edit("network/kb310221.md", "title: ", "title: Renamed - ")}
		}},
		{"retitle it again", false, func() []string {
			return []string{edit("network/kb310221.md", "title: Renamed - ", "title: Renamed twice - ")}
		}},
		{"retitle a translation", false, func() []string {
			return []string{edit("de/network/kb324214.md", "title: ", "title: Umbenannt - ")}
		}},
		{"add a link and a keyword", false, func() []string {
			return []string{edit("passport/kb305159.md", "## Cause", "See also [](kb:KB302089).\n\n## Cause")}
		}},
		{"retitle the linked article", false, func() []string {
			return []string{edit("windows-xp/kb302089.md", "title: ", "title: Relinked - ")}
		}},
		{"remove that link", false, func() []string {
			return []string{edit("passport/kb305159.md", "See also [](kb:KB302089).\n\n", "")}
		}},
		{"add an alias", false, func() []string {
			return []string{edit("passport/kb305159.md", "aliases: [Q305159]", "aliases: [Q305159, Q305160]")}
		}},
		{"drop that alias", false, func() []string {
			return []string{edit("passport/kb305159.md", "aliases: [Q305159, Q305160]", "aliases: [Q305159]")}
		}},
		{"include a file", false, func() []string {
			os.MkdirAll(filepath.Join(content, "includes"), 0o755)
			os.WriteFile(filepath.Join(content, "includes", "note.md"), []byte("An included note.\n"), 0o644)
			return []string{edit("passport/kb305159.md", "## Cause", "[!INCLUDE [note](../includes/note.md)]\n\n## Cause")}
		}},
		{"edit the included file", false, func() []string {
			p := filepath.Join(content, "includes", "note.md")
			os.WriteFile(p, []byte("An included note, edited.\n"), 0o644)
			return []string{p}
		}},
		{"change products", false, func() []string {
			return []string{edit("windows-xp/kb302089.md", "products: [", "products: [brand-new-product, ")}
		}},
		{"name that product", true, func() []string {
			return []string{edit("windows-xp/kb302089.md", "brand-new-product", "Brand New Product")}
		}},
		{"new article", false, func() []string {
			p := filepath.Join(content, "new", "kb900001.md")
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte("---\nid: KB900001\ntitle: A new article\nproducts: [windows-xp]\naliases: [Q900001]\nrelated: [KB310221]\n---\n## Symptoms\n\nLinks to [](kb:KB307294).\n"), 0o644)
			return []string{p}
		}},
		{"retitle the article it names", false, func() []string {
			return []string{edit("network/kb310221.md", "title: Renamed twice - ", "title: ")}
		}},
		{"edit the new article", false, func() []string {
			return []string{edit("new/kb900001.md", "title: A new article", "title: A new article, retitled")}
		}},
		{"delete that article", false, func() []string {
			p := filepath.Join(content, "new", "kb900001.md")
			os.Remove(p)
			return []string{p}
		}},
	}
	for _, st := range steps {
		paths := st.apply()
		res, written, err := sess.Update(paths)
		if err != nil || res.Failed() {
			t.Fatalf("%s: %v %s", st.name, err, messages(res))
		}
		if len(written) == 0 {
			t.Errorf("%s: nothing written", st.name)
		}
		if slices.Contains(written, "*") != st.full {
			t.Errorf("%s: want a full rebuild %v, wrote %v", st.name, st.full, written)
		}
		full := filepath.Join(dir, "full-"+strings.ReplaceAll(st.name, " ", "-"))
		if r := buildInto(t, content, full); r.Failed() {
			t.Fatal(messages(r))
		}
		want, got := readTree(t, full), readTree(t, out)
		checkRelatedTitles(t, st.name, want, got)
		compareTrees(t, st.name, want, got)
	}
}

var (
	listLink = regexp.MustCompile(`<a href="([^"#]+)[^"]*">([^<]*)</a>`)
	pageH1   = regexp.MustCompile(`<h1 id="article-title">([^<]*)</h1>`)
)

// checkRelatedTitles checks the part of the pages compareTrees leaves out,
// "Related articles", as far as a full build can say: every article it
// lists exists in the full build (want), under the title shown there.
func checkRelatedTitles(t *testing.T, name string, want, got map[string][]byte) {
	t.Helper()
	for p, page := range got {
		for _, m := range listLink.FindAllSubmatch(relatedSection.Find(page), -1) {
			target := path.Join(path.Dir(p), string(m[1]))
			h1 := pageH1.FindSubmatch(want[target])
			if h1 == nil {
				t.Errorf("%s: %s lists %s as related, which a full build has no article at", name, p, target)
			} else if !bytes.Equal(h1[1], m[2]) {
				t.Errorf("%s: %s lists %s as related under %q, a full build titles it %q", name, p, target, m[2], h1[1])
			}
		}
	}
}

var relatedSection = regexp.MustCompile(`(?s)<section class="related".*?</section>`)

// compareTrees compares two output trees. The search index and the
// computed part of "Related articles" are left out: serve mode keeps
// content similarity from the last full build (see README).
func compareTrees(t *testing.T, name string, want, got map[string][]byte) {
	t.Helper()
	for _, tree := range []map[string][]byte{want, got} {
		for p, d := range tree {
			tree[p] = relatedSection.ReplaceAll(d, nil)
		}
	}
	for p := range want {
		if strings.HasPrefix(p, "search/") {
			delete(want, p)
		}
	}
	for p := range got {
		if strings.HasPrefix(p, "search/") {
			delete(got, p)
		}
	}
	diffTrees(t, name, want, got)
}

func TestIncrementalErrorKeepsLastGoodSite(t *testing.T) {
	sess, _, content, out := bundledSession(t)
	before := readTree(t, out)
	target := filepath.Join(content, "network", "kb310221.md")
	good, _ := os.ReadFile(target)
	// Changing the ID breaks every link to KB310221 in other articles.
	os.WriteFile(target, bytes.Replace(good, []byte("id: KB310221"), []byte("id: KB310299"), 1), 0o644)
	res, _, err := sess.Update([]string{target})
	if err != nil || !res.Failed() || !strings.Contains(messages(res), `broken link "../network/kb310221.md`) && !strings.Contains(messages(res), `KB310221`) {
		t.Fatalf("want broken-link errors, got %v %s", err, messages(res))
	}
	compareTrees(t, "after error", before, readTree(t, out))
	// Fixing it again is accepted and changes nothing.
	os.WriteFile(target, good, 0o644)
	res, _, err = sess.Update([]string{target})
	if err != nil || res.Failed() {
		t.Fatalf("fix rejected: %v %s", err, messages(res))
	}
	compareTrees(t, "after fix", before, readTree(t, out))
}

// TestIncrementalProductNames: on a site navigated by its toc.yml, where a
// product change leaves the tree alone, serve still checks a saved
// article's products against the whole site and renames a product on
// every page when the name an article writes for it changes.
func TestIncrementalProductNames(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	os.MkdirAll(content, 0o755)
	write := func(rel, src string) string {
		p := filepath.Join(content, rel)
		os.WriteFile(p, []byte(src), 0o644)
		return p
	}
	write("site.yaml", "title: T\n")
	write("toc.yml", "items:\n- name: A\n  href: a.md\n- name: B\n  href: b.md\n")
	write("a.md", "---\nid: KB1\ntitle: A\nproducts: [Windows Messenger]\n---\nSee [](kb:KB2).\n")
	b := write("b.md", "---\nid: KB2\ntitle: B\nproducts: [windows-messenger]\n---\nSee [](kb:KB1).\n")
	sess, res, err := NewSession(Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: out})
	if err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	write("b.md", "---\nid: KB2\ntitle: B\nproducts: [windows-messenger, windows-mesenger]\n---\nSee [](kb:KB1).\n")
	res, _, err = sess.Update([]string{b})
	if want := `b.md:4:31: warning: product "windows-mesenger" looks like a typo (did you mean windows-messenger?)`; err != nil || !strings.Contains(messages(res), want) {
		t.Errorf("want %q, got %v %s", want, err, messages(res))
	}
	a := write("a.md", "---\nid: KB1\ntitle: A\nproducts: [Windows Messenger®]\n---\nSee [](kb:KB2).\n")
	if res, _, err = sess.Update([]string{a}); err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	page, _ := os.ReadFile(filepath.Join(out, "kb", "kb2.html"))
	if !strings.Contains(string(page), ">Windows Messenger®</a>") {
		t.Errorf("B's page still has the old product name:\n%s", page)
	}
}

// TestServeSweepsReplacedSites: in serve mode the sites full rebuilds
// replaced do not pile up: the newest waits to be reused by the next full
// rebuild (write's recycling), the others are deleted in the background.
func TestServeSweepsReplacedSites(t *testing.T) {
	sess, dir, content, out := bundledSession(t)
	for range 3 { // a change to site.yaml rebuilds everything
		if res, _, err := sess.Update([]string{filepath.Join(content, "site.yaml")}); err != nil || res.Failed() {
			t.Fatal(err, messages(res))
		}
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		left, _ := filepath.Glob(filepath.Join(dir, ".public.kbsite-*"))
		if len(left) <= 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("replaced sites are still there: %v", left)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("the served site is gone: %v", err)
	}
}

// TestIncrementalSearch: after an edit in serve mode the search index in
// the output folder finds the new words and no longer the old ones.
func TestIncrementalSearch(t *testing.T) {
	sess, _, content, out := bundledSession(t)
	target := filepath.Join(content, "network", "kb310221.md")
	src, _ := os.ReadFile(target)
	os.WriteFile(target, bytes.Replace(src, []byte("## Cause"), []byte("## Cause\n\nThe zanzibarquux setting is wrong.\n\n## Root cause"), 1), 0o644)
	res, written, err := sess.Update([]string{target})
	if err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	var searchFiles int
	for _, w := range written {
		if strings.HasPrefix(w, "search/") {
			searchFiles++
		}
	}
	if searchFiles == 0 || searchFiles > 40 {
		t.Errorf("%d search files rewritten for one edit", searchFiles)
	}
	ix, err := engine.Open(out, "en")
	if err != nil {
		t.Fatal(err)
	}
	if r := ix.Query("zanzibarquux", engine.Options{Limit: 3}).Results; len(r) != 1 || r[0].ID != "KB310221" {
		t.Errorf("new word not found: %+v", r)
	}
}

// TestIncrementalRefusesSymlinksOutside: while a session is live, a new
// article that is a symbolic link to a file outside the content folder,
// and an article swapped for such a link after the session's scan, are
// located errors, and the outside file is never published.
func TestIncrementalRefusesSymlinksOutside(t *testing.T) {
	sess, dir, content, out := bundledSession(t)
	before := readTree(t, out)
	outside := func(id string) string {
		p := filepath.Join(dir, id+".md")
		os.WriteFile(p, []byte("---\nid: "+id+"\ntitle: Outside\nproducts: [network]\n---\n## Symptoms\n\nOUTSIDE-SECRET\n"), 0o644)
		return p
	}
	relative, _ := filepath.Rel(filepath.Join(content, "network"), outside("KB310221"))
	for _, c := range []struct{ name, link, target string }{
		{"new link", filepath.Join(content, "linked.md"), outside("KB999999")},
		{"article swapped for a link", filepath.Join(content, "network", "kb310221.md"), relative},
	} {
		os.Remove(c.link)
		if err := os.Symlink(c.target, c.link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		res, _, err := sess.Update([]string{c.link})
		want := c.link + ":1:1: symbolic link points outside the content folder"
		if err != nil || !res.Failed() || !strings.Contains(messages(res), want) {
			t.Errorf("%s: want %q, got %v\n%s", c.name, want, err, messages(res))
		}
		for p, data := range readTree(t, out) {
			if bytes.Contains(data, []byte("OUTSIDE-SECRET")) {
				t.Errorf("%s: the outside file is published as %s", c.name, p)
			}
		}
		compareTrees(t, c.name, before, readTree(t, out))
	}
}

// TestIncrementalKeepsRedirections: rebuilding an article in serve mode
// keeps the redirect pages the DocFX redirect list gives it.
func TestIncrementalKeepsRedirections(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	copyTree(t, "testdata/foreign", content)
	sess, res, err := NewSession(Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: out, WarnLinks: true})
	if err != nil || res.Failed() {
		t.Fatalf("%v %s", err, messages(res))
	}
	p := filepath.Join(content, "docs", "install.md")
	src, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(src, []byte("Restart."), []byte("Restart the computer."), 1), 0o644)
	if res, _, err := sess.Update([]string{p}); err != nil || res.Failed() {
		t.Fatalf("%v %s", err, messages(res))
	}
	page, err := os.ReadFile(filepath.Join(out, "old", "install-old.html"))
	if err != nil || !bytes.Contains(page, []byte(`href="../docs/install.html"`)) {
		t.Errorf("redirect page after the rebuild: %v\n%s", err, page)
	}
}

// bundledSession starts a serve-mode session on a copy of the bundled
// content, in a temporary folder dir with content/ and public/.
func bundledSession(t *testing.T) (sess *Session, dir, content, out string) {
	t.Helper()
	return sessionAfter(t, func(string) {})
}

// sessionAfter is bundledSession with setup run on the content copy first.
func sessionAfter(t *testing.T, setup func(content string)) (sess *Session, dir, content, out string) {
	t.Helper()
	dir = t.TempDir()
	content, out = filepath.Join(dir, "content"), filepath.Join(dir, "public")
	copyTree(t, filepath.Join(repo, "content"), content)
	setup(content)
	sess, res, err := NewSession(Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: out})
	if err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	return sess, dir, content, out
}

// TestIncrementalIncludes: editing a file that articles include with
// [!INCLUDE], directly or through another include, re-renders those
// articles, and only those, without a full rebuild.
func TestIncrementalIncludes(t *testing.T) {
	var inc string
	sess, dir, content, out := sessionAfter(t, func(content string) {
		inc = filepath.Join(content, "includes", "restart.md")
		os.MkdirAll(filepath.Dir(inc), 0o755)
		os.WriteFile(inc, []byte("Restart the computer (old wording).\n"), 0o644)
		os.WriteFile(filepath.Join(content, "includes", "nested.md"), []byte("[!INCLUDE [more](restart.md)]\n"), 0o644)
		article := filepath.Join(content, "network", "kb310221.md")
		src, _ := os.ReadFile(article)
		os.WriteFile(article, bytes.Replace(src, []byte("## Cause"), []byte("[!INCLUDE [nested](../includes/nested.md)]\n\n## Cause"), 1), 0o644)
	})
	os.WriteFile(inc, []byte("Restart the computer (new wording).\n"), 0o644)
	res, written, err := sess.Update([]string{inc})
	if err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	if slices.Contains(written, "*") || !slices.Contains(written, "kb/kb310221.html") {
		t.Errorf("want the including article rewritten incrementally, wrote %v", written)
	}
	page, _ := os.ReadFile(filepath.Join(out, "kb", "kb310221.html"))
	if !bytes.Contains(page, []byte("(new wording)")) || bytes.Contains(page, []byte("(old wording)")) {
		t.Errorf("the article does not show the edited include")
	}
	full := filepath.Join(dir, "full")
	if r := buildInto(t, content, full); r.Failed() {
		t.Fatal(messages(r))
	}
	compareTrees(t, "include edit", readTree(t, full), readTree(t, out))
}

// TestIncrementalPublishesNewlyLinkedFiles: an edit that links a content
// file (already there, but linked by no page) publishes it, and one that drops the last
// link to a file removes it, as a full build would.
func TestIncrementalPublishesNewlyLinkedFiles(t *testing.T) {
	sess, dir, content, out := sessionAfter(t, func(content string) {
		os.WriteFile(filepath.Join(content, "images", "new-diagram.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`), 0o644)
	})
	article := filepath.Join(content, "network", "kb310221.md")
	src, _ := os.ReadFile(article)
	os.WriteFile(article, bytes.Replace(src, []byte("## Cause"), []byte("![A new diagram](../images/new-diagram.svg)\n\n## Cause"), 1), 0o644)
	res, written, err := sess.Update([]string{article})
	if err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	if !slices.Contains(written, "images/new-diagram.svg") {
		t.Errorf("the newly linked file is not among the written: %v", written)
	}
	if _, err := os.Stat(filepath.Join(out, "images", "new-diagram.svg")); err != nil {
		t.Errorf("the newly linked file is not published: %v", err)
	}
	full := filepath.Join(dir, "full")
	if r := buildInto(t, content, full); r.Failed() {
		t.Fatal(messages(r))
	}
	compareTrees(t, "new link to a file", readTree(t, full), readTree(t, out))
	os.WriteFile(article, src, 0o644)
	if res, _, err := sess.Update([]string{article}); err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	if _, err := os.Stat(filepath.Join(out, "images", "new-diagram.svg")); !os.IsNotExist(err) {
		t.Errorf("the file no page links any more is still published: %v", err)
	}
}

// TestIncrementalRewritesRelatedLists: retitling an article rewrites the
// pages whose front matter names it as related, which show its title, even
// when nothing else on them changes (KB900002 does not link to KB311226,
// nor is it linked from there or similar to it, and toc.yml's tree, which
// every page shows, names it only).
func TestIncrementalRewritesRelatedLists(t *testing.T) {
	sess, _, content, out := sessionAfter(t, func(content string) {
		os.WriteFile(filepath.Join(content, "passport", "kb900002.md"), []byte("---\nid: KB900002\ntitle: Zyxw\nproducts: [passport]\nrelated: [KB311226]\n---\n## Qwvx\n\nZyxw qwvx.\n"), 0o644)
		os.WriteFile(filepath.Join(content, "toc.yml"), []byte("- name: Zyxw\n  href: passport/kb900002.md\n"), 0o644)
	})
	p := filepath.Join(content, "passport", "kb311226.md")
	src, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(src, []byte("title: "), []byte("title: Renamed - "), 1), 0o644)
	if res, _, err := sess.Update([]string{p}); err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	page, _ := os.ReadFile(filepath.Join(out, "kb", "kb900002.html"))
	if related := relatedSection.Find(page); !bytes.Contains(related, []byte("Renamed - ")) {
		t.Errorf("the related list of KB900002 still shows the old title:\n%s", related)
	}
}

// TestIncrementalRemovesDeletedArticle: deleting an article removes its
// page, its redirect page and the listing of the one product it was in,
// without a full rebuild (toc.yml's tree, which does not name it, stays
// the same); the tree then equals a full build.
func TestIncrementalRemovesDeletedArticle(t *testing.T) {
	sess, dir, content, out := sessionAfter(t, func(content string) {
		os.WriteFile(filepath.Join(content, "passport", "kb900003.md"), []byte("---\nid: KB900003\ntitle: Zyxw\nproducts: [passport]\naliases: [Q900003]\n---\n## Qwvx\n\nZyxw qwvx.\n"), 0o644)
		os.WriteFile(filepath.Join(content, "toc.yml"), []byte("- name: Passport\n  href: passport/kb311226.md\n"), 0o644)
	})
	for _, p := range []string{"kb/kb900003.html", "kb/q900003.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Fatalf("before: %v", err)
		}
	}
	p := filepath.Join(content, "passport", "kb900003.md")
	os.Remove(p)
	res, written, err := sess.Update([]string{p})
	if err != nil || res.Failed() {
		t.Fatal(err, messages(res))
	}
	if slices.Contains(written, "*") || !slices.Contains(written, "kb/kb900003.html") || !slices.Contains(written, "kb/q900003.html") {
		t.Errorf("written %v", written)
	}
	full := filepath.Join(dir, "full")
	if r := buildInto(t, content, full); r.Failed() {
		t.Fatal(messages(r))
	}
	compareTrees(t, "delete", readTree(t, full), readTree(t, out))
}
