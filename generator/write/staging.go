// Package write writes a build into a fresh folder beside the output folder
// and swaps it in only when the whole build succeeded, so readers and doc
// writers never see a half-written site, and a failed or killed build leaves
// the previous one exactly as it was.
package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// Dir is a staging folder for one build.
type Dir struct {
	final string // the output folder, e.g. public
	Stage string // where files are written until Commit
	trash string // where Commit moves the previous site
	lock  *os.File
	made  sync.Map // the folders WriteFile made, so that it stats each once
	// old is what the staging folder held when Begin reused a trash
	// folder for it (recycle.go); nil for a new, empty one.
	old   *recycled
	flush flusher
}

// ErrLocked is returned when another build holds the output folder.
var ErrLocked = errors.New("another kbsite build is writing to this output folder")

// Marker is the file kbsite writes into the root of every output folder
// it builds. A non-empty folder without it is someone else's and is never
// replaced. The preview server does not serve dotfiles.
const Marker = ".kbsite"

const markerText = "This folder was built by kbsite; every build replaces all of it.\n"

// ErrUnsafe is matched (errors.Is) by the errors of Check and Begin that
// say the output folder must not be replaced; commands report them as
// usage errors.
var ErrUnsafe = errors.New("unsafe output folder")

type unsafeError string

func (e unsafeError) Error() string        { return string(e) }
func (e unsafeError) Is(target error) bool { return target == ErrUnsafe }

func unsafef(format string, args ...any) error {
	return unsafeError(fmt.Sprintf(format, args...))
}

// Check refuses, before anything is written, an output folder that equals,
// contains or sits inside one of the input folders (after resolving
// symbolic links), and one that Begin would refuse to replace.
func Check(out string, inputs ...string) error {
	real, err := resolve(out)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		if in == "" {
			continue // not given: no folder to protect
		}
		inReal, err := resolve(in)
		if err != nil {
			return err
		}
		switch {
		case inReal == real:
			return unsafef("the output folder %s is the input folder %s; building would delete it. Pick another --out", out, in)
		case within(inReal, real):
			return unsafef("the output folder %s is inside the input folder %s; pick an --out outside it", out, in)
		case within(real, inReal):
			return unsafef("the output folder %s contains the input folder %s; building would delete it. Pick another --out", out, in)
		}
	}
	return owned(out, real)
}

func within(root, p string) bool {
	return strings.HasPrefix(p, root+string(filepath.Separator)) || root == string(filepath.Separator) && p != root
}

// resolve returns the absolute path p names once every symbolic link in
// it is followed, also when p (or its target) does not exist yet.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string // trailing components that do not exist yet
	for hops := 0; ; {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if target, err := os.Readlink(abs); err == nil && hops < 40 {
			// A link to a folder that does not exist yet: follow it by hand.
			hops++
			if !filepath.IsAbs(target) {
				target = filepath.Join(filepath.Dir(abs), target)
			}
			abs = target
			continue
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(append([]string{abs}, rest...)...), nil
		}
		rest = append([]string{filepath.Base(abs)}, rest...)
		abs = parent
	}
}

// owned accepts a missing or empty folder, or one holding the Marker. name
// is the folder as the user gave it, real where it resolves to.
func owned(name, real string) error {
	entries, err := os.ReadDir(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		if info, serr := os.Stat(real); serr == nil && !info.IsDir() {
			return unsafef("the output folder %s is a file; pick another --out", name)
		}
		return err
	case len(entries) == 0:
		return nil
	}
	if info, err := os.Lstat(filepath.Join(real, Marker)); err == nil && info.Mode().IsRegular() {
		return nil
	}
	return unsafef("the output folder %s is not empty and was not made by kbsite (it has no %s file), so kbsite will not replace it: "+
		"delete it or pick another --out. A site built by a kbsite older than the marker has none either: delete it once and build again", name, Marker)
}

// Begin takes the output folder's lock and creates a staging folder beside
// it. Stale staging folders left by killed builds become trash. When final
// is a symbolic link, the folder it points to is the one replaced.
func Begin(final string) (*Dir, error) {
	real, err := resolve(final)
	if err != nil {
		return nil, err
	}
	if err := owned(final, real); err != nil {
		return nil, err
	}
	final = real
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

	trashStale(parent, base)
	stage, err := os.MkdirTemp(parent, "."+base+stageInfix)
	if err != nil {
		unlock(lf)
		return nil, err
	}
	d := &Dir{final: final, Stage: stage, trash: trashOf(base, stage), lock: lf, old: recycle(parent, base, stage)}
	if err := os.Chmod(stage, 0o755); err != nil {
		d.Abort()
		return nil, err
	}
	if err := d.WriteFile(Marker, []byte(markerText)); err != nil {
		d.Abort()
		return nil, err
	}
	return d, nil
}

// Path returns where a site-relative path is staged. It refuses paths
// that would leave the staging folder.
func (d *Dir) Path(rel string) (string, error) { return join(d.Stage, rel) }

// join is root/rel for a site-relative path rel, refused when rel would
// leave root. Every write and removal of both writers goes through it.
func join(root, rel string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(rel))
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("output path %q leaves the output folder", rel)
	}
	return filepath.Join(root, clean), nil
}

// WriteFile writes data at site-relative path rel, creating folders.
func (d *Dir) WriteFile(rel string, data []byte) error {
	p, err := d.Path(rel)
	if err != nil {
		return err
	}
	if dir := filepath.Dir(p); dir != d.Stage {
		if _, made := d.made.Load(dir); !made {
			if err := d.mkdirAll(dir); err != nil {
				return err
			}
			d.made.Store(dir, true)
		}
	}
	if d.old != nil {
		err = d.old.write(p, data)
	} else {
		err = writeFile(p, unix.O_TRUNC, data)
	}
	d.flush.wrote(d.Stage, len(data))
	return err
}

// mkdirAll makes folder dir of the staging folder. In a reused staging
// folder a file of the old site may stand where a folder now goes: it
// is removed.
func (d *Dir) mkdirAll(dir string) error {
	err := os.MkdirAll(dir, 0o755)
	if err == nil || d.old == nil {
		return err
	}
	for q := dir; q != d.Stage && len(q) > len(d.Stage); q = filepath.Dir(q) {
		if info, lerr := os.Lstat(q); lerr == nil && !info.IsDir() {
			os.Remove(q)
		}
	}
	return os.MkdirAll(dir, 0o755)
}

// Commit swaps the staged folder in for the output folder and leaves the
// previous site in a trash folder for the next Sweep. On Linux the swap is
// one atomic rename (RENAME_EXCHANGE); elsewhere the old folder is moved
// aside first.
func (d *Dir) Commit() error {
	defer unlock(d.lock)
	if d.old != nil {
		d.old.prune()
	}
	d.flush.wait()
	if err := syncTree(d.Stage); err != nil {
		return err
	}
	if _, err := os.Lstat(d.final); errors.Is(err, os.ErrNotExist) {
		return os.Rename(d.Stage, d.final)
	}
	err := unix.Renameat2(unix.AT_FDCWD, d.Stage, unix.AT_FDCWD, d.final, unix.RENAME_EXCHANGE)
	if err == nil {
		// The stage path now holds the previous site. Should this rename
		// fail, the next Begin sets it aside.
		os.Rename(d.Stage, d.trash)
		return nil
	}
	if err := os.Rename(d.final, d.trash); err != nil {
		return err
	}
	if err := os.Rename(d.Stage, d.final); err != nil {
		os.Rename(d.trash, d.final)
		return err
	}
	return nil
}

// Abort throws the staged files away and leaves the output folder as it
// was. A reused staging folder goes back to the trash, for the next build
// to reuse.
func (d *Dir) Abort() {
	d.flush.wait()
	if d.old == nil || os.Rename(d.Stage, d.trash) != nil {
		os.RemoveAll(d.Stage)
	}
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
