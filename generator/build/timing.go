package build

import (
	"sync/atomic"
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

// splitWall divides wall between two parts in proportion to the worker
// time a and b spent in each.
func splitWall(wall time.Duration, a, b int64) (time.Duration, time.Duration) {
	if a+b <= 0 {
		return wall, 0
	}
	x := time.Duration(float64(wall) * float64(a) / float64(a+b))
	return x, wall - x
}

// stopwatch records the wall time of a build's consecutive stages.
type stopwatch struct {
	stages []Stage
	mark   time.Time
}

// stage ends the stage called name.
func (w *stopwatch) stage(name string) {
	now := time.Now()
	w.stages = append(w.stages, Stage{name, now.Sub(w.mark)})
	w.mark = now
}

// stage2 ends a stage of two parts done together by parallel workers.
func (w *stopwatch) stage2(a, b string, ta, tb *atomic.Int64) {
	now := time.Now()
	da, db := splitWall(now.Sub(w.mark), ta.Load(), tb.Load())
	w.stages = append(w.stages, Stage{a, da}, Stage{b, db})
	w.mark = now
}
