// Package reader reads the client index of one language of a built site
// (search/format) the way search-engine.js loads it: the manifest at Open,
// then each manifest page, word shard, article record and product or type list the first
// time a query asks for it. The query engine (search/engine) ranks over
// what it reads. Files is not safe for concurrent use.
package reader

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"kbsite/generator/search/format"
)

// Files is the lazily loaded client index of one language.
type Files struct {
	dir    string // siteDir/search
	lang   string
	man    format.Manifest
	pages  map[int]*format.Page
	shards map[int]*Shard
	prods  map[int][]int // product lists read
	types  map[int][]int // article type lists read
	recs   map[int]*format.Record
	loaded *[]string // if not nil, gets each file read, in order
}

// Shard is one word shard: its words (W) with their term references (M),
// its terms (T) with their postings (P), and the ID lookup keys (I).
type Shard struct {
	W     []string           `json:"w"`
	M     []any              `json:"m"`
	T     []string           `json:"t"`
	P     []string           `json:"p"`
	I     map[string][]int32 `json:"i"`
	X     [][]any            `json:"x"`
	words map[string]int
	terms map[string]int
	tails map[int]tail
	post  map[int][]int
	all   map[int][]int // postings with the tail read
}

// tail is where the postings of a term beyond its shard's are.
type tail struct {
	df   int // postings in all
	hash string
}

// Term is a term located in a shard: its number there and its name.
type Term struct {
	Shard, Idx int
	Name       string
}

// Open reads the manifest of lang ("" = the only language or "en") from
// siteDir/search. Each file read later is appended to *loaded, if not nil.
func Open(siteDir, lang string, loaded *[]string) (*Files, error) {
	dir := filepath.Join(siteDir, "search")
	if lang == "" {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("search index: %w", err)
		}
		var langs []string
		for _, e := range ents {
			if e.IsDir() {
				langs = append(langs, e.Name())
			}
		}
		lang = "en"
		if len(langs) == 1 {
			lang = langs[0]
		}
	} else {
		lang = format.LangKey(lang)
	}
	f := &Files{dir: dir, lang: lang, pages: map[int]*format.Page{}, shards: map[int]*Shard{}, prods: map[int][]int{}, types: map[int][]int{}, recs: map[int]*format.Record{}, loaded: loaded}
	if err := f.load("manifest.js", &f.man); err != nil {
		return nil, err
	}
	m := f.man
	if m.Shards <= 0 || m.Group <= 0 || len(m.Starts) != format.Pages(m.Shards, m.Group) || len(m.Hashes) != len(m.Starts) {
		return nil, errors.New("search index: bad manifest")
	}
	return f, nil
}

// Manifest returns the manifest; its slices are the reader's own.
func (f *Files) Manifest() format.Manifest { return f.man }

func (f *Files) load(name string, v any) error {
	b, err := os.ReadFile(filepath.Join(f.dir, f.lang, filepath.FromSlash(name)))
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	if f.loaded != nil {
		*f.loaded = append(*f.loaded, f.lang+"/"+name)
	}
	_, data, err := format.ParseFile(b)
	if err != nil {
		return fmt.Errorf("search index %s: %w", name, err)
	}
	return json.Unmarshal(data, v)
}

// NumShards returns the number of shards.
func (f *Files) NumShards() int { return f.man.Shards }

// page returns manifest page j; one that cannot be read, or that lists
// the wrong number of shards, is empty.
func (f *Files) page(j int) *format.Page {
	if p := f.pages[j]; p != nil {
		return p
	}
	p := &format.Page{}
	if j < 0 || j >= len(f.man.Hashes) {
		return p
	}
	n := min(f.man.Group, f.man.Shards-j*f.man.Group)
	if len(f.man.Pages) == len(f.man.Hashes) {
		// The manifest carries its pages.
		p = &f.man.Pages[j]
	} else if err := f.load(format.PageName(j, f.man.Hashes[j]), p); err != nil {
		p = &format.Page{}
	}
	if len(p.Starts) != n || len(p.Hashes) != n {
		p = &format.Page{}
	}
	f.pages[j] = p
	return p
}

// Route returns the shard holding key: the last whose start <= key. It
// finds the page first, by the manifest's page start keys.
func (f *Files) Route(key string) int {
	s := f.man.Starts
	j := format.Route(len(s), func(k int) string { return s[k] }, key)
	p := f.page(j).Starts
	return j*f.man.Group + format.Route(len(p), func(k int) string { return p[k] }, key)
}

// Start returns the start key of shard k ("" if its page cannot be read).
func (f *Files) Start(k int) string {
	p := f.page(k / f.man.Group)
	if i := k % f.man.Group; i < len(p.Starts) {
		return p.Starts[i]
	}
	return ""
}

// Shard returns shard k; a shard that cannot be read is empty.
func (f *Files) Shard(k int) *Shard {
	if s := f.shards[k]; s != nil {
		return s
	}
	s := &Shard{}
	p := f.page(k / f.man.Group)
	if i := k % f.man.Group; i >= len(p.Hashes) || f.load(format.ShardName(k, p.Hashes[i]), s) != nil {
		s = &Shard{}
	}
	s.words = make(map[string]int, len(s.W))
	for i, w := range s.W {
		s.words[w] = i
	}
	s.terms = make(map[string]int, len(s.T))
	for i, t := range s.T {
		s.terms[t] = i
	}
	s.post, s.all, s.tails = map[int][]int{}, map[int][]int{}, map[int]tail{}
	for _, x := range s.X {
		if len(x) != 3 {
			continue
		}
		i, ok1 := x[0].(float64)
		df, ok2 := x[1].(float64)
		h, ok3 := x[2].(string)
		if ok1 && ok2 && ok3 {
			s.tails[int(i)] = tail{int(df), h}
		}
	}
	f.shards[k] = s
	return s
}

// Record returns the record of doc d; one that cannot be read is empty.
func (f *Files) Record(d int) *format.Record {
	if r := f.recs[d]; r != nil {
		return r
	}
	r := &format.Record{}
	if err := f.load(format.RecordName(d, f.man.RecVer), r); err != nil {
		r = &format.Record{}
	}
	f.recs[d] = r
	return r
}

// Refs resolves the term references of word i of shard k (nil: stop word),
// calling touch with each other shard a reference is routed to.
func (f *Files) Refs(k int, i int, touch func(int)) []Term {
	s := f.Shard(k)
	if i >= len(s.M) {
		return nil
	}
	var out []Term
	for _, r := range refList(s.M[i]) {
		switch v := r.(type) {
		case float64:
			if int(v) >= 0 && int(v) < len(s.T) {
				out = append(out, Term{k, int(v), s.T[int(v)]})
			}
		case string:
			k2 := f.Route(v)
			touch(k2)
			if j, ok := f.Shard(k2).terms[v]; ok {
				out = append(out, Term{k2, j, v})
			}
		}
	}
	return out
}

// Term finds the term of that name in shard k.
func (f *Files) Term(k int, name string) (Term, bool) {
	j, ok := f.Shard(k).terms[name]
	return Term{Shard: k, Idx: j, Name: name}, ok
}

// Postings returns the decoded (doc, score) pairs of a term, by doc: those
// its shard holds, or with all, every one (its tail file read and merged;
// one that cannot be read adds none).
func (f *Files) Postings(t Term, all bool) []int {
	s := f.Shard(t.Shard)
	p, ok := s.post[t.Idx]
	if !ok {
		p = decode(s.P[t.Idx])
		s.post[t.Idx] = p
	}
	tl, tiered := s.tails[t.Idx]
	if !all || !tiered {
		return p
	}
	if m, ok := s.all[t.Idx]; ok {
		return m
	}
	var str string
	if err := f.load(format.TailName(t.Shard, t.Idx, tl.hash), &str); err != nil {
		str = ""
	}
	m := merge(p, decode(str))
	s.all[t.Idx] = m
	return m
}

// DF returns the number of docs of a term, its tail's included.
func (f *Files) DF(t Term) int {
	if tl, ok := f.Shard(t.Shard).tails[t.Idx]; ok {
		return tl.df
	}
	return len(f.Postings(t, false)) / 2
}

// Partial reports whether a term has postings beyond its shard's.
func (f *Files) Partial(t Term) bool {
	_, ok := f.Shard(t.Shard).tails[t.Idx]
	return ok
}

// decode decodes postings: pairs (doc delta, score) to (doc, score).
func decode(s string) []int {
	nums := format.DecodeNums(s)
	nums = nums[:len(nums)&^1]
	doc := 0
	for i := 0; i < len(nums); i += 2 {
		doc += nums[i]
		nums[i] = doc
	}
	return nums
}

// merge merges two lists of (doc, score) pairs by doc.
func merge(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || i < len(a) && a[i] <= b[j] {
			out, i = append(out, a[i], a[i+1]), i+2
		} else {
			out, j = append(out, b[j], b[j+1]), j+2
		}
	}
	return out
}

// Product finds a product by name or slug, comparing folded words; -1 if
// none.
func (f *Files) Product(name string) int { return find(f.man.Prods, name) }

// Type finds an article type by name or slug, as Product does.
func (f *Files) Type(name string) int { return find(f.man.Types, name) }

func find(lists [][]string, name string) int {
	key := strings.Join(format.Words(name), "-")
	if key == "" {
		return -1
	}
	for k, pr := range lists {
		if len(pr) == 3 && (strings.Join(format.Words(pr[0]), "-") == key || strings.Join(format.Words(pr[1]), "-") == key) {
			return k
		}
	}
	return -1
}

// ProductDocs returns the docs of product k, in order.
func (f *Files) ProductDocs(k int) []int {
	return f.docList(f.prods, format.ProdName(k, f.man.Prods[k][2]), k)
}

// TypeDocs returns the docs of article type k, in order.
func (f *Files) TypeDocs(k int) []int {
	return f.docList(f.types, format.TypeListName(k, f.man.Types[k][2]), k)
}

// docList reads the doc list file name once, into cache[k].
func (f *Files) docList(cache map[int][]int, name string, k int) []int {
	if d, ok := cache[k]; ok {
		return d
	}
	var s string
	if err := f.load(name, &s); err != nil {
		s = ""
	}
	nums := format.DecodeNums(s)
	d := 0
	for i := range nums {
		d += nums[i]
		nums[i] = d
	}
	cache[k] = nums
	return nums
}

// Word returns the number of word w in the shard.
func (s *Shard) Word(w string) (int, bool) {
	i, ok := s.words[w]
	return i, ok
}

// Stop reports whether word i is a stop word (it has no terms).
func (s *Shard) Stop(i int) bool { return s.M[i] == nil }

// Names returns the names of the terms of word i, unresolved.
func (s *Shard) Names(i int) []string {
	list := refList(s.M[i])
	if list == nil {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, r := range list {
		switch v := r.(type) {
		case float64:
			if int(v) >= 0 && int(v) < len(s.T) {
				out = append(out, s.T[int(v)])
			}
		case string:
			out = append(out, v)
		}
	}
	return out
}

// refList reads a word's term references: none (a stop word), one, or a
// list.
func refList(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	default:
		return []any{v}
	}
}
