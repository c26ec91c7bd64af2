// Package resolve resolves the links written in articles to pages and files of
// the built site, and explains broken ones with the nearest valid target.
//
// Three forms reach an article: a relative path to its Markdown file
// ("../network/kb310221.md#lan-settings"), its ID ("kb:KB310221"), or an
// alias ID ("kb:Q310221"). Other relative paths name files in the content
// folder, which the build copies.
//
// In: every article as a link Target (ID, language, page path, heading
// anchors) and the other content files, added to an Index; the alias
// rules say which aliases are old IDs and where old URL paths' redirects
// go. Out: for each link as written, the page path and fragment it
// resolves to (Resolve), or an Error that suggests the nearest target; for
// each linked content file, whether it may be published (Files).
//
// The cross-link stage on top of the Index takes each article as a plain
// Article (its Target, file, front matter and links as written) and gives
// back Links (the placeholder fills and texts, the targets it links to,
// the files it uses) and its related Targets; Aliases registers old IDs
// and fills the redirect pages (path -> Target); CheckProducts and
// CheckReachable warn about unnamed products, orphans and duplicate
// titles. Diagnostics go to a diag.List; apart from the Redirects map
// given to Aliases nothing of the caller's changes, and Target.Ref leads
// back to the caller's article.
// Subpackage troubleshooter checks the step graph of guided
// troubleshooters.
package resolve

import (
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/suggest"
)

// Target is a page links can point at.
type Target struct {
	ID     string
	Lang   string // translations share an ID and differ in Lang
	Title  string
	Source string // path of the Markdown file relative to the content folder
	Path   string // output path relative to the site root
	// Anchors are the IDs of the page's headings and raw HTML anchors,
	// sorted: links may name them, and the IDs every page has (see
	// NewIndex).
	Anchors []string
	// Ref is the caller's own record of the article, handed back with
	// every resolution so callers need no second lookup.
	Ref any
}

// Index knows every link target of one build.
type Index struct {
	lang     string             // the site's default language
	pageIDs  []string           // element IDs of every page, sorted
	byID     map[string]*Target // by content.Key(lang, ID or alias)
	bySource map[string]*Target
	files    map[string]bool // content-relative paths of non-Markdown files
	linkRoot string          // see SetLinkRoot
	ids      []string
	sources  []string
	fileList []string
}

// NewIndex returns an empty index for a site whose default language is
// lang: an ID link from an article in another language goes to that
// language's translation when there is one, else to the default language's.
// pageIDs are the element IDs the layout gives every page (such as "top"),
// which links may name as well as headings.
func NewIndex(lang string, pageIDs ...string) *Index {
	return &Index{lang: lang, pageIDs: slices.Sorted(slices.Values(pageIDs)),
		byID: map[string]*Target{}, bySource: map[string]*Target{}, files: map[string]bool{}}
}

// Add registers an article.
func (ix *Index) Add(t *Target) {
	ix.byID[content.Key(t.Lang, t.ID)] = t
	ix.bySource[t.Source] = t
	ix.ids = append(ix.ids, t.ID)
	ix.sources = append(ix.sources, t.Source)
}

// AddAlias makes an old ID resolve to t. It reports false when the alias
// is already taken by an article ID or another alias.
func (ix *Index) AddAlias(alias string, t *Target) bool {
	k := content.Key(t.Lang, alias)
	if _, taken := ix.byID[k]; taken {
		return false
	}
	ix.byID[k] = t
	return true
}

// remove takes an article and its old-ID aliases out of the index. The
// keys are made from its ID and aliases rather than found by a walk over
// every key (a few milliseconds of each serve-mode edit at 100k articles).
func (ix *Index) remove(a Article) {
	t := a.Target
	for _, k := range append([]string{t.ID}, a.Meta.Aliases...) {
		if k := content.Key(t.Lang, k); ix.byID[k] == t {
			delete(ix.byID, k)
		}
	}
	if ix.bySource[t.Source] == t {
		delete(ix.bySource, t.Source)
	}
	ix.ids = removeSorted(ix.ids, t.ID)
	ix.sources = removeSorted(ix.sources, t.Source)
}

// Put adds an article to a sealed index, keeping the hint lists sorted.
func (ix *Index) Put(t *Target) {
	ix.byID[content.Key(t.Lang, t.ID)] = t
	ix.bySource[t.Source] = t
	ix.ids = insertSorted(ix.ids, t.ID)
	ix.sources = insertSorted(ix.sources, t.Source)
}

func insertSorted(s []string, v string) []string {
	i := sort.SearchStrings(s, v)
	s = append(s, "")
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

func removeSorted(s []string, v string) []string {
	i := sort.SearchStrings(s, v)
	if i < len(s) && s[i] == v {
		return append(s[:i], s[i+1:]...)
	}
	return s
}

// AddFile registers a non-Markdown file of the content folder.
func (ix *Index) AddFile(rel string) {
	ix.files[rel] = true
	ix.fileList = append(ix.fileList, rel)
}

// Find finds an article by ID or alias, ignoring case: the translation in
// lang if there is one, else the one in the site's default language.
func (ix *Index) Find(lang, id string) *Target {
	if t := ix.byID[content.Key(lang, id)]; t != nil {
		return t
	}
	return ix.byID[content.Key(ix.lang, id)]
}

// SetLinkRoot makes host-relative links ("/windows/wsl", DocFX's
// "~/windows/wsl") external links under root, an absolute URL ending in
// "/": documentation written for a site such as learn.microsoft.com links
// to its sibling sets that way. Without a root they are errors.
func (ix *Index) SetLinkRoot(root string) { ix.linkRoot = root }

// HostURL returns the absolute URL of a host-relative link under the link
// root, or "" when dest is not host-relative or there is no link root.
func (ix *Index) HostURL(dest string) string {
	rest, ok := hostRelative(dest)
	if !ok || ix.linkRoot == "" {
		return ""
	}
	return ix.linkRoot + rest
}

// hostRelative reports whether dest is host-relative and returns it
// without its leading "/" or "~/".
func hostRelative(dest string) (string, bool) {
	if strings.HasPrefix(dest, "~/") {
		return dest[2:], true
	}
	if strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") {
		return dest[1:], true
	}
	return "", false
}

// BySource finds an article by its content-relative Markdown path.
func (ix *Index) BySource(rel string) *Target { return ix.bySource[rel] }

// Resolved is where a link goes.
type Resolved struct {
	Target   *Target // the article, for article links
	File     string  // content-relative path, for links to other files
	Fragment string  // without "#"
	// Path is the output path relative to the site root (empty for a
	// same-page fragment link), without the fragment.
	Path string
	// URL is the absolute URL of a host-relative link under the link root
	// (see SetLinkRoot); the other fields are then empty.
	URL string
}

// Error is a broken link, with a hint when one is close.
type Error struct {
	Reason string
	Hint   string
}

func (e *Error) Error() string {
	if e.Hint != "" {
		return e.Reason + " (did you mean " + e.Hint + "?)"
	}
	return e.Reason
}

// Resolve resolves dest, written in the article at content-relative path
// from (whose own anchors are self.Anchors).
func (ix *Index) Resolve(self *Target, dest string) (Resolved, *Error) {
	raw, frag, _ := strings.Cut(dest, "#")
	if raw == "" {
		if frag == "" {
			return Resolved{}, nil
		}
		return Resolved{Target: self, Fragment: frag}, ix.checkAnchor(self, frag, "this article")
	}
	if strings.HasPrefix(strings.ToLower(raw), "kb:") {
		id := raw[3:]
		t := ix.Find(self.Lang, id)
		if t == nil {
			return Resolved{}, &Error{Reason: "no article with that ID", Hint: suggest.Closest(id, ix.ids)}
		}
		r := Resolved{Target: t, Path: t.Path, Fragment: frag}
		return r, ix.checkAnchor(t, frag, t.ID)
	}
	if _, ok := hostRelative(raw); ok {
		if u := ix.HostURL(dest); u != "" {
			return Resolved{URL: u}, nil
		}
		return Resolved{}, &Error{Reason: "absolute paths are not allowed; link relative to this file, or by ID as kb:ID, " +
			"or set link_root in site.yaml (or --link-root URL) to the site they are relative to"}
	}
	if q := strings.IndexByte(raw, '?'); q >= 0 {
		raw = raw[:q]
	}
	p, err := url.PathUnescape(raw)
	if err != nil {
		p = raw
	}
	p = strings.ReplaceAll(p, `\`, "/")
	if strings.HasPrefix(p, "/") || (len(p) > 1 && p[1] == ':') {
		return Resolved{}, &Error{Reason: "absolute paths are not allowed; link relative to this file, or by ID as kb:ID"}
	}
	rel := path.Join(path.Dir(self.Source), p)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return Resolved{}, &Error{Reason: "the path leads outside the content folder"}
	}
	if t := ix.bySource[rel]; t != nil {
		r := Resolved{Target: t, Path: t.Path, Fragment: frag}
		return r, ix.checkAnchor(t, frag, t.Source) // named as the link names it
	}
	if ix.files[rel] {
		return Resolved{File: rel, Path: rel, Fragment: frag}, nil
	}
	candidates := ix.fileList
	if strings.HasSuffix(rel, ".md") {
		candidates = ix.sources
	}
	hint := suggest.ClosestCased(rel, candidates)
	if hint != "" {
		hint = relPath(path.Dir(self.Source), hint)
	}
	return Resolved{}, &Error{Reason: "no such file in the content folder", Hint: hint}
}

func (ix *Index) checkAnchor(t *Target, frag, where string) *Error {
	has := func(id string) bool {
		_, heading := slices.BinarySearch(t.Anchors, id)
		_, page := slices.BinarySearch(ix.pageIDs, id)
		return heading || page
	}
	// DocFX tab links (#tab/csharp) select a tab; they name no heading.
	if frag == "" || strings.HasPrefix(frag, "tab/") || has(frag) {
		return nil
	}
	if f, err := url.PathUnescape(frag); err == nil && has(f) {
		return nil
	}
	names := slices.Concat(t.Anchors, ix.pageIDs)
	sort.Strings(names)
	hint := suggest.ClosestCased(frag, names)
	if hint != "" {
		hint = "#" + hint
	}
	return &Error{Reason: where + " has no heading with the anchor #" + diag.Clip(frag), Hint: hint}
}

// Seal sorts the candidate lists used for hints; call it once after the
// last Add and before Resolve, which may then run concurrently.
func (ix *Index) Seal() {
	sort.Strings(ix.ids)
	sort.Strings(ix.sources)
	sort.Strings(ix.fileList)
}

// relPath expresses target (content-relative) relative to dir.
// It runs for every link of every page, so it walks the two paths in
// place instead of splitting them: the folders they share are dropped,
// each folder of dir left is a "../", and target's file is never shared.
func relPath(dir, target string) string {
	if dir == "." {
		return target
	}
	up := strings.Count(dir, "/") + 1
	for up > 0 {
		t, rest, ok := strings.Cut(target, "/")
		if !ok {
			break
		}
		d, drest, _ := strings.Cut(dir, "/")
		if d != t {
			break
		}
		target, dir = rest, drest
		up--
	}
	if up == 0 {
		return target
	}
	var b strings.Builder
	b.Grow(3*up + len(target))
	for range up {
		b.WriteString("../")
	}
	b.WriteString(target)
	return b.String()
}

// Rel returns the URL of root-relative output path target as seen from the
// page at root-relative path from. It never relies on a server to map a
// folder to index.html, so it works from file:// too.
func Rel(from, target string) string {
	dir := path.Dir(from)
	if dir == "." {
		return target
	}
	return relPath(dir, target)
}
