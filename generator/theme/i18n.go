package theme

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

// fallback is the language every lookup falls back to.
const fallback = "en"

// Catalog is the UI strings of every language: one YAML file per language
// under i18n/ (en.yaml, de.yaml, ...). Every lookup falls back to English,
// then to the key itself, so a partly translated file never breaks a page.
type Catalog struct {
	langs map[string]map[string]string
	// scriptJSON memoizes ScriptJSON: every page of a language embeds the
	// same strings, and encoding them per page cost a tenth of its
	// template time.
	scriptJSON sync.Map
	dates      sync.Map // dateKey: the string Date returns
}

// rtl lists right-to-left scripts' languages.
var rtl = map[string]bool{"ar": true, "he": true, "fa": true, "ur": true, "yi": true}

// loadCatalog reads i18n/*.yaml. A missing folder gives an empty catalog
// (every lookup then returns the built-in English strings).
func loadCatalog(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{langs: map[string]map[string]string{}}
	files, err := list(fsys, "i18n", ".yaml")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := readFile(fsys, f)
		if err != nil {
			return nil, err
		}
		m := map[string]any{}
		if err := yaml.Unmarshal(data, &m); err != nil {
			return nil, yamlError(where(fsys, f), err)
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
				return nil, &Error{File: where(fsys, f), Msg: k + " must be text or a list"}
			}
		}
		c.langs[strings.TrimSuffix(path.Base(f), ".yaml")] = flat
	}
	return c, nil
}

// yamlError locates a YAML syntax error ("yaml: line 3: ...") in file.
func yamlError(file string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, text, _ := strings.Cut(rest, ": ")
		if line, convErr := strconv.Atoi(num); convErr == nil {
			return &Error{File: file, Line: line, Msg: text}
		}
	}
	return &Error{File: file, Msg: msg}
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
	for _, l := range []string{lang, base(lang), fallback} {
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
// Every article page shows a date, and a site has few distinct ones: each
// is formatted once.
func (c *Catalog) Date(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.Date()
	key := dateKey{lang, y, m, d}
	if s, ok := c.dates.Load(key); ok {
		return s.(string)
	}
	s := c.formatDate(lang, t)
	c.dates.Store(key, s)
	return s
}

type dateKey struct {
	lang string
	y    int
	m    time.Month
	d    int
}

func (c *Catalog) formatDate(lang string, t time.Time) string {
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

// ScriptJSON is the JSON object of the strings of lang whose key starts with prefix, for a script
// that shows UI text.
func (c *Catalog) ScriptJSON(lang, prefix string) string {
	key := lang + "\x00" + prefix
	if s, ok := c.scriptJSON.Load(key); ok {
		return s.(string)
	}
	b, _ := json.Marshal(c.prefixed(lang, prefix))
	c.scriptJSON.Store(key, string(b))
	return string(b)
}

// prefixed returns every string of lang whose key starts with prefix, with
// English for the keys lang lacks (for scripts that show UI text).
func (c *Catalog) prefixed(lang, prefix string) map[string]string {
	out := map[string]string{}
	for _, l := range []string{fallback, base(lang), lang} {
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
