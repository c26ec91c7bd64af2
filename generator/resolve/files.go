package resolve

import (
	"fmt"
	"path"
	"strings"
	"sync"

	"kbsite/generator/internal/safesvg"
)

// publishedKinds are the extensions of the files an article may link to:
// images, PDF, text, archives and office documents, which a browser shows
// or downloads but never runs as a page of the site. SVG is a page when
// opened on its own, so each SVG is checked by safesvg too.
var publishedKinds = map[string]bool{}

func init() {
	for _, ext := range strings.Fields(`.png .jpg .jpeg .gif .webp .avif .bmp .ico .tif .tiff .svg .pdf
		.txt .csv .log .json .yml .yaml .ini .conf .reg .ps1 .bat .cmd .sh
		.zip .7z .gz .tgz .tar .bz2 .xz .rar .cab
		.doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .rtf .vsd .vsdx`) {
		publishedKinds[ext] = true
	}
}

// Files is the rule for the content files articles link to: which may be
// published. One Files serves one build, full or incremental, so each SVG
// is read and checked once however many articles link to it.
type Files struct {
	// Generated says what generated page a site path is ("the home page"),
	// or "".
	Generated func(p string) string
	// Owned says which folder the build owns a site path lies in ("de/kb/")
	// and what the folder holds, or "".
	Owned func(p string) (folder, what string)
	// Read reads a content file.
	Read func(rel string) ([]byte, error)

	svgChecked sync.Map // content-relative SVG path -> problem, "" if none
}

// Problem says why the content file rel, which an article links to, may
// not be published, or "" when it may: it would land on a generated page or
// in a folder the build owns, it is not a kind a help site links to, or it
// is an SVG that could run script.
func (f *Files) Problem(rel string) string {
	const move = "rename it, or move it to a folder such as files/"
	if what := f.Generated(rel); what != "" {
		return fmt.Sprintf("linked file %s would replace the generated %s (%s); %s", rel, rel, what, move)
	}
	if folder, what := f.Owned(rel); folder != "" {
		return fmt.Sprintf("linked file %s would be published in %s, the folder of %s; %s", rel, folder, what, move)
	}
	ext := strings.ToLower(path.Ext(rel))
	if !publishedKinds[ext] {
		return fmt.Sprintf("linked file %s is not published: only images, PDF, text, archives and office documents are, as a browser could run other kinds as pages of this site; link to it as an external URL, or zip it", rel)
	}
	if ext == ".svg" {
		if p := f.svgProblem(rel); p != "" {
			return fmt.Sprintf("linked file %s is not published: %s; an SVG may not carry script, event handlers, foreignObject or references outside the file", rel, p)
		}
	}
	return ""
}

// svgProblem checks an SVG once per build, however many articles link to it.
func (f *Files) svgProblem(rel string) string {
	if v, ok := f.svgChecked.Load(rel); ok {
		return v.(string)
	}
	var msg string
	data, err := f.Read(rel)
	if err != nil {
		msg = err.Error()
	} else if p := svgCheck(rel, data); p != nil {
		msg = p.Error()
	}
	f.svgChecked.Store(rel, msg)
	return msg
}

// Copy publishes the content file rel through write. An SVG is checked
// again on the bytes copied, in case it changed after its links were
// resolved.
func (f *Files) Copy(rel string, write func(rel string, data []byte) error) error {
	data, err := f.Read(rel)
	if err != nil {
		return err
	}
	if p := svgCheck(rel, data); p != nil {
		return fmt.Errorf("%s changed during the build and is no longer safe to publish: %v", rel, p)
	}
	return write(rel, data)
}

// svgCheck checks data when rel is an SVG.
func svgCheck(rel string, data []byte) *safesvg.Problem {
	if !strings.EqualFold(path.Ext(rel), ".svg") {
		return nil
	}
	return safesvg.Check(data)
}
