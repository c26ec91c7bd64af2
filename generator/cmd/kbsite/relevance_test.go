package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type hit struct{ ID, Source string }

func searchTop(t *testing.T, site, query string, n int) []hit {
	t.Helper()
	code, stdout, stderr := kbsite("search", "--site", site, "--json", "--limit", "3", query)
	if code != 0 {
		t.Fatalf("search %q: exit %d %s", query, code, stderr)
	}
	var res []hit
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// TestRelevanceOnBundledContent: questions a reader would type, in their
// words rather than the titles', land the right article in the top 3.
func TestRelevanceOnBundledContent(t *testing.T) {
	site := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := kbsite("build", "--content", filepath.Join(repo, "content"), "--templates", filepath.Join(repo, "templates"), "--out", site); code != 0 {
		t.Fatal(stderr)
	}
	for query, want := range map[string]string{
		"proxy settings lan":                     "KB310221",
		"verify e-mail address passport":         "KB305159",
		"forgot my password":                     "KB311227",
		"80048820":                               "KB822498",
		"send file behind firewall":              "KB832155",
		"webcam voice call nat router":           "KB835470",
		"keep messenger from running at startup": "KB302089",
		"windows firewall exception sp2":         "KB842242",
		"service temporarily unavailable":        "KB828109",
		"hotmail account msn messenger":          "KB834891",
		"mixed case password":                    "KB819318",
		"remove saved password":                  "KB309032",
		"change passport password":               "KB311226",
		"Q307294":                                "KB307294",
	} {
		res := searchTop(t, site, query, 3)
		found := false
		for _, r := range res {
			found = found || r.ID == want
		}
		if !found {
			t.Errorf("%q: want %s in the top 3, got %v", query, want, res)
		}
	}
}

// TestRelevanceOnRealCorpus builds the real WSL documentation when it is
// present and checks reader questions land the expected page.
func TestRelevanceOnRealCorpus(t *testing.T) {
	corpus := filepath.Join(repo, "..", "shared", "corpus", "wsl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("real corpus not available at %s", corpus)
	}
	site := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := kbsite("build", "--warn-links", "-q", "--content", corpus, "--templates", filepath.Join(repo, "templates"), "--out", site); code != 0 {
		t.Fatal(stderr)
	}
	for query, want := range map[string]string{
		"install wsl":               "install",
		"wsl basic commands":        "basic-commands",
		"networking localhost port": "networking",
		"gui apps linux":            "gui-apps",
		"troubleshooting":           "troubleshooting",
	} {
		res := searchTop(t, site, query, 3)
		found := false
		for _, r := range res {
			found = found || strings.Contains(r.Source, want)
		}
		if !found {
			t.Errorf("%q: want a page about %s in the top 3, got %v", query, want, res)
		}
	}
}
