package export

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"kbsite/generator/search/engine"
	"kbsite/generator/search/fields"
	"kbsite/generator/search/format"
	"kbsite/generator/search/index"
	"kbsite/generator/search/related"
)

// writeFiles writes files into a site folder.
func writeFiles(t testing.TB, dir string, files []File) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// applyUpdate writes and deletes what Update returned; every deleted file
// must exist, and no file is both written and deleted.
func applyUpdate(t testing.TB, dir string, write []File, remove []string) {
	t.Helper()
	for _, p := range remove {
		if slices.ContainsFunc(write, func(f File) bool { return f.Path == p }) {
			t.Fatalf("%s both written and removed", p)
		}
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Fatalf("remove: %v", err)
		}
	}
	writeFiles(t, dir, write)
}

// siteFiles lists the files of a site folder.
func siteFiles(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return out
}

// checkSiteMatches checks that the site folder holds exactly what a full
// export of the corpus in its current state references: the manifest, its
// shards and products, and one record per live doc.
func checkSiteFiles(t *testing.T, dir string, c *Writer) {
	t.Helper()
	have := siteFiles(t, dir)
	want := map[string]bool{}
	for _, l := range c.Corpus().Langs() {
		lc := c.langs[l]
		exp := lc.exp
		want[lc.path("manifest.js")] = true
		for j, h := range exp.pages {
			want[lc.path(format.PageName(j, h))] = true
		}
		for k, s := range exp.shards {
			want[lc.path(format.ShardName(k, s.hash))] = true
			for _, p := range s.tails {
				want[p] = true
			}
		}
		for k, p := range exp.prods {
			want[lc.path(format.ProdName(k, p.hash))] = true
		}
		for k, p := range exp.types {
			want[lc.path(format.TypeListName(k, p.hash))] = true
		}
		for d, doc := range lc.Docs() {
			if doc != nil {
				want[lc.path(format.RecordName(d, exp.recVer))] = true
			}
		}
	}
	for p := range want {
		if _, ok := have[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	for p := range have {
		if !want[p] {
			t.Errorf("stale %s", p)
		}
	}
}

func docBySource(docs []fields.Doc, src string) int {
	return slices.IndexFunc(docs, func(d fields.Doc) bool { return d.Source == src })
}

func TestUpdate(t *testing.T) {
	docs := fixtureDocs(t)
	c := New(index.Analyze(docs))
	dir := t.TempDir()
	writeFiles(t, dir, allFiles(c))

	if w, r := c.Update(nil, nil); len(w)+len(r) != 0 {
		t.Fatalf("empty update: %d files, %d removed", len(w), len(r))
	}
	i := docBySource(docs, "content/kb100004.md")
	if w, r := c.Update([]fields.Doc{docs[i]}, nil); len(w)+len(r) != 0 {
		t.Fatalf("unchanged doc: %d files, %d removed", len(w), len(r))
	}

	// Change a title and body, add a doc, remove a doc.
	changed := docs[i]
	changed.Title = "Reset your quokka passphrase"
	changed.Summary = "What to do when you forgot your passphrase."
	changed.Keywords = []string{"passphrase"}
	changed.Sections = []fields.Section{{Text: "engine.Open the zanzibarian settings page and choose a new passphrase."}}
	added := fields.Doc{ID: "KB999999", Aliases: []string{"Q999999"}, Title: "Tune the xylophonist printer",
		URL: "kb/kb999999.html", Source: "content/kb999999.md", Lang: "en", Summary: "Xylophonist printers need tuning.",
		Products: []string{"Windows 10", "Brand New Product"}, ProductSlugs: []string{"windows-10", "brand-new"},
		Sections: []fields.Section{{Text: "Tune the printer with the xylophonist wizard."}}}
	w, r := c.Update([]fields.Doc{changed, added}, []string{"content/kb100010.md"})
	if len(w) == 0 || len(r) == 0 {
		t.Fatalf("update: %d files, %d removed", len(w), len(r))
	}
	nRecords := 0
	for _, f := range w {
		if strings.Contains(f.Path, "/r/") {
			nRecords++
		}
	}
	if nRecords != 2 {
		t.Errorf("%d records written, want 2", nRecords)
	}
	applyUpdate(t, dir, w, r)
	checkSiteFiles(t, dir, c)

	ix, err := engine.Open(dir, "en")
	if err != nil {
		t.Fatal(err)
	}
	check(t, ix, []want{
		{q: "quokka", first: "KB100004"},
		{q: "zanzibarian ", first: "KB100004"},
		{q: "passphrase ", first: "KB100004"},
		{q: "password ", hasNot: []string{"KB100004"}}, // old title
		{q: "xylophonist", first: "KB999999"},
		{q: "KB999999", first: "KB999999"},
		{q: "q999999", first: "KB999999"},
		{q: "printer ", has: []string{"KB999999", "KB307294", "KB100005"}},
		{q: "xylophonist", product: "Brand New Product", first: "KB999999"},
		{q: "printer", product: "windows-10", has: []string{"KB999999", "KB100005"}},
		{q: "recycle", none: true}, // KB100010 removed
		{q: "KB100010", none: true},
		{q: "100010", none: true},
		{q: `"recycle bin"`, none: true},
		{q: "files ", hasNot: []string{"KB100010"}},
	})
	de, err := engine.Open(dir, "de")
	if err != nil {
		t.Fatal(err)
	}
	check(t, de, []want{{q: "Verbindung", has: []string{"KB200001"}}})

	// A kept doc that changes products only moves between product lists.
	moved := changed
	moved.Products, moved.ProductSlugs = []string{"Brand New Product"}, []string{"brand-new"}
	w, r = c.Update([]fields.Doc{moved}, nil)
	applyUpdate(t, dir, w, r)
	checkSiteFiles(t, dir, c)
	ix, _ = engine.Open(dir, "en")
	check(t, ix, []want{{q: "quokka", product: "Brand New Product", first: "KB100004"}, {q: "quokka", product: "Microsoft Account", none: true}})

	// Both engines agree on the updated files.
	checkParity(t, dir, append(slices.Clone(parityQueries),
		parityCase{Q: "quokka"}, parityCase{Q: "xylophonist"}, parityCase{Q: "xylo"}, parityCase{Q: "recycle"},
		parityCase{Q: "KB999999"}, parityCase{Q: "printer", Product: "Brand New Product"}))

	// Related on the updated corpus: never the removed doc, never itself.
	for _, src := range []string{"content/kb999999.md", "content/kb100005.md", "content/kb100004.md"} {
		rel := related.Sources(c.Corpus(), src, 5)
		if slices.Contains(rel, "content/kb100010.md") || slices.Contains(rel, src) {
			t.Errorf("related of %s: %v", src, rel)
		}
	}
	if rel := related.Sources(c.Corpus(), "content/kb999999.md", 3); len(rel) == 0 || !strings.Contains(strings.Join(rel, " "), "printer") &&
		!slices.Contains(rel, "content/kb100005.md") && !slices.Contains(rel, "content/kb307294.md") {
		t.Errorf("related of the new printer doc: %v", rel)
	}
	if related.Sources(c.Corpus(), "content/kb100010.md", 3) != nil {
		t.Error("related of a removed doc")
	}

	// Language change and a new language: the doc moves.
	moved = added
	moved.Lang = "fr"
	moved.Title = "Accorder l'imprimante xylophoniste"
	w, r = c.Update([]fields.Doc{moved}, nil)
	applyUpdate(t, dir, w, r)
	checkSiteFiles(t, dir, c)
	ix, _ = engine.Open(dir, "en")
	check(t, ix, []want{{q: "xylophonist", none: true}, {q: "KB999999", none: true}})
	fr, err := engine.Open(dir, "fr")
	if err != nil {
		t.Fatal(err)
	}
	check(t, fr, []want{{q: "xylophoniste", first: "KB999999"}, {q: "KB999999", first: "KB999999"}})

	// A full export of the updated corpus finds the same.
	full := t.TempDir()
	writeFiles(t, full, allFiles(c))
	ix, _ = engine.Open(full, "en")
	check(t, ix, []want{{q: "quokka", first: "KB100004"}, {q: "recycle", none: true}})
}

// TestUpdateMatchesBuild applies random edits to a generated corpus and
// checks after each round that queries match the same docs as a full build
// of the same docs (scores differ slightly: statistics are kept).
func TestUpdateMatchesBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	docs := genDocs(250)
	c := New(index.Analyze(docs))
	dir := t.TempDir()
	writeFiles(t, dir, allFiles(c))
	r := rand.New(rand.NewPCG(11, 12))
	pool := genDocs(350)[250:] // texts to take
	next := 0
	cur := slices.Clone(docs)
	// Complete words only: prefix expansion and typo candidates look at
	// a few shards, whose boundaries differ from a full build's.
	queries := []string{"printer ", "windows update ", "kari ", "connection error ", "kb100007", "100014", "firewall settings ",
		"tomo ", "qui ", "kariren ", "tomo kari ", `"windows update"`, "printer -driver "}
	for round := 0; round < 3; round++ {
		var changed []fields.Doc
		var removed []string
		for k := 0; k < 1+r.IntN(4); k++ {
			switch op := r.IntN(3); {
			case op == 0 && len(cur) > 10: // remove
				j := r.IntN(len(cur))
				removed = append(removed, cur[j].Source)
				cur = slices.Delete(cur, j, j+1)
			case op == 1: // change text
				j := r.IntN(len(cur))
				d := cur[j]
				src := pool[next%len(pool)]
				next++
				d.Title, d.Sections, d.Keywords, d.Products, d.ProductSlugs = src.Title, src.Sections, src.Keywords, src.Products, src.ProductSlugs
				d.Type, d.TypeSlug = src.Type, src.TypeSlug
				cur[j] = d
				changed = append(changed, d)
			default: // add
				d := pool[next%len(pool)]
				next++
				d.ID = fmt.Sprintf("KB9%05d", next)
				d.Aliases = nil
				d.Source = "content/new" + d.ID + ".md"
				d.URL = "kb/new" + d.ID + ".html"
				cur = append(cur, d)
				changed = append(changed, d)
			}
		}
		// A doc removed then changed in the same update is added anew.
		changed = slices.DeleteFunc(changed, func(d fields.Doc) bool { return slices.Contains(removed, d.Source) })
		w, rm := c.Update(changed, removed)
		applyUpdate(t, dir, w, rm)
		checkSiteFiles(t, dir, c)
		got, err := engine.Open(dir, "en")
		if err != nil {
			t.Fatal(err)
		}
		want, _ := engine.Open(writeSite(t, cur), "en")
		for _, q := range queries {
			a := got.Query(q, engine.Options{Limit: 100, Facets: true})
			b := want.Query(q, engine.Options{Limit: 100, Facets: true})
			if a.Total != b.Total || (a.Total <= 100 && !sameSet(ids(a.Results), ids(b.Results))) {
				t.Errorf("round %d %q: update %d %v, build %d %v", round, q, a.Total, ids(a.Results), b.Total, ids(b.Results))
			}
			if !reflect.DeepEqual(a.Facets, b.Facets) {
				t.Errorf("round %d %q: facets after update %+v, after build %+v", round, q, a.Facets, b.Facets)
			}
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// benchUpdate measures Update of one changed doc in a corpus of n docs: a
// body edit (alternating between two texts, so every op changes the doc),
// then writing the returned files into a site folder.
func benchUpdate(b *testing.B, n int, edit func(d *fields.Doc, i int)) {
	docs := genDocs(n)
	c := New(index.Analyze(docs))
	dir := b.TempDir()
	writeFiles(b, dir, allFiles(c))
	doc := docs[n/2]
	var cpu, wcpu time.Duration
	files, bytes, removed := 0, 0, 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := doc
		edit(&d, i)
		t0 := cpuTime()
		w, r := c.Update([]fields.Doc{d}, nil)
		t1 := cpuTime()
		applyUpdate(b, dir, w, r)
		wcpu += cpuTime() - t1
		cpu += t1 - t0
		files += len(w)
		removed += len(r)
		for _, f := range w {
			bytes += len(f.Data)
		}
	}
	N := float64(b.N)
	b.ReportMetric(float64(cpu.Microseconds())/N/1000, "update-cpu-ms")
	b.ReportMetric(float64(wcpu.Microseconds())/N/1000, "write-cpu-ms")
	b.ReportMetric(float64(files)/N, "files-written")
	b.ReportMetric(float64(removed)/N, "files-removed")
	b.ReportMetric(float64(bytes)/N/1024, "KiB-written")
}

// BenchmarkUpdate10k: a typical edit, a sentence added to the body.
func BenchmarkUpdate10k(b *testing.B) {
	benchUpdate(b, 10000, func(d *fields.Doc, i int) {
		d.Sections = slices.Clone(d.Sections)
		s := &d.Sections[len(d.Sections)-1]
		s.Text += fmt.Sprintf(" Restart the computer %d times.", i%2)
	})
}

// BenchmarkUpdate10kRewrite: the whole text replaced by another doc's, so
// about all its terms change (the worst case for rescoring).
func BenchmarkUpdate10kRewrite(b *testing.B) {
	alt := genDocs(2)
	benchUpdate(b, 10000, func(d *fields.Doc, i int) {
		src := alt[i%2]
		d.Title, d.Summary, d.Sections = src.Title, src.Summary, src.Sections
	})
}

// TestUpdateTiers: serve mode rewrites the tail files of the shards it
// rewrites and deletes those no longer used.
func TestUpdateTiers(t *testing.T) {
	defer func(n int) { tierSize = n }(tierSize)
	tierSize = 2
	docs := fixtureDocs(t)
	c := New(index.Analyze(docs))
	dir := t.TempDir()
	writeFiles(t, dir, allFiles(c))
	added := fields.Doc{ID: "KB999999", Title: "Tune the printer", URL: "kb/kb999999.html", Source: "content/kb999999.md", Lang: "en",
		Sections: []fields.Section{{Text: "Tune the printer with the printer wizard."}}}
	w, r := c.Update([]fields.Doc{added}, []string{"content/kb100005.md"})
	tails := 0
	for _, f := range w {
		if strings.Contains(f.Path, "/t") {
			tails++
		}
	}
	if tails == 0 || len(r) == 0 {
		t.Fatalf("update: %d tail files written, %d files removed", tails, len(r))
	}
	applyUpdate(t, dir, w, r)
	checkSiteFiles(t, dir, c)
	ix, err := engine.Open(dir, "en")
	if err != nil {
		t.Fatal(err)
	}
	got := ids(ix.Query("printer ", engine.Options{Complete: true, Limit: 100}).Results)
	if !slices.Contains(got, "KB999999") || slices.Contains(got, "KB100005") {
		t.Errorf("printer: %v", got)
	}
}
