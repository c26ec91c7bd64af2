// Package workers runs a build's independent jobs (parse an article, render a
// page, copy a file) on all cores. Unlike search/internal/parallel, which
// splits one loop into ranges, the jobs here are of mixed kinds and cost,
// and the first error stops the workers.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Run runs jobs on all cores and returns the first error.
func Run(jobs []func() error) error {
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
		next  atomic.Int64
	)
	for w := 0; w < max(1, runtime.GOMAXPROCS(0)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				if err := jobs[i](); err != nil {
					once.Do(func() { first = err })
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}
