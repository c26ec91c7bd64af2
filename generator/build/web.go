package build

import (
	"bytes"
	"encoding/xml"
	"sort"
	"time"
)

// The files in this file exist only with a base URL: sitemaps, robots.txt
// and feeds need absolute URLs, and a wrong absolute URL is worse than none.

const feedSize = 20

func (s *Site) sitemap(pages []string) []byte {
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
	for _, a := range s.Articles {
		updated[a.Path] = a.Meta.Updated
	}
	sort.Strings(pages)
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range pages {
		u := url{Loc: s.Config.BaseURL + p}
		if t := updated[p]; !t.IsZero() {
			u.LastMod = t.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	return marshalXML(set)
}

func (s *Site) robots() []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.Config.BaseURL + "sitemap.xml\n")
}

// feed is an Atom feed of the most recently updated articles.
func (s *Site) feed() []byte {
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
	recent := recent(s.Articles, feedSize)
	f := feed{NS: "http://www.w3.org/2005/Atom", Title: s.Config.Title, ID: s.Config.BaseURL,
		Links: []link{{Href: s.Config.BaseURL}, {Href: s.Config.BaseURL + "feed.xml", Rel: "self"}}}
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
		u := s.Config.BaseURL + a.Path
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

// recent returns up to n of arts, most recently updated first.
func recent(arts []*Article, n int) []*Article {
	recent := append([]*Article(nil), arts...)
	sort.SliceStable(recent, func(i, j int) bool {
		if !recent[i].Meta.Updated.Equal(recent[j].Meta.Updated) {
			return recent[i].Meta.Updated.After(recent[j].Meta.Updated)
		}
		return recent[i].Meta.ID < recent[j].Meta.ID
	})
	if len(recent) > n {
		recent = recent[:n]
	}
	return recent
}

// jsonLD is the schema.org description of an article: a TechArticle, and
// also a HowTo when its resolution is a numbered procedure.
func (s *Site) jsonLD(a *Article) any {
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
		about = append(about, s.Config.ProductName(p))
	}
	if len(about) > 0 {
		art["about"] = about
	}
	if s.Config.BaseURL != "" {
		art["url"] = s.Config.BaseURL + a.Path
		art["mainEntityOfPage"] = s.Config.BaseURL + a.Path
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
