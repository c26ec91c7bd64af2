package theme

import (
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"strings"
	tparse "text/template/parse"

	"kbsite/generator/internal/htmlesc"
)

// After folding, what a page template still computes per page is mostly
// values escaped by html/template: {{.URL}} in an href is the value piped
// through three escapers, each a reflective call of a variadic function.
// fuse replaces the chains htmlesc matches with one call of a function of
// one argument that writes the same bytes: the whole URL-attribute chain,
// and the lone escaper of element text. The output stays byte for byte
// html/template's, for every type of value (TestFusedIsUnfused).

// Names of the fused escapers in a specialised template's functions.
const (
	fusedURLAttr = "_kbsite_urlattr"
	fusedText    = "_kbsite_text"
	fusedAttr    = "_kbsite_attr"
)

var fusedFuncs = template.FuncMap{fusedURLAttr: urlAttr, fusedText: text, fusedAttr: attr}

// fusable are the escaper chains fuse replaces, and with what.
var fusable = []struct {
	chain []string
	with  string
}{
	{urlEscapers, fusedURLAttr},
	{[]string{"_html_template_htmlescaper"}, fusedText},
	{[]string{"_html_template_attrescaper"}, fusedAttr},
}

// fuse rewrites the escaped actions under n.
func fuse(n tparse.Node) {
	walk(n, false, func(n tparse.Node, _ bool) {
		a, ok := n.(*tparse.ActionNode)
		if !ok || len(a.Pipe.Decl) > 0 {
			return
		}
		cmds := a.Pipe.Cmds
		for _, f := range fusable {
			k := len(cmds) - len(f.chain)
			if k < 1 || !slices.Equal(escaperNames(cmds[k:]), f.chain) {
				continue
			}
			cmds[k].Args[0].(*tparse.IdentifierNode).Ident = f.with // the clone's own tree (html/template copies)
			a.Pipe.Cmds = cmds[:k+1]
			return
		}
	})
}

// escaperNames are the functions cmds call, "" for a command that is not
// a lone function name.
func escaperNames(cmds []*tparse.CommandNode) []string {
	names := make([]string, len(cmds))
	for i, c := range cmds {
		if id, ok := c.Args[0].(*tparse.IdentifierNode); ok && len(c.Args) == 1 {
			names[i] = id.Ident
		}
	}
	return names
}

// urlAttr is html/template's urlfilter, urlnormalizer and attrescaper in
// turn: only a template.URL skips the check of the scheme.
func urlAttr(v any) string {
	return htmlesc.URLString(stringify(v))
}

// text is html/template's htmlescaper: template.HTML as it is, anything
// else escaped.
func text(v any) string {
	if h, ok := indirect(v).(template.HTML); ok {
		return string(h)
	}
	s, _ := stringify(v)
	return htmlesc.TextString(s)
}

// attr is html/template's attrescaper. A template.HTML loses its tags
// there, which html/template itself does for the rare theme that puts one
// in an attribute.
func attr(v any) string {
	if _, ok := indirect(v).(template.HTML); ok {
		var b strings.Builder
		if err := htmlAttr.Execute(&b, v); err != nil {
			return ""
		}
		s := b.String()
		return s[len(`<p title="`) : len(s)-len(`">`)]
	}
	s, _ := stringify(v)
	return htmlesc.TextString(s)
}

var htmlAttr = template.Must(template.New("attr").Parse(`<p title="{{.}}">`))

// stringify is the text html/template makes of a value, and whether it is
// a template.URL: a pointer is followed, a string (of any of the template
// types) is itself, and anything else is printed with fmt, through
// pointers to its String or Error method.
func stringify(v any) (string, bool) {
	switch s := indirect(v).(type) {
	case string:
		return s, false
	case template.URL:
		return string(s), true
	case template.HTML, template.CSS, template.HTMLAttr, template.JS, template.JSStr, template.Srcset:
		return reflect.ValueOf(s).String(), false
	}
	if v == nil {
		return "", false
	}
	return fmt.Sprint(toStringer(v)), false
}

// indirect follows pointers from v to a value that is not one.
func indirect(v any) any {
	if v == nil || reflect.TypeOf(v).Kind() != reflect.Pointer {
		return v
	}
	r := reflect.ValueOf(v)
	for r.Kind() == reflect.Pointer && !r.IsNil() {
		r = r.Elem()
	}
	return r.Interface()
}

var (
	stringerType = reflect.TypeFor[fmt.Stringer]()
	errorType    = reflect.TypeFor[error]()
)

// toStringer follows pointers from v until a value with a String or
// Error method, or one that is not a pointer.
func toStringer(v any) any {
	r := reflect.ValueOf(v)
	for !r.Type().Implements(stringerType) && !r.Type().Implements(errorType) && r.Kind() == reflect.Pointer && !r.IsNil() {
		r = r.Elem()
	}
	return r.Interface()
}
