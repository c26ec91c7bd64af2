package content

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestProductDisplayNames: a product written as its display name stands
// for its slug, and the name is kept for the pages.
func TestProductDisplayNames(t *testing.T) {
	doc, ok, msgs := parse(t, "---\nid: KB1\ntitle: T\nproducts: [Windows Messenger, dotnet-passport, Büro Plus 2.0]\n---\n")
	if !ok || len(msgs) != 0 {
		t.Fatalf("ok=%v msgs=%q", ok, msgs)
	}
	m := doc.Meta
	if got := strings.Join(m.Products, ","); got != "windows-messenger,dotnet-passport,buro-plus-2-0" {
		t.Errorf("products %q", got)
	}
	want := map[string]string{"windows-messenger": "Windows Messenger", "buro-plus-2-0": "Büro Plus 2.0"}
	if !maps.Equal(m.ProductNames, want) {
		t.Errorf("names %v, want %v", m.ProductNames, want)
	}
	if p := m.Pos.Entry("products", 0); p.Line != 4 || p.Col != 12 {
		t.Errorf("products.0 at %+v", p)
	}
}

func TestSimilarProduct(t *testing.T) {
	known := []string{"windows-messenger", "windows-xp", "windows-10", "msn-messenger"}
	for slug, want := range map[string]string{
		"windows-mesenger":    "windows-messenger", // a letter left out
		"windows-messanger":   "windows-messenger",
		"windows-11":          "", // differs only in digits: another version
		"windows-messenger-5": "", // a version of windows-messenger
		"windows-xq":          "windows-xp",
		"windows-me":          "", // two edits in 10 letters: another product
		"windows-messenger":   "", // itself
		"office":              "",
	} {
		if got := SimilarProduct(slug, slices.Clone(known)); got != want {
			t.Errorf("SimilarProduct(%q) = %q, want %q", slug, got, want)
		}
	}
}

// TestPlaceholdersLeftFromNew: sample text `kbsite new` wrote and the
// writer left is one located warning that names the other lines.
func TestPlaceholdersLeftFromNew(t *testing.T) {
	src := "---\nid: KB1\ntitle: T\nsummary: " + PlaceholderSummary + "\n---\n## Symptoms\n\n" + PlaceholderSymptoms +
		"\n\n## Cause\n\nThe real cause.\n\n1. Open it.\n   " + PlaceholderStep2 + "\n\n" + PlaceholderLinks + " [](kb:KB1).\n"
	_, ok, msgs := parse(t, src)
	want := `content/x.md:4:10: warning: placeholder text left from kbsite new: "One or two sentences that say what this article solves." (and 3 more, on lines 8, 15, 17)`
	if !ok || len(msgs) != 1 || msgs[0] != want {
		t.Errorf("ok=%v msgs=%q, want %q", ok, msgs, want)
	}
	_, _, msgs = parse(t, "---\nid: KB1\ntitle: T\n---\nText.\n\n  "+PlaceholderStep1+"\n")
	if want := `content/x.md:7:3: warning: placeholder text left from kbsite new: "1. First step."`; len(msgs) != 1 || msgs[0] != want {
		t.Errorf("msgs=%q, want %q", msgs, want)
	}
}
