// Package safesvg decides whether an SVG file may be published as it is.
// Opened on its own, an SVG is a document of the site's origin that runs
// its scripts, so kbsite publishes only SVGs that are pictures: well-formed
// UTF-8 XML with no script, event handler, foreignObject, XHTML or MathML
// element, style import, DOCTYPE internal subset, or reference to anything
// outside the file.
//
// It refuses rather than rewrites. No Go library sanitises SVG (bluemonday
// is for HTML and drops SVG's own elements), and a refusal keeps the
// writer's file byte for byte and tells them what to remove.
package safesvg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Problem is the first thing found that makes an SVG unsafe.
type Problem struct {
	Line, Col int // 1-based, in the SVG file; Col is 0 when unknown
	What      string
}

func (p *Problem) Error() string {
	if p.Col == 0 {
		return fmt.Sprintf("line %d: %s", p.Line, p.What)
	}
	return fmt.Sprintf("line %d:%d: %s", p.Line, p.Col, p.What)
}

// foreign are namespaces whose elements browsers give behaviour inside an
// SVG document (XHTML's script, iframe, a; MathML's href).
var foreign = map[string]bool{"http://www.w3.org/1999/xhtml": true, "http://www.w3.org/1998/Math/MathML": true}

// Check returns nil when data is safe to publish, else the first problem.
// The decoder is strict and has no charset reader, so a declared encoding
// other than UTF-8 or an undeclared entity is refused: the browser and
// this check then read the same characters.
func Check(data []byte) *Problem {
	d := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	d.Strict = true
	style := 0 // depth of <style> elements the decoder is in
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		at := func(format string, args ...any) *Problem {
			return &Problem{Line: line, Col: col, What: fmt.Sprintf(format, args...)}
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return &Problem{Line: se.Line, What: "not well-formed XML: " + se.Msg}
			}
			return at("cannot read it as UTF-8 XML (%s)", strings.TrimPrefix(err.Error(), "xml: "))
		}
		var what string
		switch t := tok.(type) {
		case xml.StartElement:
			what = element(t)
			if strings.EqualFold(t.Name.Local, "style") {
				style++
			}
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "style") {
				style--
			}
		case xml.CharData:
			if style > 0 {
				what = css(string(t))
			}
		case xml.ProcInst:
			if t.Target != "xml" {
				what = fmt.Sprintf("processing instruction <?%s?> (a style sheet can turn the file into a page)", t.Target)
			}
		case xml.Directive:
			if !bytes.HasPrefix(t, []byte("DOCTYPE")) || bytes.ContainsAny(t, "[") {
				what = "a DOCTYPE with declarations (entities can hide markup)"
			}
		}
		if what != "" {
			return at("%s", what)
		}
	}
}

// element returns what is unsafe about one start tag, or "".
func element(t xml.StartElement) string {
	name := strings.ToLower(t.Name.Local)
	switch {
	case foreign[t.Name.Space]:
		return fmt.Sprintf("<%s> element of %s", t.Name.Local, t.Name.Space)
	case name == "script" || name == "foreignobject" || name == "handler" || name == "listener":
		return fmt.Sprintf("<%s> element", t.Name.Local)
	}
	for _, a := range t.Attr {
		if what := attribute(name, a); what != "" {
			return fmt.Sprintf("<%s %s=%.60q>: %s", t.Name.Local, qualified(a.Name), a.Value, what)
		}
	}
	return ""
}

func qualified(n xml.Name) string {
	if n.Space == "http://www.w3.org/1999/xlink" {
		return "xlink:" + n.Local
	}
	return n.Local
}

// attribute returns what is unsafe about attribute a of element elem.
func attribute(elem string, a xml.Attr) string {
	name := strings.ToLower(a.Name.Local)
	v := compact(a.Value)
	switch {
	case a.Name.Space == "xmlns" || name == "xmlns":
		return ""
	case strings.HasPrefix(name, "on"):
		return "event handler"
	case strings.Contains(v, "javascript:") || strings.Contains(v, "vbscript:") || strings.Contains(v, "data:text/html"):
		return "script URL"
	case name == "href" && !internal(v):
		return "reference outside the file (only #id and data:image/png, jpeg, gif or webp are allowed)"
	case name == "attributename" && (strings.HasSuffix(v, "href") || strings.HasPrefix(v, "on")) && animation(elem):
		return "animates a reference or event handler"
	case a.Name.Space != "":
		return "" // an editor's own attribute (inkscape:export-filename="C:\..."), which browsers ignore
	}
	return css(a.Value)
}

func animation(elem string) bool {
	return elem == "set" || strings.HasPrefix(elem, "animate")
}

// internal reports references that stay in the file: fragments and
// embedded raster images, which cannot run script.
func internal(v string) bool {
	if strings.HasPrefix(v, "#") {
		return true
	}
	for _, t := range []string{"png", "jpeg", "gif", "webp"} {
		if strings.HasPrefix(v, "data:image/"+t+";") || strings.HasPrefix(v, "data:image/"+t+",") {
			return true
		}
	}
	return false
}

// css returns what is unsafe in style text (a <style> element, a style
// attribute or a presentation attribute such as fill="url(#g)"), or "".
// Escapes are refused outright: CSS reads "\75 rl(" as "url(".
func css(s string) string {
	v := compact(s)
	switch {
	case strings.Contains(v, `\`):
		return "CSS escape"
	case strings.Contains(v, "@import") || strings.Contains(v, "image-set(") || strings.Contains(v, "-moz-binding") || strings.Contains(v, "expression("):
		return "CSS that loads or runs something"
	}
	for rest := v; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return ""
		}
		rest = strings.TrimLeft(rest[i+4:], `"'`)
		if !strings.HasPrefix(rest, "#") && !internal(rest) {
			return "url() outside the file"
		}
	}
}

// compact lower-cases s and drops whitespace and control characters,
// which browsers skip inside URL schemes ("java\tscript:").
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToLower(s))
}
