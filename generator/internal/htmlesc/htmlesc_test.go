package htmlesc

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// reference is what html/template writes for s as text and as an href.
var reference = template.Must(template.New("").Parse(`{{.}}|<a href="{{.}}">`))

func check(t *testing.T, s string) {
	var want bytes.Buffer
	if err := reference.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	Text(&got, s)
	got.WriteString(`|<a href="`)
	URL(&got, s)
	got.WriteString(`">`)
	if got.String() != want.String() {
		t.Errorf("%q:\n got %q\nwant %q", s, got.String(), want.String())
	}
}

func TestSameAsHTMLTemplate(t *testing.T) {
	for _, s := range []string{
		"", "plain", "../kb/kb1.html", "a & b <c> \"d\" 'e' +f", "\x00nul", "üñí €",
		"javascript:alert(1)", "JavaScript:x", "HTTPS://x.example/a b?q=1&r=2#f", "mailto:a@b",
		"data:text/html,x", "/rel:ative", "a/b:c", "100%", "%zz", "%4a%4A", "x%", "tab\there",
		"\xff\xfe invalid", "back\\slash", "`tick`", "{braces}|pipe^", "ftp://x", "://x",
	} {
		check(t, s)
	}
}

func FuzzSameAsHTMLTemplate(f *testing.F) {
	f.Add("a & <b> javascript:x %41 \x00")
	f.Fuzz(check)
}
