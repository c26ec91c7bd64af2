package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden renders every testdata/golden/*.md and compares it with the
// .html next to it. Run with -update to accept changes after reviewing them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.md")
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	r := New(Options{}, DefaultLabels())
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res := r.Render(src, 1)
			got := strings.ReplaceAll(string(res.HTML), "\x00", "␀")
			want := strings.TrimSuffix(f, ".md") + ".html"
			if *update {
				os.WriteFile(want, []byte(got), 0o644)
				return
			}
			exp, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(exp) {
				t.Errorf("%s differs from golden file.\ngot:\n%s", f, got)
			}
		})
	}
}
