package paths

import (
	"fmt"
	"strings"
)

// Place is where an article's page goes: beside the other articles, named
// after its ID, so that moving the file breaks no link. Foreign content,
// whose IDs are derived from paths (derivedID), keeps its folder layout
// instead (windows-client/x/y.md is windows-client/x/y.html), so the links
// and redirects of the site it came from map one to one; a page that would
// land on a generated page or in a folder the build owns goes beside the
// articles. article is as for Generated.
func (ps Paths) Place(lang, id, source string, derivedID bool, article func(lang, id string) string) string {
	byID := ps.Lang(lang, ArticlePath(id))
	if !derivedID {
		return byID
	}
	p := SourcePath(source)
	if first, _, _ := strings.Cut(p, "/"); first != lang {
		p = ps.Lang(lang, p)
	}
	if folder, _, _ := ps.Owned(p); folder != "" || ps.Generated(p, article) != "" {
		return byID
	}
	return p
}

// Clash says what generated page or owned folder the redirect page p of a
// path alias would land on, or "". Redirects may go in the article folder,
// where old IDs' redirects are, but not on an article's page. article is as
// for Generated.
func (ps Paths) Clash(p string, article func(lang, id string) string) string {
	if what := ps.Generated(p, article); what != "" {
		return fmt.Sprintf("%s (%s)", strings.ToLower(p), what)
	}
	if folder, dir, what := ps.Owned(p); folder != "" && dir != ArticleDir {
		return fmt.Sprintf("a page in %s, the folder of %s", folder, what)
	}
	return ""
}
