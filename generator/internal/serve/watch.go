package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch watches dirs recursively and calls fn with the paths that changed,
// after debounce has passed without further changes (editors save in
// several steps). It returns when ctx is done.
func Watch(ctx context.Context, dirs []string, debounce time.Duration, fn func([]string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	addTree := func(root string) {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				if p != root && ignored(d.Name()) {
					return filepath.SkipDir
				}
				w.Add(p)
			}
			return nil
		})
	}
	for _, d := range dirs {
		addTree(d)
	}
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			if err != nil {
				return err
			}
		case ev := <-w.Events:
			if ignored(filepath.Base(ev.Name)) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(ev.Name)
					// Files created with the folder may predate the watch.
					filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() {
							pending[p] = true
						}
						return nil
					})
				}
			}
			if ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write) {
				continue
			}
			pending[ev.Name] = true
			timer.Reset(debounce)
		case <-timer.C:
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			pending = map[string]bool{}
			fn(paths)
		}
	}
}

// ignored reports editor backups, swap files and hidden files.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".tmp")
}
