package build

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var refreshRe = regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=([^"]+)">`)

// follow loads u and, if it is a redirect page, follows its meta refresh
// the way a browser would (relative to the page's own URL).
func follow(t *testing.T, get func(*url.URL) string, u *url.URL) (*url.URL, string) {
	t.Helper()
	for hops := 0; hops < 3; hops++ {
		body := get(u)
		m := refreshRe.FindStringSubmatch(body)
		if m == nil {
			return u, body
		}
		next, err := u.Parse(m[1])
		if err != nil {
			t.Fatal(err)
		}
		u = next
	}
	t.Fatalf("redirect loop at %s", u)
	return nil, ""
}

func TestAliasRedirectsOverHTTPAndFile(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	copyTree(t, filepath.Join(repo, "content"), content)
	seed := filepath.Join(content, "messenger", "kb307294.md")
	src, _ := os.ReadFile(seed)
	os.WriteFile(seed, []byte(strings.Replace(string(src), "aliases: [Q307294]", "aliases: [Q307294, /support/kb/307294/, old/messenger-logon.html]", 1)), 0o644)
	if res := buildInto(t, content, out); res.Failed() {
		t.Fatal(messages(res))
	}
	srv := httptest.NewServer(http.StripPrefix("/sub/path", http.FileServer(http.Dir(out))))
	defer srv.Close()
	httpGet := func(u *url.URL) string {
		resp, err := http.Get(u.String())
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %s", u, resp.Status)
		}
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	fileGet := func(u *url.URL) string {
		b, err := os.ReadFile(u.Path)
		if err != nil {
			t.Fatalf("file %s: %v", u, err)
		}
		return string(b)
	}
	for _, old := range []string{"kb/q307294.html", "support/kb/307294/index.html", "old/messenger-logon.html"} {
		for name, c := range map[string]struct {
			base string
			get  func(*url.URL) string
		}{
			"http": {srv.URL + "/sub/path/", httpGet},
			"file": {"file://" + filepath.ToSlash(out) + "/", fileGet},
		} {
			start, _ := url.Parse(c.base + old)
			end, body := follow(t, c.get, start)
			if !strings.HasSuffix(end.Path, "/kb/kb307294.html") || !strings.Contains(body, "previously published under Q307294") {
				t.Errorf("%s %s ended at %s", name, old, end)
			}
		}
	}
}

func TestOpenWebFilesOnlyWithBaseURL(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain")
	buildInto(t, filepath.Join(repo, "content"), plain)
	tree := readTree(t, plain)
	for _, f := range []string{"sitemap.xml", "robots.txt", "feed.xml"} {
		if _, ok := tree[f]; ok {
			t.Errorf("%s written without a base URL", f)
		}
	}
	for p, data := range tree {
		if strings.Contains(string(data), `rel="canonical" href="http`) || strings.Contains(string(data), `og:url`) {
			t.Errorf("%s has an absolute canonical/og:url without a base URL", p)
		}
	}

	withBase := filepath.Join(dir, "base")
	buildInto(t, filepath.Join(repo, "content"), withBase, func(o *Options) { o.BaseURL = "https://help.example.com/kb" })
	tree = readTree(t, withBase)
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(tree["sitemap.xml"], &sm); err != nil || len(sm.URLs) < 15 {
		t.Fatalf("sitemap: %v, %d urls", err, len(sm.URLs))
	}
	for _, u := range sm.URLs {
		rel := strings.TrimPrefix(u.Loc, "https://help.example.com/kb/")
		if _, ok := tree[rel]; !ok || rel == u.Loc {
			t.Errorf("sitemap lists %s, which is not a page of the site", u.Loc)
		}
	}
	var feed struct {
		Entries []struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(tree["feed.xml"], &feed); err != nil || len(feed.Entries) == 0 || feed.Entries[0].Updated != "2006-06-05T00:00:00Z" {
		t.Errorf("feed: %v %+v", err, feed.Entries)
	}
	if !strings.Contains(string(tree["robots.txt"]), "Sitemap: https://help.example.com/kb/sitemap.xml") {
		t.Errorf("robots.txt: %s", tree["robots.txt"])
	}
	seed := string(tree["kb/kb307294.html"])
	for _, want := range []string{
		`<link rel="canonical" href="https://help.example.com/kb/kb/kb307294.html">`,
		`<meta property="og:url" content="https://help.example.com/kb/kb/kb307294.html">`,
		`"@type":"TechArticle"`, `"@type":"HowTo"`, `"@type":"HowToStep"`,
	} {
		if !strings.Contains(seed, want) {
			t.Errorf("seed article lacks %s", want)
		}
	}
}

func TestOrphansAndDuplicateTitlesWarn(t *testing.T) {
	content := t.TempDir()
	os.WriteFile(filepath.Join(content, "a.md"), []byte("---\nid: KB1\ntitle: Same\n---\nText.\n"), 0o644)
	os.WriteFile(filepath.Join(content, "b.md"), []byte("---\nid: KB2\ntitle: same\nproducts: [x]\n---\nSee [a](a.md).\n"), 0o644)
	os.WriteFile(filepath.Join(content, "c.md"), []byte("---\nid: KB3\ntitle: Alone\n---\nNobody links here.\n"), 0o644)
	// Foreign content without a toc.yml is navigated by folders, which reach
	// every page: no orphans there.
	if msgs := messages(buildInto(t, content, "", func(o *Options) { o.CheckOnly = true })); strings.Contains(msgs, "orphan") {
		t.Errorf("orphans in a folder-navigated foreign site:\n%s", msgs)
	}
	os.WriteFile(filepath.Join(content, "site.yaml"), []byte("title: KB\n"), 0o644)
	res := buildInto(t, content, "", func(o *Options) { o.CheckOnly = true })
	msgs := messages(res)
	if !strings.Contains(msgs, "b.md:3:8: warning: duplicate title \"same\", also used by KB1") {
		t.Errorf("no duplicate-title warning:\n%s", msgs)
	}
	if !strings.Contains(msgs, "c.md:1:1: warning: orphan article KB3") || strings.Contains(msgs, "orphan article KB1") || strings.Contains(msgs, "orphan article KB2") {
		t.Errorf("orphan detection wrong:\n%s", msgs)
	}
}
