package export

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"kbsite/generator/search/engine"
	"kbsite/generator/search/fields"
	"kbsite/generator/search/index"
	"kbsite/generator/search/related"
)

var kbWords = strings.Fields(`windows server printer driver network connection connect install update error
message outlook email account password sign security firewall settings registry file folder disk drive
service user computer device bluetooth adapter wireless internet browser explorer office excel word
document spreadsheet backup restore recovery system startup boot crash memory performance slow fix
problem issue resolution cause workaround symptom method step click select open close configure enable
disable remove delete create change set check verify run command prompt administrator group policy domain
controller active directory certificate license activation product key upgrade version release build
patch hotfix cumulative security vulnerability remote desktop session terminal share permission access
denied log event viewer application crash dump kernel process thread handle timeout latency bandwidth
proxy dns dhcp address router gateway cable modem sync calendar contact mailbox exchange archive
attachment profile cache temporary cookie download upload install uninstall program feature component`)

var syl = strings.Fields("ka ri to ne mo sa lu vi de pa ko ren tal mis ber gon fu zel tra qui")

// genVocab returns n words: real KB words first, then pseudo-words.
func genVocab(n int, r *rand.Rand) []string {
	seen := map[string]bool{}
	var v []string
	for _, w := range kbWords {
		if !seen[w] {
			seen[w] = true
			v = append(v, w)
		}
	}
	for len(v) < n {
		var b strings.Builder
		for k := 2 + r.IntN(3); k > 0; k-- {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			v = append(v, w)
		}
	}
	return v
}

var stopWords = strings.Fields("the a to of and in is for on that with you this it be are or by from")
var suffixes = []string{"", "", "", "s", "ing", "ed", "ion", "er"}

// genDocs makes n deterministic KB-like docs of 400-900 words.
func genDocs(n int) []fields.Doc {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := genVocab(4000, r)
	zipf := rand.NewZipf(r, 1.1, 3, uint64(len(vocab)-1))
	word := func() string {
		if r.IntN(4) == 0 {
			return stopWords[r.IntN(len(stopWords))]
		}
		return vocab[zipf.Uint64()] + suffixes[r.IntN(len(suffixes))]
	}
	sentence := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	var products []string
	for _, p := range strings.Fields("Windows_XP Windows_10 Windows_11 Windows_Server_2019 Outlook_2016 Excel_2016 Word_2019 Exchange_Server Windows_Messenger Internet_Explorer Office_365 SQL_Server Visual_Studio Edge Teams OneDrive SharePoint Skype Access_2016 PowerPoint") {
		products = append(products, strings.ReplaceAll(p, "_", " "))
	}
	docs := make([]fields.Doc, n)
	for i := range docs {
		d := &docs[i]
		d.ID = fmt.Sprintf("KB%06d", 100000+i*7)
		d.Aliases = []string{fmt.Sprintf("Q%06d", 100000+i*7)}
		d.URL = "kb/" + strings.ToLower(d.ID) + ".html"
		d.Source = "content/" + strings.ToLower(d.ID) + ".md"
		d.Lang = "en"
		d.Title = strings.TrimSuffix(sentence(4+r.IntN(5)), ".")
		d.Summary = sentence(15 + r.IntN(10))
		d.Keywords = []string{vocab[r.IntN(300)], vocab[r.IntN(300)]}
		for k := 1 + r.IntN(3); k > 0; k-- {
			p := products[int(math.Min(float64(r.ExpFloat64()*5), float64(len(products)-1)))]
			d.Products = append(d.Products, p)
			d.ProductSlugs = append(d.ProductSlugs, strings.ReplaceAll(strings.ToLower(p), " ", "-"))
		}
		// Article types in turn (every fourth doc untyped), without drawing
		// from r: the docs stay as they were before docs had types.
		types := [4][2]string{{}, {"How-to guide", "how-to"}, {"Troubleshooting", "troubleshooting"}, {"Reference", "reference"}}
		d.Type, d.TypeSlug = types[i%4][0], types[i%4][1]
		total := 400 + r.IntN(500)
		ns := 3 + r.IntN(4)
		for s := 0; s < ns; s++ {
			var b strings.Builder
			for w := 0; w < total/ns; {
				k := 6 + r.IntN(14)
				b.WriteString(sentence(k))
				b.WriteByte(' ')
				w += k
			}
			sec := fields.Section{ID: fmt.Sprintf("s%d", s), Heading: strings.TrimSuffix(sentence(2+r.IntN(4)), "."), Text: b.String()}
			if s == 0 {
				sec.ID, sec.Heading = "", ""
			}
			d.Sections = append(d.Sections, sec)
		}
	}
	return docs
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func benchBuild(b *testing.B, n int) {
	docs := genDocs(n)
	var files []File
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		files = buildFiles(docs)
	}
	b.StopTimer()
	raw, shards, recs := 0, 0, 0
	for _, f := range files {
		raw += len(f.Data)
		switch {
		case strings.Contains(f.Path, "/s"):
			shards += len(f.Data)
		case strings.Contains(f.Path, "/r/"):
			recs += len(f.Data)
		}
	}
	b.ReportMetric(float64(raw), "index-bytes")
	b.ReportMetric(float64(shards), "shard-bytes")
	b.ReportMetric(float64(recs), "record-bytes")
	b.ReportMetric(float64(len(files)), "files")
}

func BenchmarkBuild1k(b *testing.B)  { benchBuild(b, 1000) }
func BenchmarkBuild10k(b *testing.B) { benchBuild(b, 10000) }

func BenchmarkRelated10k(b *testing.B) {
	c := index.Analyze(genDocs(10000))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		related.All(c, 5)
	}
}

func BenchmarkAnalyze10k(b *testing.B) {
	docs := genDocs(10000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		index.Analyze(docs)
	}
}

// BenchmarkBleveFullIndex1k is the alternative we did not take: a full
// bleve in-memory index of the same docs (batch of 100).
func BenchmarkBleveFullIndex1k(b *testing.B) {
	docs := genDocs(1000)
	type bd struct{ ID, Title, Summary, Headings, Body, Keywords string }
	for i := 0; i < b.N; i++ {
		m := bleve.NewIndexMapping()
		m.DefaultAnalyzer = "en"
		ix, err := bleve.NewMemOnly(m)
		if err != nil {
			b.Fatal(err)
		}
		batch := ix.NewBatch()
		for k := range docs {
			d := &docs[k]
			var hs, body []string
			for _, s := range d.Sections {
				hs = append(hs, s.Heading)
				body = append(body, s.Text)
			}
			batch.Index(d.ID, bd{d.ID, d.Title, d.Summary, strings.Join(hs, "\n"), strings.Join(body, "\n"), strings.Join(d.Keywords, " ")})
			if batch.Size() >= 100 {
				ix.Batch(batch)
				batch = ix.NewBatch()
			}
		}
		ix.Batch(batch)
		ix.Close()
	}
}

// TestCorpusStats reports sizes and first-query transfer on the generated
// corpus (KBSEARCH_STATS=10000 go test -run CorpusStats -v).
func TestCorpusStats(t *testing.T) {
	n := 0
	fmt.Sscan(os.Getenv("KBSEARCH_STATS"), &n)
	if n == 0 {
		t.Skip("set KBSEARCH_STATS=<docs>")
	}
	docs := genDocs(n)
	t0 := time.Now()
	files := buildFiles(docs)
	t.Logf("build %d docs: %v", n, time.Since(t0))
	dir := t.TempDir()
	raw, gzt, maxShard, nShards := 0, 0, 0, 0
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
		raw += len(f.Data)
		gzt += gz(f.Data)
		if strings.Contains(f.Path, "/s") {
			nShards++
			maxShard = max(maxShard, len(f.Data))
		}
	}
	t.Logf("files %d, raw %d B, gzip %d B (sum of per-file gzip), shards %d, largest shard %d B", len(files), raw, gzt, nShards, maxShard)
	for _, q := range []string{"printer driver", "windows update", "password reset", "connection error", "outlook calendar sync", "firewall", "kari tomo"} {
		ix, err := engine.Open(dir, "en")
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Now()
		resp := ix.Query(q, engine.Options{Limit: 10})
		el := time.Since(t1)
		r, g, man := 0, 0, 0
		for _, f := range ix.Loaded {
			b, _ := os.ReadFile(filepath.Join(dir, "search", f))
			r += len(b)
			g += gz(b)
			if strings.HasSuffix(f, "manifest.js") {
				man = gz(b)
			}
		}
		t.Logf("%-22q total %5d, files %2d, raw %7d B, gzip %6d B (manifest %d), Go cold %v", q, resp.Total, len(ix.Loaded), r, g, man, el)
	}
}
