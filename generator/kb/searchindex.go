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
func (s *Site) searchDoc(a *Article) fields.Doc {
	d := fields.Doc{
		ID: a.Meta.ID, Title: a.Meta.Title, URL: a.Path, Source: a.Source, Lang: a.Meta.Lang,
		Summary: a.Meta.Summary, Aliases: a.Meta.Aliases, Keywords: a.Meta.Keywords,
		ProductSlugs: a.Meta.Products, Type: docfx.TypeName(a.Meta.Topic), TypeSlug: a.Meta.Topic, IDDerived: a.Meta.IDDerived,
	}
	for _, p := range a.Meta.Products {
		d.Products = append(d.Products, s.config.ProductName(p))
	}
	secs, texts := a.TakeSections()
	for _, sec := range secs {
		d.Sections = append(d.Sections, fields.Section{ID: sec.ID, Heading: sec.Heading})
	}
	d.Texts = texts
	return d
}

// IndexSearch analyses every article for search and adds the most similar
// articles to each article's related list. It writes the search records
// into records as soon as the words are counted, so that the section
// texts go before the postings are built; the returned writer writes the
// rest of the client index files. With keep the site keeps it too, for
// serve mode's updates (WriteChange).
func (s *Site) IndexSearch(keep bool, records func(export.File) error) *export.Writer {
	docs := make([]fields.Doc, len(s.Articles))
	for i, a := range s.Articles {
		docs[i] = s.searchDoc(a)
	}
	files := export.NewEarly(records)
	corpus := index.AnalyzeEach(docs, files.Records, keep)
	files.Attach(corpus)
	similar := related.All(corpus, similarCount+3)
	corpus.DropDocTerms()
	for i, a := range s.Articles {
		a.similar = a.similar[:0]
		for _, j := range similar[i] {
			a.similar = append(a.similar, s.Articles[j])
		}
	}
	if keep {
		s.corpus, s.serve = files, s.newServeIndex()
	}
	return files
}

// updateSearch brings the search index up to date after serve mode
// changed some articles: it returns the index files to write and remove,
// and refreshes the similar articles of the changed ones.
func (s *Site) updateSearch(olds, news []*Article) ([]export.File, []string) {
	if s.corpus == nil {
		return nil, nil
	}
	var changed []fields.Doc
	kept := map[string]bool{}
	for _, a := range news {
		changed = append(changed, s.searchDoc(a))
		kept[a.Source] = true
	}
	var removed []string
	for _, o := range olds {
		if !kept[o.Source] {
			removed = append(removed, o.Source)
		}
	}
	write, remove := s.corpus.Update(changed, removed)
	for _, a := range news {
		var similar []*Article
		for _, src := range related.Sources(s.corpus.Corpus(), a.Source, similarCount+3) {
			if r := s.bySource[src]; r != nil && r != a {
				similar = append(similar, r)
			}
		}
		s.setSimilar(a, similar)
	}
	return write, remove
}
