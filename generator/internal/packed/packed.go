// Package packed keeps article bodies deflated while they wait between
// parsing and writing.
package packed

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// HTML is an article body's HTML, deflated, as it waits between parsing
// and writing. At 100,000 articles the bodies are about 500 MB as
// text and a fifth of that deflated; each is unpacked once, when its page
// is written, at a small fraction of the cost of rendering it.
type HTML []byte

var (
	flaters   = sync.Pool{New: func() any { w, _ := flate.NewWriter(nil, flate.BestSpeed); return w }}
	inflaters = sync.Pool{New: func() any { return flate.NewReader(nil) }}
)

// Pack deflates html.
func Pack(html []byte) HTML {
	var buf bytes.Buffer
	buf.Grow(len(html)/3 + 64)
	w := flaters.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(html) // a bytes.Buffer does not fail
	w.Close()
	flaters.Put(w)
	return bytes.Clone(buf.Bytes()) // not the buffer, which may have grown past it
}

// Unpack returns the HTML that Pack was given.
func (p HTML) Unpack() []byte {
	r := inflaters.Get().(io.ReadCloser)
	r.(flate.Resetter).Reset(bytes.NewReader(p), nil)
	html, err := io.ReadAll(r)
	inflaters.Put(r)
	if err != nil {
		// Only corrupt memory could do this: Pack wrote the data.
		panic("packed: unpacking an article body: " + err.Error())
	}
	return html
}
