package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"kbsite/generator/write"
)

// scaffold is what `kbsite init` writes: the articles under content/, so
// that README.md beside it is never taken for an article.
//
//go:embed scaffold
var scaffold embed.FS

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "kbsite init DIR creates a new knowledge base in DIR: content/site.yaml, one\nsample article per product and a README.md for writers. DIR must be new or empty.", stdout, stderr)
	var dir string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		dir, args = args[0], args[1:]
	}
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if dir == "" {
		fmt.Fprintln(stderr, "kbsite init: give the folder to create, e.g. kbsite init help-center")
		return 2
	}
	if err := writeScaffold(dir); err != nil {
		fmt.Fprintln(stderr, "kbsite init:", err)
		return 1
	}
	fmt.Fprintf(stdout, "kbsite: created a knowledge base in %s; read %s, then run kbsite serve there\n", dir, filepath.Join(dir, "README.md"))
	return 0
}

// writeScaffold copies the scaffold into dir, which must be new or empty.
func writeScaffold(dir string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty; init writes only into a new or empty folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return fs.WalkDir(scaffold, "scaffold", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("scaffold", filepath.FromSlash(p))
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := scaffold.ReadFile(p)
		if err != nil {
			return err
		}
		return write.NewFile(target, data)
	})
}
