package content

// This file reports the front matter keys kbsite does not use: one warning
// at each key for the site's own articles, where it is most likely a typo,
// and one summary line for a foreign folder, where there may be hundreds
// that would bury the real problems.

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"kbsite/generator/internal/diag"
)

// WarnUnknown warns at each unknown key of doc, read from file.
func WarnUnknown(dl *diag.List, file string, doc Doc) {
	for _, k := range doc.Unknown {
		p := doc.Meta.Pos.Of(k)
		dl.Warnf(file, p.Line, p.Col, "unknown front matter key %s (ignored)", diag.Quote(k))
	}
}

// UnknownKeys counts, for each unknown key, the files that have it. It
// is safe for concurrent use.
type UnknownKeys struct {
	mu    sync.Mutex
	files map[string]int
}

// Add counts the unknown keys of one file.
func (u *UnknownKeys) Add(doc Doc) {
	if len(doc.Unknown) == 0 {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.files == nil {
		u.files = map[string]int{}
	}
	for _, k := range doc.Unknown {
		u.files[k]++
	}
}

// Report adds one warning, against the content folder dir, listing the
// keys counted, the most common first.
func (u *UnknownKeys) Report(dl *diag.List, dir string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.files) == 0 {
		return
	}
	keys := make([]string, 0, len(u.files))
	for k := range u.files {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if u.files[keys[i]] != u.files[keys[j]] {
			return u.files[keys[i]] > u.files[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s (%d %s)", k, u.files[k], plural(u.files[k], "file", "files"))
	}
	dl.Warnf(dir, 0, 0, "%d front matter %s kbsite does not use (ignored): %s", len(keys), plural(len(keys), "key", "keys"), strings.Join(parts, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
