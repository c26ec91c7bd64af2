package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"kbsite/generator/article"
	"kbsite/generator/diag"
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
		return 2
	}
	title := strings.TrimSpace(strings.Join(fs.Args(), " "))
	switch {
	case title == "":
		fmt.Fprintln(stderr, `kbsite new: give the article's title, e.g. kbsite new --product windows-messenger "Title"`)
		return 2
	case !productRe.MatchString(product):
		fmt.Fprintf(stderr, "kbsite new: --product must be a lower-case slug such as windows-messenger, not %q\n", product)
		return 2
	}
	id, err := nextID(content)
	if err != nil {
		fmt.Fprintln(stderr, "kbsite new:", err)
		return 1
	}
	path := filepath.Join(content, product, strings.ToLower(id)+".md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintln(stderr, "kbsite new:", err)
		return 1
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		fmt.Fprintln(stderr, "kbsite new:", err)
		return 1
	}
	defer f.Close()
	if _, err := io.WriteString(f, skeleton(id, title, product)); err != nil {
		fmt.Fprintln(stderr, "kbsite new:", err)
		return 1
	}
	fmt.Fprintln(stdout, path)
	return 0
}

// nextID returns KB<n+1> for the largest KB<n> ID in the content folder
// (KB000001 in an empty one), keeping the digit count of existing IDs.
func nextID(content string) (string, error) {
	maxN, width := 0, 6
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == content {
				return filepath.SkipAll
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), ".md") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, ok := article.Parse(p, src, &diag.List{})
		if !ok {
			// A broken article still reserves its ID.
			if m := kbIDRe.FindSubmatch(src); m != nil {
				record(string(m[1]), &maxN, &width)
			}
			return nil
		}
		if id := strings.ToUpper(doc.Meta.ID); strings.HasPrefix(id, "KB") {
			record(id[2:], &maxN, &width)
		}
		return nil
	})
	if err != nil {
		return "", err
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

func skeleton(id, title, product string) string {
	q := strings.ReplaceAll(title, `"`, `\"`)
	return fmt.Sprintf(`---
id: %s
title: "%s"
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
`, id, q, product, today().Format("2006-01-02"), id)
}
