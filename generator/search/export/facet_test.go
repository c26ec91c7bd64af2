package export

import (
	"slices"
	"testing"

	"kbsite/generator/search/engine"
	"kbsite/generator/search/facet"
)

// TestTypeFilter: a type filter keeps only articles of that type, by name
// or slug, combines with the product filter, and an unknown type keeps none.
func TestTypeFilter(t *testing.T) {
	ix := openFixture(t, "en")
	all := ix.Query("printer", engine.Options{Limit: 20})
	howto := ix.Query("printer", engine.Options{Limit: 20, Type: "how-to"})
	if len(howto.Results) == 0 || howto.Total >= all.Total {
		t.Fatalf("how-to %v of %v", ids(howto.Results), ids(all.Results))
	}
	for _, r := range howto.Results {
		if r.Type != "How-to guide" {
			t.Errorf("%s is of type %q", r.ID, r.Type)
		}
	}
	byName := ix.Query("printer", engine.Options{Limit: 20, Type: "How-to GUIDE"})
	if got, want := ids(byName.Results), ids(howto.Results); len(got) != len(want) || got[0] != want[0] {
		t.Errorf("by name %v, by slug %v", got, want)
	}
	both := ix.Query("printer", engine.Options{Limit: 20, Type: "how-to", Product: "windows-10"})
	for _, r := range both.Results {
		if r.Type != "How-to guide" || !slices.Contains(r.Products, "Windows 10") {
			t.Errorf("%s: %q %v", r.ID, r.Type, r.Products)
		}
	}
	if r := ix.Query("printer", engine.Options{Type: "nope"}); r.Total != 0 {
		t.Errorf("unknown type: %v", ids(r.Results))
	}
	if r := ix.Query("307294", engine.Options{Type: "reference"}); r.Total != 0 {
		t.Errorf("an ID typed alone still obeys the type filter: %v", ids(r.Results))
	}
}

// TestFacets: each count is the total that choosing its value gives; the
// product counts keep the type filter and the type counts the product
// filter; without Facets there are none.
func TestFacets(t *testing.T) {
	ix := openFixture(t, "en")
	if r := ix.Query("printer", engine.Options{}); r.Facets != nil {
		t.Errorf("facets not asked for: %+v", r.Facets)
	}
	for _, c := range []engine.Options{{}, {Type: "how-to"}, {Product: "windows-xp"}, {Type: "troubleshooting", Product: "windows-10"}} {
		for _, q := range []string{"printer", "network", "windows", "printer outlook", "307294"} {
			opts := c
			opts.Facets = true
			r := ix.Query(q, opts)
			if r.Facets == nil || len(r.Facets.Products) == 0 || len(r.Facets.Types) != 5 {
				t.Fatalf("%q %+v: facets %+v", q, c, r.Facets)
			}
			check := func(kind string, fs []facet.Facet, with func(slug string) engine.Options) {
				for _, f := range fs {
					if got := ix.Query(q, with(f.Slug)).Total; got != f.Count {
						t.Errorf("%q %+v: %s %s counts %d, choosing it gives %d", q, c, kind, f.Slug, f.Count, got)
					}
				}
			}
			check("product", r.Facets.Products, func(s string) engine.Options { return engine.Options{Type: c.Type, Product: s} })
			check("type", r.Facets.Types, func(s string) engine.Options { return engine.Options{Type: s, Product: c.Product} })
		}
	}
}
