package export

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kbsite/generator/search/engine"
	"kbsite/generator/search/index"
	"kbsite/generator/search/related"
)

func ids(rs []engine.Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

type want struct {
	q       string
	first   string   // expected first result
	none    bool     // want no results
	has     []string // must be in the results
	hasNot  []string // must not be in the results
	product string
}

func check(t *testing.T, ix *engine.Index, cases []want) {
	t.Helper()
	for _, c := range cases {
		got := ids(search(ix, c.q, engine.Options{Limit: 20, Product: c.product}))
		if c.none && len(got) > 0 {
			t.Errorf("%q (product %q): want no results, got %v", c.q, c.product, got)
			continue
		}
		if c.first != "" && (len(got) == 0 || got[0] != c.first) {
			t.Errorf("%q (product %q): want %s first, got %v", c.q, c.product, c.first, got)
		}
		for _, h := range c.has {
			if !slices.Contains(got, h) {
				t.Errorf("%q: want %s in %v", c.q, h, got)
			}
		}
		for _, h := range c.hasNot {
			if slices.Contains(got, h) {
				t.Errorf("%q: do not want %s in %v", c.q, h, got)
			}
		}
	}
}

func TestMatching(t *testing.T) {
	ix := openFixture(t, "en")
	check(t, ix, []want{
		// AND: every word.
		{q: "printer driver ", first: "KB100005", hasNot: []string{"KB307294"}},
		{q: "firewall settings ", first: "KB100001", hasNot: []string{"KB100002"}},
		// Relaxation: no doc has both, docs with one word still come.
		{q: "printer outlook ", has: []string{"KB307294", "KB100005", "KB100002"}},
		// Prefix on the last word only while typing.
		{q: "blueto", first: "KB100003"},
		{q: "blueto ", none: true},
		{q: "recy", first: "KB100010"},
		{q: "recy ", none: true},
		{q: "recx bin", first: "KB100010"}, // relaxed: "recx" matches nothing,
		// Typos: 1 edit from 4 letters, 2 from 8, none below 4.
		{q: "pasword ", first: "KB100004"},
		{q: "outlok ", first: "KB100002"},
		{q: "exel ", first: "KB100009"},
		{q: "keybaord ", first: "KB100009"},  // transposition
		{q: "spredshet ", first: "KB100009"}, // 2 edits, 9 letters
		{q: "outlk ", none: true},            // 2 edits, 5 letters
		{q: "exdl ", none: true},             // 2 edits, 4 letters
		{q: "fle ", none: true},              // 3 letters: exact only
		// Stemming through bleve's analysis: "connecting" and "connection" share "connect".
		{q: "connecting ", has: []string{"KB100007", "KB307294"}},
		{q: "installation ", has: []string{"KB100005"}},
		{q: "pairs ", has: []string{"KB100003"}},
		// Phrases: adjacent, in order, in one field.
		{q: `"turn off the firewall"`, first: "KB100001", hasNot: []string{"KB100007"}},
		{q: `"firewall off"`, none: true},
		{q: `"recycle bin" files`, first: "KB100010"},
		{q: `"turn off`, first: "KB100001", has: []string{"KB100007"}}, // unbalanced quote
		// Exclusion.
		{q: "printer -driver", has: []string{"KB307294"}, hasNot: []string{"KB100005"}},
		{q: "turn -wireless", has: []string{"KB100001"}, hasNot: []string{"KB100007"}},
		{q: `firewall -"turn off"`, none: true},
		// Product filter: display name or slug, any case.
		{q: "printer ", product: "Windows 10", first: "KB100005", hasNot: []string{"KB307294"}},
		{q: "printer ", product: "windows-xp", has: []string{"KB307294", "KB100005"}},
		{q: "sign in", product: "WINDOWS MESSENGER", first: "KB100008", hasNot: []string{"KB100004"}},
		{q: "printer ", product: "no such product", none: true},
		// IDs and aliases typed alone come first.
		{q: "307294", first: "KB307294"},
		{q: "KB307294", first: "KB307294"},
		{q: "kb307294", first: "KB307294"},
		{q: "Q307294", first: "KB307294"},
		{q: "q307294 ", first: "KB307294"},
		{q: "  kb100009", first: "KB100009"},
		{q: "100009", first: "KB100009"},
	})
}

func TestTitleRanksHigh(t *testing.T) {
	ix := openFixture(t, "en")
	// "password" is in the title of KB100004 only.
	got := ids(search(ix, "password ", engine.Options{}))
	if len(got) == 0 || got[0] != "KB100004" {
		t.Fatalf("got %v", got)
	}
	// Exact beats fuzzy: "files" exact (KB100010) before fuzzy matches.
	rs := search(ix, "files ", engine.Options{})
	if len(rs) == 0 || rs[0].ID != "KB100010" {
		t.Fatalf("got %v", ids(rs))
	}
}

func TestResultFields(t *testing.T) {
	ix := openFixture(t, "en")
	rs := search(ix, "turn off the firewall", engine.Options{Limit: 1})
	if len(rs) != 1 {
		t.Fatalf("got %v", ids(rs))
	}
	r := rs[0]
	if r.ID != "KB100001" || r.URL != "kb/kb100001.html" || r.Section != "disable" || r.Source != "content/kb100001.md" {
		t.Errorf("bad result %+v", r)
	}
	if !strings.Contains(r.Excerpt, "turn off the firewall") || len([]rune(r.Excerpt)) > 170 {
		t.Errorf("bad excerpt %q", r.Excerpt)
	}
	if !slices.Contains(r.Matched, "firewall") || !slices.Contains(r.Matched, "turn") {
		t.Errorf("matched %v", r.Matched)
	}
	if !slices.Equal(r.Products, []string{"Windows 10"}) {
		t.Errorf("products %v", r.Products)
	}
	// Matched includes other forms of the stem.
	rs = search(ix, "connecting ", engine.Options{})
	for _, r := range rs {
		if r.ID == "KB100007" && !slices.Contains(r.Matched, "connection") {
			t.Errorf("connection not highlighted: %v", r.Matched)
		}
	}
}

func TestSuggestions(t *testing.T) {
	ix := openFixture(t, "en")
	resp := ix.Query("pasword bluetoth xyzzyq", engine.Options{})
	want := []engine.Suggestion{{Word: "pasword", Suggestion: "password"}, {Word: "bluetoth", Suggestion: "bluetooth"}}
	if !slices.Equal(resp.Suggestions, want) {
		t.Errorf("suggestions %v, want %v", resp.Suggestions, want)
	}
	resp = ix.Query("exdl", engine.Options{}) // 2 edits at 4 letters: no match
	if len(resp.Results) != 0 {
		t.Errorf("results %v", ids(resp.Results))
	}
	resp = ix.Query("outlk ", engine.Options{})
	if len(resp.Results) != 0 || !slices.Equal(resp.Suggestions, []engine.Suggestion{{Word: "outlk", Suggestion: "outlook"}}) {
		t.Errorf("outlk: %v %v", ids(resp.Results), resp.Suggestions)
	}
}

func TestGerman(t *testing.T) {
	ix := openFixture(t, "de")
	for _, q := range []string{"Verbindung ", "Verbindungen ", "verbindungen", "VERBINDUNG "} {
		got := ids(search(ix, q, engine.Options{}))
		if !slices.Contains(got, "KB200001") || !slices.Contains(got, "KB200002") {
			t.Errorf("%q: got %v", q, got)
		}
	}
	for _, q := range []string{"Größe", "grosse", "strasse", "Straße"} {
		if got := ids(search(ix, q, engine.Options{})); !slices.Equal(got, []string{"KB200001"}) {
			t.Errorf("%q: got %v", q, got)
		}
	}
	// The English index does not hold German docs.
	en := openFixture(t, "en")
	if got := ids(search(en, "Verbindungen", engine.Options{})); len(got) != 0 {
		t.Errorf("en: %v", got)
	}
}

func TestDeterministic(t *testing.T) {
	docs := fixtureDocs(t)
	a := buildFiles(docs)
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	b := buildFiles(rev)
	if len(a) != len(b) {
		t.Fatalf("%d vs %d files", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("file %s differs", a[i].Path)
		}
	}
	if !slices.IsSortedFunc(a, func(x, y File) int { return strings.Compare(x.Path, y.Path) }) {
		t.Error("files not sorted")
	}
	if !slices.ContainsFunc(a, func(f File) bool { return f.Path == "search/en/manifest.js" }) ||
		!slices.ContainsFunc(a, func(f File) bool { return f.Path == "search/de/manifest.js" }) {
		t.Error("missing manifests")
	}
}

func TestHostileTitle(t *testing.T) {
	files := buildFiles(fixtureDocs(t))
	for _, f := range files {
		s := string(f.Data)
		if strings.Contains(strings.ToLower(s), "</script") || strings.Contains(s, "<") || strings.Contains(s, "\u2028") {
			t.Errorf("%s: unescaped markup", f.Path)
		}
		if !strings.HasPrefix(s, "(window.KBSearchData=window.KBSearchData||[]).push([") || !strings.HasSuffix(s, "]);\n") {
			t.Errorf("%s: bad wrapper", f.Path)
		}
	}
	ix := openFixture(t, "en")
	rs := search(ix, "zebrafish", engine.Options{})
	if len(rs) != 1 || rs[0].Title != `</script><script>alert(1)</script> "quoted" & 'apos' title` ||
		rs[0].Products[0] != "Test <b>Product</b>" {
		t.Fatalf("got %+v", rs)
	}
}

func TestHostileQueries(t *testing.T) {
	ix := openFixture(t, "en")
	long := strings.Repeat("printer ", 70)
	qs := []string{"", " ", "-", "--", "\"", "\"\"", `"""`, "*", ".*+?[](){}|\\^$", "the", "the and of a",
		"😀", "😀😀 printer", "مرحبا بالعالم", "שלום", "\u202eprinter", long, strings.Repeat("a", 600),
		strings.Repeat("x ", 50), strings.Repeat("-x ", 50), strings.Repeat(`"a b `, 30), "\x00\xff\xfe",
		"東京都庁", "printer*", "-printer", `-"`, "q", "kb", "0", strings.Repeat("ab", 300) + " pr",
		strings.Repeat("connectionconnection", 20), "\u0301\u0301", "İstanbul ΟΔΟΣ"}
	for _, q := range qs {
		for _, p := range []string{"", "Windows 10", "<script>"} {
			r := ix.Query(q, engine.Options{Limit: -5, Product: p})
			if len(r.Results) > 10 {
				t.Errorf("%q: %d results", q, len(r.Results))
			}
		}
	}
	if r := ix.Query("printer", engine.Options{Limit: 100000}); len(r.Results) > 100 {
		t.Error("limit not capped")
	}
}

func TestRelated(t *testing.T) {
	docs := fixtureDocs(t)
	rel := related.All(index.Analyze(docs), 3)
	idx := map[string]int{}
	for i, d := range docs {
		idx[d.ID] = i
	}
	name := func(is []int) []string {
		var out []string
		for _, i := range is {
			out = append(out, docs[i].ID)
		}
		return out
	}
	r := name(rel[idx["KB100005"]])
	if len(r) == 0 || r[0] != "KB307294" {
		t.Errorf("related of KB100005: %v", r)
	}
	for i, rs := range rel {
		for _, j := range rs {
			if j == i || docs[j].Lang != docs[i].Lang {
				t.Errorf("doc %s related to %s", docs[i].ID, docs[j].ID)
			}
		}
	}
	if !slices.EqualFunc(rel, related.All(index.Analyze(docs), 3), slices.Equal) {
		t.Error("not deterministic")
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := engine.Open(t.TempDir(), ""); err == nil {
		t.Error("want error for missing index")
	}
	defer func(i int) { inlinePages = i }(inlinePages)
	inlinePages = 0 // the pages in files of their own, to break them
	dir := writeSite(t, fixtureDocs(t))
	if _, err := engine.Open(dir, ""); err != nil { // two languages: "" = en
		t.Error(err)
	}
	if _, err := engine.Open(dir, "fr"); err == nil {
		t.Error("want error for missing language")
	}
	// A manifest page that cannot be read, or lists the wrong number of
	// shards, reads as empty: no results, no panic.
	pages, _ := filepath.Glob(filepath.Join(dir, "search", "en", "m0-*.js"))
	for _, bad := range []string{"garbage", `(window.KBSearchData=window.KBSearchData||[]).push(["en/m0.js",{"s":[""],"h":["x"]}]);`} {
		os.WriteFile(pages[0], []byte(bad), 0o644)
		ix, err := engine.Open(dir, "en")
		if err != nil {
			t.Fatal(err)
		}
		if r := ix.Query("printer", engine.Options{}); len(r.Results) != 0 {
			t.Errorf("bad page %q: %d results", bad, len(r.Results))
		}
	}
	p := filepath.Join(dir, "search", "en", "manifest.js")
	m, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(m), `"c":`, `"c":9`, 1)), 0o644)
	if _, err := engine.Open(dir, "en"); err == nil {
		t.Error("want error for a manifest listing too few pages")
	}
	os.WriteFile(p, []byte("garbage"), 0o644)
	if _, err := engine.Open(dir, "en"); err == nil {
		t.Error("want error for bad manifest")
	}
	_ = fmt.Sprint()
}
