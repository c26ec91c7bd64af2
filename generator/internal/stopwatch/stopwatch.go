// Package stopwatch measures where a build's time goes: the wall and CPU
// time of its consecutive stages, and, inside the parallel stages, the
// worker time spent in each part of their work (reading versus parsing
// articles, rendering versus writing pages), so that a stage's wall time
// can be split between its parts.
package stopwatch

import (
	"sync/atomic"
	"syscall"
	"time"
)

// Stage is the wall time one stage of a build took, and the CPU time (user
// and system, of all threads) the process used meanwhile.
type Stage struct {
	Name    string
	Elapsed time.Duration
	CPU     time.Duration
}

// Times adds up the worker time of the parts of the parallel stages.
type Times struct{ Read, Parse, Render, Write atomic.Int64 }

// Since adds the time from start to now to t and returns now.
func Since(t *atomic.Int64, start time.Time) time.Time {
	now := time.Now()
	t.Add(int64(now.Sub(start)))
	return now
}

// splitWall divides wall (or CPU) time between two parts in proportion to
// the worker time a and b spent in each.
func splitWall(wall time.Duration, a, b int64) (time.Duration, time.Duration) {
	if a+b <= 0 {
		return wall, 0
	}
	x := time.Duration(float64(wall) * float64(a) / float64(a+b))
	return x, wall - x
}

// Watch records the wall and CPU time of a build's consecutive stages.
type Watch struct {
	Stages []Stage
	mark   time.Time
	cpu    time.Duration // the process's CPU time at mark
}

// New starts timing at start.
func New(start time.Time) *Watch { return &Watch{mark: start, cpu: cpuTime()} }

// cpuTime is the user plus system time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// lap returns the wall and CPU time since the mark and moves the mark.
func (w *Watch) lap() (time.Duration, time.Duration) {
	now, cpu := time.Now(), cpuTime()
	wall, used := now.Sub(w.mark), cpu-w.cpu
	w.mark, w.cpu = now, cpu
	return wall, used
}

// Stage ends the stage called name.
func (w *Watch) Stage(name string) {
	wall, cpu := w.lap()
	w.Stages = append(w.Stages, Stage{name, wall, cpu})
}

// Stage2 ends a stage of two parts done together by parallel workers. The
// CPU time is split like the wall time, so both parts show the stage's
// utilisation.
func (w *Watch) Stage2(a, b string, ta, tb *atomic.Int64) {
	wall, cpu := w.lap()
	da, db := splitWall(wall, ta.Load(), tb.Load())
	ca, cb := splitWall(cpu, ta.Load(), tb.Load())
	w.Stages = append(w.Stages, Stage{a, da, ca}, Stage{b, db, cb})
}
