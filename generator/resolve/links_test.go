package resolve

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func fixture() (*Index, *Target) {
	ix := NewIndex("en", "top")
	seed := &Target{ID: "KB307294", Lang: "en", Title: "Logon problems", Source: "messenger/kb307294.md", Path: "kb/kb307294.html",
		Anchors: []string{"signing-in-through-a-lan"}}
	proxy := &Target{ID: "KB310221", Lang: "en", Title: "Proxy settings", Source: "network/kb310221.md", Path: "kb/kb310221.html",
		Anchors: []string{"cause", "lan-settings"}}
	ix.Add(seed)
	ix.Add(proxy)
	ix.AddAlias("Q310221", proxy)
	ix.AddFile("images/diagram.svg")
	ix.Seal()
	return ix, seed
}

func TestResolveForms(t *testing.T) {
	ix, seed := fixture()
	cases := []struct{ dest, path, frag, file string }{
		{"../network/kb310221.md", "kb/kb310221.html", "", ""},
		{"../network/kb310221.md#lan-settings", "kb/kb310221.html", "lan-settings", ""},
		{"./../network/./kb310221.md", "kb/kb310221.html", "", ""},
		{"kb:KB310221", "kb/kb310221.html", "", ""},
		{"kb:kb310221#cause", "kb/kb310221.html", "cause", ""},
		{"kb:KB310221#top", "kb/kb310221.html", "top", ""}, // an ID every page has
		{"kb:Q310221", "kb/kb310221.html", "", ""},
		{"#signing-in-through-a-lan", "", "signing-in-through-a-lan", ""},
		{"../images/diagram.svg", "images/diagram.svg", "", "images/diagram.svg"},
		{"../images/diagram%2Esvg", "images/diagram.svg", "", "images/diagram.svg"},
	}
	for _, c := range cases {
		r, err := ix.Resolve(seed, c.dest)
		if err != nil {
			t.Errorf("%s: %v", c.dest, err)
			continue
		}
		if r.Path != c.path || r.Fragment != c.frag || r.File != c.file {
			t.Errorf("%s resolved to %+v", c.dest, r)
		}
	}
}

func TestBrokenLinksExplainAndSuggest(t *testing.T) {
	ix, seed := fixture()
	cases := []struct{ dest, want string }{
		{"kb:KB31022", "no article with that ID (did you mean KB310221?)"},
		{"kb:KB999999", "no article with that ID"},
		{"../network/kb31022.md", "no such file in the content folder (did you mean ../network/kb310221.md?)"},
		{"../network/kb310221.md#lan-setings", "network/kb310221.md has no heading with the anchor #lan-setings (did you mean #lan-settings?)"},
		{"#signing-in-through-a-lam", "this article has no heading with the anchor #signing-in-through-a-lam (did you mean #signing-in-through-a-lan?)"},
		{"../../etc/passwd", "the path leads outside the content folder"},
		{"../../../../../../etc/passwd", "the path leads outside the content folder"},
		{"/etc/passwd", "absolute paths are not allowed; link relative to this file, or by ID as kb:ID, or set link_root in site.yaml (or --link-root URL) to the site they are relative to"},
		{"~/windows/wsl/", "absolute paths are not allowed; link relative to this file, or by ID as kb:ID, or set link_root in site.yaml (or --link-root URL) to the site they are relative to"},
		{`C:\Windows\win.ini`, "absolute paths are not allowed; link relative to this file, or by ID as kb:ID"},
		{"..%2F..%2Fetc%2Fpasswd", "the path leads outside the content folder"},
		{"../images/diagam.svg", "no such file in the content folder (did you mean ../images/diagram.svg?)"},
	}
	for _, c := range cases {
		_, err := ix.Resolve(seed, c.dest)
		if err == nil {
			t.Errorf("%s: resolved, want error %q", c.dest, c.want)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%s: error %q, want %q", c.dest, err.Error(), c.want)
		}
	}
}

func TestAliasCollisions(t *testing.T) {
	ix, seed := fixture()
	if ix.AddAlias("KB310221", seed) {
		t.Error("an alias equal to another article's ID must be refused")
	}
	if ix.AddAlias("q310221", seed) {
		t.Error("an alias taken by another article must be refused (case-insensitively)")
	}
}

func TestRel(t *testing.T) {
	for _, c := range [][3]string{
		{"index.html", "kb/kb1.html", "kb/kb1.html"},
		{"kb/kb1.html", "kb/kb2.html", "kb2.html"},
		{"kb/kb1.html", "index.html", "../index.html"},
		{"kb/old/index.html", "kb/kb2.html", "../kb2.html"},
		{"products/x.html", "kb/kb2.html", "../kb/kb2.html"},
	} {
		if got := Rel(c[0], c[1]); got != c[2] {
			t.Errorf("Rel(%s, %s) = %s, want %s", c[0], c[1], got, c[2])
		}
	}
}

func TestIDLinksPreferTheSameLanguage(t *testing.T) {
	ix, seed := fixture()
	de := &Target{ID: "KB310221", Lang: "de", Source: "de/network/kb310221.md", Path: "de/kb/kb310221.html", Anchors: []string{"ursache"}}
	ix.Add(de)
	ix.AddAlias("Q310221", de)
	deSeed := &Target{ID: "KB307294", Lang: "de", Source: "de/messenger/kb307294.md", Path: "de/kb/kb307294.html"}
	ix.Add(deSeed)
	ix.Seal()
	if r, err := ix.Resolve(deSeed, "kb:KB310221#ursache"); err != nil || r.Path != "de/kb/kb310221.html" {
		t.Errorf("German link: %+v %v", r, err)
	}
	if r, err := ix.Resolve(deSeed, "kb:Q310221"); err != nil || r.Path != "de/kb/kb310221.html" {
		t.Errorf("German alias link: %+v %v", r, err)
	}
	if r, err := ix.Resolve(seed, "kb:KB310221"); err != nil || r.Path != "kb/kb310221.html" {
		t.Errorf("English link: %+v %v", r, err)
	}
	fr := &Target{ID: "KB1", Lang: "fr", Source: "fr/x.md", Path: "fr/kb/kb1.html"}
	ix.Add(fr)
	if r, err := ix.Resolve(fr, "kb:KB310221"); err != nil || r.Path != "kb/kb310221.html" {
		t.Errorf("French link without a French target should fall back to English: %+v %v", r, err)
	}
}

// TestHintIsNeverTheTypedValue: KB9 exists only in German, so a link from
// a French article to kb:kb9 is broken, but "did you mean KB9?" would name
// what was typed. A case slip in an anchor still gets the right case.
func TestHintIsNeverTheTypedValue(t *testing.T) {
	ix := NewIndex("en")
	ix.Add(&Target{ID: "KB9", Lang: "de", Source: "de/kb9.md", Path: "de/kb/kb9.html"})
	fr := &Target{ID: "KB100000", Lang: "fr", Source: "fr/kb100000.md", Path: "fr/kb/kb100000.html", Anchors: []string{"cause"}}
	ix.Add(fr)
	ix.Seal()
	for dest, want := range map[string]string{
		"kb:kb9": "no article with that ID",
		"kb:KB9": "no article with that ID",
		"#Cause": "this article has no heading with the anchor #Cause (did you mean #cause?)",
	} {
		if _, err := ix.Resolve(fr, dest); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", dest, err, want)
		}
	}
}

// TestLinkRoot: with a link root, host-relative links (and DocFX's ~/) are
// absolute URLs under it, query and fragment kept; "//host" and drive paths
// are not host-relative.
func TestLinkRoot(t *testing.T) {
	ix, seed := fixture()
	ix.SetLinkRoot("https://learn.microsoft.com/")
	for dest, want := range map[string]string{
		"/windows/terminal":           "https://learn.microsoft.com/windows/terminal",
		"/windows/wsl/install#step-1": "https://learn.microsoft.com/windows/wsl/install#step-1",
		"~/windows/wsl/faq?view=all":  "https://learn.microsoft.com/windows/wsl/faq?view=all",
	} {
		r, err := ix.Resolve(seed, dest)
		if err != nil || r.URL != want || r.Path != "" || r.Target != nil {
			t.Errorf("%s: %+v %v, want URL %s", dest, r, err, want)
		}
	}
	if _, err := ix.Resolve(seed, `C:\Windows\win.ini`); err == nil {
		t.Error("a drive path must stay an error with a link root")
	}
	if u := ix.HostURL("//cdn.example.com/x.js"); u != "" {
		t.Errorf("protocol-relative URL taken as host-relative: %s", u)
	}
}

// TestTabLinksAreNotAnchors: DocFX tab links (#tab/csharp) select a tab
// and name no heading, so they are never broken anchors.
func TestTabLinksAreNotAnchors(t *testing.T) {
	ix, seed := fixture()
	for _, dest := range []string{"#tab/csharp", "../network/kb310221.md#tab/windows"} {
		if _, err := ix.Resolve(seed, dest); err != nil {
			t.Errorf("%s: %v", dest, err)
		}
	}
}

// TestRelPathWalksAsSplitting compares relPath with the splitting
// version it replaced, on random paths with empty and repeated parts.
func TestRelPathWalksAsSplitting(t *testing.T) {
	split := func(dir, target string) string {
		from := strings.Split(dir, "/")
		to := strings.Split(target, "/")
		i := 0
		for i < len(from) && i < len(to)-1 && from[i] == to[i] {
			i++
		}
		return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
	}
	r := rand.New(rand.NewPCG(5, 6))
	path := func() string {
		parts := make([]string, 1+r.IntN(4))
		for i := range parts {
			parts[i] = []string{"", "a", "b", "kb", "x.html"}[r.IntN(5)]
		}
		return strings.Join(parts, "/")
	}
	for range 5000 {
		dir, target := path(), path()
		if dir == "." {
			continue
		}
		if got, want := relPath(dir, target), split(dir, target); got != want {
			t.Fatalf("relPath(%q, %q) = %q, want %q", dir, target, got, want)
		}
	}
}
