package write

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"kbsite/generator/internal/progress"
	"kbsite/generator/internal/stopwatch"
	"kbsite/generator/site"
	"kbsite/generator/theme"
)

// Sink is where pages and files go: the staging folder of a full build
// (Dir), or the live output folder in serve mode (Live). WriteFile must
// not keep data after it returns: page buffers are reused.
type Sink interface {
	WriteFile(rel string, data []byte) error
}

// Pages renders pages with a theme into a Sink and counts them.
type Pages struct {
	Theme    *theme.Theme
	Out      Sink
	Progress *progress.Reporter // told of each page; nil for none
	Times    *stopwatch.Times   // render and write time
	count    atomic.Int64
}

// Job renders the page that page() makes with template tmpl. The page is
// made by the job, not before: a page holds its article's finished HTML,
// and making them all first would hold every article's at once.
func (w *Pages) Job(tmpl string, page func() *site.Page) func() error {
	return func() error {
		start := time.Now()
		p := page()
		defer site.Release(p) // after the write: Sinks do not keep the bytes
		buf := pageBufs.Get().(*bytes.Buffer)
		defer pageBufs.Put(buf)
		buf.Reset()
		if err := w.Theme.Render(buf, tmpl, theme.Consts{Lang: p.Lang, Root: p.Root, LangRoot: p.LangRoot, Site: theme.SiteConsts(p.Site)}, p); err != nil {
			return fmt.Errorf("rendering %s with %s.html: %w", p.Path, tmpl, err)
		}
		w.count.Add(1)
		w.Progress.Add(1)
		start = stopwatch.Since(&w.Times.Render, start)
		defer stopwatch.Since(&w.Times.Write, start)
		return w.Out.WriteFile(p.Path, buf.Bytes())
	}
}

// pageBufs hold rendered pages until they are written: a buffer grown
// to a page's size serves the next pages instead of tens of thousands of
// fresh ones for the garbage collector. (Sinks do not keep the bytes.)
var pageBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Count is the number of pages rendered so far.
func (w *Pages) Count() int { return int(w.count.Load()) }
