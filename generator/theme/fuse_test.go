package theme

import (
	"bytes"
	"errors"
	"html/template"
	"strings"
	"testing"
)

type stringer struct{ s string }

func (s stringer) String() string { return "stringer " + s.s + " <&>" }

// TestFusedIsUnfused runs a template of the fused contexts over values of
// every kind a theme might pass, fused and as html/template runs it.
func TestFusedIsUnfused(t *testing.T) {
	const src = `<a href="{{.}}">{{.}}</a><p title="{{.}}">{{.}}</p><a href="x?q={{.}}">q</a>`
	str := "kb/kb1.html"
	var nilStr *string
	url := template.URL("javascript:trusted()")
	html := template.HTML(`<i title="a&quot;b">x</i> & "y" <!-- c --> z`)
	values := []any{
		"", "kb/kb1.html", "../a b/ü?q=1&r=2#x", "JavaScript:alert(1)", "javascript:alert(1)", "vbscript:x", "data:text/html,x",
		"http://h/x", "HTTPS://h/x", "mailto:a@b", "a/b:c", "/x:y", "a%2", "a%zz", "%41%4a", "a+b", "\x00", "\xff\xfe", "\"'<>&",
		"\uFDD0 \uFFFE",
		template.URL("javascript:trusted()"), template.URL("a b<c>"), template.HTML("<b>bold</b> & x"), template.HTMLAttr(`x="1"`),
		template.JS("alert(1)"), template.CSS("a{}"), template.JSStr("s"), template.Srcset("a.png 1x"),
		42, 3.5, true, []string{"a", "b<"}, map[string]int{"k": 1}, stringer{"s"}, &stringer{"p"}, errors.New("err <x>"),
		&str, nilStr, &url, &html, nil,
	}
	plainT := template.Must(template.New("x").Parse(src))
	fusedT := template.Must(plainT.Clone()).Funcs(fusedFuncs)
	fusedT.Execute(failWriter{}, nil) // escapes it
	fuse(fusedT.Tree.Root)
	tree := fusedT.Tree.Root.String()
	if !strings.Contains(tree, fusedURLAttr) || !strings.Contains(tree, fusedText) || !strings.Contains(tree, fusedAttr) || strings.Contains(tree, "_html_template_htmlescaper") {
		t.Fatalf("not fused: %s", tree)
	}
	for _, v := range values {
		var want, got bytes.Buffer
		errWant := plainT.Execute(&want, v)
		errGot := fusedT.Execute(&got, v)
		if (errWant == nil) != (errGot == nil) || want.String() != got.String() {
			t.Errorf("%T %#v:\nfused   %q (%v)\nunfused %q (%v)", v, v, got.String(), errGot, want.String(), errWant)
		}
	}
}
