package write

import (
	"sync"
	"sync/atomic"
)

// flushEvery is how many bytes a build writes between background flushes.
const flushEvery = 32 << 20

// flusher starts the disk writes of staged files while the build goes on,
// so that Commit's syncfs, which must finish before the swap, waits only
// for the last few megabytes: without it the kernel keeps a whole site
// dirty in memory (its background threshold is a tenth of RAM) and
// Commit waits for all of it. The flushes run on their own goroutine and
// cost the build no CPU of its own; the device works while pages render.
type flusher struct {
	dirty   atomic.Int64
	running atomic.Bool
	started atomic.Int32 // flushes begun, for tests
	wg      sync.WaitGroup
}

// wrote counts n bytes written under root and starts a flush of root's
// file system when enough are dirty and none is running.
func (f *flusher) wrote(root string, n int) {
	if f.dirty.Add(int64(n)) < flushEvery || !f.running.CompareAndSwap(false, true) {
		return
	}
	f.dirty.Store(0)
	f.started.Add(1)
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		defer f.running.Store(false)
		syncTree(root) // an error here shows again in Commit's own sync
	}()
}

// wait returns when no flush is running.
func (f *flusher) wait() { f.wg.Wait() }
