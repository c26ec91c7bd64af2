// Package facet holds the filters of a search by product and by article
// type, and the counts of the matches of a query for each product and
// type, which the results page offers as choices. search-engine.js filters
// and counts the same way, which the parity tests check.
package facet

import "kbsite/generator/search/reader"

// Facets count the matches of a query by product and by article type, in
// the manifest's order. Product counts keep the type filter and type counts
// the product filter, so each count is what choosing that value would
// give (phrases are not checked: the count is of docs with all the words).
type Facets struct {
	Products []Facet `json:"products"`
	Types    []Facet `json:"types"`
}

// Facet is a product or article type and its number of matches.
type Facet struct {
	Name  string `json:"name"`
	Slug  string `json:"slug"`
	Count int    `json:"count"`
}

// Filter says which docs may be results: those not Excluded (by a
// negative word or phrase, which the engine marks) and, given a product or
// type, of it.
type Filter struct {
	Excluded, product, typ []bool
}

// New returns the filter of a product and a type ("": any) of the index
// f reads, excluding nothing yet. A product or type not in the index
// keeps no doc.
func New(f *reader.Files, product, typ string) *Filter {
	N := f.Manifest().N
	fl := &Filter{Excluded: make([]bool, N)}
	if product != "" {
		fl.product = docSet(N, f.Product(product), f.ProductDocs)
	}
	if typ != "" {
		fl.typ = docSet(N, f.Type(typ), f.TypeDocs)
	}
	return fl
}

// Kept reports whether doc d is not excluded.
func (fl *Filter) Kept(d int) bool { return d < len(fl.Excluded) && !fl.Excluded[d] }

// OK reports whether doc d may be a result.
func (fl *Filter) OK(d int) bool {
	return fl.Kept(d) && (fl.product == nil || fl.product[d]) && (fl.typ == nil || fl.typ[d])
}

// docSet marks the docs of list k (none if k < 0).
func docSet(N, k int, docs func(k int) []int) []bool {
	set := make([]bool, N)
	if k >= 0 {
		for _, d := range docs(k) {
			if d >= 0 && d < N {
				set[d] = true
			}
		}
	}
	return set
}

// Matches marks the docs that match the query, ignoring the product and
// type filters: given how many of the query's nItems items each doc
// matches, those of every item (or, relaxed, of any), and those whose ID
// is the query (first).
func (fl *Filter) Matches(count []int, nItems int, relaxed bool, first []int) []bool {
	m := make([]bool, len(count))
	for d, c := range count {
		m[d] = fl.Kept(d) && nItems > 0 && (c == nItems || relaxed && c > 0)
	}
	for _, d := range first {
		m[d] = true
	}
	return m
}

// Count counts the matches of each product that are of the chosen type,
// and of each type that are of the chosen product.
func Count(f *reader.Files, match []bool, fl *Filter) *Facets {
	count := func(docs []int, allowed []bool) int {
		n := 0
		for _, d := range docs {
			if d >= 0 && d < len(match) && match[d] && (allowed == nil || allowed[d]) {
				n++
			}
		}
		return n
	}
	out := &Facets{Products: []Facet{}, Types: []Facet{}}
	for k, pr := range f.Manifest().Prods {
		if len(pr) == 3 {
			out.Products = append(out.Products, Facet{pr[0], pr[1], count(f.ProductDocs(k), fl.typ)})
		}
	}
	for k, t := range f.Manifest().Types {
		if len(t) == 3 {
			out.Types = append(out.Types, Facet{t[0], t[1], count(f.TypeDocs(k), fl.product)})
		}
	}
	return out
}
