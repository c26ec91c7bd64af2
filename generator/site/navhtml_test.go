package site

import (
	"bytes"
	"html/template"
	"math/rand/v2"
	"testing"
)

// navReference is the template NavHTML replaces: its output is the
// contract (themes that styled the tree before keep working).
var navReference = template.Must(template.New("").Parse(`{{define "navitems"}}<ul>
{{- range .}}
<li>{{if .Items}}<details{{if .Open}} open{{end}}><summary>{{.Title}}</summary>
{{- if .URL}}
<ul><li>{{template "navlink" .}}</li></ul>
{{- end}}
{{template "navitems" .Items}}
</details>{{else}}{{template "navlink" .}}{{end}}</li>
{{- end}}
</ul>{{end}}
{{define "navlink"}}<a href="{{.URL}}"{{if .Current}} aria-current="page"{{end}}{{if .External}} class="external"{{else if .Collapsed}} class="nav-section"{{else if .More}} class="nav-more"{{end}}>{{.Title}}</a>{{end}}`))

func randomNav(r *rand.Rand, depth int) []NavItem {
	titles := []string{"Install", "A & B <c>", `"quoted" 'single' +plus`, "Ünïcode €", "\x00nul", ""}
	urls := []string{"", "../kb/kb1.html", "kb2.html#x", "https://example.com/a b?q=1&r=2", "javascript:alert(1)", "100%", "mailto:a@b"}
	items := make([]NavItem, r.IntN(4)+1)
	for i := range items {
		it := NavItem{Title: titles[r.IntN(len(titles))], URL: urls[r.IntN(len(urls))],
			External: r.IntN(4) == 0, Current: r.IntN(5) == 0, Open: r.IntN(2) == 0, Collapsed: r.IntN(4) == 0, More: r.IntN(4) == 0}
		if depth > 0 && r.IntN(2) == 0 {
			it.Items = randomNav(r, depth-1)
		}
		items[i] = it
	}
	return items
}

func TestNavHTMLIsTheTemplatesMarkup(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		p := &Page{Nav: randomNav(r, 3)}
		var want bytes.Buffer
		if err := navReference.ExecuteTemplate(&want, "navitems", p.Nav); err != nil {
			t.Fatal(err)
		}
		if got := string(p.NavHTML()); got != want.String() {
			t.Fatalf("tree %d:\n got %s\nwant %s", i, got, want.String())
		}
	}
}
