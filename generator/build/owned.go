package build

import (
	"kbsite/generator/content"
	"kbsite/generator/site"
)

// paths places the site's pages (site.Paths holds the rule).
func (s *Site) paths() site.Paths {
	return site.Paths{Default: s.Config.Language, Languages: s.Languages}
}

// langPath is the path of a language's page p.
func (s *Site) langPath(lang, p string) string { return s.paths().Lang(lang, p) }

// generatedFile says which generated page or file is at site path p, or "".
func (s *Site) generatedFile(p string) string {
	return s.paths().Generated(p, func(lang, id string) string {
		if a := s.ByKey[content.Key(lang, id)]; a != nil {
			return a.Meta.ID
		}
		return ""
	})
}

// ownedFolder returns the folder the build owns that site path p lies in,
// its unprefixed name and what it holds, or "" when p lies in none.
func (s *Site) ownedFolder(p string) (folder, dir, what string) { return s.paths().Owned(p) }
