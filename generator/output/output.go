// Package output writes a build into a fresh folder beside the output folder
// and swaps it in only when the whole build succeeded, so readers and doc
// writers never see a half-written site, and a failed or killed build leaves
// the previous one exactly as it was.
package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// Dir is a staging folder for one build.
type Dir struct {
	final string // the output folder, e.g. public
	Stage string // where files are written until Commit
	lock  *os.File
}

// ErrLocked is returned when another build holds the output folder.
var ErrLocked = errors.New("another kbsite build is writing to this output folder")

// Begin takes the output folder's lock and creates a staging folder beside
// it. Stale staging folders left by killed builds are removed.
func Begin(final string) (*Dir, error) {
	final = filepath.Clean(final)
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	base := filepath.Base(final)
	lockPath := filepath.Join(parent, "."+base+".lock")
	lf, err := os.OpenFile(lockPath, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(lf.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		lf.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s); wait for it to finish", ErrLocked, final)
		}
		return nil, err
	}
	lf.Truncate(0)
	lf.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)

	// Anything staged by an earlier, killed build is garbage now.
	old, _ := filepath.Glob(filepath.Join(parent, "."+base+".kbsite-*"))
	for _, o := range old {
		os.RemoveAll(o)
	}
	stage, err := os.MkdirTemp(parent, "."+base+".kbsite-")
	if err != nil {
		unlock(lf)
		return nil, err
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		unlock(lf)
		return nil, err
	}
	return &Dir{final: final, Stage: stage, lock: lf}, nil
}

// Path returns where a site-relative path is staged. It refuses paths
// that would leave the staging folder.
func (d *Dir) Path(rel string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(rel))
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("output path %q leaves the output folder", rel)
	}
	return filepath.Join(d.Stage, clean), nil
}

// WriteFile writes data at site-relative path rel, creating folders.
func (d *Dir) WriteFile(rel string, data []byte) error {
	p, err := d.Path(rel)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Commit swaps the staged folder in for the output folder. On Linux the
// swap is one atomic rename (RENAME_EXCHANGE); elsewhere the old folder is
// moved aside first.
func (d *Dir) Commit() error {
	defer unlock(d.lock)
	if err := syncTree(d.Stage); err != nil {
		return err
	}
	if _, err := os.Lstat(d.final); errors.Is(err, os.ErrNotExist) {
		return os.Rename(d.Stage, d.final)
	}
	err := unix.Renameat2(unix.AT_FDCWD, d.Stage, unix.AT_FDCWD, d.final, unix.RENAME_EXCHANGE)
	if err == nil {
		// The stage path now holds the previous site.
		return os.RemoveAll(d.Stage)
	}
	aside := d.Stage + ".old"
	if err := os.Rename(d.final, aside); err != nil {
		return err
	}
	if err := os.Rename(d.Stage, d.final); err != nil {
		os.Rename(aside, d.final)
		return err
	}
	return os.RemoveAll(aside)
}

// Abort throws the staged files away and leaves the output folder as it was.
func (d *Dir) Abort() {
	os.RemoveAll(d.Stage)
	unlock(d.lock)
}

func unlock(f *os.File) {
	if f == nil {
		return
	}
	unix.Flock(int(f.Fd()), unix.LOCK_UN)
	f.Close()
}

// syncTree flushes the staged files so that a crash right after the swap
// cannot leave a site with empty files. One syncfs call covers the whole
// file system, far cheaper than an fsync per page.
func syncTree(root string) error {
	f, err := os.Open(root)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
