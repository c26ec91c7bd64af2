package resolve

import (
	"strings"
	"testing"

	"kbsite/generator/content"
)

func TestAliasPath(t *testing.T) {
	for _, c := range []struct {
		alias, path string
		ok          bool
	}{
		{"/kb/307294", "kb/307294/index.html", true},
		{"kb//307294/", "kb/307294/index.html", true},
		{"./kb/307294", "kb/307294/index.html", true},
		{"old/page.htm", "old/page.htm", true},
		{"../escape", "", false},
		{"kb/x?y", "", false},
		{"/", "", false},
	} {
		p, ok := AliasPath(c.alias)
		if p != c.path || ok != c.ok {
			t.Errorf("AliasPath(%q) = %q, %v; want %q, %v", c.alias, p, ok, c.path, c.ok)
		}
	}
	if !IsPathAlias("kb/x") || !IsPathAlias("x.html") || IsPathAlias("Q310221") {
		t.Error("IsPathAlias tells old paths from old IDs wrongly")
	}
	if !ValidIDAlias("Q310221") || ValidIDAlias("Q 1") || ValidIDAlias("") {
		t.Error("ValidIDAlias accepts or refuses the wrong IDs")
	}
}

// TestAliasesDropAndForget: Drop takes the old versions' redirects out and
// its undo puts them back; Forget takes out one article's. Both find them
// by the articles' aliases (Pages), and leave a redirect that an alias
// names but another article holds.
func TestAliasesDropAndForget(t *testing.T) {
	old, other := &Target{ID: "KB1"}, &Target{ID: "KB2"}
	as := Aliases{IDPage: func(lang, id string) string { return "kb/" + strings.ToLower(id) + ".html" },
		Redirects: map[string]*Target{"kb/q1.html": old, "old/1/index.html": old, "kb/q2.html": other}}
	oldArt := Article{Target: old, Meta: &content.Meta{Aliases: []string{"Q1", "/old/1/", "Q2"}}}
	otherArt := Article{Target: other, Meta: &content.Meta{Aliases: []string{"Q2"}}}
	paths, undo := as.Drop([]Article{oldArt})
	if len(paths) != 2 || len(as.Redirects) != 1 || as.Redirects["kb/q2.html"] != other {
		t.Fatalf("dropped %v, left %v", paths, as.Redirects)
	}
	undo()
	if len(as.Redirects) != 3 || as.Redirects["old/1/index.html"] != old {
		t.Fatalf("undo left %v", as.Redirects)
	}
	as.Forget(otherArt)
	if len(as.Redirects) != 2 || as.Redirects["kb/q2.html"] != nil {
		t.Errorf("forget left %v", as.Redirects)
	}
}
