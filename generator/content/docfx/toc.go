// Package docfx reads the YAML files of DocFX-flavoured documentation (the
// format of Microsoft Learn's repositories) that are not Markdown: the
// table of contents (toc.yml) and YAML pages such as "### YamlMime:FAQ".
//
// In: the file's bytes and its content-relative path. Out: plain structs
// (a navigation tree; a page as Markdown with its metadata) and located
// problems. Nothing here knows about the rest of the build: the caller
// resolves hrefs against its articles and renders the Markdown like any
// article body.
package docfx

import (
	"fmt"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Problem is a located mistake in a YAML file.
type Problem struct {
	Line, Col int
	Msg       string
}

// TOCNode is one entry of a table of contents.
type TOCNode struct {
	Name string
	// Href is the content-relative path of the page the entry opens
	// ("install.md", "tutorials/gpu.md"), an external URL as written
	// ("https://...", or "/cpp/..." for a host-relative link), or "" for a
	// heading that only groups its items.
	Href     string
	External bool
	Expanded bool
	Items    []*TOCNode
	Line     int // where the entry is written, for messages
	Col      int
}

// tocEntry is the YAML shape of one entry.
type tocEntry struct {
	Name      string      `yaml:"name"`
	Href      string      `yaml:"href"`
	TopicHref string      `yaml:"topicHref"`
	Expanded  bool        `yaml:"expanded"`
	Items     []yaml.Node `yaml:"items"`
}

// TOCLoader reads another toc.yml that an entry's href names, by
// content-relative path; ok is false when there is no such file.
type TOCLoader func(rel string) (data []byte, ok bool)

// ParseTOC reads the toc.yml at rel (content-relative, with "/"). Hrefs are
// resolved against its folder. An href naming a folder ("tutorials/") or
// another toc.yml is expanded in place from that folder's toc.yml, read
// through load; cycles and missing files are problems, not failures.
func ParseTOC(rel string, data []byte, load TOCLoader) ([]*TOCNode, []Problem) {
	p := &tocParser{load: load, open: map[string]bool{rel: true}}
	nodes := p.file(rel, data)
	return nodes, p.problems
}

type tocParser struct {
	load     TOCLoader
	open     map[string]bool // toc files being read, for cycle detection
	problems []Problem
}

func (p *tocParser) addf(n *yaml.Node, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	p.problems = append(p.problems, Problem{line, col, fmt.Sprintf(format, args...)})
}

func (p *tocParser) file(rel string, data []byte) []*TOCNode {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		p.addf(nil, "%s: invalid YAML: %v", rel, err)
		return nil
	}
	if len(root.Content) == 0 {
		return nil
	}
	doc := root.Content[0]
	if doc.Kind == yaml.MappingNode { // the "items:" form of a toc
		var top struct {
			Items []yaml.Node `yaml:"items"`
		}
		if err := doc.Decode(&top); err != nil {
			p.addf(doc, "%s: %v", rel, err)
			return nil
		}
		return p.list(rel, top.Items)
	}
	if doc.Kind != yaml.SequenceNode {
		p.addf(doc, "%s: a table of contents is a list of entries with name and href", rel)
		return nil
	}
	items := make([]yaml.Node, len(doc.Content))
	for i, n := range doc.Content {
		items[i] = *n
	}
	return p.list(rel, items)
}

func (p *tocParser) list(rel string, items []yaml.Node) []*TOCNode {
	var out []*TOCNode
	for i := range items {
		if n := p.entry(rel, &items[i]); n != nil {
			out = append(out, n)
		}
	}
	return out
}

func (p *tocParser) entry(rel string, n *yaml.Node) *TOCNode {
	var e tocEntry
	if err := n.Decode(&e); err != nil {
		p.addf(n, "%s: table of contents entry: %v", rel, err)
		return nil
	}
	node := &TOCNode{Name: strings.TrimSpace(e.Name), Expanded: e.Expanded, Line: n.Line, Col: n.Column}
	if node.Name == "" {
		p.addf(n, "%s: table of contents entry has no name", rel)
	}
	href := e.Href
	if e.TopicHref != "" && (href == "" || isTOCRef(href)) {
		// topicHref is the page a heading opens when its href pulls in a
		// nested toc.
		node.Href, node.External = resolveHref(rel, e.TopicHref)
	}
	switch {
	case href == "":
	case isTOCRef(href):
		node.Items = append(node.Items, p.nested(rel, href, n)...)
	default:
		node.Href, node.External = resolveHref(rel, href)
	}
	node.Items = append(node.Items, p.list(rel, e.Items)...)
	return node
}

// nested reads the toc.yml that href names (a folder or a toc file).
func (p *tocParser) nested(rel, href string, at *yaml.Node) []*TOCNode {
	target, _ := resolveHref(rel, href)
	if !strings.HasSuffix(strings.ToLower(target), ".yml") {
		target = path.Join(target, "toc.yml")
	}
	if p.open[target] {
		p.addf(at, "%s: table of contents %s includes itself", rel, target)
		return nil
	}
	data, ok := p.load(target)
	if !ok {
		p.addf(at, "%s: table of contents %s does not exist", rel, target)
		return nil
	}
	p.open[target] = true
	defer delete(p.open, target)
	return p.file(target, data)
}

// isTOCRef reports whether href names another table of contents: a folder
// ("tutorials/") or a toc file.
func isTOCRef(href string) bool {
	if isExternal(href) {
		return false
	}
	clean, _, _ := strings.Cut(href, "#")
	return strings.HasSuffix(clean, "/") || strings.EqualFold(path.Base(clean), "toc.yml") || strings.EqualFold(path.Base(clean), "toc.md")
}

// resolveHref makes href content-relative to the folder of rel, or marks it
// external (a URL, or a host-relative "/path" or "~/path" that only the
// published site can resolve).
func resolveHref(rel, href string) (string, bool) {
	if isExternal(href) {
		return href, true
	}
	frag := ""
	if i := strings.IndexByte(href, '#'); i >= 0 {
		href, frag = href[:i], href[i:]
	}
	return path.Join(path.Dir(rel), href) + frag, false
}

func isExternal(href string) bool {
	if strings.HasPrefix(href, "/") || strings.HasPrefix(href, "~/") {
		return true
	}
	colon := strings.IndexByte(href, ':')
	slash := strings.IndexByte(href, '/')
	return colon > 0 && (slash < 0 || colon < slash)
}
