package build

import (
	"kbsite/generator/internal/progress"
	"kbsite/generator/internal/workers"
	"kbsite/generator/site"
	"kbsite/generator/site/listing"
	"kbsite/generator/theme"
	"kbsite/generator/write"
)

// writeSite renders every page into the staging folder and copies assets and
// referenced files. It returns the number of HTML pages written.
func writeSite(s *Site, lay *theme.Theme, out *write.Dir, pr *progress.Reporter) (int, error) {
	var jobs []func() error
	pages := &write.Pages{Theme: lay, Out: out, Progress: pr, Times: &s.times}
	render := func(tmpl string, page func() *site.Page) func() error {
		return pages.Job(tmpl, func() *site.Page { return s.applyNav(page()) })
	}
	for _, a := range s.Articles {
		jobs = append(jobs, render("article", func() *site.Page { return s.articlePage(a) }))
	}
	jobs = append(jobs, render("404", s.pages().NotFoundPage))
	all := entries(s.Articles)
	for _, lang := range s.Languages {
		jobs = append(jobs, render("search", func() *site.Page { return s.pages().SearchPage(lang) }))
		for _, j := range listing.Group(s.pages(), lang, all).Pages(func(string) bool { return true }) {
			jobs = append(jobs, render(j.Template, j.Page))
		}
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
		jobs = append(jobs, func() error { return s.files.Copy(f, out.WriteFile) })
	}
	pr.Stage("write pages", len(jobs))
	if err := workers.Run(jobs); err != nil {
		return 0, err
	}
	if err := s.writeWebFiles(out); err != nil {
		return 0, err
	}
	return pages.Count(), nil
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
