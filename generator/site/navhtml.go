package site

import (
	"html/template"
	"strings"

	"kbsite/generator/internal/htmlesc"
)

// NavHTML is the page's navigation tree (.Nav) as nested lists: groups
// as <details> that open and close without JavaScript, the current page
// marked aria-current="page", a pruned group as a link (class
// nav-section) and the link that ends a shortened list (class nav-more).
// It is written here, not by a template, because the tree is most of an
// article page's template actions; a theme that wants other markup ranges
// over .Nav itself. Escaping is html/template's (internal/htmlesc).
func (p *Page) NavHTML() template.HTML {
	var b strings.Builder
	b.Grow(4096)
	navItems(&b, p.Nav)
	return template.HTML(b.String())
}

func navItems(b *strings.Builder, items []NavItem) {
	b.WriteString("<ul>")
	for i := range items {
		it := &items[i]
		b.WriteString("\n<li>")
		if len(it.Items) == 0 {
			navLink(b, it)
			b.WriteString("</li>")
			continue
		}
		b.WriteString("<details")
		if it.Open {
			b.WriteString(" open")
		}
		b.WriteString("><summary>")
		htmlesc.Text(b, it.Title)
		b.WriteString("</summary>")
		if it.URL != "" {
			b.WriteString("\n<ul><li>")
			navLink(b, it)
			b.WriteString("</li></ul>")
		}
		b.WriteString("\n")
		navItems(b, it.Items)
		b.WriteString("\n</details></li>")
	}
	b.WriteString("\n</ul>")
}

func navLink(b *strings.Builder, it *NavItem) {
	b.WriteString(`<a href="`)
	htmlesc.URL(b, it.URL)
	b.WriteString(`"`)
	if it.Current {
		b.WriteString(` aria-current="page"`)
	}
	switch {
	case it.External:
		b.WriteString(` class="external"`)
	case it.Collapsed:
		b.WriteString(` class="nav-section"`)
	case it.More:
		b.WriteString(` class="nav-more"`)
	}
	b.WriteString(">")
	htmlesc.Text(b, it.Title)
	b.WriteString("</a>")
}
