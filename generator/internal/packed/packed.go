// Package packed keeps article bodies while they wait between parsing and
// writing: as they are for a small site, else compressed, and past a size
// out of the heap.
package packed

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/golang/snappy"
)

// HTML is an article body's HTML, snappy-compressed, as it waits between
// parsing and writing: in memory, or in a Store's file. At 100,000
// articles the bodies are about 470 MB as text and three fifths of that
// packed. Snappy rather than deflate: it packs and unpacks some six
// times faster, which at 10,000 articles saves about a second of CPU for
// 8 MB more (deflate keeps 44%, snappy 61%). Zstandard's fastest level
// keeps deflate's size, but its 256 KiB match table, missing the cache,
// costs half of what it saves. An Unpacked Store's bodies are kept as
// they are. The zero HTML is an empty body.
type HTML struct {
	mem []byte // the packed bytes, unless spilled; the HTML itself when n is unpacked
	s   *Store // where they were spilled; nil: in mem
	off int64
	n   int32
}

// unpacked is HTML.n of a body an unpacking Store keeps as it is.
const unpacked = -1

// scratch holds encoding buffers: snappy wants room for its worst case,
// which the packed body must not keep.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

// encode compresses html into a scratch buffer and passes it to keep,
// which must copy what it keeps.
func encode(html []byte, keep func(enc []byte)) {
	buf := scratch.Get().(*[]byte)
	if n := snappy.MaxEncodedLen(len(html)); cap(*buf) < n {
		*buf = make([]byte, n)
	}
	keep(snappy.Encode((*buf)[:cap(*buf)], html))
	scratch.Put(buf)
}

// Pack compresses html, in memory.
func Pack(html []byte) HTML {
	var p HTML
	encode(html, func(enc []byte) { p.mem = clone(enc) })
	return p
}

// clone copies b into a slice of its length alone.
func clone(b []byte) []byte {
	c := make([]byte, len(b))
	copy(c, b)
	return c
}

// Unpack returns the HTML that Pack was given. A body that cannot be read
// back from its Store's file (a failing disk: the file is ours and
// unlinked) is empty, and the Store's Err says why.
func (p HTML) Unpack() []byte { return p.UnpackTo(nil) }

// UnpackTo is Unpack into dst's memory when it has room, for a caller
// that reuses one buffer for body after body.
func (p HTML) UnpackTo(dst []byte) []byte {
	if p.n == unpacked {
		return append(dst[:0], p.mem...) // a copy: callers reuse what they get
	}
	enc := p.mem
	if p.s != nil {
		buf := scratch.Get().(*[]byte)
		defer scratch.Put(buf)
		if cap(*buf) < int(p.n) {
			*buf = make([]byte, p.n)
		}
		enc = (*buf)[:p.n]
		if _, err := p.s.f.ReadAt(enc, p.off); err != nil {
			p.s.fail(fmt.Errorf("reading an article body back from the temporary file: %w", err))
			return dst[:0]
		}
	}
	if enc == nil {
		return dst[:0]
	}
	html, err := snappy.Decode(dst[:cap(dst)], enc)
	if err != nil {
		if p.s != nil { // the disk gave back other bytes
			p.s.fail(fmt.Errorf("article body corrupt in the temporary file: %w", err))
			return dst[:0]
		}
		// Only corrupt memory could do this: Pack wrote the data.
		panic("packed: unpacking an article body: " + err.Error())
	}
	return html
}

// A Store packs bodies in memory up to a budget and the rest into an
// unlinked temporary file, read back when each page is written: the
// bodies are the largest thing a build holds from parsing to writing
// (283 MB packed at 100,000 articles), and pages in the file system's
// cache are not the build's memory. A site below the budget never
// touches the disk. A nil Store packs in memory. It is safe for
// concurrent use.
type Store struct {
	keep   bool         // keep bodies as they are (Unpacked)
	budget int64        // bytes kept in memory before spilling
	inMem  atomic.Int64 // bytes kept in memory
	end    atomic.Int64 // the file's size
	open   sync.Once
	f      *os.File              // nil: not opened, or cannot be (then all stays in memory)
	err    atomic.Pointer[error] // the first body that could not be read back
}

func (s *Store) fail(err error) { s.err.CompareAndSwap(nil, &err) }

// Err returns why a body could not be read back, if one could not: the
// build that read it must not publish what it wrote from the empty body.
func (s *Store) Err() error {
	if s == nil || s.err.Load() == nil {
		return nil
	}
	return *s.err.Load()
}

// NewStore returns a Store that keeps budget bytes of packed bodies in
// memory.
func NewStore(budget int64) *Store { return &Store{budget: budget} }

// Unpacked returns a Store that keeps bodies in memory as they are, for a
// site small enough that packing them saves less than it costs: at 10,000
// articles, the bodies and section texts take 81 MB as they are and 49 MB
// packed, and packing and unpacking them 0.4 s of CPU.
func Unpacked() *Store { return &Store{keep: true} }

// Pack compresses html, into the file once the memory budget is spent.
func (s *Store) Pack(html []byte) HTML {
	if s == nil {
		return Pack(html)
	}
	if s.keep {
		return HTML{mem: clone(html), n: unpacked}
	}
	var p HTML
	encode(html, func(enc []byte) {
		if s.inMem.Load() < s.budget || !s.spill(enc, &p) {
			s.inMem.Add(int64(len(enc)))
			p.mem = clone(enc)
		}
	})
	return p
}

// spill writes enc at the end of the file and points p at it. It fails
// if the file cannot be made or written (a full disk), and then the body
// stays in memory.
func (s *Store) spill(enc []byte, p *HTML) bool {
	s.open.Do(s.create)
	if s.f == nil {
		return false
	}
	off := s.end.Add(int64(len(enc))) - int64(len(enc))
	if _, err := s.f.WriteAt(enc, off); err != nil {
		return false
	}
	*p = HTML{s: s, off: off, n: int32(len(enc))}
	return true
}

// create opens the file and unlinks it at once, so that nothing is left
// behind however the build ends; where an open file cannot be unlinked
// (Windows), the Store keeps to memory.
func (s *Store) create() {
	f, err := os.CreateTemp("", "kbsite-bodies-*")
	if err != nil {
		return
	}
	if os.Remove(f.Name()) != nil {
		f.Close()
		os.Remove(f.Name())
		return
	}
	s.f = f
	runtime.AddCleanup(s, func(f *os.File) { f.Close() }, f)
}

// Spilled reports whether the body waits in a Store's file.
func (p HTML) Spilled() bool { return p.s != nil }

// Texts are strings packed together, snappy-compressed, in memory or in
// a Store's file: an article's section texts, which wait from parsing to
// the search analysis (346 MB as strings at 100,000 articles, 218 MB
// packed), and its steps, which wait for its page.
type Texts struct {
	enc  HTML
	lens []int32
}

// PackTexts packs ts into s (nil: in memory).
func (s *Store) PackTexts(ts []string) Texts {
	if len(ts) == 0 {
		return Texts{}
	}
	buf := joins.Get().(*[]byte)
	defer joins.Put(buf)
	joined := (*buf)[:0]
	lens := make([]int32, len(ts))
	for i, t := range ts {
		joined = append(joined, t...)
		lens[i] = int32(len(t))
	}
	*buf = joined
	return Texts{enc: s.Pack(joined), lens: lens}
}

// joins hold the strings PackTexts joins before packing them (Pack copies).
var joins = sync.Pool{New: func() any { return new([]byte) }}

// Len is the number of strings packed.
func (p Texts) Len() int { return len(p.lens) }

// Unpack returns the strings PackTexts was given, substrings of one.
func (p Texts) Unpack() []string {
	if len(p.lens) == 0 {
		return nil
	}
	return p.split(p.enc.Unpack()) // b is ours alone and never written again
}

// UnpackInto is Unpack into *buf's memory, grown when short, for a caller
// that copies what it needs of the strings before it reuses *buf: they
// change with it.
func (p Texts) UnpackInto(buf *[]byte) []string {
	if len(p.lens) == 0 {
		return nil
	}
	*buf = p.enc.UnpackTo(*buf)
	return p.split(*buf)
}

// split cuts the joined texts b into the strings packed.
func (p Texts) split(b []byte) []string {
	all := unsafe.String(unsafe.SliceData(b), len(b))
	out := make([]string, len(p.lens))
	if len(all) != p.Size() { // not read back (Store.Err): empty strings
		return out
	}
	off := 0
	for i, n := range p.lens {
		out[i] = all[off : off+int(n)]
		off += int(n)
	}
	return out
}

// Size is the length of the strings packed, together.
func (p Texts) Size() int {
	n := 0
	for _, l := range p.lens {
		n += int(l)
	}
	return n
}
