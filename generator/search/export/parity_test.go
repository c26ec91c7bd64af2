package export

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"kbsite/generator/search/engine"
	"kbsite/generator/search/reader"
)

type parityCase struct {
	Lang     string `json:"lang"`
	Q        string `json:"q"`
	Limit    int    `json:"limit"`
	Product  string `json:"product"`
	Type     string `json:"type"`
	Exact    bool   `json:"exact"`
	Complete bool   `json:"complete"`
}

var parityQueries = []parityCase{
	{Q: "printer"}, {Q: "printer "}, {Q: "printer driver"}, {Q: "printer driver "}, {Q: "printer outlook "},
	{Q: "blueto"}, {Q: "blueto "}, {Q: "recy"}, {Q: "recx bin"}, {Q: "pasword"}, {Q: "outlok "},
	{Q: "exel"}, {Q: "keybaord"}, {Q: "spredshet"}, {Q: "outlk"}, {Q: "fle"}, {Q: "connecting"},
	{Q: "installation "}, {Q: `"turn off the firewall"`}, {Q: `"firewall off"`}, {Q: `"recycle bin" files`},
	{Q: `"turn off`}, {Q: "printer -driver"}, {Q: "turn -wireless"}, {Q: `firewall -"turn off"`},
	{Q: "printer ", Product: "Windows 10"}, {Q: "printer", Product: "windows-xp"},
	{Q: "sign in", Product: "WINDOWS MESSENGER"}, {Q: "printer", Product: "nope"},
	{Q: "307294"}, {Q: "KB307294"}, {Q: "Q307294"}, {Q: "q307294 "}, {Q: "100009"},
	{Q: "pasword bluetoth xyzzyq"}, {Q: "zebrafish"}, {Q: "network", Limit: 3}, {Q: "the"}, {Q: ""},
	{Q: "😀 printer"}, {Q: "*"}, {Q: ".*+?[]"}, {Q: "-"}, {Q: strings.Repeat("network ", 80)},
	{Q: "w"}, {Q: "wi"}, {Q: "win"}, {Q: "windows 10 firewall"}, {Q: "settings account"},
	// Small limits take the engines' top-k selection instead of a full sort.
	{Q: "w", Limit: 1}, {Q: "wi", Limit: 2}, {Q: "printer", Limit: 1}, {Q: "q307294", Limit: 1},
	{Q: "windows", Limit: 2, Product: "windows-xp"}, {Q: "e", Limit: 3},
	{Q: "Öffnen"}, {Lang: "de", Q: "Verbindung"}, {Lang: "de", Q: "Größe"}, {Lang: "de", Q: "drucker netz"},
	{Lang: "de", Q: "Verbindungn"},
	// Article types, alone and with products; every case also counts facets.
	{Q: "printer", Type: "how-to"}, {Q: "printer", Type: "How-to guide", Product: "windows-xp"},
	{Q: "network", Type: "troubleshooting"}, {Q: "307294", Type: "reference"}, {Q: "307294", Type: "how-to"},
	{Q: "printer", Type: "nope"}, {Q: `"network printer"`, Type: "how-to"}, {Q: "printer -driver", Type: "how-to"},
	{Q: "pasword", Type: "how-to"}, {Q: "sign", Type: "troubleshooter"}, {Q: "printer outlook", Type: "troubleshooting"},
}

func TestParityWithJS(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed")
	}
	nonEmpty := checkParity(t, writeSite(t, fixtureDocs(t)), parityQueries)
	if nonEmpty < 25 {
		t.Errorf("only %d queries with results", nonEmpty)
	}
	t.Logf("%d queries, %d with results, identical in Go and JS", len(parityQueries), nonEmpty)
}

// checkParity runs the queries through both engines on a site and returns
// how many had results.
func checkParity(t *testing.T, site string, queries []parityCase) int {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	parityQueries := slices.Clone(queries)
	for i := range parityQueries {
		if parityQueries[i].Lang == "" {
			parityQueries[i].Lang = "en"
		}
	}
	cj, _ := json.Marshal(parityQueries)
	casesFile := filepath.Join(t.TempDir(), "cases.json")
	os.WriteFile(casesFile, cj, 0o644)
	jsEngine, _ := filepath.Abs("../../../templates/assets/search-engine.js")
	cmd := exec.Command(node, "testdata/parity.js", jsEngine, site, casesFile)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js []engine.Response
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("node output: %v\n%s", err, out)
	}
	ixs := map[string]*engine.Index{}
	nonEmpty := 0
	for i, c := range parityQueries {
		ix := ixs[c.Lang]
		if ix == nil {
			if ix, err = engine.Open(site, c.Lang); err != nil {
				t.Fatal(err)
			}
			ixs[c.Lang] = ix
		}
		g := ix.Query(c.Q, engine.Options{Limit: c.Limit, Product: c.Product, Type: c.Type, Exact: c.Exact, Complete: c.Complete, Facets: true})
		j := js[i]
		if len(g.Results) > 0 {
			nonEmpty++
		}
		if !slices.Equal(ids(g.Results), ids(j.Results)) || g.Total != j.Total || g.Partial != j.Partial {
			t.Errorf("%q: Go %v (%d), JS %v (%d)", c.Q, ids(g.Results), g.Total, ids(j.Results), j.Total)
			continue
		}
		for k := range g.Results {
			a, b := g.Results[k], j.Results[k]
			if math.Abs(a.Score-b.Score) > 1e-9 {
				t.Errorf("%q %s: score Go %v JS %v", c.Q, a.ID, a.Score, b.Score)
			}
			if a.Excerpt != b.Excerpt || a.Section != b.Section || a.Heading != b.Heading || !slices.Equal(a.Matched, b.Matched) ||
				a.Title != b.Title || a.URL != b.URL || !slices.Equal(a.Products, b.Products) || a.Type != b.Type || a.Derived != b.Derived {
				t.Errorf("%q %s: Go %+v\nJS %+v", c.Q, a.ID, a, b)
			}
		}
		if !reflect.DeepEqual(g.Facets, j.Facets) {
			t.Errorf("%q: facets Go %+v JS %+v", c.Q, g.Facets, j.Facets)
		}
		if !slices.Equal(g.Suggestions, j.Suggestions) || !slices.Equal(g.Corrected, j.Corrected) {
			t.Errorf("%q: suggestions Go %v %v JS %v %v", c.Q, g.Suggestions, g.Corrected, j.Suggestions, j.Corrected)
		}
	}
	return nonEmpty
}

// TestParityGenerated compares the engines on a generated corpus large
// enough for queries with hundreds of candidates, where the JS engine picks
// the top results without sorting them all.
func TestParityGenerated(t *testing.T) {
	docs := genDocs(400)
	var queries []parityCase
	for i, d := range docs[:12] {
		ws := strings.Fields(strings.ToLower(d.Title))
		q := ""
		for _, c := range ws[0] + " " + ws[1] {
			q += string(c)
			queries = append(queries, parityCase{Q: q, Limit: 1 + i%10})
		}
		queries = append(queries,
			parityCase{Q: `"` + ws[0] + " " + ws[1] + `"`, Limit: 1 + i%3},
			parityCase{Q: ws[1] + " -" + ws[0], Limit: 5},
			parityCase{Q: d.Aliases[0], Limit: 2},
			parityCase{Q: ws[0][:1], Limit: 3, Product: d.Products[0]},
			parityCase{Q: ws[0], Limit: 4, Type: []string{"how-to", "troubleshooting", "reference"}[i%3], Product: d.Products[0]})
	}
	nonEmpty := checkParity(t, writeSite(t, docs), queries)
	if nonEmpty < len(queries)/2 {
		t.Errorf("only %d of %d queries with results", nonEmpty, len(queries))
	}
	t.Logf("%d queries, %d with results, identical in Go and JS", len(queries), nonEmpty)
}

// TestParityPages compares the engines on a manifest of many small pages,
// so that routing, prefix completions and typo neighbours cross pages.
func TestParityPages(t *testing.T) {
	defer func(n, i int) { pageSize, inlinePages = n, i }(pageSize, inlinePages)
	pageSize = 2
	docs := genDocs(400)
	var queries []parityCase
	for i, d := range docs[:8] {
		ws := strings.Fields(strings.ToLower(d.Title))
		queries = append(queries, parityCase{Q: ws[0][:2]}, parityCase{Q: ws[0] + " " + ws[1][:3]},
			parityCase{Q: ws[1][:1] + ws[1] + ws[1][1:], Limit: 1 + i}, parityCase{Q: d.Aliases[0]})
	}
	// The pages in files of their own, then carried by the manifest.
	for _, inline := range []int{0, 1 << 20} {
		inlinePages = inline
		site := writeSite(t, docs)
		ix, err := engine.Open(site, "en")
		if err != nil {
			t.Fatal(err)
		}
		jsLoaded := filepath.Join(t.TempDir(), "loaded")
		t.Setenv("PARITY_LOADED", jsLoaded)
		nonEmpty := checkParity(t, site, queries)
		ix.Query("printer driver", engine.Options{})
		js, err := os.ReadFile(jsLoaded)
		if err != nil {
			t.Fatal(err)
		}
		jsPages := 0
		for _, f := range strings.Split(string(js), "\n") {
			if strings.HasPrefix(f, "en/m") && f != "en/manifest.js" {
				jsPages++
			}
		}
		if inline > 0 && jsPages != 0 || inline == 0 && jsPages == 0 {
			t.Errorf("inline %d: the browser engine read %d page files", inline, jsPages)
		}
		pages := 0
		for _, f := range ix.Loaded {
			if strings.HasPrefix(f, "en/m") && f != "en/manifest.js" {
				pages++
			}
		}
		f, err := reader.Open(site, "en", nil)
		if err != nil {
			t.Fatal(err)
		}
		if carried := len(f.Manifest().Pages); inline > 0 && (pages != 0 || carried < 2) || inline == 0 && carried != 0 {
			t.Errorf("inline %d: %d page files read, the manifest carries %d pages", inline, pages, carried)
		}
		if inline == 0 && pages < 1 {
			t.Errorf("%d pages read", pages)
		}
		if nonEmpty < len(queries)/2 {
			t.Errorf("%d of %d queries with results", nonEmpty, len(queries))
		}
	}
}

// TestParityTiers compares the engines on terms whose postings are split
// between their shard and a tail file, with and without the tails, and
// checks that a complete search ranks whole words as an untiered index
// does (prefixes and typos depend on the shard boundaries, which move).
func TestParityTiers(t *testing.T) {
	docs := genDocs(400)
	var queries []parityCase
	for i, d := range docs[:8] {
		ws := strings.Fields(strings.ToLower(d.Title))
		for _, c := range []bool{false, true} {
			queries = append(queries, parityCase{Q: ws[0][:2], Complete: c}, parityCase{Q: ws[0] + " " + ws[1] + " ", Complete: c, Exact: true, Limit: 1 + i},
				parityCase{Q: ws[1][:1] + ws[1] + ws[1][1:], Complete: c}, parityCase{Q: `"` + ws[0] + " " + ws[1] + `"`, Complete: c, Exact: true})
		}
	}
	whole := writeSite(t, docs)
	defer func(n int) { tierSize = n }(tierSize)
	tierSize = 8
	tiered := writeSite(t, docs)
	checkParity(t, tiered, queries)
	a, err := engine.Open(whole, "en")
	if err != nil {
		t.Fatal(err)
	}
	b, err := engine.Open(tiered, "en")
	if err != nil {
		t.Fatal(err)
	}
	partial := 0
	for _, c := range queries {
		o := engine.Options{Limit: c.Limit, Exact: c.Exact, Complete: c.Complete, Facets: true}
		ra, rb := a.Query(c.Q, o), b.Query(c.Q, o)
		if rb.Partial {
			partial++
		}
		if !c.Complete || !c.Exact {
			continue
		}
		if !slices.Equal(ids(ra.Results), ids(rb.Results)) || ra.Total != rb.Total || rb.Partial || !reflect.DeepEqual(ra.Facets, rb.Facets) {
			t.Errorf("%q: complete search of a tiered index: %v (%d), untiered %v (%d)", c.Q, ids(rb.Results), rb.Total, ids(ra.Results), ra.Total)
		}
		for k := range ra.Results {
			if ra.Results[k].Score != rb.Results[k].Score {
				t.Errorf("%q %s: score %v, untiered %v", c.Q, ra.Results[k].ID, rb.Results[k].Score, ra.Results[k].Score)
			}
		}
	}
	if partial == 0 {
		t.Error("no search left a tail unread")
	}
}
