package kb

import (
	"math"

	"kbsite/generator/content"
	"kbsite/generator/resolve"
	"kbsite/generator/site/paths"
)

// paths places the site's pages (paths.Paths holds the rule).
func (s *Site) paths() paths.Paths {
	return paths.Paths{Default: s.config.Language, Languages: s.languages}
}

// articleID is the ID of the article with id in lang, as spelt in its
// front matter, or "" when there is none.
func (s *Site) articleID(lang, id string) string {
	if a := s.byKey[content.Key(lang, id)]; a != nil {
		return a.Meta.ID
	}
	return ""
}

// newFiles is the rule for linked content files, over this site's paths.
func (s *Site) newFiles() *resolve.Files {
	return &resolve.Files{
		Generated: func(p string) string { return s.paths().Generated(p, s.articleID) },
		Owned: func(p string) (string, string) {
			folder, _, what := s.paths().Owned(p)
			return folder, what
		},
		Read: func(rel string) ([]byte, error) { return content.ReadFile(s.contentDir, rel, math.MaxInt64) },
	}
}
