package measure

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Deletions remembers when kbbench last deleted many files, and how many,
// so that a timed build can wait until file creation is fast again. On
// ext4 without a journal (this machine's file system) creating files
// costs several times more for minutes after a mass deletion, because
// the allocator steps over recently freed inodes one by one. Measured
// with 100,000 files of 4 KiB in 100 folders: 1.0 s on a settled file
// system; 4.4-6.5 s just after deleting 100,000 files; 2.8 s 65 s later;
// 3.6 s at 125 s; 1.7 s at 365 s (each after a sync). A 100,000-article
// build wrote its pages in 13.9 s 7.5 minutes after kbbench had deleted
// 565,000 files, and in 5.0 s 13 minutes after it had deleted 1,060,000.
// No writer's fresh build follows a mass deletion by seconds, so none is
// timed that way.
//
// The time is kept in a file in kbbench's cache folder too, so that a
// run waits out the deletion the run before ended with.
type Deletions struct {
	stamp  string
	window time.Duration // the wait after deleting 100,000 files
	at     time.Time
	files  int
}

// OpenDeletions reads the last deletion from stamp (a missing or bad file
// is no deletion). window is the wait after 100,000 deleted files; fewer
// files wait proportionally less, and 0 turns waiting off.
func OpenDeletions(stamp string, window time.Duration) *Deletions {
	d := &Deletions{stamp: stamp, window: window}
	if b, err := os.ReadFile(stamp); err == nil {
		f := strings.Fields(string(b))
		if len(f) == 2 {
			sec, err1 := strconv.ParseInt(f[0], 10, 64)
			n, err2 := strconv.Atoi(f[1])
			if err1 == nil && err2 == nil {
				d.at, d.files = time.Unix(sec, 0), n
			}
		}
	}
	return d
}

// Mark records that about files files were deleted just now.
func (d *Deletions) Mark(files int) {
	if files <= 0 {
		return
	}
	// A deletion within the window of the last adds to it.
	if d.wait(time.Now()) > 0 {
		files += d.files
	}
	d.at, d.files = time.Now(), files
	os.WriteFile(d.stamp, fmt.Appendf(nil, "%d %d\n", d.at.Unix(), d.files), 0o644)
}

// wait is how long after now the file system is still settling.
func (d *Deletions) wait(now time.Time) time.Duration {
	if d.at.IsZero() || d.window <= 0 {
		return 0
	}
	w := time.Duration(float64(d.window) * min(1, float64(d.files)/100000))
	return d.at.Add(w).Sub(now)
}

// Settle sleeps until the last deletion's wait is over (or ctx ends) and
// returns how long it slept.
func (d *Deletions) Settle(ctx context.Context) time.Duration {
	w := d.wait(time.Now())
	if w <= 0 {
		return 0
	}
	t := time.NewTimer(w)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
	return w
}

// CountFiles is the number of files and folders under dir, for Mark.
func CountFiles(dir string) int {
	n := -1 // dir itself is not counted
	filepath.WalkDir(dir, func(string, fs.DirEntry, error) error { n++; return nil })
	return max(n, 0)
}
