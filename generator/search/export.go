package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Client index layout, per language L under search/L/:
//
//	manifest.js            {"v":1,"lang":L,"n":docs,"s":[shard start keys],"h":[shard hashes],
//	                        "r":records version,"p":[[product name,slug,hash],...]}
//	s<k>-<hash>.js         shard k: every key (surface word, term, ID key) with
//	                        start[k] <= key < start[k+1] (UTF-16 order):
//	                        {"w":[words],"m":[terms of each word: local term index,
//	                        foreign term string, list of those, or null for a stop word],
//	                        "t":[terms],"p":[postings of each term],"i":{idkey:[docs]}}
//	p<k>-<hash>.js         docs of product k (a number string)
//	r/<doc>-<version>.js   record of doc: {"i":id,"t":title,"u":url,"s":source,
//	                        "p":[products],"a":[aliases],"k":[keywords],"m":summary,
//	                        "x":[[section id,heading,text],...]}
//
// Every file is a script: (window.KBSearchData=window.KBSearchData||[]).push(["L/file.js",DATA]);
// A number string is a list of integers, each as base-32 digits, most
// significant first, digits 32+v for all but the last, v for the last, over
// numAlphabet; postings are pairs (doc delta, score), product lists doc deltas.

const numAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

const shardTarget = 12 << 10 // bytes of raw JSON per shard, roughly

func appendNum(b []byte, v int) []byte {
	var tmp [8]byte
	i := len(tmp) - 1
	tmp[i] = numAlphabet[v&31]
	v >>= 5
	for v > 0 {
		i--
		tmp[i] = numAlphabet[32+v&31]
		v >>= 5
	}
	return append(b, tmp[i:]...)
}

func decodeNums(s string) []int {
	var out []int
	v := 0
	for i := 0; i < len(s); i++ {
		c := strings.IndexByte(numAlphabet, s[i])
		if c < 0 {
			return out
		}
		v = v*32 + c&31
		if c < 32 {
			out = append(out, v)
			v = 0
		}
	}
	return out
}

func encodePostings(ps []posting) string {
	b := make([]byte, 0, len(ps)*3)
	prev := int32(0)
	for _, p := range ps {
		b = appendNum(b, int(p.doc-prev))
		b = appendNum(b, int(p.score))
		prev = p.doc
	}
	return string(b)
}

func hash8(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:4])
}

// wrap makes the JSONP script of one file. json.Marshal escapes <, >, &,
// U+2028 and U+2029, so no string can end the script or break the literal.
func wrap(name string, v any) []byte {
	data, err := json.Marshal([]any{name, v})
	if err != nil {
		panic(err) // only plain data is marshalled
	}
	var b bytes.Buffer
	b.Grow(len(data) + 64)
	b.WriteString("(window.KBSearchData=window.KBSearchData||[]).push(")
	b.Write(data)
	b.WriteString(");\n")
	return b.Bytes()
}

type manifest struct {
	V      int        `json:"v"`
	Lang   string     `json:"lang"`
	N      int        `json:"n"`
	Starts []string   `json:"s"`
	Hashes []string   `json:"h"`
	RecVer string     `json:"r"`
	Prods  [][]string `json:"p"`
}

type shardData struct {
	W []string           `json:"w"`
	M []any              `json:"m"`
	T []string           `json:"t"`
	P []string           `json:"p"`
	I map[string][]int32 `json:"i,omitempty"`
}

type record struct {
	ID       string     `json:"i"`
	Title    string     `json:"t"`
	URL      string     `json:"u"`
	Source   string     `json:"s"`
	Products []string   `json:"p"`
	Aliases  []string   `json:"a"`
	Keywords []string   `json:"k"`
	Summary  string     `json:"m"`
	Sections [][]string `json:"x"`
}

func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return collapse(s)
}

func cleanAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, clean(s))
	}
	return out
}

func makeRecord(d *Doc) record {
	r := record{ID: clean(d.ID), Title: clean(d.Title), URL: strings.ToValidUTF8(d.URL, ""),
		Source: strings.ToValidUTF8(d.Source, ""), Products: cleanAll(d.Products),
		Aliases: cleanAll(d.Aliases), Keywords: cleanAll(d.Keywords), Summary: clean(d.Summary),
		Sections: [][]string{}}
	for _, s := range d.Sections {
		r.Sections = append(r.Sections, []string{strings.ToValidUTF8(s.ID, ""), clean(s.Heading), clean(s.Text)})
	}
	return r
}

// Build analyses docs and returns the client index files, sorted by path.
func Build(docs []Doc) ([]File, error) { return Analyze(docs).Files(), nil }

// Files returns the client index files, sorted by path.
func (c *Corpus) Files() []File {
	var files []File
	for _, lc := range c.langs {
		files = append(files, lc.files()...)
	}
	sort.Slice(files, func(a, b int) bool { return files[a].Path < files[b].Path })
	return files
}

func (lc *langCorpus) files() []File {
	L := lc.lang
	var files []File
	add := func(name string, v any) []byte {
		data := wrap(L+"/"+name, v)
		files = append(files, File{Path: "search/" + L + "/" + name, Data: data})
		return data
	}

	// Records, then their version.
	recs := make([][]byte, len(lc.docs))
	parallel(len(lc.docs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			b, _ := json.Marshal(makeRecord(lc.docs[i]))
			recs[i] = b
		}
	})
	h := sha256.New()
	for _, r := range recs {
		h.Write(r)
		h.Write([]byte{0})
	}
	recVer := hex.EncodeToString(h.Sum(nil)[:4])
	for i, r := range recs {
		name := "r/" + strconv.Itoa(i) + "-" + recVer + ".js"
		var b bytes.Buffer
		b.WriteString("(window.KBSearchData=window.KBSearchData||[]).push([")
		nb, _ := json.Marshal(L + "/" + name)
		b.Write(nb)
		b.WriteByte(',')
		b.Write(r)
		b.WriteString("]);\n")
		files = append(files, File{Path: "search/" + L + "/" + name, Data: b.Bytes()})
	}

	m := manifest{V: 1, Lang: L, N: len(lc.docs), RecVer: recVer, Prods: [][]string{}}

	// Products.
	type prod struct {
		name, slug string
		docs       []int32
	}
	pm := map[string]*prod{}
	for d, doc := range lc.docs {
		for k, name := range doc.Products {
			name = clean(name)
			slug := ""
			if k < len(doc.ProductSlugs) {
				slug = doc.ProductSlugs[k]
			}
			if slug == "" {
				slug = strings.Join(words(name), "-")
			}
			slug = strings.ToLower(clean(slug))
			p := pm[name]
			if p == nil {
				p = &prod{name: name, slug: slug}
				pm[name] = p
			}
			if n := len(p.docs); n == 0 || p.docs[n-1] != int32(d) {
				p.docs = append(p.docs, int32(d))
			}
		}
	}
	prods := make([]*prod, 0, len(pm))
	for _, p := range pm {
		prods = append(prods, p)
	}
	sort.Slice(prods, func(a, b int) bool { return prods[a].name < prods[b].name })
	for k, p := range prods {
		var b []byte
		prev := int32(0)
		for _, d := range p.docs {
			b = appendNum(b, int(d-prev))
			prev = d
		}
		data := wrap("", string(b)) // hash of content only
		hs := hash8(data)
		add("p"+strconv.Itoa(k)+"-"+hs+".js", string(b))
		m.Prods = append(m.Prods, []string{p.name, p.slug, hs})
	}

	// Shards: all keys in UTF-16 order, cut into runs of about shardTarget bytes.
	type entry struct {
		key  string
		word int32 // -1 if not a word
		term int32 // -1 if not a term
		ids  []int32
	}
	em := map[string]*entry{}
	get := func(k string) *entry {
		e := em[k]
		if e == nil {
			e = &entry{key: k, word: -1, term: -1}
			em[k] = e
		}
		return e
	}
	for i, w := range lc.wordList {
		get(w).word = int32(i)
	}
	for i, t := range lc.termList {
		get(t).term = int32(i)
	}
	for k, ds := range lc.idKeys {
		get(k).ids = ds
	}
	entries := make([]*entry, 0, len(em))
	for _, e := range em {
		entries = append(entries, e)
	}
	sort.Slice(entries, func(a, b int) bool { return cmp16(entries[a].key, entries[b].key) < 0 })
	postStr := make([]string, len(lc.termList))
	parallel(len(postStr), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			postStr[i] = encodePostings(lc.postings[i])
		}
	})
	var groups [][]*entry
	size := 0
	for _, e := range entries {
		es := 0
		if e.word >= 0 {
			es += len(e.key) + 6
		}
		if e.term >= 0 {
			es += len(e.key) + len(postStr[e.term]) + 6
		}
		es += len(e.key) + 6*len(e.ids)
		if len(groups) == 0 || (size+es > shardTarget && size > 0) {
			groups = append(groups, nil)
			size = 0
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], e)
		size += es
	}
	if len(groups) == 0 {
		groups = append(groups, nil)
	}
	for k, g := range groups {
		sd := shardData{W: []string{}, M: []any{}, T: []string{}, P: []string{}}
		local := map[int32]int{}
		for _, e := range g {
			if e.term >= 0 {
				local[e.term] = len(sd.T)
				sd.T = append(sd.T, e.key)
				sd.P = append(sd.P, postStr[e.term])
			}
		}
		ref := func(t int32) any {
			if i, ok := local[t]; ok {
				return i
			}
			return lc.termList[t]
		}
		for _, e := range g {
			if e.word >= 0 {
				sd.W = append(sd.W, e.key)
				ts := lc.wordTerms[e.word]
				switch len(ts) {
				case 0:
					sd.M = append(sd.M, nil)
				case 1:
					sd.M = append(sd.M, ref(ts[0]))
				default:
					l := make([]any, len(ts))
					for i, t := range ts {
						l[i] = ref(t)
					}
					sd.M = append(sd.M, l)
				}
			}
			if len(e.ids) > 0 {
				if sd.I == nil {
					sd.I = map[string][]int32{}
				}
				sd.I[e.key] = e.ids
			}
		}
		start := ""
		if k > 0 {
			start = g[0].key
		}
		data := wrap("", sd)
		hs := hash8(data)
		add("s"+strconv.Itoa(k)+"-"+hs+".js", sd)
		m.Starts = append(m.Starts, start)
		m.Hashes = append(m.Hashes, hs)
	}
	add("manifest.js", m)
	return files
}
