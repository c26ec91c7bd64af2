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
	cont := func(ast.Node) ast.WalkStatus { return ast.WalkContinue }
	if got, want := kinds(t, src, cont), "Document Heading Blockquote Paragraph List ListItem TextBlock Paragraph"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	skip := func(n ast.Node) ast.WalkStatus {
		if n.Kind() == ast.KindBlockquote {
			return ast.WalkSkipChildren
		}
		return ast.WalkContinue
	}
	if got, want := kinds(t, src, skip), "Document Heading Blockquote Paragraph"; got != want {
		t.Errorf("skipping the quote: got %s, want %s", got, want)
	}
	stop := func(n ast.Node) ast.WalkStatus {
		if n.Kind() == ast.KindList {
			return ast.WalkStop
		}
		return ast.WalkContinue
	}
	if got, want := kinds(t, src, stop), "Document Heading Blockquote Paragraph List"; got != want {
		t.Errorf("stopping at the list: got %s, want %s", got, want)
	}
}
