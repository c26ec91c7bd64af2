package kb

import (
	"path/filepath"
	"slices"

	"kbsite/generator/internal/config"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/workers"
	"kbsite/generator/resolve"
)

// article is the article behind a link target.
func article(t *resolve.Target) *Article { return t.Ref.(*Article) }

// articles are the articles behind ts.
func articles(ts []*resolve.Target) []*Article {
	var out []*Article
	for _, t := range ts {
		out = append(out, article(t))
	}
	return out
}

// linkIn is what the link stage reads of a.
func (a *Article) linkIn() resolve.Article {
	return resolve.Article{Target: a.target, File: a.File, Meta: &a.Meta, Links: a.Links}
}

// linkIns are what the link stage reads of arts.
func linkIns(arts []*Article) []resolve.Article { return each(arts, (*Article).linkIn) }

// resolveLinks fills every article's link placeholders with page-relative
// URLs, reports broken links, and records backlinks and referenced files.
func (s *Site) resolveLinks(dl *diag.List) {
	jobs := make([]func() error, len(s.Articles))
	for i, a := range s.Articles {
		jobs[i] = func() error {
			a.linked = s.resolveArticle(a, dl)
			return nil
		}
	}
	_ = workers.Run(jobs) // the jobs report broken links to dl, not as errors

	linkBacklinks(s.Articles, s.Articles)
	s.published = usedFiles(s.Articles)
}

// usedFiles are the content files arts link to, sorted: the build
// publishes them.
func usedFiles(arts []*Article) []string {
	var files []string
	for _, a := range arts {
		files = append(files, a.linked.Files...)
	}
	slices.Sort(files)
	return slices.Compact(files)
}

// nameProducts takes the product names the articles write
// (resolve.WrittenNames) into the configuration.
func (s *Site) nameProducts() {
	s.config.WrittenNames = resolve.WrittenNames(linkIns(s.Articles))
}

// linkBacklinks sets the backlinks of every article of targets from the
// out-links of arts (resolve.Backlinks).
func linkBacklinks(arts, targets []*Article) {
	back := resolve.Backlinks(targetsOf(arts), func(t *resolve.Target) []*resolve.Target { return article(t).linked.Out }, targetsOf(targets))
	for _, t := range targets {
		t.backlinks = articles(back[t.target])
	}
}

// targetsOf are arts as link targets.
func targetsOf(arts []*Article) []*resolve.Target {
	return each(arts, func(a *Article) *resolve.Target { return a.target })
}

// resolveArticle resolves one article's links against the site's index
// (resolve.Index.Links); it changes nothing.
func (s *Site) resolveArticle(a *Article, dl *diag.List) resolve.Links {
	return s.index.Links(a.linkIn(), s.files, dl)
}

// resolveRelated turns the related IDs of each article into articles.
func (s *Site) resolveRelated(dl *diag.List) {
	for _, a := range s.Articles {
		a.related = s.relatedOf(a, dl)
	}
}

// relatedOf resolves one article's related IDs, reporting unknown ones.
func (s *Site) relatedOf(a *Article, dl *diag.List) []*Article {
	return articles(s.index.Related(a.linkIn(), dl))
}

// featuredKeys resolves site.yaml's featured articles (resolve.Index.Featured)
// to their translation keys: each language's home page shows its own
// translation of them.
func (s *Site) featuredKeys(dl *diag.List) []string {
	var keys []string
	for _, t := range s.index.Featured(s.config.Featured, filepath.Join(s.contentDir, config.FileName), dl) {
		keys = append(keys, article(t).Meta.TranslationKey)
	}
	return keys
}
