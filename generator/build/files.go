package build

import (
	"fmt"
	"math"
	"path"
	"strings"

	"kbsite/generator/content"
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

// fileProblem says why the content file rel, which an article links to,
// may not be published, or "" when it may: it would land on a generated
// page or in a folder the build owns, it is not a kind a help site links
// to, or it is an SVG that could run script.
func (site *Site) fileProblem(rel string) string {
	const move = "rename it, or move it to a folder such as files/"
	if what := site.generatedFile(rel); what != "" {
		return fmt.Sprintf("linked file %s would replace the generated %s (%s); %s", rel, rel, what, move)
	}
	if folder, _, what := site.ownedFolder(rel); folder != "" {
		return fmt.Sprintf("linked file %s would be published in %s, the folder of %s; %s", rel, folder, what, move)
	}
	ext := strings.ToLower(path.Ext(rel))
	if !publishedKinds[ext] {
		return fmt.Sprintf("linked file %s is not published: only images, PDF, text, archives and office documents are, as a browser could run other kinds as pages of this site; link to it as an external URL, or zip it", rel)
	}
	if ext == ".svg" {
		if p := site.svgProblem(rel); p != "" {
			return fmt.Sprintf("linked file %s is not published: %s; an SVG may not carry script, event handlers, foreignObject or references outside the file", rel, p)
		}
	}
	return ""
}

// svgProblem checks an SVG once per build, however many articles link to it.
func (site *Site) svgProblem(rel string) string {
	if v, ok := site.svgChecked.Load(rel); ok {
		return v.(string)
	}
	var msg string
	data, err := readContentFile(site.contentDir, rel)
	if err != nil {
		msg = err.Error()
	} else if p := svgCheck(rel, data); p != nil {
		msg = p.Error()
	}
	site.svgChecked.Store(rel, msg)
	return msg
}

// readContentFile reads a file of the content folder that is not an article.
func readContentFile(contentDir, rel string) ([]byte, error) {
	return content.ReadFile(contentDir, rel, math.MaxInt64)
}

// svgCheck checks data when rel is an SVG.
func svgCheck(rel string, data []byte) *safesvg.Problem {
	if !strings.EqualFold(path.Ext(rel), ".svg") {
		return nil
	}
	return safesvg.Check(data)
}
