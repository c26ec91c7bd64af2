package write

import (
	"os"
	"path/filepath"
	"strings"
)

// Deleting the previous site (tens of thousands of files) takes seconds, so
// Commit does not: it renames it, right after the swap, to a trash folder
// beside the output folder (.public.kbsite-old-123), and the next build
// deletes that in the background while it parses (Sweep).
const (
	stageInfix  = ".kbsite-"      // staging folders: .public.kbsite-123
	trashInfix  = ".kbsite-old-"  // trash folders: .public.kbsite-old-123
	doomedInfix = ".kbsite-gone-" // trash a sweep is deleting: .public.kbsite-gone-123
)

// siblings returns the entries of parent named prefix and a number, as
// os.MkdirTemp names them: the folders of an output folder called
// public.kbsite-x are not public's. (No glob: the output folder's name may
// hold pattern characters.)
func siblings(parent, prefix string) []string {
	entries, _ := os.ReadDir(parent)
	var out []string
	for _, e := range entries {
		id, ok := strings.CutPrefix(e.Name(), prefix)
		if ok && id != "" && strings.Trim(id, "0123456789") == "" {
			out = append(out, filepath.Join(parent, e.Name()))
		}
	}
	return out
}

// trashOf is the trash folder that the staging folder stage of the output
// folder base becomes: .public.kbsite-123 -> .public.kbsite-old-123.
func trashOf(base, stage string) string {
	id := strings.TrimPrefix(filepath.Base(stage), "."+base+stageInfix)
	return filepath.Join(filepath.Dir(stage), "."+base+trashInfix+id)
}

// trashStale sets aside, as trash, the staging folders that killed builds
// left beside the output folder base: each may hold a whole site, too slow
// to delete here. Only a holder of the lock may call it.
func trashStale(parent, base string) {
	for _, stage := range siblings(parent, "."+base+stageInfix) {
		if os.Rename(stage, trashOf(base, stage)) != nil {
			os.RemoveAll(stage)
		}
	}
}

// Sweeper deletes trash folders in the background.
type Sweeper struct{ done chan struct{} }

// Sweep starts deleting the trash folders beside the output folder final
// (the sites earlier builds replaced, and the staging folders of killed
// builds that Begin set aside), all but the newest, which the next build
// reuses (recycle.go). Trash needs no lock: a sweep renames a folder
// before deleting it, and Begin renames the one it reuses, so the two
// never take the same folder.
func Sweep(final string) *Sweeper {
	s := &Sweeper{done: make(chan struct{})}
	go func() {
		defer close(s.done)
		real, err := resolve(final)
		if err != nil {
			return
		}
		parent, base := filepath.Dir(real), filepath.Base(real)
		trash := siblings(parent, "."+base+trashInfix)
		keep := newest(trash)
		for _, t := range trash {
			if t == keep {
				continue
			}
			doomed := filepath.Join(parent, "."+base+doomedInfix+strings.TrimPrefix(filepath.Base(t), "."+base+trashInfix))
			if os.Rename(t, doomed) == nil {
				os.RemoveAll(doomed)
			}
		}
		for _, t := range siblings(parent, "."+base+doomedInfix) {
			os.RemoveAll(t) // what a killed sweep left
		}
	}()
	return s
}

// Wait returns when the sweep is done.
func (s *Sweeper) Wait() { <-s.done }
