// Package export is the index writer: it writes an analysed corpus
// (search/index) as the client index files of search/format, handing each
// file to a write function, and in serve mode applies the corpus's edits
// and returns only the files to write and delete.
package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"sync"

	"kbsite/generator/internal/packed"
	"kbsite/generator/search/fields"
	"kbsite/generator/search/format"
	"kbsite/generator/search/index"
	"kbsite/generator/search/internal/parallel"
)

const shardTarget = 12 << 10 // bytes of raw JSON per shard, roughly

// tierSize is the number of postings of a term its shard holds: those of
// the highest scores. The others, its tail, are in a file of their own,
// read only by a complete search (engine.Options.Complete). At 100,000
// articles a common word has 65,000 postings (230 KB); as-you-type
// searches rank over the top 2,560 (3,072 measured 100.7 KiB per typed query
// at 100k, over the 100 KiB of issue 17; 4,096 106.8 KiB).
var tierSize = 2560

// pageSize is the number of shards a manifest page lists: at 100,000
// articles (about 2,600 shards) the manifest lists 41 pages.
var pageSize = 64

// inlinePages is the most pages the manifest carries itself
// (format.InlinePages; a variable for tests).
var inlinePages = format.InlinePages

var textBufs = sync.Pool{New: func() any { return new([]byte) }}

// appendRecord appends the JSON of the record of d.
func appendRecord(b []byte, d *fields.Doc) []byte {
	b = append(b, `{"i":`...)
	b = format.AppendCleanJSON(b, d.ID)
	b = append(b, `,"t":`...)
	b = format.AppendCleanJSON(b, d.Title)
	b = append(b, `,"u":`...)
	b = format.AppendJSONString(b, strings.ToValidUTF8(d.URL, ""))
	b = append(b, `,"s":`...)
	b = format.AppendJSONString(b, strings.ToValidUTF8(d.Source, ""))
	b = append(b, `,"p":`...)
	b = format.AppendCleanStrings(b, d.Products)
	b = append(b, `,"a":`...)
	b = format.AppendCleanStrings(b, d.Aliases)
	b = append(b, `,"k":`...)
	b = format.AppendCleanStrings(b, d.Keywords)
	b = append(b, `,"m":`...)
	b = format.AppendCleanJSON(b, d.Summary)
	if t := format.Clean(d.Type); t != "" {
		b = append(b, `,"y":`...)
		b = format.AppendJSONString(b, t)
	}
	if d.IDDerived {
		b = append(b, `,"d":true`...)
	}
	b = append(b, `,"x":[`...)
	// The texts are copied into b: one buffer per worker serves doc after
	// doc (at 100,000 articles they are 500 MB of garbage otherwise).
	buf := textBufs.Get().(*[]byte)
	defer textBufs.Put(buf)
	for i, text := range d.SectionTextsInto(buf) {
		s := &d.Sections[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = format.AppendJSONString(b, strings.ToValidUTF8(s.ID, ""))
		b = append(b, ',')
		b = format.AppendCleanJSON(b, s.Heading)
		b = append(b, ',')
		b = format.AppendCleanJSON(b, text)
		b = append(b, ']')
	}
	return append(b, "]}"...)
}

// collect gathers the files an export writes, copying each: an export
// may reuse a file's memory once write returns.
func collect(export func(write func(File) error) error) []File {
	var (
		mu    sync.Mutex
		files []File
	)
	export(func(f File) error {
		mu.Lock()
		files = append(files, File{f.Path, bytes.Clone(f.Data)})
		mu.Unlock()
		return nil
	})
	return files
}

// File is one output file, Path relative to the site root.
type File struct {
	Path string
	Data []byte
}

// Writer writes the client index files of a corpus and keeps what it
// wrote, so that Update returns only what changed. It is not safe for
// concurrent use.
type Writer struct {
	c     *index.Corpus
	langs map[*index.Lang]*langFiles
	early func(File) error // where Records writes; nil: Export writes the records
	fail  firstError       // Records's first failure, which Export returns
}

// New returns the writer of c's files.
func New(c *index.Corpus) *Writer {
	return &Writer{c: c, langs: map[*index.Lang]*langFiles{}}
}

// NewEarly returns a writer that writes the records of each language
// during the analysis, into write: pass its Records method to
// index.AnalyzeEach and the corpus made to Attach, then Export the rest.
// The records are the one file of the index made from the section
// texts, so the texts can go before the postings are built: at 100,000
// articles they are 345 MB of the build's 1.74 GB peak.
func NewEarly(write func(File) error) *Writer {
	return &Writer{langs: map[*index.Lang]*langFiles{}, early: write}
}

// Attach sets the corpus of a writer made by NewEarly.
func (w *Writer) Attach(c *index.Corpus) { w.c = c }

// Records writes the record file of every doc of l, then forgets the
// docs' sections, which nothing after the records reads: serve mode's
// updates render the records of the docs they are given.
func (w *Writer) Records(l *index.Lang) {
	lf := w.lang(l)
	lf.recVer = lf.writeRecords(w.early, &w.fail)
	for _, d := range l.Docs() {
		if d != nil {
			d.Sections, d.Texts = nil, packed.Texts{}
		}
	}
}

// Corpus returns the corpus the writer writes.
func (w *Writer) Corpus() *index.Corpus { return w.c }

// lang returns the files of a language, nil exp if never written.
func (w *Writer) lang(l *index.Lang) *langFiles {
	lf := w.langs[l]
	if lf == nil {
		lf = &langFiles{Lang: l}
		w.langs[l] = lf
	}
	return lf
}

// Export hands every client index file to write, which is called from
// several goroutines at once and must not keep f.Data. Files are made as
// they are written, not all first: at 100,000 articles they are 400 MB.
// Export stops at the first error write returns.
func (w *Writer) Export(write func(f File) error) error {
	if err := w.fail.get(); err != nil {
		return err
	}
	for _, l := range w.c.Langs() {
		if err := w.lang(l).export(write); err != nil {
			return err
		}
	}
	return nil
}

func sortFiles(files []File) {
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
}

// exportState is what the last Export or Update wrote of a language.
type exportState struct {
	recVer   string
	shards   []*shardOut
	pages    []string // hashes of the manifest pages
	prods    []prodOut
	types    []prodOut
	manifest []byte // file data
}

// langFiles is a language and what was last written of it.
type langFiles struct {
	*index.Lang
	exp    *exportState // nil: never written
	recVer string       // the records version, once Records wrote them
}

type shardOut struct {
	start   string
	entries []entry // by key, cmp16 order
	hash    string
	tails   []string // paths of its terms' tail files
}

type prodOut struct{ name, slug, hash string }

// entry is a key of a shard.
type entry struct {
	key  string
	word int32 // -1 if not a word
	term int32 // -1 if not a term
	id   bool  // an ID key: lc.IDKeys()[key]
}

func (lc *langFiles) path(name string) string { return "search/" + lc.Key() + "/" + name }

// recordFile renders the record file of doc d, with the records version
// left blank: the payload is written after room for the prefix and name,
// filled in by setRecordName once the version (a hash of all records) is
// known. Languages and versions are ASCII letters and digits: the name
// needs no escaping.
//
// It renders into buf's memory when that is large enough (nil: new
// memory): a build renders 100,000 records twice, and fresh buffers for
// each were most of what the collector found in use during the analysis.
func (lc *langFiles) recordFile(buf []byte, d int) (data []byte, payload []byte) {
	doc := lc.Docs()[d]
	size := 256 + len(doc.Title) + len(doc.Summary) + len(doc.URL) + len(doc.Source) + doc.Texts.Size()
	for _, s := range doc.Sections {
		size += len(s.ID) + len(s.Heading) + len(s.Text) + 16
	}
	head := len(format.FilePrefix) + len(lc.Key()+"/"+format.RecordName(d, "00000000")) + 3
	b := slices.Grow(buf[:0], head+size)[:head]
	b = appendRecord(b, doc)
	b = append(b, format.FileSuffix...)
	return b, b[head : len(b)-len(format.FileSuffix)]
}

func (lc *langFiles) setRecordName(data []byte, d int, ver string) {
	b := append(data[:0], format.FilePrefix...)
	b = format.AppendJSONString(b, lc.Key()+"/"+format.RecordName(d, ver))
	_ = append(b, ',') // in place: the room left by recordFile
}

// firstError keeps the first error of parallel work.
type firstError struct {
	mu  sync.Mutex
	err error
}

func (e *firstError) set(err error) {
	e.mu.Lock()
	if e.err == nil {
		e.err = err
	}
	e.mu.Unlock()
}

func (e *firstError) get() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err
}

func (lc *langFiles) export(write func(File) error) error {
	var fail firstError
	exp := &exportState{recVer: lc.recVer}
	if exp.recVer == "" {
		exp.recVer = lc.writeRecords(write, &fail)
		if err := fail.get(); err != nil {
			return err
		}
	}
	exp.prods = lc.writeLists(lc.products(), format.ProdName, write, &fail)
	exp.types = lc.writeLists(lc.types(), format.TypeListName, write, &fail)
	if err := fail.get(); err != nil {
		return err
	}

	exp.shards = lc.writeShards(write, &fail)
	if err := fail.get(); err != nil {
		return err
	}

	pages, hashes := lc.pageFiles(exp)
	for _, f := range pages {
		if err := write(f); err != nil {
			return err
		}
	}
	exp.pages = hashes
	exp.manifest = lc.manifestData(exp)
	if err := write(File{Path: lc.path("manifest.js"), Data: exp.manifest}); err != nil {
		return err
	}
	lc.exp = exp
	return nil
}

// writeRecords writes the record of every doc and returns the records
// version. The version is a hash of them all, so they are rendered twice,
// once for the hash and once to write, rather than all held.
func (lc *langFiles) writeRecords(write func(File) error, fail *firstError) (recVer string) {
	sums := make([][sha256.Size]byte, len(lc.Docs()))
	parallel.Chunks(len(lc.Docs()), 64, func(lo, hi int) {
		var buf []byte
		for i := lo; i < hi; i++ {
			if lc.Docs()[i] != nil {
				data, payload := lc.recordFile(buf, i)
				sums[i], buf = sha256.Sum256(payload), data
			}
		}
	})
	h := sha256.New()
	for i := range sums {
		if lc.Docs()[i] != nil {
			h.Write(sums[i][:])
		}
	}
	recVer = hex.EncodeToString(h.Sum(nil)[:4])
	parallel.Chunks(len(lc.Docs()), 64, func(lo, hi int) {
		var buf []byte // write keeps no File.Data
		for i := lo; i < hi && fail.get() == nil; i++ {
			if lc.Docs()[i] == nil {
				continue
			}
			data, _ := lc.recordFile(buf, i)
			buf = data
			lc.setRecordName(data, i, recVer)
			if err := write(File{Path: lc.path(format.RecordName(i, recVer)), Data: data}); err != nil {
				fail.set(err)
			}
		}
	})
	return recVer
}

// writeShards cuts all keys, in UTF-16 order, into runs of about
// shardTarget bytes and writes them as shards.
func (lc *langFiles) writeShards(write func(File) error, fail *firstError) []*shardOut {
	groups := lc.groups()
	shards := make([]*shardOut, len(groups))
	parallel.Chunks(len(groups), 16, func(lo, hi int) {
		var r shardRenderer
		for k := lo; k < hi; k++ {
			so := &shardOut{entries: groups[k]}
			if k > 0 {
				so.start = groups[k][0].key
			}
			shards[k] = so
			for _, f := range lc.renderShard(k, so, &r) {
				if err := write(f); err != nil {
					fail.set(err)
				}
			}
		}
	})
	return shards
}

// groups cuts the keys into the entries of each shard.
func (lc *langFiles) groups() [][]entry {
	entries := lc.entries()
	postLen := make([]int, len(lc.Terms()))
	parallel.For(len(postLen), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if len(lc.Postings(int32(i))) > tierSize {
				postLen[i] = shardTarget // alone in its shard: the words of a prefix do not carry it
			} else {
				postLen[i] = lc.PostingsLen(int32(i))
			}
		}
	})
	var groups [][]entry
	size := 0
	for _, e := range entries {
		es := 0
		if e.word >= 0 {
			es += len(e.key) + 6
		}
		if e.term >= 0 {
			es += len(e.key) + postLen[e.term] + 6
		}
		if e.id {
			es += 6 * len(lc.IDKeys()[e.key])
		}
		es += len(e.key)
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
	return groups
}

// writeLists writes the doc lists of products or types, named by name.
func (lc *langFiles) writeLists(lists []*product, name func(k int, hash string) string, write func(File) error, fail *firstError) []prodOut {
	var out []prodOut
	for k, p := range lists {
		payload := format.AppendJSONString(nil, p.list)
		hs := format.ContentHash(payload)
		n := name(k, hs)
		if err := write(File{Path: lc.path(n), Data: format.FileData(lc.Key()+"/"+n, payload)}); err != nil {
			fail.set(err)
		}
		out = append(out, prodOut{p.name, p.slug, hs})
	}
	return out
}

// pages returns the manifest pages of exp's shards.
func pages(exp *exportState) []format.Page {
	ps := make([]format.Page, format.Pages(len(exp.shards), pageSize))
	for j := range ps {
		p := &ps[j]
		for _, s := range exp.shards[j*pageSize : min((j+1)*pageSize, len(exp.shards))] {
			p.Starts, p.Hashes = append(p.Starts, s.start), append(p.Hashes, s.hash)
		}
	}
	return ps
}

// pageFiles renders the manifest pages of exp's shards and returns them
// with their hashes.
func (lc *langFiles) pageFiles(exp *exportState) ([]File, []string) {
	ps := pages(exp)
	files, hashes := make([]File, len(ps)), make([]string, len(ps))
	for j := range ps {
		payload := ps[j].AppendJSON(nil)
		hashes[j] = format.ContentHash(payload)
		name := format.PageName(j, hashes[j])
		files[j] = File{Path: lc.path(name), Data: format.FileData(lc.Key()+"/"+name, payload)}
	}
	return files, hashes
}

// updateManifest returns the manifest pages and manifest whose content
// changed since exp was last written, and the old pages to delete.
func (lc *langFiles) updateManifest(exp *exportState) (write []File, remove []string) {
	pages, hashes := lc.pageFiles(exp)
	for j, h := range hashes {
		if j < len(exp.pages) && exp.pages[j] == h {
			continue
		}
		write = append(write, pages[j])
		if j < len(exp.pages) {
			remove = append(remove, lc.path(format.PageName(j, exp.pages[j])))
		}
	}
	exp.pages = hashes
	if m := lc.manifestData(exp); !slices.Equal(m, exp.manifest) {
		exp.manifest = m
		write = append(write, File{Path: lc.path("manifest.js"), Data: m})
	}
	return write, remove
}

func (lc *langFiles) manifestData(exp *exportState) []byte {
	m := format.Manifest{V: 2, Lang: lc.Key(), N: len(lc.Docs()), Shards: len(exp.shards), Group: pageSize,
		RecVer: exp.recVer, Prods: [][]string{}, Starts: make([]string, len(exp.pages)), Hashes: exp.pages}
	for j := range exp.pages {
		m.Starts[j] = exp.shards[j*pageSize].start
	}
	if len(exp.pages) <= inlinePages {
		m.Pages = pages(exp)
	}
	for _, p := range exp.prods {
		m.Prods = append(m.Prods, []string{p.name, p.slug, p.hash})
	}
	for _, p := range exp.types {
		m.Types = append(m.Types, []string{p.name, p.slug, p.hash})
	}
	return format.FileData(lc.Key()+"/manifest.js", m.AppendJSON(nil))
}

// product is a product or an article type, with its docs.
type product struct {
	name, slug string
	docs       []int32
	list       string // number string of docs
}

// products returns the products of the live docs by name, with their docs.
func (lc *langFiles) products() []*product {
	return lc.lists(func(doc *fields.Doc, add func(name, slug string)) {
		for k, name := range doc.Products {
			slug := ""
			if k < len(doc.ProductSlugs) {
				slug = doc.ProductSlugs[k]
			}
			add(name, slug)
		}
	})
}

// types returns the article types of the live docs by name, with their docs.
func (lc *langFiles) types() []*product {
	return lc.lists(func(doc *fields.Doc, add func(name, slug string)) {
		if doc.Type != "" {
			add(doc.Type, doc.TypeSlug)
		}
	})
}

// lists returns the lists each live doc is added to, by name, with their
// docs. A list's slug is the first given for its name, or else the name's
// words.
func (lc *langFiles) lists(each func(doc *fields.Doc, add func(name, slug string))) []*product {
	pm := map[string]*product{}
	for d, doc := range lc.Docs() {
		if doc == nil {
			continue
		}
		each(doc, func(name, slug string) {
			name = format.Clean(name)
			p := pm[name]
			if p == nil {
				if slug == "" {
					slug = strings.Join(format.Words(name), "-")
				}
				p = &product{name: name, slug: strings.ToLower(format.Clean(slug))}
				pm[name] = p
			}
			if n := len(p.docs); n == 0 || p.docs[n-1] != int32(d) {
				p.docs = append(p.docs, int32(d))
			}
		})
	}
	prods := make([]*product, 0, len(pm))
	for _, p := range pm {
		prods = append(prods, p)
	}
	slices.SortFunc(prods, func(a, b *product) int { return strings.Compare(a.name, b.name) })
	for _, p := range prods {
		var b []byte
		prev := int32(0)
		for _, d := range p.docs {
			b = format.AppendNum(b, int(d-prev))
			prev = d
		}
		p.list = string(b)
	}
	return prods
}

// entries returns every key of the index (words, terms, ID keys) in cmp16 order.
func (lc *langFiles) entries() []entry {
	entries := make([]entry, 0, len(lc.Words())+len(lc.Terms())/4+len(lc.IDKeys()))
	for i, w := range lc.Words() {
		e := entry{key: w, word: int32(i), term: -1}
		if t, ok := lc.TermID(w); ok {
			e.term = t
		}
		_, e.id = lc.IDKeys()[w]
		entries = append(entries, e)
	}
	for i, t := range lc.Terms() {
		if lc.WordID(t) < 0 {
			e := entry{key: t, word: -1, term: int32(i)}
			_, e.id = lc.IDKeys()[t]
			entries = append(entries, e)
		}
	}
	for k := range lc.IDKeys() {
		w := lc.WordID(k) >= 0
		_, t := lc.TermID(k)
		if !w && !t {
			entries = append(entries, entry{key: k, word: -1, term: -1, id: true})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return format.Cmp16(a.key, b.key) })
	return entries
}

// appendEntries writes one(e) for each entry that keep accepts, separated
// by commas: the elements of one of a shard's parallel lists.
func appendEntries(b []byte, es []entry, keep func(entry) bool, one func([]byte, entry) []byte) []byte {
	n := 0
	for _, e := range es {
		if keep(e) {
			if n > 0 {
				b = append(b, ',')
			}
			n++
			b = one(b, e)
		}
	}
	return b
}

// shardRenderer is the scratch memory of one goroutine rendering shards.
// The files renderShard returns are in it: they are valid until the next
// call. Reusing it keeps the export from allocating while the collector
// marks the analysis's heap: at 100,000 articles the shards and tails
// allocated 780 MB, and 224 MB of it was still held, as floating garbage,
// at the build's peak.
type shardRenderer struct {
	local  map[int32]int
	ids    []string
	tiers  []tier
	buf    []byte   // the shard's payload
	file   []byte   // the shard's file
	tails  [][]byte // by tier: its number string, then its file
	scores []int32  // split's
	head   []index.Posting
	tail   []index.Posting
}

// tailBuf returns tier i's buffer, emptied.
func (r *shardRenderer) tailBuf(i int) []byte {
	for len(r.tails) <= i {
		r.tails = append(r.tails, nil)
	}
	return r.tails[i][:0]
}

// renderShard renders shard k from its entries, with the tail files of
// its terms first and the shard last, and sets its hash and tails.
func (lc *langFiles) renderShard(k int, so *shardOut, r *shardRenderer) []File {
	if r.local == nil {
		r.local = map[int32]int{}
	}
	clear(r.local)
	b := r.buf[:0]
	isWord := func(e entry) bool { return e.word >= 0 }
	isTerm := func(e entry) bool { return e.term >= 0 }
	key := func(b []byte, e entry) []byte { return format.AppendJSONString(b, e.key) }
	b = append(b, `{"w":[`...)
	b = appendEntries(b, so.entries, isWord, key)
	nt := 0
	for _, e := range so.entries {
		if e.term >= 0 {
			r.local[e.term] = nt
			nt++
		}
	}
	ref := func(b []byte, t int32) []byte {
		if i, ok := r.local[t]; ok {
			return strconv.AppendInt(b, int64(i), 10)
		}
		return format.AppendJSONString(b, lc.Terms()[t])
	}
	b = append(b, `],"m":[`...)
	b = appendEntries(b, so.entries, isWord, func(b []byte, e entry) []byte {
		switch ts := lc.WordTerms(e.word); len(ts) {
		case 0:
			return append(b, "null"...)
		case 1:
			return ref(b, ts[0])
		default:
			return format.AppendJSONList(b, ts, ref)
		}
	})
	b = append(b, `],"t":[`...)
	b = appendEntries(b, so.entries, isTerm, key)
	b = append(b, `],"p":[`...)
	r.tiers = r.tiers[:0]
	b = appendEntries(b, so.entries, isTerm, func(b []byte, e entry) []byte {
		b = append(b, '"')
		if len(lc.Postings(e.term)) <= tierSize {
			b = lc.AppendPostings(b, e.term)
		} else {
			head, tail := lc.split(e.term, r)
			b = appendPostings(b, head)
			i := len(r.tiers)
			r.tails[i] = appendPostings(r.tailBuf(i), tail)
			r.tiers = append(r.tiers, tier{local: r.local[e.term], df: len(head) + len(tail), tail: r.tails[i]})
		}
		return append(b, '"')
	})
	b = append(b, ']')
	b, tails := lc.appendTails(b, k, so, r)
	r.ids = r.ids[:0]
	for _, e := range so.entries {
		if e.id && len(lc.IDKeys()[e.key]) > 0 {
			r.ids = append(r.ids, e.key)
		}
	}
	if len(r.ids) > 0 {
		slices.Sort(r.ids) // encoding/json's order of map keys
		b = append(b, `,"i":{`...)
		for i, key := range r.ids {
			if i > 0 {
				b = append(b, ',')
			}
			b = format.AppendJSONString(b, key)
			b = append(b, ':')
			b = format.AppendInts(b, lc.IDKeys()[key])
		}
		b = append(b, '}')
	}
	b = append(b, '}')
	r.buf = b
	so.hash = format.ContentHash(b)
	name := format.ShardName(k, so.hash)
	r.file = format.AppendFileData(r.file[:0], lc.Key()+"/"+name, b)
	return append(tails, File{Path: lc.path(name), Data: r.file})
}

// appendTails appends the "x" list of shard k's tiered terms, if any, and
// returns their tail files, which it sets as so's.
func (lc *langFiles) appendTails(b []byte, k int, so *shardOut, r *shardRenderer) ([]byte, []File) {
	so.tails = so.tails[:0]
	if len(r.tiers) == 0 {
		return b, nil
	}
	var files []File
	b = append(b, `,"x":[`...)
	quote := []byte{'"'}
	for i, t := range r.tiers {
		// The payload is the number string as a JSON string: its alphabet
		// needs no escapes. The file goes after it in the tier's buffer.
		hash := format.ContentHash(quote, t.tail, quote)
		name := format.TailName(k, t.local, hash)
		r.tails[i] = format.AppendFileData(t.tail, lc.Key()+"/"+name, quote, t.tail, quote)
		files = append(files, File{Path: lc.path(name), Data: r.tails[i][len(t.tail):]})
		so.tails = append(so.tails, lc.path(name))
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(t.local), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(t.df), 10)
		b = append(b, ',')
		b = format.AppendJSONString(b, hash)
		b = append(b, ']')
	}
	return append(b, ']'), files
}

// tier is a term of a shard whose tail has a file of its own.
type tier struct {
	local, df int
	tail      []byte // number string
}

// split returns the tierSize postings of term t of the highest scores
// (ties: the lower doc), and the others, both by doc. It finds the
// tierSize-th score and keeps doc order in one pass instead of sorting:
// serve mode splits again every common term of an edited article, and at
// 100,000 articles such a term has a posting in nearly every one. Both
// are in r's memory.
func (lc *langFiles) split(t int32, r *shardRenderer) (head, tail []index.Posting) {
	byDoc := func(a, b index.Posting) int { return int(a.Doc - b.Doc) }
	ps := lc.Postings(t)
	if !slices.IsSortedFunc(ps, byDoc) {
		ps = slices.SortedFunc(slices.Values(ps), byDoc)
	}
	head, tail = splitInto(ps, tierSize, r)
	r.head, r.tail = head, tail
	return head, tail
}

// splitAt splits postings ps (by doc) into the k of the highest scores,
// ties going to the lower doc, and the others, both still by doc.
func splitAt(ps []index.Posting, k int) (head, tail []index.Posting) {
	return splitInto(ps, k, &shardRenderer{})
}

// splitInto is splitAt in r's memory.
func splitInto(ps []index.Posting, k int, r *shardRenderer) (head, tail []index.Posting) {
	scores := append(r.scores[:0], make([]int32, len(ps))...)
	r.scores = scores
	for i, p := range ps {
		scores[i] = p.Score
	}
	cut := kthLargest(scores, k)
	ties := k
	for _, p := range ps {
		if p.Score > cut {
			ties--
		}
	}
	head, tail = r.head[:0], r.tail[:0]
	for _, p := range ps {
		switch {
		case p.Score > cut:
			head = append(head, p)
		case p.Score == cut && ties > 0:
			ties--
			head = append(head, p)
		default:
			tail = append(tail, p)
		}
	}
	return head, tail
}

// kthLargest is the k-th largest of a (1 <= k <= len(a)), which it
// reorders: Hoare's selection.
func kthLargest(a []int32, k int) int32 {
	lo, hi, want := 0, len(a)-1, k-1
	for lo < hi {
		p := a[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for a[i] > p {
				i++
			}
			for a[j] < p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		switch {
		case want <= j:
			hi = j
		case want >= i:
			lo = i
		default:
			return a[want]
		}
	}
	return a[want]
}

// appendPostings appends the number string of postings: pairs (doc
// delta, score).
func appendPostings(b []byte, ps []index.Posting) []byte {
	prev := int32(0)
	for _, p := range ps {
		b = format.AppendNum(b, int(p.Doc-prev))
		b = format.AppendNum(b, int(p.Score))
		prev = p.Doc
	}
	return b
}
