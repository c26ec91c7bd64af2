package build

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"kbsite/generator/internal/progress"
	"kbsite/generator/resolve"
	"kbsite/generator/site"
	"kbsite/generator/site/listing"
	"kbsite/generator/theme"
	"kbsite/generator/write"
)

// sink is where pages go: the staging folder of a full build, or the live
// output folder in serve mode.
type sink interface {
	WriteFile(rel string, data []byte) error
}

// pageJob renders the page that page() makes with template tmpl into out.
// The page is made by the job, not before: a page holds its article's
// finished HTML, and making them all first would hold every article's at
// once.
func pageJob(lay *theme.Theme, out sink, tmpl string, page func() *site.Page, pages *atomic.Int64, pr *progress.Reporter, times *workTimes) func() error {
	return func() error {
		start := time.Now()
		p := page()
		var buf bytes.Buffer
		if err := lay.Render(&buf, tmpl, p); err != nil {
			return fmt.Errorf("rendering %s with %s.html: %w", p.Path, tmpl, err)
		}
		pages.Add(1)
		pr.Add(1)
		start = since(&times.render, start)
		defer since(&times.write, start)
		return out.WriteFile(p.Path, buf.Bytes())
	}
}

// writeSite renders every page into the staging folder and copies assets and
// referenced files. It returns the number of HTML pages written.
func writeSite(s *Site, lay *theme.Theme, contentDir string, out *write.Dir, pr *progress.Reporter) (int, error) {
	var jobs []func() error
	var pages atomic.Int64
	render := func(tmpl string, page func() *site.Page) func() error {
		return pageJob(lay, out, tmpl, func() *site.Page { return s.applyNav(page()) }, &pages, pr, &s.times)
	}
	for _, a := range s.Articles {
		jobs = append(jobs, render("article", func() *site.Page { return s.articlePage(a) }))
	}
	jobs = append(jobs, render("404", s.pages().NotFoundPage))
	all := entries(s.Articles)
	for _, lang := range s.Languages {
		jobs = append(jobs, render("search", func() *site.Page { return s.pages().SearchPage(lang) }))
		jobs = append(jobs, s.languageJobs(all, lang, render, func(string) bool { return true })...)
	}
	for from, t := range s.Redirects {
		jobs = append(jobs, render("redirect", func() *site.Page { return s.pages().RedirectPage(from, entry(article(t))) }))
	}
	for _, as := range lay.Assets() {
		jobs = append(jobs, func() error { return out.WriteFile(as.Path, as.Data) })
	}
	if icon, _ := site.Favicon(s.Config); icon != "" {
		jobs = append(jobs, func() error { return out.WriteFile(icon, s.Config.FaviconData) })
	}
	for _, f := range s.Files {
		jobs = append(jobs, func() error { return copyFile(contentDir, f, out) })
	}
	pr.Stage("write pages", len(jobs))
	if err := run(jobs); err != nil {
		return 0, err
	}
	if err := s.writeWebFiles(out); err != nil {
		return 0, err
	}
	return int(pages.Load()), nil
}

// languageJobs renders the pages of a language that list its articles
// (listing.Pages), all being every article's entry.
func (s *Site) languageJobs(all []site.Entry, lang string, render func(string, func() *site.Page) func() error, want func(path string) bool) []func() error {
	b := s.pages()
	var jobs []func() error
	for _, j := range listing.Group(b, lang, all).Pages(want) {
		jobs = append(jobs, render(j.Template, j.Page))
	}
	return jobs
}

// writeWebFiles writes the sitemap, robots.txt and feed when there is a
// base URL.
func (s *Site) writeWebFiles(out sink) error {
	for _, f := range listing.WebFiles(s.pages(), entries(s.Articles)) {
		if err := out.WriteFile(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// run runs jobs on all cores and returns the first error.
func run(jobs []func() error) error {
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
		next  atomic.Int64
	)
	for w := 0; w < workers(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				if err := jobs[i](); err != nil {
					once.Do(func() { first = err })
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// copyFile publishes a linked file. An SVG is checked again on the bytes
// copied, in case it changed after its links were resolved.
func copyFile(contentDir, rel string, out sink) error {
	data, err := readContentFile(contentDir, rel)
	if err != nil {
		return err
	}
	if p := resolve.SVGCheck(rel, data); p != nil {
		return fmt.Errorf("%s changed during the build and is no longer safe to publish: %v", rel, p)
	}
	return out.WriteFile(rel, data)
}
