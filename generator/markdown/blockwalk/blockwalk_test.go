package blockwalk

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func kinds(t *testing.T, src string, fn func(ast.Node) ast.WalkStatus) string {
	t.Helper()
	doc := goldmark.New().Parser().Parse(text.NewReader([]byte(src)))
	var got []string
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		got = append(got, n.Kind().String())
		return fn(n)
	})
	return strings.Join(got, " ")
}

func TestWalkVisitsBlocksInOrder(t *testing.T) {
	src := "# Title *em*\n\n> quote [link](x)\n>\n> - item\n\npara `code`\n"
	for _, c := range []struct {
		at     ast.NodeKind // where fn returns status; elsewhere it continues
		status ast.WalkStatus
		want   string
	}{
		{ast.KindDocument, ast.WalkContinue, "Document Heading Blockquote Paragraph List ListItem TextBlock Paragraph"},
		{ast.KindBlockquote, ast.WalkSkipChildren, "Document Heading Blockquote Paragraph"},
		{ast.KindList, ast.WalkStop, "Document Heading Blockquote Paragraph List"},
	} {
		got := kinds(t, src, func(n ast.Node) ast.WalkStatus {
			if n.Kind() == c.at {
				return c.status
			}
			return ast.WalkContinue
		})
		if got != c.want {
			t.Errorf("%v at %v:\ngot  %s\nwant %s", c.status, c.at, got, c.want)
		}
	}
}
