package site

import (
	"slices"
	"testing"

	"kbsite/generator/content"
	"kbsite/generator/site/paths"
)

func entryOf(id, lang, title string, products, keywords []string) Entry {
	return Entry{Meta: &content.Meta{ID: id, Lang: lang, Title: title, TranslationKey: id, Products: products, Keywords: keywords},
		Path: lang + "/" + paths.ArticlePath(id)}
}

func TestLanguagesDefaultFirstTranslationsInOrder(t *testing.T) {
	all := []Entry{entryOf("A", "fr", "a", nil, nil), entryOf("A", "de", "a", nil, nil), entryOf("A", "en", "a", nil, nil)}
	langs, groups := Languages("en", all)
	if !slices.Equal(langs, []string{"en", "de", "fr"}) || !slices.Equal(groups["A"], []int{2, 1, 0}) {
		t.Errorf("languages %q, translations %v", langs, groups)
	}
}

// TestRelatedListsNeverRepeat: explicit related first, then backlinks not
// among them, then similar articles in neither; nothing twice, never self.
func TestRelatedListsNeverRepeat(t *testing.T) {
	e := func(id string) Entry { return entryOf(id, "en", id, nil, nil) }
	ids := func(es []Entry) []string {
		var out []string
		for _, r := range es {
			out = append(out, r.Meta.ID)
		}
		return out
	}
	rel, back := RelatedLists(e("A"), []Entry{e("B"), e("A"), e("B")}, []Entry{e("B"), e("F"), e("C"), e("F")}, []Entry{e("B"), e("C"), e("A"), e("D"), e("F"), e("E"), e("G")}, 2)
	if !slices.Equal(ids(rel), []string{"B", "D", "E"}) || !slices.Equal(ids(back), []string{"F", "C"}) {
		t.Errorf("related %q, backlinks %q; want B, D, E and F, C", ids(rel), ids(back))
	}
}
