package kb

import (
	"path/filepath"

	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
)

// featuredKeys resolves site.yaml's featured articles (resolve.Index.Featured)
// to their translation keys: each language's home page shows its own
// translation of them.
func (s *Site) featuredKeys(dl *diag.List) []string {
	var keys []string
	for _, t := range s.index.Featured(s.config.Featured, filepath.Join(s.contentDir, config.FileName), dl) {
		keys = append(keys, article(t).Meta.TranslationKey)
	}
	return keys
}
