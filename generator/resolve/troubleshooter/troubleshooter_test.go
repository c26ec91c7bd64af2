package troubleshooter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kbsite/generator/internal/diag"
	"kbsite/generator/markdown"
)

// TestFixtures checks every testdata/*.md as a troubleshooter and compares
// the problems with the .want file next to it: one fixture per error and
// warning, and one valid troubleshooter with none. (An answer naming an
// anchor the page lacks altogether is the link stage's to report; the
// build test covers it.)
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) < 8 {
		t.Fatalf("only %d fixtures", len(files))
	}
	r := markdown.New(markdown.Options{}, markdown.DefaultLabels())
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".md") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			dl := &diag.List{}
			Check(filepath.Base(f), 1, r.Render(src, 1), dl)
			var got []string
			for _, d := range dl.Sorted() {
				if d.Kind != Kind {
					t.Errorf("%s: kind %q, want %q", d, d.Kind, Kind)
				}
				got = append(got, d.String())
			}
			if g, w := strings.Join(got, "\n"), strings.TrimSpace(string(want)); g != w {
				t.Errorf("problems differ\ngot:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}
