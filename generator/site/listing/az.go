package listing

import (
	"kbsite/generator/site"
	"kbsite/generator/site/paths"
)

// azPage lists a language's articles by title in the language's
// collation order, under the first letters of their titles.
func azPage(b site.Builder, l Lang) *site.Page {
	p := b.Page(l.Lang, "list", b.Paths.Lang(l.Lang, paths.AZFile), "")
	p.Title = p.T("az_index")
	c := newCollation(l.Lang)
	sorted := l.byTitle(l.own)
	items := make([]site.ListItem, len(sorted))
	for i, e := range sorted {
		items[i] = site.Item(p, e)
	}
	p.List = &site.ListView{Heading: p.Title, Intro: p.T("az_intro"), Groups: c.letterGroups(items)}
	homeCrumbs(b, p)
	b.Switcher(p, b.SamePage(paths.AZFile))
	return p
}

// topicsPage lists every topic (keyword) of a language with its number
// of articles, by letter: the home page shows only the top topics.
func topicsPage(b site.Builder, l Lang) *site.Page {
	p := b.Page(l.Lang, "topics", b.Paths.Lang(l.Lang, paths.TopicsFile), "")
	p.Title = p.T("all_topics")
	p.Description = p.T("topics_intro")
	items := make([]site.ListItem, len(l.keywords))
	for i, kp := range l.keywords {
		items[i] = site.ListItem{Title: l.keyword[kp], URL: p.URL(kp), Note: p.Count("article_count", len(l.byKeyword[kp]))}
	}
	p.List = &site.ListView{Heading: p.Title, Intro: p.Description, Groups: newCollation(l.Lang).letterGroups(items)}
	homeCrumbs(b, p)
	b.Switcher(p, b.SamePage(paths.TopicsFile))
	return p
}

// homeCrumbs are the breadcrumbs of a page one step below its home page.
func homeCrumbs(b site.Builder, p *site.Page) {
	p.Crumbs = []site.Link{{Title: p.T("home"), URL: p.URL(b.Paths.Lang(p.Lang, paths.HomeFile))}, {Title: p.Title}}
}
