// Package parallel splits loops over n items among GOMAXPROCS goroutines,
// for the index writer's and the analysis's per-doc and per-term work.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f on ranges [lo, hi) that cover [0, n), one per goroutine.
func For(n int, f func(lo, hi int)) {
	w := runtime.GOMAXPROCS(0)
	if w > n {
		w = n
	}
	if w <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + w - 1) / w
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() { defer wg.Done(); f(lo, hi) }()
	}
	wg.Wait()
}

// Chunks is For with small chunks handed out in order, for
// work of uneven cost per item.
func Chunks(n, chunk int, f func(lo, hi int)) {
	w := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)
	if w <= 1 {
		f(0, n)
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				f(lo, min(lo+chunk, n))
			}
		}()
	}
	wg.Wait()
}
