package build

import (
	"math"

	"kbsite/generator/content"
	"kbsite/generator/resolve"
)

// newFiles is the rule for linked content files, over this site's paths.
func (s *Site) newFiles() *resolve.Files {
	return &resolve.Files{
		Generated: s.generatedFile,
		Owned: func(p string) (string, string) {
			folder, _, what := s.ownedFolder(p)
			return folder, what
		},
		Read: func(rel string) ([]byte, error) { return content.ReadFile(s.contentDir, rel, math.MaxInt64) },
	}
}
