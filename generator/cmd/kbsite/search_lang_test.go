package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestSearchStemsEachLanguage builds the bundled site and searches the
// German and French indexes with inflections that do not occur in the
// text: only the language's own stemmer can match them.
func TestSearchStemsEachLanguage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := kbsite("build", "--content", filepath.Join(repo, "content"), "--templates", filepath.Join(repo, "templates"), "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	for _, c := range []struct{ lang, query, want string }{
		{"de", "Kennwörter", "KB305159"},              // text has "Kennwort"
		{"de", "Bestätigungsnachrichten", "KB305159"}, // text has "Bestätigungsnachricht"
		{"de", "Proxyservern", "KB310221"},            // text has "Proxyserver"
		{"fr", "réseaux", "KB310221"},                 // text has "réseau"
		{"fr", "vérifications", "KB305159"},           // text has "vérification"
		{"en", "connecting proxies", "KB310221"},
	} {
		code, stdout, stderr := kbsite("search", "--site", out, "--lang", c.lang, "--json", "--limit", "3", c.query)
		if code != 0 {
			t.Fatalf("%s %q: exit %d %s", c.lang, c.query, code, stderr)
		}
		var res []struct{ ID, URL string }
		if err := json.Unmarshal([]byte(stdout), &res); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range res {
			if r.ID == c.want {
				found = true
				if c.lang != "en" && r.URL[:3] != c.lang+"/" {
					t.Errorf("%s %q: result %s is not in the %s site: %s", c.lang, c.query, r.ID, c.lang, r.URL)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: want %s in the top 3, got %+v", c.lang, c.query, c.want, res)
		}
	}
}
