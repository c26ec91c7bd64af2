package theme

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	tparse "text/template/parse"
)

// foldPage is a page as the templates see it: the fields and the .T
// method that folding turns into constants, and values that must stay.
type foldPage struct {
	Lang, Dir, Root, LangRoot, Title string
	Site                             SiteConsts
	Items                            []foldItem
	cat                              *Catalog
}

func (p *foldPage) T(key string) string { return p.cat.T(p.Lang, key) }
func (p *foldPage) JSMessages() string  { return p.cat.ScriptJSON(p.Lang, "js_") }
func (p *foldPage) TSMessages() string  { return p.cat.ScriptJSON(p.Lang, "ts_") }

// foldItem has fields and a T of its own: inside a range over items,
// .T, .Lang and .Root are the item's and must not be folded.
type foldItem struct{ Lang, Root string }

func (foldItem) T(key string) string { return "item " + key }

// foldTheme uses the folded actions in every escaping context, in and out
// of with, range and partials called with the page, $ or something else.
func foldTheme() fstest.MapFS {
	return fstest.MapFS{
		"base.html": {Data: []byte(`{{define "base"}}<!DOCTYPE html><html lang="{{.Lang}}" dir="{{.Dir}}">
<head><title>{{.T "quote"}} | {{.Title}} | {{.Site.Title}}</title>{{if .Site.BaseURL}}<link href="{{.Site.BaseURL}}feed.xml">{{end}}
<link rel="stylesheet" href="{{asset .Root "site.css"}}"><script defer src="{{searchtext .Root .Lang}}"></script>
<script>var m = {{.T "quote"}}, r = "{{.Root}}";</script>
<style>p::before { content: "{{.T "quote"}}"; }</style></head>
<body><a href="{{.LangRoot}}index.html" title="{{.T "quote"}}">{{.T "home"}}</a>
<a href="{{.T "url"}}">bad</a><a href="x?q={{.T "quote"}}">q</a><a href={{.T "quote"}}>unquoted</a>
<p onclick="alert({{.T "quote"}})">{{.T "missing"}} {{if eq .Title (.T "home")}}home{{end}}</p>
<textarea>{{.T "quote"}}</textarea><form data-i18n="{{.JSMessages}}"></form><div data-ts='{{$.TSMessages}}'>{{.TSMessages}}</div>
{{with .Items}}{{range .}}<i>{{.T "home"}} {{.Lang}} {{.Root}} {{$.T "home"}} {{$.Lang}}</i>{{end}}{{else}}{{.T "none"}}{{end}}
{{range .Items}}{{template "item" .}}{{template "page" $}}{{end}}
{{template "page" .}}{{template "dict" dict "T" "map value" "Lang" "map lang"}}{{with .Site}}<p>{{.Title}}</p>{{end}}{{$.Site.Description}}
{{block "content" .}}{{end}}</body></html>{{end}}`)},
		"partials/p.html": {Data: []byte(`{{define "page"}}<b>{{.T "home"}} {{$.Lang}}</b>{{end}}
{{define "item"}}<u>{{.T "home"}} {{.Lang}}</u>{{end}}
{{define "dict"}}<s>{{.T}} {{.Lang}} {{$.T}}</s>{{end}}`)},
		"assets/site.css": {Data: []byte("body{}")},
		"i18n/en.yaml":    {Data: []byte("home: 'Home & <away>'\nquote: '\"It''s\" +1 </script>'\nurl: 'javascript:alert(1)'\njs_more: '“{q}” & <b>'\nts_back: \"Back's\"\n")},
		"i18n/he.yaml":    {Data: []byte("home: בית\ndir: rtl\n")},
		"article.html":    {Data: []byte(`{{define "content"}}<main>{{.T "home"}} {{asset .Root "site.css"}}</main>{{end}}`)},
		"home.html":       {Data: []byte(`{{define "content"}}{{end}}`)},
		"list.html":       {Data: []byte(`{{define "content"}}{{end}}`)},
		"topics.html":     {Data: []byte(`{{define "content"}}{{end}}`)},
		"404.html":        {Data: []byte(`{{define "content"}}{{end}}`)},
		"redirect.html":   {Data: []byte(`{{define "content"}}{{end}}`)},
		"search.html":     {Data: []byte(`{{define "content"}}{{end}}`)},
	}
}

func TestFoldedIsUnfolded(t *testing.T) {
	th, err := Load(foldTheme())
	if err != nil {
		t.Fatal(err)
	}
	site := SiteConsts{Title: "KB & <Help>", Description: `"Answers"`, BaseURL: "https://kb.example/"}
	for _, c := range []Consts{{Lang: "en"}, {Lang: "en", Root: "../", LangRoot: "../", Site: site}, {Lang: "he", Root: "../../", LangRoot: "../"}, {Lang: "pt-br", Root: "https://kb.example/", LangRoot: "https://kb.example/pt-br/", Site: site}} {
		for _, items := range [][]foldItem{nil, {{Lang: "it", Root: "/item/"}}} {
			p := &foldPage{Lang: c.Lang, Dir: th.catalog.Dir(c.Lang), Root: c.Root, LangRoot: c.LangRoot, Title: "Home & <away>", Site: c.Site, Items: items, cat: th.catalog}
			var folded, plain bytes.Buffer
			if err := th.Render(&folded, "article", c, p); err != nil {
				t.Fatal(err)
			}
			master, err := th.pages["article"].master.Clone()
			if err != nil {
				t.Fatal(err)
			}
			if err := master.ExecuteTemplate(&plain, "base", p); err != nil {
				t.Fatal(err)
			}
			if folded.String() != plain.String() {
				t.Errorf("%+v, %d items: folded\n%s\nunfolded\n%s", c, len(items), folded.String(), plain.String())
			}
		}
	}
}

// TestFoldingFolds checks that the constants became text: without that,
// TestFoldedIsUnfolded would pass with folding switched off.
func TestFoldingFolds(t *testing.T) {
	th, err := Load(foldTheme())
	if err != nil {
		t.Fatal(err)
	}
	c := Consts{Lang: "en", Root: "../", LangRoot: "../"}
	folded, err := th.pages["article"].get(c)
	if err != nil {
		t.Fatal(err)
	}
	base := folded.Lookup("base").Tree.Root.String()
	for _, want := range []string{
		`<html lang="en" dir="ltr">`,
		`<title>&#34;It&#39;s&#34; &#43;1 &lt;/script&gt; | {{.Title | _html_template_rcdataescaper}} | </title>{{if ""}}`,
		`href="../assets/site.`,
		`<script defer src="../assets/search-text.en.`,
		`<a href="../index.html" title="&#34;It&#39;s&#34; &#43;1 &lt;/script&gt;">Home &amp; &lt;away&gt;</a>`,
		`<a href="#ZgotmplZ">bad</a>`,
		`<form data-i18n="{&#34;js_more&#34;:&#34;“{q}” \u0026 \u003cb\u003e&#34;}"></form>`,
		`<div data-ts='{&#34;ts_back&#34;:&#34;Back&#39;s&#34;}'>`,
	} {
		if !strings.Contains(base, want) {
			t.Errorf("folded base lacks %q:\n%s", want, base)
		}
	}
	// What stays an action: the title, the script, style and URL-query
	// contexts, and everything inside the range over items.
	actions := 0
	var count func(n tparse.Node)
	count = func(n tparse.Node) {
		switch n := n.(type) {
		case *tparse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				count(c)
			}
		case *tparse.ActionNode:
			actions++
		case *tparse.IfNode:
			count(n.List)
		case *tparse.WithNode:
			count(n.List)
			count(n.ElseList)
		case *tparse.RangeNode:
			count(n.List)
		}
	}
	count(folded.Lookup("base").Tree.Root)
	if actions > 20 {
		t.Errorf("%d actions left in base after folding:\n%s", actions, base)
	}
}
