package content

import (
	"testing"

	"kbsite/generator/internal/diag"
)

// FuzzParse: front matter and YAML page parsing never panic, and a
// failure always comes with a located error.
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
		"### YamlMime:FAQ\nmetadata:\n  ms.date: 13/45/2020\n  keywords: [a]\ntitle: T\nsections:\n- name: S\n  questions:\n  - question: Q?\n    answer: A\n",
		"### YamlMime:FAQ\nmetadata: [1]\nsections: x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"x.md", "x.yml"} {
			dl := &diag.List{}
			doc, ok := Parse(name, src, dl)
			if !ok && !dl.HasErrors() {
				t.Fatalf("%s failed without an error for %q", name, src)
			}
			if ok && doc.BodyLine < 1 {
				t.Fatalf("body line %d", doc.BodyLine)
			}
			for _, d := range dl.Sorted() {
				if d.File != name || d.Msg == "" {
					t.Fatalf("unlocated diagnostic %+v", d)
				}
			}
		}
	})
}
