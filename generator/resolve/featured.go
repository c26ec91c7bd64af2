package resolve

import (
	"path"
	"strings"

	"kbsite/generator/content"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/suggest"
)

// Featured resolves the featured articles of site.yaml (at file) to
// articles of the default language, each once, in order. A value is an
// ID or alias, ignoring case, or the content path of a Markdown file, as
// links name them; one that names no article is an error at its place,
// with the closest ID or path.
func (ix *Index) Featured(refs []config.Ref, file string, dl *diag.List) []*Target {
	var out []*Target
	seen := map[*Target]bool{}
	for _, r := range refs {
		t := ix.featured(r.Value)
		if t == nil {
			dl.Addf(diag.Error, diag.KindConfig, file, r.Line, r.Col, "featured article %s does not exist%s", diag.Quote(r.Value), ix.featuredHint(r.Value))
			continue
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// featured finds the article a featured value names, or nil.
func (ix *Index) featured(v string) *Target {
	if t := ix.byID[content.Key(ix.lang, v)]; t != nil {
		return t
	}
	if v == "" {
		return nil
	}
	return ix.bySource[path.Clean(strings.TrimPrefix(v, "/"))]
}

// featuredHint suggests the content path closest to a value that looks
// like one, else the closest ID.
func (ix *Index) featuredHint(v string) string {
	if !strings.Contains(v, "/") && !strings.HasSuffix(strings.ToLower(v), ".md") {
		return ix.hint(v)
	}
	if h := suggest.ClosestCased(v, ix.sources); h != "" {
		return " (did you mean " + h + "?)"
	}
	return ""
}
