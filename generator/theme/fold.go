package theme

import (
	"errors"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"
	tparse "text/template/parse"

	"kbsite/generator/internal/htmlesc"
)

// A page template runs once per page, tens of thousands of times a build,
// and each action costs a reflective call or two whatever it computes.
// Many compute the same thing on every page of one language at one folder
// depth: the UI strings (.T "key", and the scripts' as .JSMessages and
// .TSMessages), the page's .Lang, .Dir, .Root and
// .LangRoot, asset URLs (asset .Root "name", searchtext .Root .Lang) and the site's own values
// (.Site.Title, ...). So each page template is
// specialised once per such Consts: those actions become string constants
// before html/template escapes the set, and a constant the escaper would
// only escape for HTML or a URL attribute becomes plain text after it. The
// output is byte for byte what the unspecialised template writes
// (TestFoldedIsUnfolded).

// Consts are a page's values that the templates may take as constants:
// every page with the same Consts gets the same specialised templates.
type Consts struct {
	Lang     string // the page's language (.Lang; .T and .Dir follow from it)
	Root     string // .Root
	LangRoot string // .LangRoot
	Site     SiteConsts
}

// SiteConsts are the site-wide values every page has as .Site: the same
// fields as site.SiteInfo, which converts to it.
type SiteConsts struct {
	Title, Description, BaseURL string
	Favicon, FaviconType        string
}

// specialised is one page template and its specialisations so far.
type specialised struct {
	master *template.Template // never executed, so that it can be cloned
	th     *Theme
	mu     sync.Mutex
	byKey  map[Consts]*template.Template
}

// get returns the template specialised for c, making it the first time.
func (s *specialised) get(c Consts) (*template.Template, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.byKey[c]; t != nil {
		return t, nil
	}
	t, err := s.master.Clone()
	if err != nil {
		return nil, err
	}
	f := folder{c: c, th: s.th}
	for _, name := range pageContext(t) {
		f.constants(t.Lookup(name).Tree.Root)
	}
	if err := escape(t); err != nil {
		return nil, err
	}
	t.Funcs(fusedFuncs)
	for _, x := range t.Templates() {
		if x.Tree != nil {
			inlineText(x.Tree.Root)
			fuse(x.Tree.Root)
		}
	}
	s.byKey[c] = t
	return t, nil
}

// escape makes html/template escape the set, which it otherwise does on
// the first execution: an execution that stops at its first write.
func escape(t *template.Template) error {
	err := t.ExecuteTemplate(failWriter{}, "base", nil)
	var escErr *template.Error
	if errors.As(err, &escErr) {
		return err
	}
	return nil
}

type failWriter struct{}

var errStop = errors.New("stop")

func (failWriter) Write([]byte) (int, error) { return 0, errStop }

// pageContext names the templates of t in which both dot (at the top
// level) and $ are the page: "base", and those only ever invoked as
// {{template "name" .}} or with $ from such a place.
func pageContext(t *template.Template) []string {
	isPage := map[string]bool{}
	for _, x := range t.Templates() {
		if x.Tree != nil {
			isPage[x.Name()] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for name, page := range isPage {
			walk(t.Lookup(name).Tree.Root, page, func(n tparse.Node, dot bool) {
				c, ok := n.(*tparse.TemplateNode)
				if ok && isPage[c.Name] && (c.Pipe == nil || !isPageArg(c.Pipe, dot, page)) {
					isPage[c.Name] = false
					changed = true
				}
			})
		}
	}
	var out []string
	for name, page := range isPage {
		if page {
			out = append(out, name)
		}
	}
	return out
}

// walk calls visit for every node under n, lists included, with whether
// dot is the page there: a with or range body has another dot, while the
// branch's own pipeline and its else branch see the outer one.
func walk(n tparse.Node, dot bool, visit func(n tparse.Node, dot bool)) {
	if l, ok := n.(*tparse.ListNode); ok && l == nil {
		return
	}
	visit(n, dot)
	switch n := n.(type) {
	case *tparse.ListNode:
		for _, c := range n.Nodes {
			walk(c, dot, visit)
		}
	case *tparse.IfNode:
		walk(n.List, dot, visit)
		walk(n.ElseList, dot, visit)
	case *tparse.WithNode:
		walk(n.List, false, visit)
		walk(n.ElseList, dot, visit)
	case *tparse.RangeNode:
		walk(n.List, false, visit)
		walk(n.ElseList, dot, visit)
	}
}

// isPageArg reports whether pipe is just . or $ while that is the page.
func isPageArg(p *tparse.PipeNode, dot, dollar bool) bool {
	if len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *tparse.DotNode:
		return dot
	case *tparse.VariableNode:
		return dollar && len(a.Ident) == 1 && a.Ident[0] == "$"
	}
	return false
}

// folder turns the actions that only depend on c into constants.
type folder struct {
	c  Consts
	th *Theme
}

// constants rewrites the commands under n, a template where $ is the
// page, given whether dot is.
func (f folder) constants(n tparse.Node) {
	walk(n, true, func(n tparse.Node, dot bool) {
		switch n := n.(type) {
		case *tparse.ActionNode:
			f.pipe(n.Pipe, dot, true)
		case *tparse.TemplateNode:
			f.pipe(n.Pipe, dot, true)
		case *tparse.IfNode:
			f.pipe(n.Pipe, dot, true)
		case *tparse.WithNode:
			f.pipe(n.Pipe, dot, true)
		case *tparse.RangeNode:
			f.pipe(n.Pipe, dot, true)
		}
	})
}

func (f folder) pipe(p *tparse.PipeNode, dot, dollar bool) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*tparse.PipeNode); ok {
				f.pipe(sub, dot, dollar)
			}
		}
		if s, ok := f.value(c, dot, dollar); ok {
			c.Args = []tparse.Node{&tparse.StringNode{NodeType: tparse.NodeString, Pos: c.Pos, Quoted: strconv.Quote(s), Text: s}}
		}
	}
}

// value is the constant a command computes for every page with f.c:
// .T "key" (or $.T "key"), .Lang, .Dir, .JSMessages, .TSMessages, .Root,
// .LangRoot, .Site's fields, asset .Root "name" for an asset the theme
// has, and searchtext .Root .Lang.
func (f folder) value(c *tparse.CommandNode, dot, dollar bool) (string, bool) {
	if id, ok := c.Args[0].(*tparse.IdentifierNode); ok && id.Ident == "asset" && len(c.Args) == 3 {
		root, isField := pageField(c.Args[1], dot, dollar)
		name, isName := c.Args[2].(*tparse.StringNode)
		if !isField || root != "Root" || !isName {
			return "", false
		}
		a, ok := f.th.assets[name.Text]
		return f.c.Root + a.Path, ok
	}
	if id, ok := c.Args[0].(*tparse.IdentifierNode); ok && id.Ident == "searchtext" && len(c.Args) == 3 {
		root, isRoot := pageField(c.Args[1], dot, dollar)
		lang, isLang := pageField(c.Args[2], dot, dollar)
		if !isRoot || root != "Root" || !isLang || lang != "Lang" {
			return "", false
		}
		return f.c.Root + f.th.searchText(f.c.Lang).Path, true
	}
	field, ok := pageField(c.Args[0], dot, dollar)
	if !ok {
		return "", false
	}
	if field == "T" && len(c.Args) == 2 {
		if key, ok := c.Args[1].(*tparse.StringNode); ok {
			return f.th.catalog.T(f.c.Lang, key.Text), true
		}
	}
	if len(c.Args) != 1 {
		return "", false
	}
	switch field {
	case "Lang":
		return f.c.Lang, true
	case "Dir":
		return f.th.catalog.Dir(f.c.Lang), true
	case "JSMessages":
		return f.th.catalog.ScriptJSON(f.c.Lang, "js_"), true
	case "TSMessages":
		return f.th.catalog.ScriptJSON(f.c.Lang, "ts_"), true
	case "Root":
		return f.c.Root, true
	case "LangRoot":
		return f.c.LangRoot, true
	case "Site.Title":
		return f.c.Site.Title, true
	case "Site.Description":
		return f.c.Site.Description, true
	case "Site.BaseURL":
		return f.c.Site.BaseURL, true
	case "Site.Favicon":
		return f.c.Site.Favicon, true
	case "Site.FaviconType":
		return f.c.Site.FaviconType, true
	}
	return "", false
}

// pageField is the name in .Name or $.Name when that is the page's, or
// "Site.Name" for .Site.Name.
func pageField(n tparse.Node, dot, dollar bool) (string, bool) {
	var ident []string
	switch n := n.(type) {
	case *tparse.FieldNode:
		if !dot {
			return "", false
		}
		ident = n.Ident
	case *tparse.VariableNode:
		if !dollar || n.Ident[0] != "$" {
			return "", false
		}
		ident = n.Ident[1:]
	default:
		return "", false
	}
	switch {
	case len(ident) == 1:
		return ident[0], true
	case len(ident) == 2 && ident[0] == "Site":
		return "Site." + ident[1], true
	}
	return "", false
}

// escapers are html/template's escapers that htmlesc matches, by name.
var escapers = map[string]func(*strings.Builder, string){
	"_html_template_htmlescaper":   htmlesc.Text,
	"_html_template_attrescaper":   htmlesc.Text,
	"_html_template_rcdataescaper": htmlesc.Text,
}

// urlEscapers is how html/template escapes a value that starts a quoted
// URL attribute, which htmlesc.URL matches.
var urlEscapers = []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}

// inlineText replaces each escaped action under n that writes a constant
// HTML-escaped with the text it writes.
func inlineText(n tparse.Node) {
	walk(n, false, func(n tparse.Node, _ bool) {
		l, ok := n.(*tparse.ListNode)
		if !ok {
			return
		}
		for i, c := range l.Nodes {
			if a, ok := c.(*tparse.ActionNode); ok {
				if s, ok := constantText(a.Pipe); ok {
					l.Nodes[i] = &tparse.TextNode{NodeType: tparse.NodeText, Pos: a.Pos, Text: []byte(s)}
				}
			}
		}
	})
}

// constantText is what {{"constant" | escaper ...}} writes, when the
// escapers are ones htmlesc matches.
func constantText(p *tparse.PipeNode) (string, bool) {
	if len(p.Decl) > 0 || len(p.Cmds) < 2 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	lit, ok := p.Cmds[0].Args[0].(*tparse.StringNode)
	if !ok {
		return "", false
	}
	var names []string
	for _, c := range p.Cmds[1:] {
		id, ok := c.Args[0].(*tparse.IdentifierNode)
		if len(c.Args) != 1 || !ok {
			return "", false
		}
		names = append(names, id.Ident)
	}
	var b strings.Builder
	if slices.Equal(names, urlEscapers) {
		htmlesc.URL(&b, lit.Text)
		return b.String(), true
	}
	s := lit.Text
	for _, name := range names {
		esc := escapers[name]
		if esc == nil {
			return "", false
		}
		b.Reset()
		esc(&b, s)
		s = b.String()
	}
	return s, true
}
