package resolve

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"kbsite/generator/internal/diag"
)

// An article's aliases are its old IDs and old URL paths; the build writes
// a redirect page for each.

// IsPathAlias reports whether an alias is an old URL path rather than an
// old ID.
func IsPathAlias(al string) bool { return strings.Contains(al, "/") || strings.HasSuffix(al, ".html") }

// ValidIDAlias reports whether an old ID is usable: letters, digits, '.',
// '_' and '-', at most 64.
func ValidIDAlias(al string) bool {
	for _, r := range al {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return al != "" && len(al) <= 64
}

// AliasPath maps an old URL path to the output file that must exist there,
// cleaned as a browser would: "/kb/307294", "kb//307294/" and
// "./kb/307294" become "kb/307294/index.html".
func AliasPath(al string) (string, bool) {
	if strings.Contains(al, "..") || strings.ContainsAny(al, "\\?#\x00") {
		return "", false
	}
	p := strings.TrimPrefix(path.Clean("/"+al), "/")
	if p == "" {
		return "", false
	}
	if !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".htm") {
		p += "/index.html"
	}
	return p, true
}

// Aliases registers articles' aliases: old IDs in Index, and the redirect
// page every alias needs in Redirects (page path -> article).
type Aliases struct {
	Index     *Index
	Redirects map[string]*Target
	// IDPage is where the redirect page of old ID id of an article in
	// language lang goes.
	IDPage func(lang, id string) string
	// Clash says what generated page or owned folder the redirect page p
	// of a path alias would replace, or "".
	Clash func(p string) string
}

// Add registers a's aliases. An alias that collides with an article ID,
// another alias, or a page or folder the build writes is an error at the
// alias.
func (as Aliases) Add(a Article, dl *diag.List) {
	for i, al := range a.Meta.Aliases {
		fail := func(format string, args ...any) {
			aliasError(a, i, dl, fmt.Sprintf(format, args...))
		}
		op, ok := as.page(a, al)
		clash := ""
		if ok {
			clash = as.Clash(op)
		}
		switch {
		case !ok && IsPathAlias(al):
			fail("alias %s is not a usable site path", diag.Quote(al))
		case !ok:
			fail("alias %s is neither an old ID (letters, digits, '.', '_', '-') nor a path (containing '/')", diag.Quote(al))
		case !IsPathAlias(al) && !as.Index.AddAlias(al, a.Target):
			fail("alias %s is already the ID or an alias of %s", diag.Quote(al), as.Index.Find(a.Meta.Lang, al).ID)
		case clash != "":
			fail("alias %s would replace %s", diag.Quote(al), clash)
		case as.Redirects[op] != nil:
			fail("alias %s is already used by %s", diag.Quote(al), as.Redirects[op].ID)
		default:
			as.Redirects[op] = a.Target
		}
	}
}

// CheckPaths reports redirects that would replace the page of one of
// arts: in serve mode, an article added after an alias took its address.
// owner finds the article a redirect target is.
func (as Aliases) CheckPaths(arts []Article, owner func(*Target) Article, dl *diag.List) {
	for _, b := range arts {
		t := as.Redirects[b.Target.Path]
		if t == nil {
			continue
		}
		a := owner(t)
		for i, al := range a.Meta.Aliases {
			if op, _ := as.page(a, al); op == b.Target.Path {
				aliasError(a, i, dl, fmt.Sprintf("alias %s is the address of %s", diag.Quote(al), b.Meta.ID))
			}
		}
	}
}

// Drop takes the redirect pages of arts (serve mode's old versions) out
// of Redirects, and returns their paths and what puts them back.
func (as Aliases) Drop(arts []Article) (paths []string, undo func()) {
	dropped := map[string]*Target{}
	for _, a := range arts {
		for _, p := range as.Pages(a) {
			dropped[p] = a.Target
			paths = append(paths, p)
			delete(as.Redirects, p)
		}
	}
	return paths, func() { maps.Copy(as.Redirects, dropped) }
}

// Forget takes the redirect pages of a out of Redirects.
func (as Aliases) Forget(a Article) {
	for _, p := range as.Pages(a) {
		delete(as.Redirects, p)
	}
}

// Pages are the redirect pages in Redirects that a's aliases gave it:
// looked up by alias, so that serve mode need not walk every redirect.
func (as Aliases) Pages(a Article) []string {
	var out []string
	for _, al := range a.Meta.Aliases {
		if p, ok := as.page(a, al); ok && as.Redirects[p] == a.Target && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// page is where the redirect page of alias al of a goes: an old ID's
// beside the articles of a's language, an old URL path's at that path.
func (as Aliases) page(a Article, al string) (string, bool) {
	if IsPathAlias(al) {
		return AliasPath(al)
	}
	return as.IDPage(a.Meta.Lang, al), ValidIDAlias(al)
}

// aliasError reports a problem with alias i of a, at the alias.
func aliasError(a Article, i int, dl *diag.List, msg string) {
	p := a.Meta.Pos.Entry("aliases", i)
	dl.Add(diag.Diagnostic{File: a.File, Line: p.Line, Col: p.Col, Severity: diag.Error, Kind: diag.KindAlias, Msg: msg})
}
