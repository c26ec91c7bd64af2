package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestRawHTMLAnchors: <a id> and <a name> anchors are kept as ids links may
// name, unless unsafe, reserved or taken, which is a located warning; on a
// trusted site the HTML stays as written and the same anchors count.
func TestRawHTMLAnchors(t *testing.T) {
	src, err := os.ReadFile("testdata/golden/anchors.md")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"rdcb", "step1", "Old_Bookmark", "block-anchor", "with-href"}
	wantProblems := []string{
		`21:35: raw HTML anchor "cause" ignored: the heading on line 10 has that ID already`,
		`21:69: raw HTML anchor "main" ignored: the page layout or its scripts use that ID`,
		`22:1: raw HTML anchor "KBSearchData" ignored: the page layout or its scripts use that ID`,
		`22:48: raw HTML anchor "search-opt-1" ignored: the page layout or its scripts use that ID`,
		`23:1: raw HTML anchor "x\"onmouseover=\"y" ignored: an anchor ID is a letter or _, then letters, digits, - or _ (64 at most)`,
		`23:45: raw HTML anchor "tab.1.cpp" ignored: an anchor ID is a letter or _, then letters, digits, - or _ (64 at most)`,
		`23:80: raw HTML anchor "step1" ignored: the anchor on line 14 has that ID already`,
	}
	for _, trusted := range []bool{false, true} {
		res := render(t, string(src), Options{RawHTML: trusted})
		if !slices.Equal(res.Anchors, want) {
			t.Errorf("trusted %v: anchors = %q, want %q", trusted, res.Anchors, want)
		}
		var got []string
		for _, p := range res.Problems {
			got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
		}
		if !slices.Equal(got, wantProblems) {
			t.Errorf("trusted %v: problems:\n%s\nwant:\n%s", trusted, strings.Join(got, "\n"), strings.Join(wantProblems, "\n"))
		}
	}
}

// TestReservedIDsCoverTheTheme: every element ID the article page's
// templates and scripts use, and every global its scripts read, is
// reserved, so neither a heading nor a raw HTML anchor can take it.
func TestReservedIDsCoverTheTheme(t *testing.T) {
	theme := filepath.Join("..", "..", "templates")
	files, _ := filepath.Glob(filepath.Join(theme, "partials", "*.html"))
	files = append(files, filepath.Join(theme, "base.html"), filepath.Join(theme, "article.html"))
	scripts, _ := filepath.Glob(filepath.Join(theme, "assets", "*.js"))
	uses := []*regexp.Regexp{
		regexp.MustCompile(`\bid="([^"{]+)"`),                // templates
		regexp.MustCompile(`getElementById\('([^']+)'\)`),    // scripts
		regexp.MustCompile(`\.id = '([^']+)'`),               // scripts' own elements ("search-opt-" + i)
		regexp.MustCompile(`\bwindow\.([A-Z][A-Za-z0-9_]*)`), // scripts' globals
	}
	found := 0
	for _, f := range append(files, scripts...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range uses {
			for _, m := range re.FindAllStringSubmatch(string(data), -1) {
				found++
				id := m[1]
				if strings.HasSuffix(id, "-") {
					id += "1"
				}
				if !reserved(id) {
					t.Errorf("%s uses the ID %q, which is not reserved (ReservedIDs, scriptNames)", f, m[1])
				}
			}
		}
	}
	if found < 10 {
		t.Fatalf("only %d IDs found in %s: the patterns no longer match the theme", found, theme)
	}
}
