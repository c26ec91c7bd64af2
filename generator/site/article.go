package site

import (
	"bytes"
	"html/template"
	"sync"
	"unsafe"

	"kbsite/generator/content"
	"kbsite/generator/content/docfx"
	"kbsite/generator/markdown"
	"kbsite/generator/resolve"
	"kbsite/generator/site/paths"
)

// ArticleIn is what an article page shows: the article, its rendered body
// with links filled in, and the articles it lists.
type ArticleIn struct {
	Entry
	Headings []markdown.Heading
	HTML     []byte
	// Done, when set, is called by Release: HTML is then the caller's
	// memory, which the page shows without a copy until then.
	Done func()
	// Related are the related and most similar articles, Backlinks those
	// that link here, both in the order shown.
	Related, Backlinks []Entry
	// Translations are the article in every language, in language order,
	// itself at Self.
	Translations []Entry
	Self         int
}

// ArticlePage is an article's page.
func (b Builder) ArticlePage(a ArticleIn) *Page {
	lang := a.Meta.Lang
	p := b.Page(lang, "article", a.Path, a.Meta.Title)
	p.Description = a.Meta.Summary
	jb := jsonBufs.Get().(*bytes.Buffer)
	p.JSONLD = EncodeJSONLD(jb, JSONLD(b.Config, a.Entry))
	p.release = append(p.release, func() { jsonBufs.Put(jb) })
	body := template.HTML(a.HTML)
	if a.Done != nil {
		body = template.HTML(unsafe.String(unsafe.SliceData(a.HTML), len(a.HTML)))
		p.release = append(p.release, a.Done)
	}
	v := &ArticleView{
		ID:        a.Meta.ID,
		IDDerived: a.Meta.IDDerived,
		Title:     a.Meta.Title,
		Body:      body,
		TOC:       TOC(a.Headings),
		Updated:   a.Meta.Updated,
		Source:    a.Source,
		Type:      docfx.TopicName(a.Meta.Topic),

		Troubleshooter: a.Meta.Type == content.TypeTroubleshooter,
		EditURL:        EditURL(b.Config, a.Source),
	}
	v.Feedback = b.feedback(p, a.Meta.Title)
	if a.Meta.SummaryOnPage {
		v.Summary = a.Meta.Summary
	}
	for _, al := range a.Meta.Aliases {
		if !resolve.IsPathAlias(al) {
			v.OldIDs = append(v.OldIDs, al)
		}
	}
	v.Products = make([]Link, 0, len(a.Meta.Products))
	v.Keywords = make([]Link, 0, len(a.Meta.Keywords))
	v.Related = make([]Link, 0, len(a.Related))
	v.Backlinks = make([]Link, 0, len(a.Backlinks))
	for _, prod := range a.Meta.Products {
		v.Products = append(v.Products, Link{Title: b.Config.ProductName(prod), URL: p.URL(b.Paths.Lang(lang, paths.ProductPath(prod)))})
	}
	for _, k := range a.Meta.Keywords {
		v.Keywords = append(v.Keywords, Link{Title: k, URL: p.URL(b.Paths.Lang(lang, paths.KeywordPath(k)))})
	}
	for _, r := range a.Related {
		v.Related = append(v.Related, ArticleLink(p, r))
	}
	for _, r := range a.Backlinks {
		v.Backlinks = append(v.Backlinks, ArticleLink(p, r))
	}
	b.translations(p, v, a)
	p.Crumbs = []Link{{Title: p.T("home"), URL: p.URL(b.Paths.Lang(lang, paths.HomeFile))}}
	if len(a.Meta.Products) > 0 {
		prod := a.Meta.Products[0]
		p.Crumbs = append(p.Crumbs, Link{Title: b.Config.ProductName(prod), URL: p.URL(b.Paths.Lang(lang, paths.ProductPath(prod)))})
	}
	p.Crumbs = append(p.Crumbs, Link{Title: a.Meta.Title})
	p.Article = v
	return p
}

// jsonBufs hold article pages' JSON-LD until the page is written.
var jsonBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// translations fills an article page's hreflang alternates, its list of
// translations and its language switcher.
func (b Builder) translations(p *Page, v *ArticleView, a ArticleIn) {
	for i, t := range a.Translations {
		l := LangLink{Lang: t.Meta.Lang, Name: b.Catalog.T(t.Meta.Lang, "language_name"), URL: p.URL(t.Path), Current: i == a.Self}
		p.Alternates = append(p.Alternates, l)
		if i != a.Self {
			v.Translations = append(v.Translations, l)
		}
	}
	if len(a.Translations) < 2 {
		p.Alternates = nil
	}
	b.Switcher(p, func(l string) string {
		for _, t := range a.Translations {
			if t.Meta.Lang == l {
				return t.Path
			}
		}
		return ""
	})
}
