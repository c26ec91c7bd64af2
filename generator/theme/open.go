package theme

import (
	"errors"
	"io/fs"

	"kbsite/generator/internal/diag"
)

// Open reads and parses the templates folder dir (none when "") laid over
// base (Over), reporting a problem as an error diagnostic at its file and
// line, so a template mistake surfaces before any article is read. It
// returns nil on errors.
func Open(dir string, base fs.FS, dl *diag.List) *Theme {
	fsys, err := Over(dir, base)
	if err == nil {
		var th *Theme
		if th, err = Load(fsys); err == nil {
			return th
		}
	}
	var te *Error
	if errors.As(err, &te) {
		dl.Errorf(te.File, te.Line, 0, "%s", te.Msg)
	} else {
		dl.Errorf(dir, 0, 0, "%v", err)
	}
	return nil
}
