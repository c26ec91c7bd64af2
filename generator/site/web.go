package site

import (
	"bytes"
	"encoding/xml"
	"sort"
	"time"

	"kbsite/generator/content"
	"kbsite/generator/internal/config"
)

// The files in this file exist only with a base URL: sitemaps, robots.txt
// and feeds need absolute URLs, and a wrong absolute URL is worse than none.

// Entry is what listings, navigation, site-wide files and structured data show of an
// article.
type Entry struct {
	Meta   content.Meta
	Source string   // path in the content folder
	Path   string   // output path, relative to the site root
	Steps  []string // the main numbered procedure, for HowTo data
}

// Sitemap lists the site-relative pages at baseURL, with the update dates
// of the articles among them.
func Sitemap(baseURL string, pages []string, articles []Entry) []byte {
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}
	updated := map[string]time.Time{}
	for _, a := range articles {
		updated[a.Path] = a.Meta.Updated
	}
	sort.Strings(pages)
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range pages {
		u := url{Loc: baseURL + p}
		if t := updated[p]; !t.IsZero() {
			u.LastMod = t.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	return marshalXML(set)
}

// Robots allows everything and names the sitemap.
func Robots(baseURL string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + baseURL + "sitemap.xml\n")
}

// Feed is an Atom feed of recent, the most recently updated articles
// (newest first).
func Feed(title, baseURL string, recent []Entry) []byte {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Link    link   `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary,omitempty"`
	}
	type feed struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Links   []link   `xml:"link"`
		Updated string   `xml:"updated"`
		Entries []entry  `xml:"entry"`
	}
	f := feed{NS: "http://www.w3.org/2005/Atom", Title: title, ID: baseURL,
		Links: []link{{Href: baseURL}, {Href: baseURL + "feed.xml", Rel: "self"}}}
	stamp := func(t time.Time) string {
		if t.IsZero() {
			t = time.Unix(0, 0)
		}
		return t.UTC().Format(time.RFC3339)
	}
	f.Updated = stamp(time.Time{})
	if len(recent) > 0 {
		f.Updated = stamp(recent[0].Meta.Updated)
	}
	for _, a := range recent {
		u := baseURL + a.Path
		f.Entries = append(f.Entries, entry{Title: a.Meta.Title, ID: u, Link: link{Href: u}, Updated: stamp(a.Meta.Updated), Summary: a.Meta.Summary})
	}
	return marshalXML(f)
}

func marshalXML(v any) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	enc.Encode(v)
	b.WriteByte('\n')
	return b.Bytes()
}

// faqPage is the schema.org FAQPage of a YAML FAQ page. Answers are their
// Markdown source, which schema.org takes as text.
func faqPage(a Entry) map[string]any {
	var qs []map[string]any
	for _, qa := range a.Meta.FAQ {
		qs = append(qs, map[string]any{
			"@type":          "Question",
			"name":           qa.Question,
			"acceptedAnswer": map[string]any{"@type": "Answer", "text": qa.Answer},
		})
	}
	return map[string]any{"@context": "https://schema.org", "@type": "FAQPage", "name": a.Meta.Title, "mainEntity": qs}
}

// JSONLD is the schema.org description of an article: a TechArticle, and
// also a HowTo when its resolution is a numbered procedure.
func JSONLD(cfg config.Site, a Entry) any {
	art := map[string]any{
		"@context":   "https://schema.org",
		"@type":      "TechArticle",
		"headline":   a.Meta.Title,
		"identifier": a.Meta.ID,
		"inLanguage": a.Meta.Lang,
	}
	if a.Meta.Summary != "" {
		art["description"] = a.Meta.Summary
	}
	if !a.Meta.Updated.IsZero() {
		art["dateModified"] = a.Meta.Updated.Format("2006-01-02")
	}
	if len(a.Meta.Keywords) > 0 {
		art["keywords"] = a.Meta.Keywords
	}
	var about []string
	for _, p := range a.Meta.Products {
		about = append(about, cfg.ProductName(p))
	}
	if len(about) > 0 {
		art["about"] = about
	}
	if cfg.BaseURL != "" {
		art["url"] = cfg.BaseURL + a.Path
		art["mainEntityOfPage"] = cfg.BaseURL + a.Path
	}
	if len(a.Meta.FAQ) > 0 {
		return []any{art, faqPage(a)}
	}
	if len(a.Steps) < 2 {
		return art
	}
	howto := map[string]any{
		"@context": "https://schema.org",
		"@type":    "HowTo",
		"name":     a.Meta.Title,
	}
	var steps []map[string]any
	for i, st := range a.Steps {
		steps = append(steps, map[string]any{"@type": "HowToStep", "position": i + 1, "text": st})
	}
	howto["step"] = steps
	if a.Meta.Summary != "" {
		howto["description"] = a.Meta.Summary
	}
	return []any{art, howto}
}
