package write

import (
	"io"
	"io/fs"

	"golang.org/x/sys/unix"
)

// writeFile writes data into the file at p, opened with flags besides
// write-only and create: open, write and close, and nothing else.
// os.OpenFile makes five more system calls per file (fcntl to probe and
// clear non-blocking mode, a refused epoll_ctl, ...), and a build writes
// some 38,000 files per 10,000 articles. Errors are *fs.PathError, as
// the os package's.
func writeFile(p string, flags int, data []byte) error {
	fd, err := ignoringEINTR(func() (int, error) {
		return unix.Open(p, unix.O_WRONLY|unix.O_CREAT|unix.O_CLOEXEC|flags, 0o644)
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: p, Err: err}
	}
	for len(data) > 0 {
		n, err := ignoringEINTR(func() (int, error) { return unix.Write(fd, data) })
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: p, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: p, Err: err}
	}
	return nil
}

func ignoringEINTR(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if err != unix.EINTR {
			return n, err
		}
	}
}
