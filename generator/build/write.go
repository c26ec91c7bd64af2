package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"kbsite/generator/layout"
	"kbsite/generator/output"
	"kbsite/generator/progress"
)

// write renders every page into the staging folder and copies assets and
// referenced files. It returns the number of HTML pages written.
func write(site *Site, lay *layout.Layout, contentDir string, out *output.Dir, pr *progress.Reporter) (int, error) {
	var jobs []func() error
	var pages atomic.Int64
	render := func(tmpl string, p *Page) func() error {
		return func() error {
			var buf bytes.Buffer
			if err := lay.Render(&buf, tmpl, p); err != nil {
				return fmt.Errorf("rendering %s with %s.html: %w", p.Path, tmpl, err)
			}
			pages.Add(1)
			pr.Add(1)
			return out.WriteFile(p.Path, buf.Bytes())
		}
	}
	for _, a := range site.Articles {
		jobs = append(jobs, render("article", site.articlePage(a)))
	}
	jobs = append(jobs, render("home", site.homePage()))
	jobs = append(jobs, render("list", site.azPage()))
	jobs = append(jobs, render("404", site.notFoundPage()))
	slugs, byProduct := site.products()
	for _, slug := range slugs {
		name := site.Config.ProductName(slug)
		jobs = append(jobs, render("list", site.listPage(ProductPath(slug), name, "Articles that apply to "+name+".", byProduct[slug])))
	}
	paths, names, arts := site.keywords()
	for _, kp := range paths {
		jobs = append(jobs, render("list", site.listPage(kp, names[kp], "Articles about “"+names[kp]+"”.", arts[kp])))
	}
	for from, a := range site.Redirects {
		jobs = append(jobs, render("redirect", site.redirectPage(from, a)))
	}
	for _, as := range lay.Assets() {
		as := as
		jobs = append(jobs, func() error { return out.WriteFile(as.Path, as.Data) })
	}
	for _, f := range site.Files {
		f := f
		jobs = append(jobs, func() error { return copyFile(contentDir, f, out) })
	}
	pr.Stage("write pages", len(jobs))
	if err := run(jobs); err != nil {
		return 0, err
	}
	if site.Config.BaseURL != "" {
		var listed []string
		for _, a := range site.Articles {
			listed = append(listed, a.Path)
		}
		listed = append(listed, "index.html", "az.html")
		for _, slug := range slugs {
			listed = append(listed, ProductPath(slug))
		}
		listed = append(listed, paths...)
		for name, data := range map[string][]byte{"sitemap.xml": site.sitemap(listed), "robots.txt": site.robots(), "feed.xml": site.feed()} {
			if err := out.WriteFile(name, data); err != nil {
				return 0, err
			}
		}
	}
	return int(pages.Load()), nil
}

func (s *Site) notFoundPage() *Page {
	p := s.page("404", "404.html", "Page not found")
	// A host serves 404.html for missing pages at any depth, where relative
	// links would break; with a base URL the page links absolutely.
	if s.Config.BaseURL != "" {
		p.Root = s.Config.BaseURL
	}
	return p
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

func copyFile(contentDir, rel string, out *output.Dir) error {
	data, err := os.ReadFile(filepath.Join(contentDir, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	return out.WriteFile(rel, data)
}
