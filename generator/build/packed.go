package build

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// packedHTML is an article body's HTML, deflated, as it waits between
// parsing and writing. At 100,000 articles the bodies are about 500 MB as
// text and a fifth of that deflated; each is unpacked once, when its page
// is written, at a small fraction of the cost of rendering it.
type packedHTML []byte

var (
	flaters   = sync.Pool{New: func() any { w, _ := flate.NewWriter(nil, flate.BestSpeed); return w }}
	inflaters = sync.Pool{New: func() any { return flate.NewReader(nil) }}
)

func pack(html []byte) packedHTML {
	var buf bytes.Buffer
	buf.Grow(len(html)/3 + 64)
	w := flaters.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(html) // a bytes.Buffer does not fail
	w.Close()
	flaters.Put(w)
	return bytes.Clone(buf.Bytes()) // not the buffer, which may have grown past it
}

func (p packedHTML) unpack() []byte {
	r := inflaters.Get().(io.ReadCloser)
	r.(flate.Resetter).Reset(bytes.NewReader(p), nil)
	html, err := io.ReadAll(r)
	inflaters.Put(r)
	if err != nil {
		// Only corrupt memory could do this: pack wrote the data.
		panic("build: unpacking an article body: " + err.Error())
	}
	return html
}
