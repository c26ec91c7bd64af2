package build

import (
	"fmt"
	"html"
	"sort"
	"sync"

	"kbsite/generator/diag"
	"kbsite/generator/links"
	"kbsite/generator/markdown"
	"kbsite/generator/suggest"
)

// resolveLinks fills every article's link placeholders with page-relative
// URLs, reports broken links, and records backlinks and referenced files.
func resolveLinks(site *Site, targets map[*Article]*links.Target, dl *diag.List) {
	byTarget := make(map[*links.Target]*Article, len(targets))
	for a, t := range targets {
		byTarget[t] = a
	}
	type edge struct{ from, to *Article }
	edges := make([][]edge, len(site.Articles))
	files := make([][]string, len(site.Articles))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a := site.Articles[i]
				self := targets[a]
				fills := make([]string, len(a.Body.Links))
				texts := make([]string, len(a.Body.Links))
				seen := map[*Article]bool{}
				for j, l := range a.Body.Links {
					if l.External {
						continue
					}
					r, err := site.Index.Resolve(self, l.Dest)
					if err != nil {
						dl.Add(diag.Diagnostic{File: a.File, Line: l.Line, Col: l.Col, Severity: diag.Error, Kind: diag.KindLink,
							Msg: fmt.Sprintf("broken link %q: %s", l.Dest, err)})
						fills[j] = "#"
						texts[j] = html.EscapeString(l.Dest)
						continue
					}
					href := r.Path
					if href != "" {
						href = links.Rel(a.Path, r.Path)
					}
					if r.Fragment != "" {
						href += "#" + r.Fragment
					}
					fills[j] = html.EscapeString(href)
					if r.Target != nil {
						to := byTarget[r.Target]
						texts[j] = html.EscapeString(r.Target.Title)
						if to != a && !seen[to] {
							seen[to] = true
							edges[i] = append(edges[i], edge{a, to})
						}
					}
					if r.File != "" {
						files[i] = append(files[i], r.File)
						texts[j] = html.EscapeString(r.File)
					}
				}
				a.fills, a.texts = fills, texts
				a.Files = files[i]
			}
		}()
	}
	for i := range site.Articles {
		next <- i
	}
	close(next)
	wg.Wait()

	used := map[string]bool{}
	for i := range site.Articles {
		for _, e := range edges[i] {
			e.to.Backlinks = append(e.to.Backlinks, e.from)
		}
		for _, f := range files[i] {
			used[f] = true
		}
	}
	for _, a := range site.Articles {
		sortByTitle(a.Backlinks)
	}
	for f := range used {
		site.Files = append(site.Files, f)
	}
	sort.Strings(site.Files)
}

// resolveRelated turns the related IDs of each article into articles.
func resolveRelated(site *Site, dl *diag.List) {
	for _, a := range site.Articles {
		seen := map[*Article]bool{a: true}
		for i, id := range a.Meta.Related {
			t := site.Index.ByID(id)
			if t == nil {
				p := a.Meta.Pos[fmt.Sprintf("related.%d", i)]
				dl.Add(diag.Diagnostic{File: a.File, Line: p.Line, Col: p.Col, Severity: diag.Error, Kind: diag.KindLink,
					Msg: fmt.Sprintf("related article %q does not exist%s", id, hint(site, id))})
				continue
			}
			r := site.ByID[t.ID]
			if !seen[r] {
				seen[r] = true
				a.Related = append(a.Related, r)
			}
		}
	}
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
// the page is written rather than kept, so only one copy of every body is
// in memory at a time.
func (a *Article) html() []byte {
	return markdown.Fill(a.Body.HTML, func(kind byte, n int) string {
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
