package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kbsite/generator/build"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/progress"
	"kbsite/generator/internal/stopwatch"
)

type siteFlags struct {
	content, templates, out, baseURL string
	linkRoot                         string
	drafts, warnLinks                bool
	quiet, verbose                   bool
}

func (f *siteFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
}, withOut bool) {
	fs.StringVar(&f.content, "content", "content", "folder of Markdown articles (and site.yaml)")
	fs.StringVar(&f.templates, "templates", "", "folder of templates and assets laid over the built-in theme file by file\n(default: a templates folder beside the content folder, if there is one)")
	if withOut {
		fs.StringVar(&f.out, "out", "public", "output folder, replaced atomically when the build succeeds")
	}
	fs.StringVar(&f.baseURL, "base-url", "", "absolute URL the site is published at (overrides site.yaml)")
	fs.StringVar(&f.linkRoot, "link-root", "", "site that links starting with / or ~/ are relative to, such as https://learn.microsoft.com/\n(overrides site.yaml's link_root)")
	fs.BoolVar(&f.drafts, "drafts", false, "include articles marked draft: true")
	fs.BoolVar(&f.warnLinks, "warn-links", false, "report broken links as warnings instead of errors")
	fs.BoolVar(&f.quiet, "q", false, "quiet: print errors only")
	fs.BoolVar(&f.verbose, "v", false, "verbose: also print the time each stage took")
}

// report prints diagnostics (errors only when quiet) and, when verbose,
// the stage timings.
func (f *siteFlags) report(res *build.Result, stderr io.Writer) {
	for _, d := range res.Diagnostics {
		if f.quiet && d.Severity != diag.Error {
			continue
		}
		fmt.Fprintln(stderr, d)
	}
	if f.verbose {
		for _, s := range res.Stages {
			line := fmt.Sprintf("kbsite: %-12s %-12s %s", s.Name, s.Elapsed.Round(time.Microsecond), utilisation(s))
			fmt.Fprintln(stderr, strings.TrimSpace(line))
		}
	}
}

// utilisation is the CPU time of a stage over its wall time: 200% keeps
// both cores of a 2-core machine busy.
func utilisation(s stopwatch.Stage) string {
	if s.Elapsed < time.Millisecond {
		return "" // too short for the CPU clock's resolution
	}
	return fmt.Sprintf("%3.0f%% cpu", 100*s.CPU.Seconds()/s.Elapsed.Seconds())
}

func (f *siteFlags) options() build.Options {
	return build.Options{
		ContentDir:   f.content,
		TemplatesDir: f.templatesDir(),
		OutDir:       f.out,
		BaseURL:      f.baseURL,
		LinkRoot:     f.linkRoot,
		Drafts:       f.drafts,
		WarnLinks:    f.warnLinks,
	}
}

// valid checks the URL flags, reporting a bad one to stderr.
func (f *siteFlags) valid(stderr io.Writer) bool {
	for _, check := range []struct {
		val      string
		validate func(string) error
	}{{f.baseURL, config.ValidateBaseURL}, {f.linkRoot, config.ValidateLinkRoot}} {
		if check.val == "" {
			continue
		}
		if err := check.validate(check.val); err != nil {
			fmt.Fprintln(stderr, "kbsite:", err)
			return false
		}
	}
	return true
}

// templatesDir is the --templates folder, else the templates folder beside
// the content folder, else "" for the built-in theme alone.
func (f *siteFlags) templatesDir() string {
	if f.templates != "" {
		return f.templates
	}
	dir := filepath.Join(f.content, "..", "templates")
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return dir
	}
	return ""
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlags("build", "Builds the content folder into a static site in the output folder.\nOn any error nothing is written and the previous output stays as it was.", stdout, stderr)
	f.register(fs, true)
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if !f.valid(stderr) {
		return exitUsage
	}
	opts := f.options()
	if !f.quiet && isTerminal(stderr) {
		opts.Progress = progress.New(stderr, time.Second)
	}
	res, err := build.Build(opts)
	opts.Progress.Close()
	if err != nil {
		fmt.Fprintln(stderr, "kbsite:", err)
		return exitFor(err)
	}
	f.report(res, stderr)
	if res.Failed() {
		fmt.Fprintf(stderr, "kbsite: build failed: %s, %s; %s left unchanged\n",
			count(res.Errors, "error"), count(res.Warnings, "warning"), f.out)
		return exitContent
	}
	if f.quiet {
		return 0
	}
	fmt.Fprintf(stdout, "kbsite: built %s, %s, %s in %s into %s\n",
		count(res.Articles, "article"), count(res.Pages, "page"), count(res.Warnings, "warning"),
		res.Elapsed.Round(time.Millisecond), f.out)
	return 0
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && progress.IsTerminal(f)
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
