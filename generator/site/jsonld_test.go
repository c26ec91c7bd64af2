package site

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"time"

	"kbsite/generator/content"
	"kbsite/generator/internal/config"
)

// TestEncodeJSONLDIsTheTemplateEscaper: structured data encoded before the
// template runs is the bytes html/template writes for the value itself,
// hostile text included, and cannot close its script element.
func TestEncodeJSONLDIsTheTemplateEscaper(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<script type="application/ld+json">{{.}}</script>`))
	hostile := "</script><script>alert(1)</script> & <!-- \u2028\u2029 \"q\" 'a'"
	meta := &content.Meta{ID: "KB1", Title: hostile, Summary: hostile, Lang: "en", Keywords: []string{hostile}, Updated: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer // reused, as pages reuse theirs
	for _, v := range []any{
		JSONLD(config.Site{BaseURL: "https://help.example.com/"}, Entry{Meta: meta, Path: "kb/kb1.html"}),
		JSONLD(config.Site{}, Entry{Meta: meta, Path: "kb/kb1.html", Steps: []string{hostile, "two"}}),
	} {
		var want, got strings.Builder
		if err := tmpl.Execute(&want, v); err != nil {
			t.Fatal(err)
		}
		if err := tmpl.Execute(&got, EncodeJSONLD(&buf, v)); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("encoded first:\n%s\nby the template:\n%s", got.String(), want.String())
		}
		if inner := strings.TrimSuffix(got.String(), "</script>"); strings.Contains(strings.ToLower(inner), "</script") || strings.Contains(inner, "\u2028") {
			t.Errorf("the JSON can end its element: %s", got.String())
		}
	}
}
