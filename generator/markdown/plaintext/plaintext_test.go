package plaintext

import (
	"strings"
	"testing"
	"unicode/utf8"

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
	var b Text
	Block(&b, doc, src)
	if got, want := b.Cut(), strings.Join(strings.Fields(want), " "); got != want {
		t.Errorf("Block:\n got %q\nwant %q", got, want)
	}
	if _, ok := para.(*ast.Paragraph); !ok {
		t.Fatalf("first node is %T", para)
	}
}

// FuzzText: what Text gathers between two Cuts is strings.Fields of what
// was written (a Space as a space), joined by spaces, whichever way the
// writes cut it (between characters), Unicode spaces and invalid UTF-8
// included.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", " ", "a", "  a  b\n\tc \r\n", "x\u00a0y\u3000z\u0085", "\u2028lead", "\xff \xfe\xfd  é\v\fü", "a\u200bb"} {
		f.Add(s, s, uint8(3))
	}
	f.Fuzz(func(t *testing.T, s1, s2 string, step uint8) {
		var tx Text
		for i, s := range []string{s1, s2} {
			written := ""
			for rest := s; rest != ""; {
				n := min(int(step%7)+1, len(rest))
				for n < len(rest) && !utf8.RuneStart(rest[n]) {
					n++
				}
				if step%5 == 0 {
					tx.Space()
					written += " "
				}
				tx.WriteString(rest[:n])
				written, rest = written+rest[:n], rest[n:]
			}
			if got, want := tx.Cut(), strings.Join(strings.Fields(written), " "); got != want {
				t.Errorf("text %d: Cut() = %q, want %q", i, got, want)
			}
		}
	})
}
