// Package format is the client search index format that the index writer
// (generator/search), the Go query engine (search/query) and the browser
// engine (templates/assets/search-engine.js) share: the word rules, file
// names and layout, shard routing, number strings, score encoding and ID
// lookup keys. It holds rules and encodings only; it neither builds nor
// searches an index.
//
// Client index layout, per language L under search/L/:
//
//	manifest.js            {"v":2,"lang":L,"n":docs,"c":shards,"g":shards per page,
//	                        "s":[start key of each page's first shard],"h":[page hashes],
//	                        "r":records version,"p":[[product name,slug,hash],...],
//	                        "y":[[article type name,slug,hash],...] (left out if none),
//	                        "q":[the pages themselves, {"s":...,"h":...} each] (left out
//	                        for indexes of more than InlinePages pages)}
//	m<j>-<hash>.js         manifest page j, of shards j*g to j*g+g-1:
//	                        {"s":[shard start keys],"h":[shard hashes]}
//	s<k>-<hash>.js         shard k: every key (surface word, term, ID key) with
//	                        start[k] <= key < start[k+1] (UTF-16 order):
//	                        {"w":[words],"m":[terms of each word: local term index,
//	                        foreign term string, list of those, or null for a stop word],
//	                        "t":[terms],"p":[postings of each term],"i":{idkey:[docs]},
//	                        "x":[[local term index,postings in all,tail hash],...] (left out
//	                        if none)}: a term of many postings holds those of the highest
//	                        scores here, the others (its tail) in t<k>-<i>-<hash>.js
//	t<k>-<i>-<hash>.js     tail of term i of shard k (a number string of postings)
//	p<k>-<hash>.js         docs of product k (a number string)
//	y<k>-<hash>.js         docs of article type k (a number string)
//	r/<doc>-<version>.js   record of doc: {"i":id,"t":title,"u":url,"s":source,
//	                        "p":[products],"a":[aliases],"k":[keywords],"m":summary,
//	                        "y":article type (left out if none),"d":true (an ID made from the
//	                        file's path, not to show; left out otherwise),"x":[[section id,heading,text],...]}
//
// The manifest is two-level because one start key and hash per shard grow
// with the corpus (2,600 shards at 100,000 articles): a query routes a key
// to a page by the page start keys, then to a shard by the page's own, and
// so reads only the pages of the keys it looks up. A small index carries
// its pages in the manifest as well ("q"), which saves a keystroke the
// round trip to a page: a manifest of 16 pages is about 25 KB (8 KB gzip).
// The page files are written either way, so "q" is only a shortcut.
// Every file is a script: (window.KBSearchData=window.KBSearchData||[]).push(["L/file.js",DATA]);
// A number string is a list of integers, each as base-32 digits, most
// significant first, digits 32+v for all but the last, v for the last, over
// numAlphabet; postings are pairs (doc delta, score), product lists doc deltas.
//
// The JSON is written here rather than by encoding/json, byte for byte as
// encoding/json would write the same values (TestJSONLikeEncodingJSON).
package format

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
)

const numAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// AppendNum appends v to a number string.
func AppendNum(b []byte, v int) []byte {
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

// NumLen is len(AppendNum(nil, v)).
func NumLen(v int) int {
	n := 1
	for v >>= 5; v > 0; v >>= 5 {
		n++
	}
	return n
}

// DecodeNums returns the integers of a number string, up to the first
// character that is not a digit.
func DecodeNums(s string) []int {
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

// The script wrapper of every file, around its name and JSON payload.
const (
	FilePrefix = "(window.KBSearchData=window.KBSearchData||[]).push(["
	FileSuffix = "]);\n"
)

// ContentHash is the hash in the name of a file of this JSON payload: that
// of the file with an empty name. The payload may come in parts, which it
// is the concatenation of.
func ContentHash(payload ...[]byte) string {
	h := sha256.New()
	h.Write([]byte(FilePrefix + `"",`))
	for _, p := range payload {
		h.Write(p)
	}
	h.Write([]byte(FileSuffix))
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// FileData is the script registering payload under name. The JSON escapes
// <, >, &, U+2028 and U+2029, so no string can end the script or break
// the literal.
func FileData(name string, payload []byte) []byte {
	return AppendFileData(make([]byte, 0, len(FilePrefix)+len(name)+len(payload)+len(FileSuffix)+8), name, payload)
}

// AppendFileData appends FileData(name, the concatenation of the payload
// parts) to b, for writers that reuse one buffer per file.
func AppendFileData(b []byte, name string, payload ...[]byte) []byte {
	b = append(b, FilePrefix...)
	b = AppendJSONString(b, name)
	b = append(b, ',')
	for _, p := range payload {
		b = append(b, p...)
	}
	return append(b, FileSuffix...)
}

// ParseFile strips the script wrapper of an index file: it returns the
// registered name and the JSON data.
func ParseFile(b []byte) (string, json.RawMessage, error) {
	i := bytes.Index(b, []byte(".push("))
	j := bytes.LastIndex(b, []byte(");"))
	if i < 0 || j < i {
		return "", nil, errors.New("not a search index file")
	}
	var v []json.RawMessage
	if err := json.Unmarshal(b[i+6:j], &v); err != nil || len(v) != 2 {
		return "", nil, errors.New("not a search index file")
	}
	var name string
	if err := json.Unmarshal(v[0], &name); err != nil {
		return "", nil, err
	}
	return name, v[1], nil
}

// RecordName is the name of the record file of doc d, in records version ver.
func RecordName(d int, ver string) string {
	return "r/" + strconv.Itoa(d) + "-" + ver + ".js"
}

// PageName is the name of manifest page j, of content hash hash.
func PageName(j int, hash string) string {
	return "m" + strconv.Itoa(j) + "-" + hash + ".js"
}

// TailName is the name of the tail of local term i of shard k, of
// content hash hash.
func TailName(k, i int, hash string) string {
	return "t" + strconv.Itoa(k) + "-" + strconv.Itoa(i) + "-" + hash + ".js"
}

// ShardName is the name of shard k, of content hash hash.
func ShardName(k int, hash string) string {
	return "s" + strconv.Itoa(k) + "-" + hash + ".js"
}

// ProdName is the name of the doc list of product k, of content hash hash.
func ProdName(k int, hash string) string {
	return "p" + strconv.Itoa(k) + "-" + hash + ".js"
}

// TypeListName is the name of the doc list of article type k, of content
// hash hash.
func TypeListName(k int, hash string) string {
	return "y" + strconv.Itoa(k) + "-" + hash + ".js"
}

// Route returns the shard holding key among n shards whose start keys
// start gives: the last whose start <= key, in UTF-16 order.
func Route(n int, start func(k int) string, key string) int {
	i := sort.Search(n, func(i int) bool { return Cmp16(start(i), key) > 0 })
	return max(i-1, 0)
}

// Manifest is the manifest file of a language. Starts and Hashes are
// those of its pages; page j lists shards j*Group to j*Group+Group-1.
type Manifest struct {
	V      int        `json:"v"`
	Lang   string     `json:"lang"`
	N      int        `json:"n"`
	Shards int        `json:"c"`
	Group  int        `json:"g"`
	Starts []string   `json:"s"`
	Hashes []string   `json:"h"`
	RecVer string     `json:"r"`
	Prods  [][]string `json:"p"`
	Types  [][]string `json:"y,omitempty"`
	Pages  []Page     `json:"q,omitempty"` // the pages, for at most InlinePages
}

// InlinePages is the most pages a manifest carries inline (Manifest.Pages).
const InlinePages = 16

// Pages is the number of pages a manifest of that many shards and shards
// per page lists.
func Pages(shards, group int) int { return (shards + group - 1) / group }

// AppendJSON appends the JSON of m.
func (m *Manifest) AppendJSON(b []byte) []byte {
	b = append(b, `{"v":`...)
	b = strconv.AppendInt(b, int64(m.V), 10)
	b = append(b, `,"lang":`...)
	b = AppendJSONString(b, m.Lang)
	b = append(b, `,"n":`...)
	b = strconv.AppendInt(b, int64(m.N), 10)
	b = append(b, `,"c":`...)
	b = strconv.AppendInt(b, int64(m.Shards), 10)
	b = append(b, `,"g":`...)
	b = strconv.AppendInt(b, int64(m.Group), 10)
	b = append(b, `,"s":`...)
	b = appendJSONStrings(b, m.Starts)
	b = append(b, `,"h":`...)
	b = appendJSONStrings(b, m.Hashes)
	b = append(b, `,"r":`...)
	b = AppendJSONString(b, m.RecVer)
	b = append(b, `,"p":`...)
	b = appendLists(b, m.Prods)
	if len(m.Types) > 0 {
		b = append(b, `,"y":`...)
		b = appendLists(b, m.Types)
	}
	if len(m.Pages) > 0 {
		b = append(b, `,"q":[`...)
		for i := range m.Pages {
			if i > 0 {
				b = append(b, ',')
			}
			b = m.Pages[i].AppendJSON(b)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendLists appends a list of string lists, null if nil.
func appendLists(b []byte, ls [][]string) []byte { return AppendJSONList(b, ls, appendJSONStrings) }

// Page is a manifest page: the start keys and hashes of its shards.
type Page struct {
	Starts []string `json:"s"`
	Hashes []string `json:"h"`
}

// AppendJSON appends the JSON of p.
func (p *Page) AppendJSON(b []byte) []byte {
	b = append(b, `{"s":`...)
	b = appendJSONStrings(b, p.Starts)
	b = append(b, `,"h":`...)
	b = appendJSONStrings(b, p.Hashes)
	return append(b, '}')
}

// Record is the record file of a doc: what a result shows.
type Record struct {
	ID       string   `json:"i"`
	Title    string   `json:"t"`
	URL      string   `json:"u"`
	Source   string   `json:"s"`
	Products []string `json:"p"`
	Aliases  []string `json:"a"`
	Keywords []string `json:"k"`
	Summary  string   `json:"m"`
	Type     string   `json:"y,omitempty"`
	// IDDerived: the ID was made from the file's path, not written by a
	// writer, so results do not show it.
	IDDerived bool       `json:"d,omitempty"`
	Sections  [][]string `json:"x"`
}
