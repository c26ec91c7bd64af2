package build

import (
	"fmt"
	"html"
	"sort"
	"sync"

	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/suggest"
	"kbsite/generator/markdown"
	"kbsite/generator/resolve"
)

// resolveLinks fills every article's link placeholders with page-relative
// URLs, reports broken links, and records backlinks and referenced files.
func resolveLinks(site *Site, dl *diag.List) {
	var wg sync.WaitGroup
	next := make(chan *Article)
	for w := 0; w < workers(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range next {
				site.resolveArticle(a, dl).apply(a)
			}
		}()
	}
	for _, a := range site.Articles {
		next <- a
	}
	close(next)
	wg.Wait()

	linkBacklinks(site.Articles, site.Articles)
	used := map[string]bool{}
	for _, a := range site.Articles {
		for _, f := range a.Files {
			used[f] = true
		}
	}
	site.Files = site.Files[:0]
	for f := range used {
		site.Files = append(site.Files, f)
	}
	sort.Strings(site.Files)
}

// linkBacklinks sets the backlinks of every article of targets from the
// out-links of arts, sorted by title.
func linkBacklinks(arts, targets []*Article) {
	want := make(map[*Article]bool, len(targets))
	for _, t := range targets {
		want[t] = true
	}
	back := map[*Article][]*Article{}
	for _, a := range arts {
		for _, t := range a.out {
			if want[t] {
				back[t] = append(back[t], a)
			}
		}
	}
	for _, t := range targets {
		t.Backlinks = back[t]
		sortByTitle(t.Backlinks)
	}
}

// resolution is what resolving one article's links produced.
type resolution struct {
	fills, texts []string
	out          []*Article
	files        []string
}

func (r resolution) apply(a *Article) {
	a.fills, a.texts, a.out, a.Files = r.fills, r.texts, r.out, r.files
}

// resolveArticle resolves one article's links against the site's index:
// the placeholder fills, the articles it links to and the files it
// references; broken links go to dl. It changes nothing, so serve mode can
// try a change before accepting it.
func (site *Site) resolveArticle(a *Article, dl *diag.List) resolution {
	fills := make([]string, len(a.Links))
	texts := make([]string, len(a.Links))
	var out []*Article
	var files []string
	seen := map[*Article]bool{}
	for j, l := range a.Links {
		if l.External {
			continue
		}
		fail := func(kind, msg string) {
			dl.Add(diag.Diagnostic{File: a.File, Line: l.Line, Col: l.Col, Severity: diag.Error, Kind: kind, Msg: msg})
			fills[j] = "#"
			texts[j] = html.EscapeString(l.Dest)
		}
		r, err := site.Index.Resolve(a.target, l.Dest)
		if err != nil {
			fail(diag.KindLink, fmt.Sprintf("broken link %s: %s", diag.Quote(l.Dest), err))
			continue
		}
		if r.URL != "" {
			fills[j], texts[j] = html.EscapeString(r.URL), html.EscapeString(r.URL)
			continue
		}
		if r.File != "" {
			if why := site.files.Problem(r.File); why != "" {
				fail(diag.KindFile, why)
				continue
			}
		}
		href := r.Path
		if href != "" {
			href = resolve.Rel(a.Path, r.Path)
		}
		if r.Fragment != "" {
			href += "#" + r.Fragment
		}
		fills[j] = html.EscapeString(href)
		if r.Target != nil {
			texts[j] = html.EscapeString(r.Target.Title)
			if to, _ := r.Target.Ref.(*Article); to != nil && to != a && !seen[to] {
				seen[to] = true
				out = append(out, to)
			}
		}
		if r.File != "" {
			files = append(files, r.File)
			texts[j] = html.EscapeString(r.File)
		}
	}
	return resolution{fills, texts, out, files}
}

// resolveRelated turns the related IDs of each article into articles.
func resolveRelated(site *Site, dl *diag.List) {
	for _, a := range site.Articles {
		a.Related = site.relatedOf(a, dl)
	}
}

// relatedOf resolves one article's related IDs, reporting unknown ones.
func (site *Site) relatedOf(a *Article, dl *diag.List) []*Article {
	var out []*Article
	seen := map[*Article]bool{a: true}
	for i, id := range a.Meta.Related {
		t := site.Index.Find(a.Meta.Lang, id)
		if t == nil {
			p := a.Meta.Pos[fmt.Sprintf("related.%d", i)]
			dl.Add(diag.Diagnostic{File: a.File, Line: p.Line, Col: p.Col, Severity: diag.Error, Kind: diag.KindLink,
				Msg: fmt.Sprintf("related article %s does not exist%s", diag.Quote(id), hint(site, id))})
			continue
		}
		r, _ := t.Ref.(*Article)
		if r != nil && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

func hint(site *Site, id string) string {
	var ids []string
	for _, a := range site.Articles {
		ids = append(ids, a.Meta.ID)
	}
	if h := suggest.Closest(id, ids); h != "" {
		return " (did you mean " + h + "?)"
	}
	return ""
}

// html returns the article body with its links filled in. It is made when
// the page is written rather than kept, so only the packed copy of every
// body waits in memory.
func (a *Article) html() []byte {
	return markdown.Fill(a.body.Unpack(), func(kind byte, n int) string {
		if n < 0 || n >= len(a.fills) {
			return ""
		}
		if kind == 'T' {
			return a.texts[n]
		}
		return a.fills[n]
	})
}

// sortByTitle orders articles by title, ignoring case, then by ID.
func sortByTitle(as []*Article) {
	sort.Slice(as, func(i, j int) bool {
		if as[i].titleKey != as[j].titleKey {
			return as[i].titleKey < as[j].titleKey
		}
		return as[i].Meta.ID < as[j].Meta.ID
	})
}
