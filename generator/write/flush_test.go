package write

import (
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// TestFlusherSyncsUntilStopped: the flusher syncs while the build runs
// and never after Stop returns, which may be called twice.
func TestFlusherSyncsUntilStopped(t *testing.T) {
	var n atomic.Int32
	fl := every(time.Millisecond, func() { n.Add(1) })
	deadline := time.Now().Add(10 * time.Second)
	for n.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	fl.Stop()
	stopped := n.Load()
	if stopped < 3 {
		t.Fatalf("%d syncs in 10 s", stopped)
	}
	time.Sleep(20 * time.Millisecond)
	fl.Stop()
	if n.Load() != stopped {
		t.Errorf("%d syncs after Stop", n.Load()-stopped)
	}
}

// TestStagingFlushesUntilCommit: a staging folder's flusher runs from
// Begin and is done once Commit returns; Abort stops it too.
func TestStagingFlushesUntilCommit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, commit := range []bool{true, false} {
		d, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		select {
		case <-d.flush.done:
			t.Fatal("the flusher is not running after Begin")
		default:
		}
		if commit {
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
		} else {
			d.Abort()
		}
		select {
		case <-d.flush.done:
		default:
			t.Errorf("the flusher still runs after commit=%v", commit)
		}
	}
	if fl := startFlusher(filepath.Join(t.TempDir(), "missing")); fl == nil {
		t.Fatal("no flusher for a missing folder")
	} else {
		fl.Stop() // returns at once
	}
}
