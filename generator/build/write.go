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
	for _, lang := range s.Languages {
		jobs = append(jobs, render("search", func() *site.Page { return s.pages().SearchPage(lang) }))
		jobs = append(jobs, s.languageJobs(lang, render, func(string) bool { return true })...)
	}
	for from, a := range s.Redirects {
		jobs = append(jobs, render("redirect", func() *site.Page { return s.pages().RedirectPage(from, entry(a)) }))
	}
	for _, as := range lay.Assets() {
		jobs = append(jobs, func() error { return out.WriteFile(as.Path, as.Data) })
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

// languageJobs renders the pages of a language that show its articles:
// home, A–Z, and the product and keyword listings for which want(path)
// holds. Serve mode asks only for the listings a change touched.
func (s *Site) languageJobs(lang string, render func(string, func() *site.Page) func() error, want func(path string) bool) []func() error {
	jobs := []func() error{
		render("home", func() *site.Page { return s.homePage(lang) }),
		render("list", func() *site.Page { return s.azPage(lang) }),
	}
	slugs, byProduct := s.products(lang)
	for _, slug := range slugs {
		if want(s.langPath(lang, site.ProductPath(slug))) {
			jobs = append(jobs, render("list", func() *site.Page { return s.productPage(lang, slug, byProduct[slug]) }))
		}
	}
	paths, names, arts := s.keywords(lang)
	for _, kp := range paths {
		if want(kp) {
			jobs = append(jobs, render("list", func() *site.Page { return s.keywordPage(lang, kp, names[kp], arts[kp]) }))
		}
	}
	return jobs
}

// listingPaths are the product and keyword listing pages of a language.
func (s *Site) listingPaths(lang string) []string {
	var out []string
	slugs, _ := s.products(lang)
	for _, slug := range slugs {
		out = append(out, s.langPath(lang, site.ProductPath(slug)))
	}
	paths, _, _ := s.keywords(lang)
	return append(out, paths...)
}

// writeWebFiles writes the sitemap, robots.txt and feed when there is a
// base URL.
func (s *Site) writeWebFiles(out sink) error {
	if s.Config.BaseURL == "" {
		return nil
	}
	var listed []string
	for _, a := range s.Articles {
		listed = append(listed, a.Path)
	}
	for _, lang := range s.Languages {
		listed = append(listed, s.langPath(lang, "index.html"), s.langPath(lang, "az.html"))
		listed = append(listed, s.listingPaths(lang)...)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{site.SitemapFile, site.Sitemap(s.Config.BaseURL, listed, entries(s.Articles))},
		{site.RobotsFile, site.Robots(s.Config.BaseURL)},
		{site.FeedFile, site.Feed(s.Config.Title, s.Config.BaseURL, entries(recent(s.Articles, feedSize)))},
	} {
		if err := out.WriteFile(f.name, f.data); err != nil {
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
