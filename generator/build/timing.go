package build

import (
	"sync/atomic"
	"syscall"
	"time"
)

// workTimes adds up the time the workers of the parallel stages spend in
// each part of their work, so that a stage's wall time can be split between
// its parts: reading versus parsing articles, rendering versus writing
// pages.
type workTimes struct{ read, parse, render, write atomic.Int64 }

// since adds the time from start to now to t and returns now.
func since(t *atomic.Int64, start time.Time) time.Time {
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

// stopwatch records the wall and CPU time of a build's consecutive stages.
type stopwatch struct {
	stages []Stage
	mark   time.Time
	cpu    time.Duration // the process's CPU time at mark
}

// newStopwatch starts timing at start.
func newStopwatch(start time.Time) *stopwatch { return &stopwatch{mark: start, cpu: cpuTime()} }

// cpuTime is the user plus system time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// lap returns the wall and CPU time since the mark and moves the mark.
func (w *stopwatch) lap() (time.Duration, time.Duration) {
	now, cpu := time.Now(), cpuTime()
	wall, used := now.Sub(w.mark), cpu-w.cpu
	w.mark, w.cpu = now, cpu
	return wall, used
}

// stage ends the stage called name.
func (w *stopwatch) stage(name string) {
	wall, cpu := w.lap()
	w.stages = append(w.stages, Stage{name, wall, cpu})
}

// stage2 ends a stage of two parts done together by parallel workers. The
// CPU time is split like the wall time, so both parts show the stage's
// utilisation.
func (w *stopwatch) stage2(a, b string, ta, tb *atomic.Int64) {
	wall, cpu := w.lap()
	da, db := splitWall(wall, ta.Load(), tb.Load())
	ca, cb := splitWall(cpu, ta.Load(), tb.Load())
	w.stages = append(w.stages, Stage{a, da, ca}, Stage{b, db, cb})
}
