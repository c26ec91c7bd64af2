package content

import (
	"testing"

	"kbsite/generator/internal/diag"
)

// FuzzParse: front matter parsing never panics, and a failure always
// comes with a located error.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\nid: KB1\ntitle: T\n---\nbody\n",
		"---\nid: [a, b]\ntitle: {x: y}\nproducts: 3\nupdated: 2005-13-45\n---\n",
		"\xef\xbb\xbf---\r\nid: KB1\r\n---\r\n",
		"---\n: : :\n---\n",
		"---\nid: &a KB1\ntitle: *a\naliases: *b\n---\n",
		"---\n" + "x: [" + "\n",
		"\x00\x01\x02",
		"caf\xe9",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		dl := &diag.List{}
		doc, ok := Parse("x.md", src, dl)
		if !ok && !dl.HasErrors() {
			t.Fatalf("failed without an error for %q", src)
		}
		if ok && doc.BodyLine < 1 {
			t.Fatalf("body line %d", doc.BodyLine)
		}
		for _, d := range dl.Sorted() {
			if d.File != "x.md" || d.Msg == "" {
				t.Fatalf("unlocated diagnostic %+v", d)
			}
		}
	})
}
