package content

import (
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// decodeYAML parses front matter into root as yaml.Unmarshal does.
//
// yaml.v3 takes some 33 µs and 9 KB of garbage for a nine-line front
// matter, 4% of a 10,000-article build's CPU. Nearly every article's
// front matter is one key per line with a one-line text, a [flow, list]
// or a block list of texts, which simpleYAML reads straight into the node
// tree yaml.v3 makes of it, in a fraction of the time. Everything else
// (comments, nesting, multi-line or escaped text, anything it is not sure
// of) goes to yaml.v3, which stays the authority: TestSimpleYAMLIsYAML
// and FuzzSimpleYAML hold the two to the same trees. The caller calls
// release once done with root: simpleYAML's nodes serve the next article.
func decodeYAML(y []byte, root *yaml.Node) (release func(), err error) {
	nodes := nodeBufs.Get().(*[]yaml.Node)
	release = func() {
		clear((*nodes)[:cap(*nodes)]) // let go of what the tree pointed to
		nodeBufs.Put(nodes)
	}
	if simpleYAML(string(y), root, nodes) {
		return release, nil
	}
	*root = yaml.Node{}
	return release, yaml.Unmarshal(y, root)
}

// nodeBufs hold the node arrays of simpleYAML: a yaml.Node is 100-odd
// bytes and a front matter takes some thirty, which at 10,000 articles
// was 4% of a build's allocations.
var nodeBufs = sync.Pool{New: func() any { return new([]yaml.Node) }}

// simpleYAML parses s into root when s is a block mapping of the simple
// form decodeYAML describes, and reports whether it did. Plain scalars
// get yaml.v3's own empty tag, which Node.ShortTag resolves by yaml.v3's
// rules (!!null, !!bool, !!int, ...); readers ask ShortTag, not Tag. The
// nodes are made in *nodes, grown when short; the tree lasts as long as
// the array is not reused.
func simpleYAML(s string, root *yaml.Node, nodes *[]yaml.Node) bool {
	// One array holds every node: a line makes at most three (a key, a
	// flow sequence and its first item), and each comma one more item.
	lines := strings.Count(s, "\n") + 1
	if need := 3*lines + strings.Count(s, ",") + 2; cap(*nodes) < need {
		*nodes = make([]yaml.Node, 0, need)
	}
	p := yamlNodes{nodes: (*nodes)[:0]}
	mapping := p.node(yaml.MappingNode, 0, 0)
	var pending *yaml.Node // a key whose value starts on the next line
	var seq *yaml.Node     // the block sequence being read
	seqIndent := 0
	for n := 1; s != ""; n++ {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		text := strings.TrimLeft(line, " ")
		indent := len(line) - len(text)
		switch {
		case text == "":
			continue
		case text[0] == '-': // an entry of a block sequence
			if len(text) < 2 || text[1] != ' ' {
				return false
			}
			if pending != nil {
				seq = p.node(yaml.SequenceNode, n, indent+1)
				mapping.Content = append(mapping.Content, pending, seq)
				pending, seqIndent = nil, indent
			}
			if seq == nil || indent != seqIndent {
				return false
			}
			v := strings.TrimLeft(text[1:], " ")
			item := p.scalar(v, n, indent+1+len(text)-len(v))
			if item == nil {
				return false
			}
			seq.Content = append(seq.Content, item)
			continue
		}
		if indent > 0 { // nesting, or text continued
			return false
		}
		p.null(mapping, pending)
		pending, seq = nil, nil
		key, val, ok := strings.Cut(line, ":")
		if !ok || !simpleKey(key) {
			return false
		}
		k := p.node(yaml.ScalarNode, n, 1)
		k.Value = key
		if mapping.Line == 0 {
			mapping.Line, mapping.Column = n, 1
		}
		v := strings.TrimLeft(val, " ")
		if v == "" { // a block sequence on the next lines, or null
			pending = k
			continue
		}
		if len(v) == len(val) {
			return false
		}
		col := len(key) + 1 + len(val) - len(v) + 1 // key and spaces are ASCII
		var value *yaml.Node
		if v[0] == '[' {
			value = p.flow(v, n, col)
		} else {
			value = p.scalar(v, n, col)
		}
		if value == nil {
			return false
		}
		mapping.Content = append(mapping.Content, k, value)
	}
	p.null(mapping, pending)
	if len(mapping.Content) == 0 || p.full {
		return false
	}
	*root = yaml.Node{Kind: yaml.DocumentNode, Line: mapping.Line, Column: 1, Content: []*yaml.Node{mapping}}
	return true
}

// yamlNodes hands out the nodes of one document from one array.
type yamlNodes struct {
	nodes []yaml.Node
	full  bool // the array ran out (only a bug could do this): give up
}

func (p *yamlNodes) node(kind yaml.Kind, line, col int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.full = true
		return &yaml.Node{}
	}
	p.nodes = append(p.nodes, yaml.Node{Kind: kind, Line: line, Column: col})
	return &p.nodes[len(p.nodes)-1]
}

// null adds key, if any, to mapping with an empty value, where yaml.v3
// puts it: just after the colon.
func (p *yamlNodes) null(mapping, key *yaml.Node) {
	if key != nil {
		mapping.Content = append(mapping.Content, key, p.node(yaml.ScalarNode, key.Line, len(key.Value)+2))
	}
}

// simpleKey reports whether key is a plain key such as ms.date or
// translation_key. YAML limits an implicit key to 1024 characters; real
// keys are short, so anything past 128 is left to yaml.v3.
func simpleKey(key string) bool {
	if key == "" || len(key) > 128 || !(isLetter(key[0]) || key[0] == '_') {
		return false
	}
	for i := 1; i < len(key); i++ {
		if c := key[i]; !(isLetter(c) || isDigit(c) || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// scalar is the one-line value v (spaces before it trimmed) at column col,
// or nil when it is not one simpleYAML reads.
func (p *yamlNodes) scalar(v string, line, col int) *yaml.Node {
	v = strings.TrimRight(v, " ")
	if v == "" || !printable(v) {
		return nil
	}
	var style yaml.Style
	switch q := v[0]; q {
	case '\'', '"':
		if len(v) < 2 || v[len(v)-1] != q {
			return nil
		}
		inner := v[1 : len(v)-1]
		if strings.IndexByte(inner, q) >= 0 || strings.IndexByte(inner, '\\') >= 0 {
			return nil
		}
		style, v = yaml.SingleQuotedStyle, inner
		if q == '"' {
			style = yaml.DoubleQuotedStyle
		}
	default:
		if !plainStart(v) || strings.Contains(v, ": ") || strings.Contains(v, " #") || v[len(v)-1] == ':' {
			return nil
		}
	}
	n := p.node(yaml.ScalarNode, line, col)
	n.Style, n.Value = style, v
	return n
}

// flow is the flow sequence v ("[a, b]") at column col, of plain items
// with no quotes, brackets, colons or comment signs, or nil.
func (p *yamlNodes) flow(v string, line, col int) *yaml.Node {
	v = strings.TrimRight(v, " ")
	if len(v) < 2 || v[len(v)-1] != ']' || !printable(v) {
		return nil
	}
	inner := v[1 : len(v)-1]
	if strings.ContainsAny(inner, "[]{}'\"#:") {
		return nil
	}
	seq := p.node(yaml.SequenceNode, line, col)
	seq.Style = yaml.FlowStyle
	if strings.Trim(inner, " ") == "" {
		return seq
	}
	off := 1 // byte offset in v of the item being read
	for item := range strings.SplitSeq(inner, ",") {
		text := strings.Trim(item, " ")
		if text == "" || !plainStart(text) {
			return nil
		}
		lead := len(item) - len(strings.TrimLeft(item, " "))
		n := p.node(yaml.ScalarNode, line, col+utf8.RuneCountInString(v[:off+lead]))
		n.Value = text
		seq.Content = append(seq.Content, n)
		off += len(item) + 1
	}
	return seq
}

// plainStart reports whether v may start a plain scalar: not with one of
// YAML's indicators (nor "-", "?" or ":", which may start one only when
// a character other than a space follows).
func plainStart(v string) bool { return strings.IndexByte("-?:,[]{}#&*!|>'\"%@` ", v[0]) < 0 }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// printable reports whether v holds only characters YAML takes in a
// one-line scalar: no tabs or control characters, none of the Unicode
// line breaks, no byte order mark, valid UTF-8.
func printable(v string) bool {
	for i := 0; i < len(v); {
		c := v[i]
		if c < 0x80 {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(v[i:])
		switch {
		case r == utf8.RuneError && size == 1, r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF,
			r >= 0xD800 && r < 0xE000, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}
