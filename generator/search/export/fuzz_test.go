package export

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"kbsite/generator/search/engine"
	"kbsite/generator/search/fields"
	"kbsite/generator/search/format"
)

// FuzzQuery: any query returns quickly without panicking, with at most
// Limit distinct results, and the same answer twice. (Scores may rise down
// the list: relaxed matches rank by how many query words they match first.)
func FuzzQuery(f *testing.F) {
	for _, q := range []string{
		"proxy", `"sign in" -nat`, "pasword", "kb307294", "Q307294", "307294", "*", "((", `"`, "-", "- -",
		strings.Repeat("a", 500), strings.Repeat("word ", 50), "the a an of", "!!! ???", "🔥 emoji", "שלום עולם", "[a-z]+.*$",
		"\u202Eevil\u202C", "<script>alert(1)</script>", "\x00\xff",
	} {
		f.Add(q)
	}
	ix := openFixture(f, "en")
	f.Fuzz(func(t *testing.T, q string) {
		a := ix.Query(q, engine.Options{Limit: 10})
		if len(a.Results) > 10 {
			t.Fatalf("%d results for limit 10", len(a.Results))
		}
		seen := map[string]bool{}
		for _, r := range a.Results {
			if seen[r.ID] {
				t.Fatalf("%s twice for %q", r.ID, q)
			}
			seen[r.ID] = true
		}
		if b := ix.Query(q, engine.Options{Limit: 10}); !reflect.DeepEqual(a, b) {
			t.Fatalf("two answers for %q", q)
		}
	})
}

// FuzzExport: any article text exports to script files that parse back and
// can never close their <script> element or open a comment.
func FuzzExport(f *testing.F) {
	f.Add("Title </script><script>alert(1)</script>", "Body <!-- x --> \u2028 \u2029 & \"quotes\"", "kb1")
	f.Add("", "", "")
	f.Add("日本語のタイトル", "本文のテキスト", "KB-1")
	f.Fuzz(func(t *testing.T, title, body, id string) {
		docs := []fields.Doc{
			{ID: "KB1" + id, Title: title, URL: "kb/kb1.html", Source: "a.md", Lang: "en", Sections: []fields.Section{{Text: body}}},
			{ID: "KB2", Title: "Other " + body, URL: "kb/kb2.html", Source: "b.md", Lang: "en", Keywords: []string{title}},
		}
		files := buildFiles(docs)
		for _, file := range files {
			low := bytes.ToLower(file.Data)
			if bytes.Contains(low, []byte("</script")) || bytes.Contains(low, []byte("<!--")) {
				t.Fatalf("%s can end its script element: %q", file.Path, file.Data)
			}
			if _, _, err := format.ParseFile(file.Data); err != nil {
				t.Fatalf("%s does not parse back: %v", file.Path, err)
			}
		}
	})
}
