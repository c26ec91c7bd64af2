package build

import (
	"errors"

	"kbsite"
	"kbsite/generator/internal/diag"
	"kbsite/generator/theme"
)

// loadTheme reads the templates folder dir (none when "") over the default
// theme built into the binary. A problem is an error diagnostic at its
// file and line, and the result is then nil.
func loadTheme(dir string, dl *diag.List) *theme.Theme {
	fsys, err := theme.Over(dir, kbsite.Theme)
	if err == nil {
		var th *theme.Theme
		if th, err = theme.Load(fsys); err == nil {
			return th
		}
	}
	var te *theme.Error
	if errors.As(err, &te) {
		dl.Errorf(te.File, te.Line, 0, "%s", te.Msg)
	} else {
		dl.Errorf(dir, 0, 0, "%v", err)
	}
	return nil
}
