package main

import (
	"fmt"
	"io"
	"time"

	"kbsite/generator/build"
	"kbsite/generator/config"
)

type siteFlags struct {
	content, templates, out, baseURL string
	drafts, warnLinks                bool
}

func (f *siteFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
}, withOut bool) {
	fs.StringVar(&f.content, "content", "content", "folder of Markdown articles (and site.yaml)")
	fs.StringVar(&f.templates, "templates", "templates", "folder of page templates and assets")
	if withOut {
		fs.StringVar(&f.out, "out", "public", "output folder, replaced atomically when the build succeeds")
	}
	fs.StringVar(&f.baseURL, "base-url", "", "absolute URL the site is published at (overrides site.yaml)")
	fs.BoolVar(&f.drafts, "drafts", false, "include articles marked draft: true")
	fs.BoolVar(&f.warnLinks, "warn-links", false, "report broken links as warnings instead of errors")
}

func (f *siteFlags) options() build.Options {
	return build.Options{
		ContentDir:   f.content,
		TemplatesDir: f.templates,
		OutDir:       f.out,
		BaseURL:      f.baseURL,
		Drafts:       f.drafts,
		WarnLinks:    f.warnLinks,
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlags("build", "Builds the content folder into a static site in the output folder.\nOn any error nothing is written and the previous output stays as it was.", stdout, stderr)
	f.register(fs, true)
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if f.baseURL != "" {
		if err := config.ValidateBaseURL(f.baseURL); err != nil {
			fmt.Fprintln(stderr, "kbsite:", err)
			return 2
		}
	}
	res, err := build.Build(f.options())
	if err != nil {
		fmt.Fprintln(stderr, "kbsite:", err)
		return 1
	}
	for _, d := range res.Diagnostics {
		fmt.Fprintln(stderr, d)
	}
	if res.Failed() {
		fmt.Fprintf(stderr, "kbsite: build failed: %s, %s; %s left unchanged\n",
			count(res.Errors, "error"), count(res.Warnings, "warning"), f.out)
		return 1
	}
	fmt.Fprintf(stdout, "kbsite: built %s, %s, %s in %s into %s\n",
		count(res.Articles, "article"), count(res.Pages, "page"), count(res.Warnings, "warning"),
		res.Elapsed.Round(time.Millisecond), f.out)
	return 0
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
