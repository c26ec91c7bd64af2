package markdown

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
)

// openIn opens files relative to dir, as a caller would for an article in it.
func openIn(dir string) func(string) ([]byte, error) {
	fsys := os.DirFS(dir)
	return func(rel string) ([]byte, error) {
		if !fs.ValidPath(rel) {
			return nil, fmt.Errorf("outside the content folder")
		}
		return fs.ReadFile(fsys, path.Clean(rel))
	}
}

func TestIncludesAreTranscludedWithPositionsThroughTheChain(t *testing.T) {
	src, err := os.ReadFile("testdata/include/article.md")
	if err != nil {
		t.Fatal(err)
	}
	res := New(Options{}, DefaultLabels()).RenderOpen(Source{Body: src, Line: 5}, openIn("testdata/include"))
	html := string(res.HTML)
	for _, want := range []string{
		`<div class="callout callout-important" role="note">`, "Back up the registry first.",
		"Notes live in", "Inline: Windows Subsystem for Linux end.", "B text.",
		`print</span>`, `chdir`, `import</span>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("want %q in:\n%s", want, html)
		}
	}
	if strings.Contains(html, "INCLUDE") || strings.Contains(html, "ms.topic") {
		t.Errorf("literal include or front matter left:\n%s", html)
	}
	var links []string
	for _, l := range res.Links {
		links = append(links, fmt.Sprintf("%s@%d:%d %s", l.Dest, l.Line, l.Col, l.Include))
	}
	want := []string{
		"backup.md@7:1 in included includes/alert.md:5:35",
		"includes/tools/x.md#use@7:1 in included includes/alert.md:5:62",
		"faq.md@10:3 in included includes/note.md:1:15",
	}
	if strings.Join(links, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(links, "\n"), strings.Join(want, "\n"))
	}
	var probs []string
	for _, p := range res.Problems {
		probs = append(probs, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
	}
	wantProbs := []string{
		`7:1: in included includes/alert.md:7:1: unsafe link "javascript:alert(1)" removed (scripts in links are not allowed)`,
		"14:1: in included includes/loop-a.md:1:1: in included includes/loop-b.md:3:1: include cycle: includes/loop-a.md includes itself through includes/loop-a.md → includes/loop-b.md → includes/loop-a.md; not included",
		"16:1: included file includes/missing.md cannot be read (open includes/missing.md: no such file or directory)",
		"22:1: :::code source snippets/none.py cannot be read (open snippets/none.py: no such file or directory); it is left out",
	}
	if strings.Join(probs, "\n") != strings.Join(wantProbs, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(probs, "\n"), strings.Join(wantProbs, "\n"))
	}
}

func TestIncludesNeedOpen(t *testing.T) {
	res := render(t, "[!INCLUDE [a](includes/a.md)]\n\n:::code source=\"x.py\":::\n", Options{})
	if len(res.Links) != 1 || res.Links[0].Dest != "includes/a.md" {
		t.Errorf("without Open the include stays a link to check: %+v", res.Links)
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "unsupported DocFX construct :::code") {
		t.Errorf("problems = %+v", res.Problems)
	}
}
