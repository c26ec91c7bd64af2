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

// Translations with their own IDs are tied by translation_key.
func TestTranslationKeyTiesArticlesWithOtherIDs(t *testing.T) {
	content := t.TempDir()
	writeTree(t, content, map[string][]byte{
		"setup/kb1001.md":    []byte("---\nid: KB1001\ntitle: Set up the mail client\ntranslation_key: mail-setup\n---\n\nText.\n"),
		"de/setup/kb2001.md": []byte("---\nid: KB2001\ntitle: Den Mail-Client einrichten\ntranslation_key: mail-setup\n---\n\nText.\n"),
		"setup/kb1002.md":    []byte("---\nid: KB1002\ntitle: Unrelated\n---\n\nText.\n"),
	})
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, content, out)
	if res.Failed() {
		t.Fatal(messages(res))
	}
	tree := readTree(t, out)
	if en := string(tree["kb/kb1001.html"]); !strings.Contains(en, `hreflang="de" href="../de/kb/kb2001.html"`) {
		t.Errorf("KB1001 does not name its German translation KB2001:\n%s", en)
	}
	if de := string(tree["de/kb/kb2001.html"]); !strings.Contains(de, `hreflang="en" href="../../kb/kb1001.html"`) {
		t.Errorf("KB2001 does not name its English original KB1001")
	}
	if other := string(tree["kb/kb1002.html"]); strings.Contains(other, `<link rel="alternate" hreflang="de"`) || strings.Contains(other, "kb2001") {
		t.Errorf("KB1002, with no translation_key, names a translation")
	}
}
