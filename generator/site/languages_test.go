package site

import (
	"slices"
	"testing"

	"kbsite/generator/content"
)

func entryOf(id, lang, title string, products, keywords []string) Entry {
	return Entry{Meta: content.Meta{ID: id, Lang: lang, Title: title, TranslationKey: id, Products: products, Keywords: keywords},
		Path: lang + "/" + ArticlePath(id)}
}

func TestLanguagesDefaultFirstTranslationsInOrder(t *testing.T) {
	all := []Entry{entryOf("A", "fr", "a", nil, nil), entryOf("A", "de", "a", nil, nil), entryOf("A", "en", "a", nil, nil)}
	langs, groups := Languages("en", all)
	if !slices.Equal(langs, []string{"en", "de", "fr"}) || !slices.Equal(groups["A"], []int{2, 1, 0}) {
		t.Errorf("languages %q, translations %v", langs, groups)
	}
}

func TestRelatedListExplicitFirstThenSimilar(t *testing.T) {
	e := func(id string) Entry { return entryOf(id, "en", id, nil, nil) }
	got := RelatedList(e("A"), []Entry{e("B"), e("A"), e("B")}, []Entry{e("B"), e("C"), e("A"), e("D"), e("E")}, 2)
	var ids []string
	for _, r := range got {
		ids = append(ids, r.Meta.ID)
	}
	if !slices.Equal(ids, []string{"B", "C", "D"}) {
		t.Errorf("related %q, want B, then two similar: C, D", ids)
	}
}
