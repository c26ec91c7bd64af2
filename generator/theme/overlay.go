package theme

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Over returns the templates folder dir laid over base, file by file: a
// file present in dir is read from there, any other from base, so a
// folder holding only assets/site.css restyles the default theme. Files
// and folders in dir are never read through a symbolic link. dir "" gives
// base alone.
func Over(dir string, base fs.FS) (fs.FS, error) {
	if dir == "" {
		return base, nil
	}
	fi, err := os.Stat(dir)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{File: dir, Msg: "cannot read the templates folder: " + err.Error()}
	}
	if !fi.IsDir() {
		return nil, &Error{File: dir, Msg: "templates must be a folder, not a file"}
	}
	return &overlay{label: dir, top: os.DirFS(dir), base: base}, nil
}

// overlay reads from top where it has the file, otherwise from base.
type overlay struct {
	label     string // the folder's path, to name its files in errors
	top, base fs.FS
}

var errLink = errors.New("symbolic link: links are not followed in templates")

// inTop reports whether top has name. It checks every step of the path
// with Lstat, so neither the file nor a folder above it is a link.
func (o *overlay) inTop(name string) (bool, error) {
	if name == "." {
		return true, nil
	}
	p := ""
	for _, part := range strings.Split(name, "/") {
		p = path.Join(p, part)
		fi, err := fs.Lstat(o.top, p)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		switch mode := fi.Mode(); {
		case mode&fs.ModeSymlink != 0:
			return false, &fs.PathError{Op: "open", Path: p, Err: errLink}
		case !mode.IsDir() && !mode.IsRegular():
			return false, &fs.PathError{Op: "open", Path: p, Err: fmt.Errorf("not a regular file")}
		}
	}
	return true, nil
}

func (o *overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	top, err := o.inTop(name)
	if err != nil {
		return nil, err
	}
	if top {
		return o.top.Open(name)
	}
	return o.base.Open(name)
}

// ReadDir lists a folder of both layers, top's entry winning a name.
func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, err := o.inTop(name)
	if err != nil {
		return nil, err
	}
	under, baseErr := fs.ReadDir(o.base, name)
	if !top {
		return under, baseErr
	}
	entries, err := fs.ReadDir(o.top, name)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Name()] = true
	}
	for _, e := range under {
		if !seen[e.Name()] {
			entries = append(entries, e)
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, nil
}

// where names a theme file in messages: its path in the templates folder
// when it comes from one, else templates/NAME of the default theme.
func where(fsys fs.FS, name string) string {
	if o, ok := fsys.(*overlay); ok {
		if top, err := o.inTop(name); top || err != nil {
			return filepath.Join(o.label, filepath.FromSlash(name))
		}
	}
	return path.Join("templates", name)
}
