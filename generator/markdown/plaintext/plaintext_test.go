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
