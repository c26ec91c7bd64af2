package export

import (
	"fmt"
	"kbsite/generator/search/index"
	"kbsite/generator/search/related"
	"os"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time (user+system) of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// heapPeak samples the live heap every few milliseconds until stopped.
type heapPeak struct {
	stop chan struct{}
	done chan struct{}
	peak atomic.Uint64
}

func startHeapPeak() *heapPeak {
	h := &heapPeak{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(h.done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s) // does not stop the world
			if v := s[0].Value.Uint64(); v > h.peak.Load() {
				h.peak.Store(v)
			}
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapPeak) Stop() uint64 { close(h.stop); <-h.done; return h.peak.Load() }

// benchPipeline is what a site build does: Analyze, Related(8), Files.
// It reports CPU time per phase (the machine is shared: wall time is noisy)
// and the peak live heap during the pipeline.
var samplePeak = os.Getenv("KBSEARCH_PEAK") != "" // sampling perturbs CPU time a little

func benchPipeline(b *testing.B, n int) {
	docs := genDocs(n)
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var ca, cr, cf, wall time.Duration
	var peak, peakA, peakR, peakF uint64
	phase := func(f func()) (time.Duration, uint64) {
		var hp *heapPeak
		if samplePeak {
			hp = startHeapPeak()
		}
		t0 := cpuTime()
		f()
		t := cpuTime() - t0
		var p uint64
		if hp != nil {
			p = hp.Stop()
		}
		return t, p
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w0 := time.Now()
		var c *index.Corpus
		var files []File
		ta, pa := phase(func() { c = index.Analyze(docs) })
		tr, pr := phase(func() { related.All(c, 8) })
		tf, pf := phase(func() { files = allFiles(New(c)) })
		wall += time.Since(w0)
		ca, cr, cf = ca+ta, cr+tr, cf+tf
		peakA, peakR, peakF = max(peakA, pa), max(peakR, pr), max(peakF, pf)
		peak = max(peak, pa, pr, pf)
		_ = files
		c, files = nil, nil
		runtime.GC()
	}
	b.StopTimer()
	N := float64(b.N)
	b.ReportMetric(float64(ca.Milliseconds())/N, "analyze-cpu-ms")
	b.ReportMetric(float64(cr.Milliseconds())/N, "related-cpu-ms")
	b.ReportMetric(float64(cf.Milliseconds())/N, "files-cpu-ms")
	b.ReportMetric(float64((ca+cr+cf).Milliseconds())/N, "total-cpu-ms")
	b.ReportMetric(float64(wall.Milliseconds())/N, "wall-ms")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	if samplePeak {
		b.ReportMetric(float64(peakA)/(1<<20), "peak-analyze-MiB")
		b.ReportMetric(float64(peakR)/(1<<20), "peak-related-MiB")
		b.ReportMetric(float64(peakF)/(1<<20), "peak-files-MiB")
	}
	b.ReportMetric(float64(base.HeapAlloc)/(1<<20), "docs-heap-MiB")
}

func BenchmarkPipeline1k(b *testing.B)  { benchPipeline(b, 1000) }
func BenchmarkPipeline10k(b *testing.B) { benchPipeline(b, 10000) }

// BenchmarkPipeline100k takes a while: KBSEARCH_100K=1 go test -run XXX -bench Pipeline100k -benchtime 1x
func BenchmarkPipeline100k(b *testing.B) {
	if os.Getenv("KBSEARCH_100K") == "" {
		b.Skip("set KBSEARCH_100K=1")
	}
	benchPipeline(b, 100000)
}

var _ = fmt.Sprint
