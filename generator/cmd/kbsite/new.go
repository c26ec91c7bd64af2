package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kbsite/generator/content"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
)

var kbIDRe = regexp.MustCompile(`(?m)^id:\s*["']?KB(\d{1,9})["']?\s*$`)

// today is replaceable in tests.
var today = func() time.Time { return time.Now() }

func runNew(args []string, stdout, stderr io.Writer) int {
	var dir, product string
	fs := newFlags("new", "Creates a new article: front matter (with a summary) and the KB sections\nSymptoms, Cause, Resolution and More information, next to the product's\nother articles, and prints its path.\n\nExample: kbsite new --product windows-messenger \"Title\"", stdout, stderr)
	fs.StringVar(&dir, "content", "content", "content folder")
	fs.StringVar(&product, "product", "", "product the article applies to (required): a slug such as windows-messenger or a name such as \"Windows Messenger\"")
	help, err := parseFlags(fs, args, stdout, stderr)
	if help {
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
	}
	if _, ok := content.ProductSlug(product); !ok {
		fmt.Fprintf(stderr, "kbsite new: --product must be a product's slug or name, such as windows-messenger or \"Windows Messenger\", not %q\n", product)
		return exitUsage
	}
	if !utf8.ValidString(title) {
		fmt.Fprintln(stderr, "kbsite new: the title is not valid UTF-8")
		return exitUsage
	}
	file, err := create(dir, product, title, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "kbsite new:", err)
		return exitFor(err)
	}
	fmt.Fprintln(stdout, file)
	return exitOK
}

// create writes the new article's skeleton next to the product's articles
// (placement). It writes through an os.Root so that a symbolic link cannot
// lead the file out of the content folder, and never over an existing file.
func create(dir, product, title string, stderr io.Writer) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", err
	}
	defer root.Close()
	sum, err := survey(dir)
	if err != nil {
		return "", err
	}
	folder, written := sum.placement(product, stderr)
	id := sum.nextID()
	rel := filepath.Join(filepath.FromSlash(folder), strings.ToLower(id)+".md")
	if err := root.MkdirAll(filepath.FromSlash(folder), 0o755); err != nil {
		return "", err
	}
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", err
	}
	_, err = io.WriteString(f, skeleton(id, title, written))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		root.Remove(rel) // a half-written article would only confuse
		return "", err
	}
	return filepath.Join(dir, rel), nil
}

// contentSurvey is what new needs to know of the content folder: the
// largest KB number and its digit count, and where each product's articles
// are (folder -> count, by product slug).
type contentSurvey struct {
	maxN, width int
	folders     map[string]map[string]int
	named       map[string]string // site.yaml's product names
}

// survey reads the content folder's articles. Problems the scan finds are
// check's to report.
func survey(dir string) (*contentSurvey, error) {
	sum := &contentSurvey{width: 6, folders: map[string]map[string]int{}, named: config.Load(dir, &diag.List{}).Products}
	articles, _ := content.Scan(dir, &diag.List{})
	for _, rel := range articles {
		src, err := content.ReadFile(dir, rel, content.MaxSize)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, filepath.FromSlash(rel)), err)
		}
		doc, ok := content.Parse(rel, src, &diag.List{})
		if !ok {
			// A broken article still reserves its ID.
			if m := kbIDRe.FindSubmatch(src); m != nil {
				sum.record(string(m[1]))
			}
			continue
		}
		if id := strings.ToUpper(doc.Meta.ID); strings.HasPrefix(id, "KB") {
			sum.record(id[2:])
		}
		for _, p := range doc.Meta.Products {
			if sum.folders[p] == nil {
				sum.folders[p] = map[string]int{}
			}
			sum.folders[p][path.Dir(rel)]++
		}
	}
	return sum, nil
}

// nextID returns KB<n+1> for the largest KB<n> ID among the content
// folder's articles (KB000001 when there are none), keeping the digit
// count of existing IDs.
func (sum *contentSurvey) nextID() string { return fmt.Sprintf("KB%0*d", sum.width, sum.maxN+1) }

// placement is the folder for a new article of product (a slug or a
// display name): the one holding most of that product's articles (the
// first by name on a tie), else a new folder named by its slug. written is
// what the front matter's products says: the slug, or for a product no
// article or site.yaml knows yet, the display name as typed, which names it.
func (sum *contentSurvey) placement(product string, stderr io.Writer) (folder, written string) {
	slug, _ := content.ProductSlug(product)
	best := 0
	for f, n := range sum.folders[slug] {
		if n > best || n == best && f < folder {
			folder, best = f, n
		}
	}
	if _, named := sum.named[slug]; best > 0 || named {
		if folder == "" {
			folder = slug
		}
		return folder, slug
	}
	known := slices.Collect(maps.Keys(sum.folders))
	for p := range sum.named {
		known = append(known, p)
	}
	if near := content.SimilarProduct(slug, known); near != "" {
		fmt.Fprintf(stderr, "kbsite new: warning: no article has product %s yet (did you mean %s?)\n", slug, near)
	}
	if product != slug {
		return slug, strconv.Quote(product)
	}
	return slug, slug
}

func (sum *contentSurvey) record(digits string) {
	n, err := strconv.Atoi(digits)
	if err != nil {
		return
	}
	if n > sum.maxN {
		sum.maxN = n
		sum.width = max(len(digits), sum.width)
	}
}

// skeleton is a new article. The title is written as a YAML double-quoted
// scalar: strconv.Quote's escapes (\\, \", \n, \t, \xXX for ASCII control
// bytes, \uXXXX) all mean the same in YAML, so any valid UTF-8 title reads
// back as it was typed. Its sample text is content's placeholders, which
// the build warns about while they are left.
func skeleton(id, title, products string) string {
	return fmt.Sprintf(`---
id: %s
title: %s
summary: %s
products: [%s]
keywords: []
aliases: []
related: []
updated: %s
---

## Symptoms

%s

## Cause

%s

## Resolution

To resolve this problem, follow these steps:

%s
%s

> [!NOTE]
%s

## More information

%s [](kb:%s).
`, id, strconv.Quote(title), content.PlaceholderSummary, products, today().Format("2006-01-02"),
		content.PlaceholderSymptoms, content.PlaceholderCause, content.PlaceholderStep1, content.PlaceholderStep2,
		content.PlaceholderNote, content.PlaceholderLinks, id)
}
