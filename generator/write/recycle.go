package write

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// A build over an existing output folder does not start from an empty
// staging folder: it takes the newest trash folder (the site from the
// build before last, or a killed build's staging folder) as its staging
// folder. A page whose bytes did not change is then not written at all:
// reading and comparing a file costs a tenth of creating it and deleting
// the old one. Changed files are new files, and the output folder itself
// is never written, so it is whole at every instant as before.

// recycled is what a reused staging folder held before the build.
type recycled struct {
	files map[string]bool // absolute paths of the regular files found
	dirs  []string        // the folders found, parents first
	kept  sync.Map        // the files of files this build wrote or left as they were
}

// recycle moves the newest trash folder of the output folder base, if
// there is one, into place as the (empty, just made) staging folder
// stage, and lists what it holds. Only a holder of the lock may call it.
func recycle(parent, base, stage string) *recycled {
	trash := newest(siblings(parent, "."+base+trashInfix))
	// rename(2) replaces the empty stage folder; os.Rename refuses to.
	if trash == "" || syscall.Rename(trash, stage) != nil {
		return nil
	}
	r := &recycled{files: map[string]bool{}}
	filepath.WalkDir(stage, func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil || p == stage:
		case e.IsDir():
			r.dirs = append(r.dirs, p)
		case e.Type().IsRegular():
			r.files[p] = true
		default: // a link or device someone put into a published site: never write through it
			os.Remove(p)
		}
		return nil
	})
	return r
}

// newest is the most recently modified folder of paths, or "".
func newest(paths []string) string {
	best, bestTime := "", int64(0)
	for _, p := range paths {
		if info, err := os.Lstat(p); err == nil && info.IsDir() && (best == "" || info.ModTime().UnixNano() > bestTime) {
			best, bestTime = p, info.ModTime().UnixNano()
		}
	}
	return best
}

// write puts data at p, which the reused folder may hold already. A file
// whose bytes are data is left as it is; anything else at p is removed
// and a new file made, never rewritten in place: a reader that opened the
// old file (a server's cache of open files) keeps reading the old site,
// and a hard link elsewhere keeps its content.
func (r *recycled) write(p string, data []byte) error {
	if r.files[p] {
		r.kept.Store(p, true)
		if unchanged(p, data) {
			return nil
		}
	}
	return createFile(p, data)
}

// unchanged reports whether p is a regular file holding exactly data.
// Like writeFile, it makes the system calls itself: open, fstat, read
// and close.
func unchanged(p string, data []byte) bool {
	fd, err := ignoringEINTR(func() (int, error) { return unix.Open(p, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0) })
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size != int64(len(data)) {
		return false
	}
	bp := readBufs.Get().(*[]byte)
	defer readBufs.Put(bp)
	if cap(*bp) < len(data)+1 {
		*bp = make([]byte, len(data)+1)
	}
	buf := (*bp)[:len(data)+1]
	n := 0
	for n < len(buf) { // one byte more than data, to see the end of the file
		m, err := ignoringEINTR(func() (int, error) { return unix.Read(fd, buf[n:]) })
		if err != nil {
			return false
		}
		if m == 0 {
			break
		}
		n += m
	}
	return n == len(data) && bytes.Equal(buf[:n], data)
}

var readBufs = sync.Pool{New: func() any { return new([]byte) }}

// createFile writes data into a new file at p, first removing whatever
// stands there.
func createFile(p string, data []byte) error {
	err := NewFile(p, data)
	if errors.Is(err, fs.ErrExist) {
		if err := os.RemoveAll(p); err != nil {
			return err
		}
		err = NewFile(p, data)
	}
	return err
}

// NewFile writes data into a file it creates at p, and fails (with
// fs.ErrExist) rather than replace or write through anything there.
func NewFile(p string, data []byte) error { return writeFile(p, unix.O_EXCL, data) }

// prune deletes what the reused folder held that this build did not
// write, then the folders left empty.
func (r *recycled) prune() {
	for p := range r.files {
		if _, ok := r.kept.Load(p); !ok {
			syscall.Unlink(p) // a folder that took the file's place fails, as it should
		}
	}
	sort.Slice(r.dirs, func(i, j int) bool { return len(r.dirs[i]) > len(r.dirs[j]) }) // children first
	for _, d := range r.dirs {
		syscall.Rmdir(d) // fails, as it should, unless empty
	}
}
