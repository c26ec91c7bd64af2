// Package blockwalk visits the blocks of a Markdown tree and not its
// inline nodes. Most of kbsite's AST transformers look for blocks alone
// (headings, tables, blockquotes, directives), while most of a tree's
// nodes are inline text: walking those too, in a dozen transformers per
// article, cost a tenth of the parse.
package blockwalk

import "github.com/yuin/goldmark/ast"

// Walk calls fn on n and on every block under it, in document order, as
// ast.Walk does when entering them. fn returns ast.WalkSkipChildren to
// skip the blocks under a node and ast.WalkStop to end the walk.
func Walk(n ast.Node, fn func(ast.Node) ast.WalkStatus) {
	walk(n, fn)
}

func walk(n ast.Node, fn func(ast.Node) ast.WalkStatus) ast.WalkStatus {
	switch fn(n) {
	case ast.WalkStop:
		return ast.WalkStop
	case ast.WalkSkipChildren:
		return ast.WalkContinue
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeInline && walk(c, fn) == ast.WalkStop {
			return ast.WalkStop
		}
	}
	return ast.WalkContinue
}
