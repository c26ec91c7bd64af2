package report

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"
)

func savedPath(cache string, seed uint64, n int) string {
	return filepath.Join(cache, "results", fmt.Sprintf("%d-seed%d.json", n, seed))
}

// Save keeps a size's results in the cache folder for later -merge runs,
// stamped with the time and the commit of repo unless they were merged
// from an earlier run.
func Save(cache string, seed uint64, repo string, r *Size) error {
	c := *r
	if c.From != "" { // merged from an earlier run: keep when it was measured
		b, err := json.MarshalIndent(&c, "", " ")
		if err != nil {
			return err
		}
		return os.WriteFile(savedPath(cache, seed, r.N), b, 0o644)
	}
	c.From = time.Now().UTC().Format("2006-01-02 15:04 UTC") + " at commit " + commit(repo)
	b, err := json.MarshalIndent(&c, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(savedPath(cache, seed, r.N)), 0o755); err != nil {
		return err
	}
	return os.WriteFile(savedPath(cache, seed, r.N), b, 0o644)
}

// Merge adds the saved results of the sizes not in rs, sorted by size.
func Merge(cache string, seed uint64, rs []*Size) []*Size {
	files, _ := filepath.Glob(filepath.Join(cache, "results", fmt.Sprintf("*-seed%d.json", seed)))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var r Size
		if err := json.Unmarshal(b, &r); err != nil || r.N == 0 || Has(rs, r.N) {
			continue
		}
		log.Printf("merging the %d-article results measured %s", r.N, r.From)
		rs = append(rs, &r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].N < rs[j].N })
	return rs
}

// Has reports whether rs holds results for n articles.
func Has(rs []*Size, n int) bool {
	return slices.ContainsFunc(rs, func(r *Size) bool { return r.N == n })
}
