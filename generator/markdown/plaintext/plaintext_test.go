package plaintext

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// TestTextAsThePageShowsIt: references and backslash escapes are resolved
// as the rendered page resolves them (search excerpts and HowTo steps
// showed "&nbsp;" and doubled backslashes), and code stays as written.
func TestTextAsThePageShowsIt(t *testing.T) {
	src := []byte("Applies to:&nbsp;Windows &#169; 2024, copy to %ProgramData%\\\\Microsoft and \\*not bold\\*, `&nbsp; \\\\ stays`\n")
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	para := doc.FirstChild()
	want := "Applies to:\u00a0Windows © 2024, copy to %ProgramData%\\Microsoft and *not bold*, &nbsp; \\\\ stays"
	if got := Inline(para, src); got != want {
		t.Errorf("Inline:\n got %q\nwant %q", got, want)
	}
	var b strings.Builder
	Block(&b, doc, src)
	if got := strings.TrimSpace(b.String()); got != want {
		t.Errorf("Block:\n got %q\nwant %q", got, want)
	}
	if _, ok := para.(*ast.Paragraph); !ok {
		t.Fatalf("first node is %T", para)
	}
}

// FuzzCollapse: Collapse agrees with strings.Fields joined by spaces,
// Unicode spaces and invalid UTF-8 included.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"", " ", "a", "  a  b\n\tc \r\n", "x\u00a0y\u3000z\u0085", "\u2028lead", "\xff \xfe\xfd  é\v\fü", "a\u200bb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("Collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
