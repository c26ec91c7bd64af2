package resolve

import "testing"

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
