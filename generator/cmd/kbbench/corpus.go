package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"kbsite/generator/internal/corpusgen"
)

// corpus returns the folder of a generated corpus of n articles, cached
// under cacheDir by size and seed. A corpus is only used once it is
// complete (the marker file is written last), so an interrupted run is
// regenerated rather than half used.
func corpus(cacheDir string, n int, seed uint64) (string, error) {
	dir := filepath.Join(cacheDir, fmt.Sprintf("corpus-%d-seed%d", n, seed))
	marker := filepath.Join(dir, ".complete")
	if _, err := os.Stat(marker); err == nil {
		return dir, nil
	}
	os.RemoveAll(dir)
	log.Printf("generating a corpus of %d articles (seed %d) in %s", n, seed, dir)
	if _, err := corpusgen.Generate(dir, n, seed); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, os.WriteFile(marker, nil, 0o644)
}
