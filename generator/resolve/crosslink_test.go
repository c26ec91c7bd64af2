package resolve

import (
	"slices"
	"strings"
	"testing"

	"kbsite/generator/content"
	"kbsite/generator/internal/diag"
	"kbsite/generator/markdown"
)

// article is seed as the cross-link stage reads it, with links to dests
// written without text (which take their target's title).
func article(seed *Target, m content.Meta, dests ...string) Article {
	a := Article{Target: seed, File: "content/" + seed.Source, Meta: &m}
	for i, d := range dests {
		a.Links = append(a.Links, markdown.Link{Dest: d, Line: i + 1, Col: 1, Empty: true, External: strings.HasPrefix(d, "https:")})
	}
	return a
}

func TestLinksFillTextsOutAndFiles(t *testing.T) {
	ix, seed := fixture()
	files := &Files{Generated: func(string) string { return "" }, Owned: func(string) (string, string) { return "", "" },
		Read: func(string) ([]byte, error) { return []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), nil }}
	dl := &diag.List{}
	a := article(seed, content.Meta{ID: seed.ID, Lang: "en"},
		"kb:KB310221#cause", "../network/kb310221.md", "https://example.com/", "../images/diagram.svg", "#nowhere", "#top")
	r := ix.Links(a, files, dl)
	wantFills := []string{"kb310221.html#cause", "kb310221.html", "", "../images/diagram.svg", "#", "#top"}
	wantTexts := []string{"Proxy settings", "Proxy settings", "", "images/diagram.svg", "#nowhere", "Logon problems"}
	if !slices.Equal(r.Fills, wantFills) || !slices.Equal(r.Texts, wantTexts) {
		t.Errorf("fills %q texts %q", r.Fills, r.Texts)
	}
	if len(r.Out) != 1 || r.Out[0].ID != "KB310221" || !slices.Equal(r.Files, []string{"images/diagram.svg"}) {
		t.Errorf("out %v files %v: want KB310221 once (not itself) and the SVG", r.Out, r.Files)
	}
	if got := dl.Sorted(); len(got) != 1 || got[0].Line != 5 || got[0].Kind != diag.KindLink {
		t.Errorf("diagnostics %v, want the broken #nowhere at line 5", got)
	}
	for i := range a.Links {
		a.Links[i].Empty = false
	}
	if r := ix.Links(a, files, &diag.List{}); r.Texts != nil || !slices.Equal(r.Fills, wantFills) {
		t.Errorf("links with text: fills %q texts %q, want the same fills and no texts", r.Fills, r.Texts)
	}
	if ext := ix.External([]Article{a}); len(ext) != 1 || ext[0] != (ExternalLink{URL: "https://example.com/", File: a.File, Line: 3, Col: 1}) {
		t.Errorf("external %+v", ext)
	}
}

func TestRelatedSkipsSelfAndRepeatsAndSuggests(t *testing.T) {
	ix, seed := fixture()
	dl := &diag.List{}
	m := content.Meta{ID: seed.ID, Lang: "en", Related: []string{"KB310221", "Q310221", "KB307294", "KB31022"},
		Pos: entryAt("related", 3, 7, 5)}
	got := ix.Related(article(seed, m), dl)
	if len(got) != 1 || got[0].ID != "KB310221" {
		t.Errorf("related %v, want KB310221 once", got)
	}
	ds := dl.Sorted()
	if len(ds) != 1 || ds[0].Line != 7 || !strings.Contains(ds[0].Msg, "did you mean KB310221?") {
		t.Errorf("diagnostics %v", ds)
	}
}

func TestAliasesRegisterAndReportClashes(t *testing.T) {
	ix, seed := fixture()
	as := Aliases{Index: ix, Redirects: map[string]*Target{},
		IDPage: func(lang, id string) string { return "kb/" + strings.ToLower(id) + ".html" },
		Clash: func(p string) string {
			if p == "index.html" {
				return "the home page"
			}
			return ""
		}}
	dl := &diag.List{}
	m := content.Meta{ID: seed.ID, Lang: "en", Aliases: []string{"Q307294", "old/logon.html", "Q310221", "index.html", "bad id"}}
	as.Add(article(seed, m), dl)
	if as.Redirects["kb/q307294.html"] != seed || as.Redirects["old/logon.html"] != seed || ix.Find("en", "Q307294") != seed {
		t.Errorf("redirects %v", as.Redirects)
	}
	var msgs []string
	for _, d := range dl.Sorted() {
		msgs = append(msgs, d.Msg)
	}
	if len(msgs) != 3 || !strings.Contains(msgs[0], "already the ID or an alias of KB310221") ||
		!strings.Contains(msgs[1], "neither an old ID") || !strings.Contains(msgs[2], "would replace the home page") {
		t.Errorf("diagnostics %q", msgs)
	}
	dl = &diag.List{}
	later := article(&Target{ID: "LOGON", Path: "old/logon.html"}, content.Meta{ID: "LOGON"})
	as.CheckPaths([]Article{later}, func(*Target) Article { return article(seed, m) }, dl)
	if ds := dl.Sorted(); len(ds) != 1 || !strings.Contains(ds[0].Msg, "is the address of LOGON") {
		t.Errorf("diagnostics %v", ds)
	}
}

func TestCheckReachableWarnsOrphansAndTitles(t *testing.T) {
	ix, seed := fixture()
	proxy := ix.Find("en", "KB310221")
	dl := &diag.List{}
	arts := []Article{
		article(seed, content.Meta{ID: seed.ID, Title: "Logon problems"}),
		article(proxy, content.Meta{ID: proxy.ID, Title: "logon Problems", Products: []string{"ie"}}),
	}
	CheckReachable(arts, func(t *Target) bool { return false }, dl)
	ds := dl.Sorted()
	if len(ds) != 2 || !strings.Contains(ds[0].Msg, "orphan article KB307294") || !strings.Contains(ds[1].Msg, "duplicate title") {
		t.Errorf("diagnostics %v", ds)
	}
}

func TestBacklinksSortedByTitleThenID(t *testing.T) {
	to := &Target{ID: "T", Title: "Target"}
	b := &Target{ID: "B", Title: "beta"}
	a2 := &Target{ID: "A2", Title: "Alpha"}
	a1 := &Target{ID: "A1", Title: "alpha"}
	out := map[*Target][]*Target{b: {to}, a2: {to}, a1: {to, b}}
	back := Backlinks([]*Target{b, a2, a1, to}, func(t *Target) []*Target { return out[t] }, []*Target{to})
	if got := back[to]; len(got) != 3 || got[0] != a1 || got[1] != a2 || got[2] != b {
		t.Errorf("backlinks %v, want A1, A2, B", got)
	}
	if _, ok := back[b]; ok {
		t.Errorf("b was not asked for")
	}
}

func TestSwapAndUndo(t *testing.T) {
	ix, seed := fixture()
	proxy := ix.Find("en", "KB310221")
	renamed := &Target{ID: "KB310222", Lang: "en", Title: "Proxy", Source: proxy.Source, Path: "kb/kb310222.html"}
	undo := ix.Swap([]Article{article(proxy, content.Meta{Aliases: []string{"Q310221", "old/proxy.html"}})}, []Article{article(renamed, content.Meta{})})
	if ix.Find("en", "KB310221") != nil || ix.Find("en", "Q310221") != nil || ix.Find("en", "KB310222") != renamed {
		t.Fatal("swap did not replace the old version and its alias")
	}
	if r, err := ix.Resolve(seed, "../network/kb310221.md"); err != nil || r.Target != renamed {
		t.Errorf("path link after swap: %v %v", r.Target, err)
	}
	undo()
	if ix.Find("en", "KB310222") != nil || ix.Find("en", "Q310221") != proxy || ix.Find("en", "KB310221") != proxy {
		t.Error("undo did not put back the old version and its old-ID alias")
	}
}

// TestCheckProductsNamesAndTypos: a product written as a display name needs
// no site.yaml name; a slug close to a named or more used one is a typo
// warning at its position, showing the slug; distinct products alike on
// purpose are not. (On a tie in use, both slugs warn.)
func TestCheckProductsNamesAndTypos(t *testing.T) {
	var arts []Article
	for i, products := range []string{"[windows-messenger, Windows XP]", "[windows-messenger, windows-xp]", "[windows-mesenger, Widows XP]", "[dotnet-pasport, windows-10]"} {
		file := "content/" + string(rune('a'+i)) + ".md"
		doc, _ := content.Parse(file, []byte("---\nid: KB"+string(rune('1'+i))+"\ntitle: T\nproducts: "+products+"\n---\n"), &diag.List{})
		arts = append(arts, Article{File: file, Meta: &doc.Meta})
	}
	if names := WrittenNames(arts); len(names) != 2 || names["windows-xp"] != "Windows XP" || names["widows-xp"] != "Widows XP" {
		t.Errorf("written names %v", names)
	}
	dl := &diag.List{}
	CheckProducts(arts, arts, map[string]string{"dotnet-passport": "Microsoft .NET Passport", "windows-messenger": "Windows Messenger"}, dl)
	var got []string
	for _, d := range dl.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		`content/c.md:4:12: warning: product "windows-mesenger" looks like a typo (did you mean windows-messenger?)`,
		`content/c.md:4:30: warning: product "Widows XP" (slug widows-xp) looks like a typo (did you mean windows-xp?)`,
		`content/d.md:4:12: warning: product "dotnet-pasport" looks like a typo (did you mean dotnet-passport?)`,
		`content/d.md:4:28: warning: product "windows-10" has no display name in site.yaml`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// entryAt is the position of entry i of list key alone.
func entryAt(key string, i, line, col int) content.Positions {
	var ps content.Positions
	ps.Set(key, i, content.Pos{Line: line, Col: col})
	return ps
}
