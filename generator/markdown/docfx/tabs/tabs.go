// Package tabs is the tabs construct of DocFX, a goldmark extender:
// headings whose only content is a link to "#tab/id" start the tabs of a
// group, which ends at a "---" line or with its container:
//
//	# [C++](#tab/cpp)
//	...
//	# [C#](#tab/csharp)
//	...
//	---
//
// The markup is that of an accessible tab widget, but usable without
// JavaScript: the tab list is hidden and every panel is shown in order
// under its label. A script may unhide the list (role tablist, buttons
// with role tab and aria-controls) and show one panel at a time.
package tabs

import (
	stdhtml "html"
	"regexp"
	"strconv"

	"kbsite/generator/markdown/blockwalk"
	"kbsite/generator/markdown/plaintext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindTabs is a tab group.
var KindTabs = ast.NewNodeKind("DocFXTabs")

// Tabs is a tab group; its children are TabPanels.
type Tabs struct {
	ast.BaseBlock
	Group  int // 1 for the article's first group; element IDs use it
	Tabs   []Tab
	Labels []string // plain text of each tab's label, for the tab list
}

// Tab is one tab's ID ("cpp") and condition (for "#tab/cpp/linux").
type Tab struct{ ID, Condition string }

func (n *Tabs) Kind() ast.NodeKind         { return KindTabs }
func (n *Tabs) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// KindTabPanel is one tab's content; its first child is a TabLabel.
var KindTabPanel = ast.NewNodeKind("DocFXTabPanel")

// TabPanel holds a tab's label and blocks.
type TabPanel struct {
	ast.BaseBlock
	ID string // element ID suffix: "<group>.<tab>"
	Tab
}

func (n *TabPanel) Kind() ast.NodeKind         { return KindTabPanel }
func (n *TabPanel) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// KindTabLabel is a tab's label, the heading's link text.
var KindTabLabel = ast.NewNodeKind("DocFXTabLabel")

// TabLabel holds the inline content of a tab heading's link.
type TabLabel struct {
	ast.BaseBlock
	ID string
}

func (n *TabLabel) Kind() ast.NodeKind         { return KindTabLabel }
func (n *TabLabel) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Extender is the construct; Priority orders its transformer.
type Extender struct{ Priority int }

func (e Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, e.Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// tabRe is DocFX's rule for a tab link.
var tabRe = regexp.MustCompile(`^#tab/([a-zA-Z0-9-]+(?:\+[a-zA-Z0-9-]+)*)(?:/([a-zA-Z0-9-]+)?)?$`)

// tabHeading returns the tab a heading starts, or ok false.
func tabHeading(n ast.Node) (*ast.Link, Tab, bool) {
	h, ok := n.(*ast.Heading)
	if !ok || h.ChildCount() != 1 {
		return nil, Tab{}, false
	}
	l, ok := h.FirstChild().(*ast.Link)
	if !ok {
		return nil, Tab{}, false
	}
	m := tabRe.FindSubmatch(l.Destination)
	if m == nil {
		return nil, Tab{}, false
	}
	return l, Tab{ID: string(m[1]), Condition: string(m[2])}, true
}

// Transform groups the tabs of every container, numbering the groups.
func (Extender) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var starts []ast.Node
	blockwalk.Walk(doc, func(n ast.Node) ast.WalkStatus {
		if _, _, ok := tabHeading(n); ok {
			starts = append(starts, n)
		}
		return ast.WalkContinue
	})
	groups := 0
	for _, h := range starts {
		if h.Parent() != nil { // not taken into an earlier group
			groups++
			group(h, groups, src)
		}
	}
}

// group builds the tab group number n that starts at heading first.
func group(first ast.Node, n int, src []byte) {
	g := &Tabs{Group: n}
	g.SetLines(first.Lines())
	parent := first.Parent()
	parent.InsertBefore(parent, first, g)
	var panel *TabPanel
	for c := first; c != nil; {
		next := c.NextSibling()
		if link, tab, ok := tabHeading(c); ok {
			panel = &TabPanel{ID: strconv.Itoa(g.Group) + "." + tab.ID, Tab: tab}
			label := &TabLabel{ID: panel.ID}
			for ch := link.FirstChild(); ch != nil; ch = link.FirstChild() {
				label.AppendChild(label, ch)
			}
			panel.AppendChild(panel, label)
			g.Tabs = append(g.Tabs, tab)
			g.Labels = append(g.Labels, plaintext.Inline(label, src))
			g.AppendChild(g, panel)
			parent.RemoveChild(parent, c)
		} else if _, hr := c.(*ast.ThematicBreak); hr {
			parent.RemoveChild(parent, c)
			return
		} else {
			panel.AppendChild(panel, c)
		}
		c = next
	}
}

func (Extender) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTabs, renderTabs)
	reg.Register(KindTabPanel, renderTabPanel)
	reg.Register(KindTabLabel, renderTabLabel)
}

func renderTabs(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Tabs)
	if !entering {
		w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	g := strconv.Itoa(n.Group)
	w.WriteString(`<div class="tabs" id="tabs.` + g + `">` + "\n" + `<div class="tab-list" role="tablist" hidden>` + "\n")
	for i, t := range n.Tabs {
		id := stdhtml.EscapeString(g + "." + t.ID)
		selected, index := "false", "-1"
		if i == 0 {
			selected, index = "true", "0"
		}
		w.WriteString(`<button type="button" role="tab" id="tab.` + id + `" aria-controls="tabpanel.` + id +
			`" aria-selected="` + selected + `" tabindex="` + index + `" data-tab="` + stdhtml.EscapeString(t.ID) + `">` +
			stdhtml.EscapeString(n.Labels[i]) + "</button>\n")
	}
	w.WriteString("</div>\n")
	return ast.WalkContinue, nil
}

func renderTabPanel(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*TabPanel)
	if !entering {
		w.WriteString("</section>\n")
		return ast.WalkContinue, nil
	}
	id := stdhtml.EscapeString(n.ID)
	w.WriteString(`<section class="tab-panel" id="tabpanel.` + id + `" role="tabpanel" aria-labelledby="tablabel.` + id +
		`" data-tab="` + stdhtml.EscapeString(n.Tab.ID) + `"`)
	if n.Condition != "" {
		w.WriteString(` data-condition="` + stdhtml.EscapeString(n.Condition) + `"`)
	}
	w.WriteString(">\n")
	return ast.WalkContinue, nil
}

func renderTabLabel(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<p class="tab-label" id="tablabel.` + stdhtml.EscapeString(node.(*TabLabel).ID) + `">`)
	} else {
		w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}
