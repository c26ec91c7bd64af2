package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
)

var (
	productRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
	kbIDRe    = regexp.MustCompile(`(?m)^id:\s*["']?KB(\d{1,9})["']?\s*$`)
)

// today is replaceable in tests.
var today = func() time.Time { return time.Now() }

func runNew(args []string, stdout, stderr io.Writer) int {
	var content, product string
	fs := newFlags("new", "Creates a new article with front matter and the KB sections (Summary,\nSymptoms, Cause, Resolution, More information) and prints its path.\n\nUsage: kbsite new --product P \"Title\"", stdout, stderr)
	fs.StringVar(&content, "content", "content", "content folder")
	fs.StringVar(&product, "product", "", "product slug the article applies to (required), e.g. windows-messenger")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return 0
	}
	if err != nil {
		return exitUsage
	}
	title := strings.TrimSpace(strings.Join(fs.Args(), " "))
	switch {
	case title == "":
		fmt.Fprintln(stderr, `kbsite new: give the article's title, e.g. kbsite new --product windows-messenger "Title"`)
		return exitUsage
	case !productRe.MatchString(product):
		fmt.Fprintf(stderr, "kbsite new: --product must be a lower-case slug such as windows-messenger, not %q\n", product)
		return exitUsage
	}
	if !utf8.ValidString(title) {
		fmt.Fprintln(stderr, "kbsite new: the title is not valid UTF-8")
		return exitUsage
	}
	path, err := create(content, product, title)
	if err != nil {
		fmt.Fprintln(stderr, "kbsite new:", err)
		return exitFor(err)
	}
	fmt.Fprintln(stdout, path)
	return exitOK
}

// create writes the new article's skeleton under content/product. It
// writes through an os.Root so that a symbolic link cannot lead the file
// out of the content folder, and never over an existing file.
func create(dir, product, title string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", err
	}
	defer root.Close()
	id, err := nextID(dir)
	if err != nil {
		return "", err
	}
	rel := filepath.Join(product, strings.ToLower(id)+".md")
	if err := root.MkdirAll(product, 0o755); err != nil {
		return "", err
	}
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", err
	}
	_, err = io.WriteString(f, skeleton(id, title, product))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		root.Remove(rel) // a half-written article would only confuse
		return "", err
	}
	return filepath.Join(dir, rel), nil
}

// nextID returns KB<n+1> for the largest KB<n> ID among the content
// folder's articles (KB000001 when there are none), keeping the digit
// count of existing IDs. Problems the scan finds are check's to report.
func nextID(dir string) (string, error) {
	maxN, width := 0, 6
	articles, _ := content.Scan(dir, &diag.List{})
	for _, rel := range articles {
		src, err := content.ReadFile(dir, rel, content.MaxSize)
		if err != nil {
			return "", fmt.Errorf("%s: %w", filepath.Join(dir, filepath.FromSlash(rel)), err)
		}
		doc, ok := content.Parse(rel, src, &diag.List{})
		if !ok {
			// A broken article still reserves its ID.
			if m := kbIDRe.FindSubmatch(src); m != nil {
				record(string(m[1]), &maxN, &width)
			}
			continue
		}
		if id := strings.ToUpper(doc.Meta.ID); strings.HasPrefix(id, "KB") {
			record(id[2:], &maxN, &width)
		}
	}
	return fmt.Sprintf("KB%0*d", width, maxN+1), nil
}

func record(digits string, maxN, width *int) {
	n, err := strconv.Atoi(digits)
	if err != nil {
		return
	}
	if n > *maxN {
		*maxN = n
		*width = max(len(digits), *width)
	}
}

// skeleton is a new article. The title is written as a YAML double-quoted
// scalar: strconv.Quote's escapes (\\, \", \n, \t, \xXX for ASCII control
// bytes, \uXXXX) all mean the same in YAML, so any valid UTF-8 title reads
// back as it was typed.
func skeleton(id, title, product string) string {
	return fmt.Sprintf(`---
id: %s
title: %s
summary: One or two sentences that say what this article solves.
products: [%s]
keywords: []
aliases: []
related: []
updated: %s
---

## Symptoms

Describe what the user sees, including the exact text of any error message.

## Cause

Explain why the problem happens.

## Resolution

To resolve this problem, follow these steps:

1. First step.
2. Second step.

> [!NOTE]
> Add notes, tips or warnings with [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION].

## More information

Link related articles by ID, for example [](kb:%s).
`, id, strconv.Quote(title), product, today().Format("2006-01-02"), id)
}
