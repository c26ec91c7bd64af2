package kb

import (
	"kbsite/generator/load"
	"kbsite/generator/resolve"
)

// Article is one article as the build sees it: what the load stage made of
// its file, and what the later stages found.
type Article struct {
	*load.Article

	backlinks []*Article
	related   []*Article // the explicit related articles, in order
	// similar are the most similar articles by content, computed with the
	// search index; pages show them after the related ones.
	similar []*Article
	target  *resolve.Target // this article as a link target
	linked  resolve.Links   // what the link stage made of its links
}
