package i18n

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func catalog(t *testing.T) *Catalog {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "en.yaml"), []byte("home: Home\nback_to_top: Back to the top\narticle_count_one: \"1 article\"\narticle_count_other: \"{n} articles\"\njs_x: X\njs_y: Y\ndate_format: \"{d} {month} {yyyy}\"\nmonths: [January, February, March, April, May, June, July, August, September, October, November, December]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "de.yaml"), []byte("home: Startseite\narticle_count_other: \"{n} Artikel\"\njs_x: X-de\ndate_format: \"{d}. {month} {yyyy}\"\nmonths: [Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "he.yaml"), []byte("dir: rtl\nhome: דף הבית\n"), 0o644)
	c, err := Load(dir)
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
	if got := c.Prefixed("de", "js_"); got["js_x"] != "X-de" || got["js_y"] != "Y" || len(got) != 2 {
		t.Errorf("Prefixed = %v", got)
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

// TestSymlinkedStringsAreRefused: a language file or an i18n folder that is
// a symbolic link is an error naming it.
func TestSymlinkedStringsAreRefused(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "environ")
	os.WriteFile(secret, []byte("home: SECRET\n"), 0o644)
	parent := t.TempDir()
	dir := filepath.Join(parent, "i18n")
	os.MkdirAll(dir, 0o755)
	link := filepath.Join(dir, "en.yaml")
	if err := os.Symlink(secret, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	folder := filepath.Join(parent, "linked")
	os.Symlink(dir, folder)
	for _, p := range []string{dir, folder} {
		want := link
		if p == folder {
			want = folder
		}
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), want+": symbolic links are not followed") {
			t.Errorf("Load(%s): %v, want an error naming %s", p, err, want)
		}
	}
}
