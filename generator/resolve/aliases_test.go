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

// TestAliasesDropAndForget: Drop takes the old versions' redirects out and
// its undo puts them back; Forget takes out one target's.
func TestAliasesDropAndForget(t *testing.T) {
	old, other := &Target{ID: "KB1"}, &Target{ID: "KB2"}
	as := Aliases{Redirects: map[string]*Target{"kb/q1.html": old, "old/1/index.html": old, "kb/q2.html": other}}
	paths, undo := as.Drop(func(t *Target) bool { return t == old })
	if len(paths) != 2 || len(as.Redirects) != 1 || as.Redirects["kb/q2.html"] != other {
		t.Fatalf("dropped %v, left %v", paths, as.Redirects)
	}
	undo()
	if len(as.Redirects) != 3 || as.Redirects["old/1/index.html"] != old {
		t.Fatalf("undo left %v", as.Redirects)
	}
	as.Forget(other)
	if len(as.Redirects) != 2 || as.Redirects["kb/q2.html"] != nil {
		t.Errorf("forget left %v", as.Redirects)
	}
}
