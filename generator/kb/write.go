package kb

import (
	"slices"
	"sort"

	"kbsite/generator/internal/progress"
	"kbsite/generator/internal/workers"
	"kbsite/generator/site"
	"kbsite/generator/site/listing"
	"kbsite/generator/write"
)

// Write renders every page into the staging folder and copies assets and
// referenced files. It returns the number of HTML pages written.
//
// The listing pages come last, in a second round: their grouping holds a
// copy of every article's entry per product and keyword (a quarter of a
// gigabyte at 100,000 articles), which is then made only after the
// article pages are written, not kept through them.
func (s *Site) Write(out *write.Dir, pr *progress.Reporter) (int, error) {
	pages := &write.Pages{Theme: s.layout, Out: out, Progress: pr, Times: s.times}
	render := func(tmpl string, page func() *site.Page) func() error {
		return pages.Job(tmpl, func() *site.Page { return s.applyNav(page()) })
	}
	jobs := append(s.pageJobs(render), s.fileJobs(out)...)
	pr.Stage("write pages", len(jobs))
	if err := workers.Run(jobs); err != nil {
		return 0, err
	}
	jobs = s.listingJobs(render)
	pr.Stage("write listings", len(jobs))
	if err := workers.Run(jobs); err != nil {
		return 0, err
	}
	if err := s.writeWebFiles(out); err != nil {
		return 0, err
	}
	return pages.Count(), nil
}

// renderJob makes the job that renders a page with a template.
type renderJob func(tmpl string, page func() *site.Page) func() error

// pageJobs render the article, 404, search and redirect pages.
func (s *Site) pageJobs(render renderJob) []func() error {
	var jobs []func() error
	for _, a := range s.Articles {
		jobs = append(jobs, render("article", func() *site.Page { return s.articlePage(a) }))
	}
	jobs = append(jobs, render("404", s.pages().NotFoundPage))
	for _, lang := range s.languages {
		jobs = append(jobs, render("search", func() *site.Page { return s.pages().SearchPage(lang) }))
	}
	for from, t := range s.redirects {
		jobs = append(jobs, render("redirect", func() *site.Page { return s.pages().RedirectPage(from, entry(article(t))) }))
	}
	return jobs
}

// fileJobs copy the theme's assets, the favicon and the published
// content files.
func (s *Site) fileJobs(out *write.Dir) []func() error {
	var jobs []func() error
	for _, as := range s.layout.Assets() {
		jobs = append(jobs, func() error { return out.WriteFile(as.Path, as.Data) })
	}
	if icon, _ := site.Favicon(s.config); icon != "" {
		jobs = append(jobs, func() error { return out.WriteFile(icon, s.config.FaviconData) })
	}
	for _, f := range s.published {
		jobs = append(jobs, func() error { return s.files.Copy(f, out.WriteFile) })
	}
	return jobs
}

// listingJobs render every language's listing pages (listing.Group).
func (s *Site) listingJobs(render renderJob) []func() error {
	var jobs []func() error
	all := entries(s.Articles)
	for _, lang := range s.languages {
		for _, j := range listing.Group(s.pages(), lang, all).Pages(func(string) bool { return true }) {
			jobs = append(jobs, render(j.Template, j.Page))
		}
	}
	return jobs
}

// writeWebFiles writes the sitemap, robots.txt and feed when there is a
// base URL.
func (s *Site) writeWebFiles(out write.Sink) error {
	for _, f := range listing.WebFiles(s.pages(), entries(s.Articles)) {
		if err := out.WriteFile(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// WriteChange writes the search files and pages an applied change touched
// into the live folder and removes the pages it ended. It returns the
// number of pages rendered and the site-relative paths written or removed.
func (s *Site) WriteChange(c *Change, out write.Live) (int, []string, error) {
	written, err := s.writeSearch(c, out)
	if err != nil {
		return 0, nil, err
	}
	pages := &write.Pages{Theme: s.layout, Out: out, Times: s.times}
	render := func(tmpl string, page func() *site.Page) func() error {
		p := s.applyNav(page())
		written = append(written, p.Path)
		return pages.Job(tmpl, func() *site.Page { return p })
	}
	var jobs []func() error
	for a := range c.touched {
		jobs = append(jobs, render("article", func() *site.Page { return s.articlePage(a) }))
	}
	for _, a := range c.news {
		for _, p := range s.aliases().Pages(a.linkIn()) {
			jobs = append(jobs, render("redirect", func() *site.Page { return s.pages().RedirectPage(p, entry(a)) }))
		}
	}
	var live []string // listing pages that exist after the change
	if c.listingsChanged {
		var listings []listing.Job
		listings, live = listing.Update(s.pages(), entries(s.Articles), entries(c.olds), entries(c.news))
		for _, j := range listings {
			jobs = append(jobs, render(j.Template, j.Page))
		}
	}
	if err := workers.Run(jobs); err != nil {
		return 0, nil, err
	}
	removed, err := s.removeGone(c, out, live)
	if err != nil {
		return 0, nil, err
	}
	files, err := s.updateFiles(out)
	if err != nil {
		return 0, nil, err
	}
	written = append(written, files...)
	if c.listingsChanged {
		if err := s.writeWebFiles(out); err != nil {
			return 0, nil, err
		}
	}
	written = append(written, removed...)
	sort.Strings(written)
	return pages.Count(), slices.Compact(written), nil
}

// writeSearch brings the served search index files up to date.
func (s *Site) writeSearch(c *Change, out write.Live) ([]string, error) {
	files, remove := s.updateSearch(c.olds, c.news)
	var written []string
	for _, f := range files {
		if err := out.WriteFile(f.Path, f.Data); err != nil {
			return nil, err
		}
		written = append(written, f.Path)
	}
	removed, err := out.Prune(remove, func(string) bool { return false })
	if err != nil {
		return nil, err
	}
	return append(written, removed...), nil
}

// removeGone removes the pages of the old versions, their redirects and,
// when listings changed, their listings, unless they still exist (live
// holds the listings that do).
func (s *Site) removeGone(c *Change, out write.Live, live []string) ([]string, error) {
	// A handful of paths may be gone: each is looked up rather than a set
	// made of every page (a tenth of an edit's time at 10k articles). No
	// two pages share a path, and an unchanged article kept its page, so
	// only a new version can have one of them.
	exists := func(p string) bool {
		return slices.Contains(live, p) || s.redirects[p] != nil ||
			slices.ContainsFunc(c.news, func(a *Article) bool { return a.Path == p })
	}
	gone := slices.Clone(c.oldRedirects)
	for _, a := range c.olds {
		gone = append(gone, a.Path)
		if c.listingsChanged {
			gone = append(gone, listing.Of(s.pages(), entry(a))...)
		}
	}
	return out.Prune(gone, exists)
}

// updateFiles publishes the content files that pages link to after a
// change and did not before, and removes those that no page links any
// more, returning their paths.
func (s *Site) updateFiles(out write.Live) ([]string, error) {
	before := s.published
	s.published = s.serve.published()
	return out.Sync(before, s.published, func(f string) error { return s.files.Copy(f, out.WriteFile) })
}
