package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Live writes into the served output folder in serve mode. Each file is
// written beside its final name and renamed over it, so a reader never
// sees half a page.
type Live string

// WriteFile replaces the file at site-relative path rel with data.
func (d Live) WriteFile(rel string, data []byte) error {
	p, err := join(string(d), rel)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp := p + ".kbsite-tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// Remove deletes the file at site-relative path rel; a missing file is
// not an error.
func (d Live) Remove(rel string) error {
	p, err := join(string(d), rel)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Sync brings the published copies of content files from the sorted list
// before to the sorted list after: it publishes the files new in after
// with publish and removes those missing from it, and returns the paths
// it changed.
func (d Live) Sync(before, after []string, publish func(rel string) error) ([]string, error) {
	var changed []string
	for _, f := range after {
		if _, found := slices.BinarySearch(before, f); !found {
			if err := publish(f); err != nil {
				return nil, err
			}
			changed = append(changed, f)
		}
	}
	for _, f := range before {
		if _, found := slices.BinarySearch(after, f); !found {
			if err := d.Remove(f); err != nil {
				return nil, err
			}
			changed = append(changed, f)
		}
	}
	return changed, nil
}

// Prune removes the files at the site-relative paths gone that keep does
// not claim, and returns the paths it removed.
func (d Live) Prune(gone []string, keep func(rel string) bool) ([]string, error) {
	var removed []string
	for _, p := range gone {
		if !keep(p) {
			if err := d.Remove(p); err != nil {
				return nil, err
			}
			removed = append(removed, p)
		}
	}
	return removed, nil
}
