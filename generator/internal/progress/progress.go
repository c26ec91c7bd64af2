// Package progress shows what a long build is doing. On a terminal it
// redraws one status line ("write 4210/10043 pages") once the build has
// run for a second; elsewhere (CI logs, pipes) it stays silent so that
// logs hold only problems and the summary line.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// Reporter receives stage progress. The zero value and nil discard it.
type Reporter struct {
	w       io.Writer
	delay   time.Duration
	start   time.Time
	stage   atomic.Pointer[string]
	done    atomic.Int64
	total   atomic.Int64
	stop    chan struct{}
	stopped sync.WaitGroup
	drawn   bool
}

// IsTerminal reports whether f is a character device (a terminal).
func IsTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// New returns a reporter drawing on w after delay; call Close when done.
func New(w io.Writer, delay time.Duration) *Reporter {
	r := &Reporter{w: w, delay: delay, start: time.Now(), stop: make(chan struct{})}
	r.stopped.Add(1)
	go r.loop()
	return r
}

// Stage starts a stage with a total count (0 when unknown).
func (r *Reporter) Stage(name string, total int) {
	if r == nil {
		return
	}
	r.stage.Store(&name)
	r.done.Store(0)
	r.total.Store(int64(total))
}

// Add records n more items done in the current stage.
func (r *Reporter) Add(n int) {
	if r == nil {
		return
	}
	r.done.Add(int64(n))
}

func (r *Reporter) loop() {
	defer r.stopped.Done()
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
			if time.Since(r.start) >= r.delay {
				r.draw()
			}
		}
	}
}

func (r *Reporter) draw() {
	s := r.stage.Load()
	if s == nil {
		return
	}
	line := *s
	if total := r.total.Load(); total > 0 {
		line = fmt.Sprintf("%s %d/%d", *s, r.done.Load(), total)
	}
	fmt.Fprintf(r.w, "\r\x1b[K%s (%.1fs)", line, time.Since(r.start).Seconds())
	r.drawn = true
}

// Close stops drawing and clears the status line.
func (r *Reporter) Close() {
	if r == nil {
		return
	}
	close(r.stop)
	r.stopped.Wait()
	if r.drawn {
		fmt.Fprint(r.w, "\r\x1b[K")
	}
}
