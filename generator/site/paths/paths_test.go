package paths

import (
	"strings"
	"testing"
)

func TestSourcePath(t *testing.T) {
	for in, want := range map[string]string{
		"windows-client/networking/diagnose-packet-loss.md": "windows-client/networking/diagnose-packet-loss.html",
		"Tutorials/GUI Apps.md":                             "tutorials/gui-apps.html",
		"faq.yml":                                           "faq.html",
		"a/b?c#d.md":                                        "a/b-c-d.html",
	} {
		if got := SourcePath(in); got != want {
			t.Errorf("SourcePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOwnedPaths: the generated files and owned folders of a site with
// English and German articles, whose one article, KB1, is in German only.
func TestOwnedPaths(t *testing.T) {
	ps := Paths{Default: "en", Languages: []string{"en", "de"}}
	article := func(lang, id string) string {
		if lang == "de" && strings.EqualFold(id, "KB1") {
			return "KB1"
		}
		return ""
	}
	for p, want := range map[string]string{
		"de/kb/kb1.html":     "the page of KB1",
		"de/KB/KB1.HTML":     "the page of KB1",
		"kb/kb1.html":        "", // KB1 has no English version
		"de/search.html":     "the search page",
		"fr/search.html":     "", // no French articles, so no French pages
		"Robots.txt":         "the robots file",
		"images/robots.txt":  "",
		"de/images/logo.png": "",
	} {
		if got := ps.Generated(p, article); got != want {
			t.Errorf("Generated(%s) = %q, want %q", p, got, want)
		}
	}
	for p, want := range map[string]string{
		"de/kb/diagram.png": "de/kb/", "KB/x.png": "kb/", "Assets/x.js": "assets/", "de/assets/x.js": "",
		"search/en/manifest.js": "search/", "de/keywords/x.png": "de/keywords/", "de/images/logo.png": "", "kbx/a.png": "",
	} {
		if got, _, _ := ps.Owned(p); got != want {
			t.Errorf("Owned(%s) = %q, want %q", p, got, want)
		}
	}
}
