// Package i18n holds the UI strings of a site in several languages: one
// YAML file per language under templates/i18n/ (en.yaml, de.yaml, ...).
// Every lookup falls back to English, then to the key itself, so a
// partly translated file never breaks a page.
package i18n

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Fallback is the language every lookup falls back to.
const Fallback = "en"

// Catalog is the UI strings of every language.
type Catalog struct {
	langs map[string]map[string]string
}

// ValidTag reports whether tag is a well-formed, known BCP 47 language
// tag. x/text also takes "en_US"; BCP 47 separates subtags with "-" only.
func ValidTag(tag string) bool {
	_, err := language.Parse(tag)
	return err == nil && !strings.Contains(tag, "_")
}

// rtl lists right-to-left scripts' languages.
var rtl = map[string]bool{"ar": true, "he": true, "fa": true, "ur": true, "yi": true}

// Load reads dir/*.yaml. A missing folder gives an empty catalog (every
// lookup then returns the built-in English strings).
func Load(dir string) (*Catalog, error) {
	c := &Catalog{langs: map[string]map[string]string{}}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		m := map[string]any{}
		if err := yaml.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		flat := map[string]string{}
		for k, v := range m {
			switch v := v.(type) {
			case string:
				flat[k] = v
			case []any:
				parts := make([]string, len(v))
				for i, p := range v {
					parts[i] = fmt.Sprint(p)
				}
				flat[k] = strings.Join(parts, "\n")
			default:
				return nil, fmt.Errorf("%s: %s must be text or a list", f, k)
			}
		}
		c.langs[strings.TrimSuffix(filepath.Base(f), ".yaml")] = flat
	}
	return c, nil
}

// Languages lists the languages that have a file, sorted.
func (c *Catalog) Languages() []string {
	var out []string
	for l := range c.langs {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Has reports whether lang has a messages file.
func (c *Catalog) Has(lang string) bool {
	_, ok := c.langs[base(lang)]
	return ok
}

// base is the primary subtag: "pt-br" -> "pt".
func base(lang string) string {
	if i := strings.IndexByte(lang, '-'); i > 0 {
		return lang[:i]
	}
	return lang
}

// T returns the string key in lang, falling back to the primary language
// ("pt" for "pt-br"), then English, then the key.
func (c *Catalog) T(lang, key string) string {
	for _, l := range []string{lang, base(lang), Fallback} {
		if s, ok := c.langs[l][key]; ok {
			return s
		}
	}
	if s, ok := builtin[key]; ok {
		return s
	}
	return key
}

// Dir is the text direction of lang: "rtl" or "ltr".
func (c *Catalog) Dir(lang string) string {
	if d := c.T(lang, "dir"); d == "rtl" || d == "ltr" {
		if _, own := c.langs[lang]["dir"]; own || c.langs[base(lang)]["dir"] != "" {
			return d
		}
	}
	if rtl[base(lang)] {
		return "rtl"
	}
	return "ltr"
}

// Date formats t for readers of lang using its date_format and months.
func (c *Catalog) Date(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	months := strings.Split(c.T(lang, "months"), "\n")
	month := t.Month().String()
	if len(months) == 12 {
		month = months[t.Month()-1]
	}
	r := strings.NewReplacer("{d}", fmt.Sprint(t.Day()), "{dd}", fmt.Sprintf("%02d", t.Day()),
		"{m}", fmt.Sprint(int(t.Month())), "{mm}", fmt.Sprintf("%02d", int(t.Month())),
		"{month}", month, "{yyyy}", fmt.Sprint(t.Year()))
	return r.Replace(c.T(lang, "date_format"))
}

// Count formats n with the singular or plural form of key: key_one or
// key_other, where "{n}" stands for the number.
func (c *Catalog) Count(lang, key string, n int) string {
	form := key + "_other"
	if n == 1 {
		form = key + "_one"
	}
	return strings.ReplaceAll(c.T(lang, form), "{n}", fmt.Sprint(n))
}

// Prefixed returns every string of lang whose key starts with prefix, with
// English for the keys lang lacks (for scripts that show UI text).
func (c *Catalog) Prefixed(lang, prefix string) map[string]string {
	out := map[string]string{}
	for _, l := range []string{Fallback, base(lang), lang} {
		for k, v := range c.langs[l] {
			if strings.HasPrefix(k, prefix) {
				out[k] = v
			}
		}
	}
	return out
}

// builtin are the English strings used when no en.yaml exists, so a
// templates folder without i18n/ still renders readable pages.
var builtin = map[string]string{
	"dir":         "ltr",
	"date_format": "{d} {month} {yyyy}",
	"months":      "January\nFebruary\nMarch\nApril\nMay\nJune\nJuly\nAugust\nSeptember\nOctober\nNovember\nDecember",
}
