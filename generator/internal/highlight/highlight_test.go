package highlight

import (
	"strings"
	"testing"
)

func TestBlockLabel(t *testing.T) {
	cases := []struct{ lang, label string }{
		{"PowerShell", "PowerShell"},
		{"console", "Console"},
		{"bash", "Bash"},
		{"ini", "INI"},
		{"reg", "Registry"},
		{"go", "Go"},                             // chroma's lexer name
		{"no-such-language", "no-such-language"}, // as written
		{"a<b", "a&lt;b"},                        // escaped
	}
	for _, c := range cases {
		var b strings.Builder
		Block(&b, c.lang, []byte("x\n"))
		want := `<div class="code-block"><div class="code-head"><span class="code-lang">` + c.label + `</span></div><pre `
		if !strings.HasPrefix(b.String(), want) || !strings.HasSuffix(b.String(), "</pre></div>\n") {
			t.Errorf("Block(%q) = %s, want it to start with %s", c.lang, b.String(), want)
		}
	}
	var b strings.Builder
	Block(&b, "", []byte("plain\n"))
	if strings.Contains(b.String(), "code-head") {
		t.Errorf("a block without a language has a head: %s", b.String())
	}
}
