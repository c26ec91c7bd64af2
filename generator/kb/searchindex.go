package kb

import (
	"kbsite/generator/content/docfx"
	"kbsite/generator/search/export"
	"kbsite/generator/search/fields"
	"kbsite/generator/search/index"
	"kbsite/generator/search/related"
)

// similarCount is how many computed "most similar" articles each article
// lists after its explicit related ones.
const similarCount = 5

// searchDoc is what the search index knows of an article. Only the index
// needs the section texts, and it keeps its own reference while it does:
// the article gives them up so they are not held through the write.
func (site *Site) searchDoc(a *Article) fields.Doc {
	d := fields.Doc{
		ID: a.Meta.ID, Title: a.Meta.Title, URL: a.Path, Source: a.Source, Lang: a.Meta.Lang,
		Summary: a.Meta.Summary, Aliases: a.Meta.Aliases, Keywords: a.Meta.Keywords,
		ProductSlugs: a.Meta.Products, Type: docfx.TypeName(a.Meta.Topic), TypeSlug: a.Meta.Topic, IDDerived: a.Meta.IDDerived,
	}
	for _, p := range a.Meta.Products {
		d.Products = append(d.Products, site.config.ProductName(p))
	}
	for _, s := range a.TakeSections() {
		d.Sections = append(d.Sections, fields.Section{ID: s.ID, Heading: s.Heading, Text: s.Text})
	}
	return d
}

// IndexSearch analyses every article for search and adds the most similar
// articles to each article's related list. The returned writer writes the
// client index files; with keep the site keeps it too, for serve mode's
// updates (WriteChange).
func (site *Site) IndexSearch(keep bool) *export.Writer {
	docs := make([]fields.Doc, len(site.Articles))
	for i, a := range site.Articles {
		docs[i] = site.searchDoc(a)
	}
	corpus := index.Analyze(docs)
	files := export.New(corpus)
	if keep {
		site.corpus = files
	}
	similar := related.All(corpus, similarCount+3)
	for i, a := range site.Articles {
		a.similar = a.similar[:0]
		for _, j := range similar[i] {
			a.similar = append(a.similar, site.Articles[j])
		}
	}
	return files
}

// updateSearch brings the search index up to date after serve mode
// changed some articles: it returns the index files to write and remove,
// and refreshes the similar articles of the changed ones.
func (site *Site) updateSearch(olds, news []*Article) ([]export.File, []string) {
	if site.corpus == nil {
		return nil, nil
	}
	var changed []fields.Doc
	kept := map[string]bool{}
	for _, a := range news {
		changed = append(changed, site.searchDoc(a))
		kept[a.Source] = true
	}
	var removed []string
	for _, o := range olds {
		if !kept[o.Source] {
			removed = append(removed, o.Source)
		}
	}
	write, remove := site.corpus.Update(changed, removed)
	for _, a := range news {
		a.similar = a.similar[:0]
		for _, src := range related.Sources(site.corpus.Corpus(), a.Source, similarCount+3) {
			if r := site.bySource[src]; r != nil && r != a {
				a.similar = append(a.similar, r)
			}
		}
	}
	return write, remove
}
