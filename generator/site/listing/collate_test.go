package listing

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"kbsite/generator/internal/config"
	"kbsite/generator/site"
)

// azOf is the A–Z page of the titles in lang as "letter: title | title"
// lines, and the jump bar's letters.
func azOf(t *testing.T, lang string, titles ...string) (string, string) {
	t.Helper()
	var all []site.Entry
	for i, title := range titles {
		all = append(all, entryOf(fmt.Sprintf("KB%d", i+1), lang, title, nil, nil))
	}
	b := testBuilder(t, config.Site{Language: "en"})
	p := azPage(b, Group(b, lang, all))
	var lines, letters []string
	for _, g := range p.List.Groups {
		var ts []string
		for _, it := range g.Items {
			ts = append(ts, it.Title)
		}
		lines = append(lines, g.Heading+": "+strings.Join(ts, " | "))
		letters = append(letters, g.Heading)
	}
	return strings.Join(lines, "\n"), strings.Join(letters, " ")
}

// TestAZCollates: the A–Z index sorts by the page language's collation,
// ignoring leading quotes and punctuation, so a quoted title files under
// its first word's letter and the jump bar reads in order; accented
// initials file under their base letter where the language says so.
func TestAZCollates(t *testing.T) {
	titles := []string{`"The service is unavailable" error`, "Audio fails", "Écran noir", "Edge crashes", "emoji", "Connection drops", "Zone settings",
		"Windows 10 setup", "Windows 7 setup", "802.1X sign-in", "¿Qué pasa?", "...", "Überblick"}
	cases := []struct{ lang, want, letters string }{
		{"en", "#: ... | 802.1X sign-in\nA: Audio fails\nC: Connection drops\nE: Écran noir | Edge crashes | emoji\nQ: ¿Qué pasa?\nT: \"The service is unavailable\" error\nU: Überblick\nW: Windows 7 setup | Windows 10 setup\nZ: Zone settings",
			"# A C E Q T U W Z"},
		{"fr", "#: ... | 802.1X sign-in\nA: Audio fails\nC: Connection drops\nE: Écran noir | Edge crashes | emoji\nQ: ¿Qué pasa?\nT: \"The service is unavailable\" error\nU: Überblick\nW: Windows 7 setup | Windows 10 setup\nZ: Zone settings",
			"# A C E Q T U W Z"},
		{"de", "", "# A C E Q T U W Z"},
		// Swedish sorts Ü with Y, so it is not filed under U.
		{"sv", "", "# A C E Q T W Ü Z"},
	}
	for _, c := range cases {
		got, letters := azOf(t, c.lang, titles...)
		if c.want != "" && got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.lang, got, c.want)
		}
		if letters != c.letters {
			t.Errorf("%s: jump bar %q, want %q\n%s", c.lang, letters, c.letters, got)
		}
	}
	if _, letters := azOf(t, "sv", "Åre", "Ord", "Öland", "Zon", "Apa"); letters != "A O Z Å Ö" {
		t.Errorf("sv: Å and Ö are letters of their own after Z, got %q", letters)
	}
}

// TestLetterGroupsNeverRepeatAHeading: in a language that sorts a letter
// pair apart (Czech "ch" after "h"), a heading is never used twice, so
// every anchor of the jump bar is unique.
func TestLetterGroupsNeverRepeatAHeading(t *testing.T) {
	_, letters := azOf(t, "cs", "Cesta", "Hrad", "Chata", "Dům")
	seen := map[string]bool{}
	for _, l := range strings.Fields(letters) {
		if seen[l] {
			t.Errorf("heading %s twice: %s", l, letters)
		}
		seen[l] = true
	}
	if g := letterGroup("#"); g.ID != "letter-other" {
		t.Errorf("letterGroup(#).ID = %q", g.ID)
	}
	if g := letterGroup("B"); g.ID != "letter-b" || g.Heading != "B" {
		t.Errorf("letterGroup(B) = %+v", g)
	}
}

// TestListingsCollate: product and keyword listings use the same order.
func TestListingsCollate(t *testing.T) {
	b := testBuilder(t, config.Site{Language: "en", Products: map[string]string{"e": "Écran", "d": "Device", "f": "Firewall"}})
	all := []site.Entry{entryOf("KB1", "en", "Zeta", []string{"e", "d", "f"}, []string{"Écran", "\"quoted\"", "firewall"}),
		entryOf("KB2", "en", "\"Alpha\"", []string{"e"}, nil)}
	l := Group(b, "en", all)
	if !slices.Equal(l.products, []string{"d", "e", "f"}) {
		t.Errorf("products %q", l.products)
	}
	var kws []string
	for _, kp := range l.keywords {
		kws = append(kws, l.keyword[kp])
	}
	if !slices.Equal(kws, []string{"Écran", "firewall", "\"quoted\""}) {
		t.Errorf("keywords %q", kws)
	}
	if items := productPage(b, l, "e").List.Groups[0].Items; items[0].Title != "\"Alpha\"" || items[1].Title != "Zeta" {
		t.Errorf("product page %+v", items)
	}
}
