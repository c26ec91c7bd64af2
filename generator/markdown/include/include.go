// Package include transcludes DocFX includes before Markdown is parsed:
// a line "[!INCLUDE [title](path)]" is replaced by the lines of the file
// (inside the same blockquote or list prefix), and an inline one by the
// file's text on one line. It keeps, for every line of the result, where
// it came from, so that positions point through the include chain
// ("in included includes/x.md:3:5: ..."), and paths written in an
// included file can be resolved relative to that file.
package include

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"
)

const (
	// maxDepth is how deep includes may nest.
	maxDepth = 8
	// maxSize bounds what a file may expand to, so that files including
	// each other twice over cannot grow without end.
	maxSize = 16 << 20
)

// Open reads a file of the content folder; rel is slash-separated and
// relative to the folder of the article being rendered (it may start with
// "../").
type Open func(rel string) ([]byte, error)

// Problem is a located warning, in the article's lines.
type Problem struct {
	Line, Col int
	Msg       string
}

// Expanded is an article with its includes transcluded.
type Expanded struct {
	Src   []byte
	lines []origin // one per line of Src
}

// origin is where one line of Src came from.
type origin struct {
	file  string // relative to the article's folder; "" for the article
	line  int    // in that file, 1-based; for the article, the file line
	shift int    // runes of container prefix put before the file's line
	site  *site  // the outermost include, nil for the article's own lines
}

// site is where in the article an include is, and the chain of the
// includes between.
type site struct {
	line, col int
	chain     string // "in included a.md:3:1: " for each include between
}

// Loc is a position of Src in the files as written.
type Loc struct {
	Line, Col int    // in the article: the include's position for included lines
	File      string // the included file, "" for the article
	Chain     string // "in included includes/x.md:3:5" (with every include between), or ""
}

var (
	blockRe  = regexp.MustCompile(`^([ \t]*(?:>[ \t]?)*)\[!(?i:include)\s*\[[^\]]*\]\(\s*<?([^)\s>]+)>?\s*\)\s*\]\s*$`)
	inlineRe = regexp.MustCompile(`\[!(?i:include)\s*\[[^\]]*\]\(\s*<?([^)\s>]+)>?\s*\)\s*\]`)
)

// Expand transcludes the includes of body, whose first line is line
// bodyLine of its file. It returns nil when body has none.
func Expand(body []byte, bodyLine int, open Open) (*Expanded, []Problem) {
	if !mayInclude(body) {
		return nil, nil
	}
	x := &expander{open: open, bodyLine: bodyLine}
	x.file("", body, x.bodyLine, "", nil, nil)
	return &Expanded{Src: x.out.Bytes(), lines: x.lines}, x.probs
}

// mayInclude tells whether body, lower-cased, contains "[!include", without
// lower-casing every article: a "[!" followed by ASCII is compared as it
// stands, and only one followed by other text (which may lower-case to
// ASCII: "İ" gives "i") is left to bytes.ToLower.
func mayInclude(body []byte) bool {
	const word = "include"
	for rest := body; ; {
		i := bytes.Index(rest, []byte("[!"))
		if i < 0 {
			return false
		}
		rest = rest[i+2:]
		next := rest[:min(len(rest), len(word))]
		if bytes.IndexFunc(next, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
			return bytes.Contains(bytes.ToLower(body), []byte("[!"+word))
		}
		if bytes.EqualFold(next, []byte(word)) {
			return true
		}
	}
}

type expander struct {
	open     Open
	bodyLine int
	out      bytes.Buffer
	lines    []origin
	probs    []Problem
	full     bool // maxSize reached
}

// file appends the lines of src, from file name where src starts at line
// first, each after prefix.
func (x *expander) file(name string, src []byte, first int, prefix string, stack []string, at *site) {
	var fence []byte
	for i, line := range strings.SplitAfter(string(src), "\n") {
		if line == "" {
			continue
		}
		here := origin{file: name, line: first + i, shift: utf8.RuneCountInString(prefix), site: at}
		text := strings.TrimRight(line, "\r\n")
		if f := fenceOf(text); fence != nil || f != nil {
			if fence == nil {
				fence = f
			} else if f != nil && f[0] == fence[0] && len(f) >= len(fence) {
				fence = nil
			}
			x.emit(prefix+text, here)
			continue
		}
		if m := blockRe.FindStringSubmatch(text); m != nil {
			x.include(name, m[2], prefix+m[1], stack, here, utf8.RuneCountInString(m[1])+1)
			continue
		}
		x.emit(prefix+x.inline(name, text, here), here)
	}
}

// include transcludes dest, written in file name at line here, column
// col; a file it cannot include leaves an empty line and a warning.
func (x *expander) include(name, dest, prefix string, stack []string, here origin, col int) {
	target := Rebase(name, dest)
	data, first, err := x.read(target, stack)
	if err != nil {
		x.warn(here, col, err.Error())
		x.emit(prefix, here)
		return
	}
	inner := x.siteOf(here, col)
	x.file(target, data, first, prefix, append(stack, target), &inner)
}

// siteOf is the article position and chain for an include at here, col.
func (x *expander) siteOf(here origin, col int) site {
	if here.site == nil {
		return site{line: here.line, col: col}
	}
	return site{line: here.site.line, col: here.site.col,
		chain: here.site.chain + fmt.Sprintf("in included %s:%d:%d: ", here.file, here.line, col)}
}

// read returns the text of an included file without its front matter,
// and the line that text starts at.
func (x *expander) read(target string, stack []string) ([]byte, int, error) {
	for _, s := range stack {
		if s == target {
			return nil, 0, fmt.Errorf("include cycle: %s includes itself through %s; not included", target, strings.Join(append(stack, target), " → "))
		}
	}
	if len(stack) >= maxDepth {
		return nil, 0, fmt.Errorf("includes nested deeper than %d; %s not included", maxDepth, target)
	}
	if x.full {
		return nil, 0, fmt.Errorf("includes expand to more than %d MB; %s not included", maxSize>>20, target)
	}
	data, err := x.open(target)
	if err != nil {
		return nil, 0, fmt.Errorf("included file %s cannot be read (%v)", target, err)
	}
	body := stripFrontMatter(data)
	return body, 1 + bytes.Count(data[:len(data)-len(body)], []byte("\n")), nil
}

// inline replaces the inline includes of line with the files' text.
func (x *expander) inline(name, line string, here origin) string {
	if !strings.Contains(strings.ToLower(line), "[!include") {
		return line
	}
	return inlineRe.ReplaceAllStringFunc(line, func(m string) string {
		dest := inlineRe.FindStringSubmatch(m)[1]
		target := Rebase(name, dest)
		data, _, err := x.read(target, nil)
		if err != nil {
			x.warn(here, 1+utf8.RuneCountInString(line[:strings.Index(line, m)]), err.Error())
			return ""
		}
		return strings.Join(strings.Fields(string(data)), " ")
	})
}

func (x *expander) emit(line string, o origin) {
	if x.out.Len()+len(line) > maxSize {
		x.full = true
		return
	}
	x.out.WriteString(line + "\n")
	x.lines = append(x.lines, o)
}

// warn records a problem at column col of line o.
func (x *expander) warn(o origin, col int, msg string) {
	loc := locate(o, col)
	x.probs = append(x.probs, Problem{Line: loc.Line, Col: loc.Col, Msg: prefixed(loc.Chain, msg)})
}

// Locate maps a line and column of Src (line 1 its first) to the files.
func (e *Expanded) Locate(line, col int) Loc {
	if line < 1 || line > len(e.lines) {
		return Loc{Line: line, Col: col}
	}
	return locate(e.lines[line-1], col)
}

func locate(o origin, col int) Loc {
	if o.site == nil {
		return Loc{Line: o.line, Col: col}
	}
	return Loc{Line: o.site.line, Col: o.site.col, File: o.file,
		Chain: fmt.Sprintf("%sin included %s:%d:%d", o.site.chain, o.file, o.line, max(1, col-o.shift))}
}

// prefixed puts the include chain before a message.
func prefixed(chain, msg string) string {
	if chain == "" {
		return msg
	}
	return chain + ": " + msg
}

// Rebase resolves dest, written in file (relative to the article's
// folder; "" for the article), against the article's folder. URLs,
// anchors and rooted paths are left as written.
func Rebase(file, dest string) string {
	if file == "" || dest == "" || strings.ContainsAny(dest[:1], "#/~") {
		return dest
	}
	if i := strings.IndexAny(dest, ":/"); i >= 0 && dest[i] == ':' {
		return dest // a scheme
	}
	return path.Join(path.Dir(file), dest)
}

// stripFrontMatter drops a leading "---" YAML block.
func stripFrontMatter(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if !bytes.HasPrefix(b, []byte("---\n")) && !bytes.HasPrefix(b, []byte("---\r\n")) {
		return b
	}
	rest := b[3:]
	for i := 0; i < len(rest); {
		j := bytes.IndexByte(rest[i:], '\n')
		if j < 0 {
			break
		}
		line := bytes.TrimRight(rest[i:i+j], "\r")
		if i > 0 && string(line) == "---" {
			return rest[i+j+1:]
		}
		i += j + 1
	}
	return b
}

// fenceOf returns the code fence a line opens or closes, or nil.
func fenceOf(line string) []byte {
	t := strings.TrimLeft(line, " \t>")
	n := 0
	for n < len(t) && (t[n] == '`' || t[n] == '~') && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return []byte(t[:n])
}
