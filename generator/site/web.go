package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html/template"
	"sort"
	"time"
	"unsafe"

	"kbsite/generator/content"
	"kbsite/generator/internal/config"
)

// The files in this file exist only with a base URL: sitemaps, robots.txt
// and feeds need absolute URLs, and a wrong absolute URL is worse than none.

// Entry is what listings, navigation, site-wide files and structured data show of an
// article.
type Entry struct {
	Meta   *content.Meta // the article's own, shared: read only
	Source string        // path in the content folder
	Path   string        // output path, relative to the site root
	Steps  []string      // the main numbered procedure, for HowTo data
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

// The schema.org types kbsite describes pages with. They are structs, not
// maps, because encoding/json writes a struct several times faster (no
// sorting of keys); their fields are in the order of the keys, as a map's
// would be, and omitempty leaves out what a page lacks.
type (
	techArticle struct {
		Context          string   `json:"@context"`
		Type             string   `json:"@type"`
		About            []string `json:"about,omitempty"`
		DateModified     string   `json:"dateModified,omitempty"`
		Description      string   `json:"description,omitempty"`
		Headline         string   `json:"headline"`
		Identifier       string   `json:"identifier"`
		InLanguage       string   `json:"inLanguage"`
		Keywords         []string `json:"keywords,omitempty"`
		MainEntityOfPage string   `json:"mainEntityOfPage,omitempty"`
		URL              string   `json:"url,omitempty"`
	}
	howTo struct {
		Context     string      `json:"@context"`
		Type        string      `json:"@type"`
		Description string      `json:"description,omitempty"`
		Name        string      `json:"name"`
		Step        []howToStep `json:"step"`
	}
	howToStep struct {
		Type     string `json:"@type"`
		Position int    `json:"position"`
		Text     string `json:"text"`
	}
	faqPage struct {
		Context    string     `json:"@context"`
		Type       string     `json:"@type"`
		MainEntity []question `json:"mainEntity"`
		Name       string     `json:"name"`
	}
	question struct {
		Type           string `json:"@type"`
		AcceptedAnswer answer `json:"acceptedAnswer"`
		Name           string `json:"name"`
	}
	answer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
	}
)

const schemaOrg = "https://schema.org"

// faq is the schema.org FAQPage of a YAML FAQ page. Answers are their
// Markdown source, which schema.org takes as text.
func faq(a Entry) faqPage {
	var qs []question
	for _, qa := range a.Meta.FAQ {
		qs = append(qs, question{Type: "Question", Name: qa.Question, AcceptedAnswer: answer{Type: "Answer", Text: qa.Answer}})
	}
	return faqPage{Context: schemaOrg, Type: "FAQPage", Name: a.Meta.Title, MainEntity: qs}
}

// EncodeJSONLD is v as JSON for a <script type="application/ld+json">,
// the bytes html/template's escaper would write for v (encoding/json
// already escapes <, >, & and U+2028/U+2029, so no "</script" can end the
// element), but made without the template's reflective call: it was a
// tenth of the template functions' time on article pages. "" when v has
// no JSON form, which leaves the element out. It is encoded into buf,
// whose memory the result shares until buf is written again.
func EncodeJSONLD(buf *bytes.Buffer, v any) template.JS {
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(v); err != nil { // like json.Marshal, and a newline
		return ""
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	return template.JS(unsafe.String(unsafe.SliceData(b), len(b)))
}

// JSONLD is the schema.org description of an article: a TechArticle, and
// also a HowTo when its resolution is a numbered procedure.
func JSONLD(cfg config.Site, a Entry) any {
	art := techArticle{Context: schemaOrg, Type: "TechArticle", Headline: a.Meta.Title, Identifier: a.Meta.ID,
		InLanguage: a.Meta.Lang, Description: a.Meta.Summary, Keywords: a.Meta.Keywords}
	if !a.Meta.Updated.IsZero() {
		art.DateModified = a.Meta.Updated.Format("2006-01-02")
	}
	for _, p := range a.Meta.Products {
		art.About = append(art.About, cfg.ProductName(p))
	}
	if cfg.BaseURL != "" {
		art.URL = cfg.BaseURL + a.Path
		art.MainEntityOfPage = art.URL
	}
	if len(a.Meta.FAQ) > 0 {
		return []any{art, faq(a)}
	}
	if len(a.Steps) < 2 {
		return art
	}
	howto := howTo{Context: schemaOrg, Type: "HowTo", Name: a.Meta.Title, Description: a.Meta.Summary}
	for i, st := range a.Steps {
		howto.Step = append(howto.Step, howToStep{Type: "HowToStep", Position: i + 1, Text: st})
	}
	return []any{art, howto}
}
