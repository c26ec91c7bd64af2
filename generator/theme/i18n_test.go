package theme

import (
	"testing"
	"testing/fstest"
	"time"
)

func catalog(t *testing.T) *Catalog {
	fsys := fstest.MapFS{}
	put := func(name, text string) { fsys["i18n/"+name] = &fstest.MapFile{Data: []byte(text)} }
	put("en.yaml", "home: Home\nback_to_top: Back to the top\narticle_count_one: \"1 article\"\narticle_count_other: \"{n} articles\"\njs_x: X\njs_y: Y\ndate_format: \"{d} {month} {yyyy}\"\nmonths: [January, February, March, April, May, June, July, August, September, October, November, December]\n")
	put("de.yaml", "home: Startseite\narticle_count_other: \"{n} Artikel\"\njs_x: X-de\ndate_format: \"{d}. {month} {yyyy}\"\nmonths: [Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember]\n")
	put("he.yaml", "dir: rtl\nhome: דף הבית\n")
	c, err := loadCatalog(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLookupFallsBackToEnglish(t *testing.T) {
	c := catalog(t)
	for _, tc := range []struct{ lang, key, want string }{
		{"de", "home", "Startseite"},
		{"de", "back_to_top", "Back to the top"}, // missing in de.yaml
		{"de-at", "home", "Startseite"},          // primary subtag
		{"ja", "home", "Home"},                   // no ja.yaml at all
		{"de", "no_such_key", "no_such_key"},
	} {
		if got := c.T(tc.lang, tc.key); got != tc.want {
			t.Errorf("T(%s, %s) = %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
	if got := c.Count("de", "article_count", 3); got != "3 Artikel" {
		t.Errorf("Count = %q", got)
	}
	if got := c.Count("de", "article_count", 1); got != "1 article" {
		t.Errorf("singular falls back to English: %q", got)
	}
	for range 2 { // the second call is the memoized one
		if got := c.ScriptJSON("de", "js_"); got != `{"js_x":"X-de","js_y":"Y"}` {
			t.Errorf("ScriptJSON = %s", got)
		}
	}
}

func TestDirectionAndDates(t *testing.T) {
	c := catalog(t)
	if c.Dir("he") != "rtl" || c.Dir("ar") != "rtl" || c.Dir("de") != "ltr" || c.Dir("en") != "ltr" {
		t.Errorf("dirs: he=%s ar=%s de=%s en=%s", c.Dir("he"), c.Dir("ar"), c.Dir("de"), c.Dir("en"))
	}
	d := time.Date(2005, 3, 10, 0, 0, 0, 0, time.UTC)
	if got := c.Date("de", d); got != "10. März 2005" {
		t.Errorf("German date %q", got)
	}
	if got := c.Date("he", d); got != "10 March 2005" {
		t.Errorf("fallback date %q", got)
	}
}
