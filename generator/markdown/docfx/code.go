package docfx

// This file is the :::code construct:
//
//	:::code language="python" source="snippets/app.py" range="3-10,12" id="setup":::
//
// shows lines of a file of the content folder as a highlighted code block:
// all of it, the lines of range (1-based, inclusive), or the lines
// between the "<id>" and "</id>" markers DocFX snippets use. highlight=
// is accepted and not shown.

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"kbsite/generator/internal/highlight"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindCode is a :::code snippet.
var KindCode = ast.NewNodeKind("DocFXCode")

// Code is the code a :::code shows.
type Code struct {
	ast.BaseBlock
	Language string
	Code     []byte
}

func (n *Code) Kind() ast.NodeKind         { return KindCode }
func (n *Code) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// CodeSnippets is the extender; Priority orders its transformer.
type CodeSnippets struct{ Priority int }

func (e CodeSnippets) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Transform replaces each :::code directive with its code. Without a
// reader the directives stay, and are reported as unsupported.
func (CodeSnippets) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	r := runOf(pc)
	if r == nil || r.env.Read == nil {
		return
	}
	for _, d := range directives(doc) {
		if d.Name != "code" {
			continue
		}
		at := d.Lines().At(0).Start
		code, err := r.snippet(at, d.Attrs)
		if err != nil {
			r.env.Warn(at, err.Error())
			d.Parent().RemoveChild(d.Parent(), d)
			continue
		}
		c := &Code{Language: d.Attrs["language"], Code: code}
		c.SetLines(d.Lines())
		d.Parent().ReplaceChild(d.Parent(), d, c)
	}
}

// snippet reads the lines a :::code shows.
func (r *run) snippet(at int, a map[string]string) ([]byte, error) {
	if a["source"] == "" {
		return nil, fmt.Errorf(":::code without a source; it is left out")
	}
	data, name, err := r.env.Read(at, a["source"])
	if err != nil {
		return nil, fmt.Errorf(":::code source %s cannot be read (%v); it is left out", name, err)
	}
	lines := strings.SplitAfter(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	switch {
	case a["id"] != "":
		return between(lines, a["id"], name)
	case a["range"] != "":
		return pick(lines, a["range"], name)
	}
	return data, nil
}

// pick returns the lines of ranges "3-5,8,10-" (1-based, inclusive).
func pick(lines []string, ranges, name string) ([]byte, error) {
	var b bytes.Buffer
	for _, part := range strings.Split(ranges, ",") {
		from, to, isRange := strings.Cut(strings.TrimSpace(part), "-")
		f, err1 := strconv.Atoi(from)
		t, err2 := f, error(nil)
		if isRange && to == "" {
			t = len(lines)
		} else if isRange {
			t, err2 = strconv.Atoi(to)
		}
		if err1 != nil || err2 != nil || f < 1 || t < f || f > len(lines) {
			return nil, fmt.Errorf(":::code range %q does not fit %s (%d lines); it is left out", ranges, name, len(lines))
		}
		for _, l := range lines[f-1 : min(t, len(lines))] {
			b.WriteString(l)
		}
	}
	return b.Bytes(), nil
}

// between returns the lines between the "<id>" and "</id>" markers.
func between(lines []string, id, name string) ([]byte, error) {
	open, end := "<"+strings.ToLower(id)+">", "</"+strings.ToLower(id)+">"
	var b bytes.Buffer
	in, found := false, false
	for _, l := range lines {
		low := strings.ToLower(l)
		switch {
		case strings.Contains(low, end):
			in = false
		case strings.Contains(low, open):
			in, found = true, true
		case in:
			b.WriteString(l)
		}
	}
	if !found {
		return nil, fmt.Errorf(":::code id %q: no <%s> marker in %s; it is left out", id, id, name)
	}
	return b.Bytes(), nil
}

func (CodeSnippets) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCode, renderCode)
}

func renderCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*Code)
		highlight.Block(w, n.Language, n.Code)
	}
	return ast.WalkSkipChildren, nil
}
