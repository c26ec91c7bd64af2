package nav

import (
	"errors"
	"io/fs"
	"path/filepath"

	"kbsite/generator/content"
	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/diag"
)

// tocFile is the DocFX table of contents at the root of a content folder.
const tocFile = "toc.yml"

// ReadTOC reads the content folder's toc.yml, with the toc files it names,
// into a tree (FromTOC: find and hostURL lead its hrefs to pages). It
// reports false when the folder has none. Problems are warnings located in
// the toc file.
func ReadTOC(contentDir string, find func(source string) (Article, bool), hostURL func(string) string, dl *diag.List) (*Tree, bool) {
	file := filepath.Join(contentDir, tocFile)
	data, err := content.ReadFile(contentDir, tocFile, content.MaxSize)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			dl.Warnf(file, 0, 0, "cannot read the table of contents: %v", err)
		}
		return nil, false
	}
	toc, problems := docfx.ParseTOC(tocFile, data, func(rel string) ([]byte, bool) {
		b, err := content.ReadFile(contentDir, rel, content.MaxSize)
		return b, err == nil
	})
	for _, p := range problems {
		dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
	}
	tree, missing := FromTOC(toc, find, hostURL)
	for _, p := range missing {
		dl.Warnf(file, p.Line, p.Col, "%s", p.Msg)
	}
	return tree, true
}
