package build

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestTranslationsAndRTL(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, "testdata/rtl", out)
	if res.Failed() || res.Warnings > 0 {
		t.Fatal(messages(res))
	}
	tree := readTree(t, out)
	he := string(tree["he/kb/kb307294.html"])
	en := string(tree["kb/kb307294.html"])
	for _, want := range []string{
		`<html lang="he" dir="rtl">`,
		`<link rel="alternate" hreflang="en" href="../../kb/kb307294.html">`,
		`<link rel="alternate" hreflang="he" href="kb307294.html">`,
		`<h2 id="toc-title">בדף זה</h2>`,   // translated
		`Article ID:`,                      // missing in he.yaml: English
		`href="../index.html">דף הבית</a>`, // breadcrumb to the Hebrew home
		`<a href="../../kb/kb307294.html" hreflang="en" lang="en">English</a>`,
	} {
		if !strings.Contains(he, want) {
			t.Errorf("Hebrew page lacks %s", want)
		}
	}
	for _, want := range []string{`<html lang="en" dir="ltr">`, `<h2 id="translations">Article translations</h2>`, `href="../he/kb/kb307294.html" hreflang="he"`} {
		if !strings.Contains(en, want) {
			t.Errorf("English page lacks %s", want)
		}
	}
	for _, p := range []string{"he/index.html", "he/az.html", "he/search.html", "he/products/windows-messenger.html", "search/he/manifest.js", "search/en/manifest.js"} {
		if _, ok := tree[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	checkLocalLinks(t, tree)
}

func TestBundledTranslationsLinkEachOther(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, filepath.Join(repo, "content"), out)
	if res.Failed() {
		t.Fatal(messages(res))
	}
	tree := readTree(t, out)
	de := string(tree["de/kb/kb307294.html"])
	for _, want := range []string{
		`<html lang="de" dir="ltr">`, "Auf dieser Seite", "Zurück zum Anfang", "10. März 2005",
		`hreflang="fr" href="../../fr/kb/kb307294.html"`, `hreflang="en" href="../../kb/kb307294.html"`,
		`class="callout callout-note"`, ">Hinweis</p>",
	} {
		if !strings.Contains(de, want) {
			t.Errorf("German seed article lacks %s", want)
		}
	}
	// A German ID link goes to the German translation; one to an article
	// that has none falls back to English.
	if !strings.Contains(de, `href="kb310221.html#überprüfen-der-proxyeinstellungen"`) {
		t.Errorf("German ID link does not reach the German article")
	}
	if !strings.Contains(de, `href="../../kb/kb822498.html"`) {
		t.Errorf("German link to an untranslated article does not fall back to English")
	}
}
