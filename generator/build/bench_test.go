package build

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"kbsite"
	"kbsite/generator/internal/config"
	"kbsite/generator/internal/corpusgen"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/stopwatch"
	"kbsite/generator/kb"
	"kbsite/generator/theme"
)

// corpus returns a generated corpus of n articles, cached across runs in
// the system temp folder because generating 10,000 files takes a while.
func corpus(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "kbsite-corpus-"+strconv.Itoa(n))
	if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	if _, err := corpusgen.Generate(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchBuild(b *testing.B, n int) {
	content := corpus(b, n)
	out := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Build(Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: out})
		if err != nil || res.Failed() {
			b.Fatalf("%v %v", err, res.Diagnostics[:min(5, len(res.Diagnostics))])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/article")
}

func BenchmarkBuild1k(b *testing.B)  { benchBuild(b, 1000) }
func BenchmarkBuild10k(b *testing.B) { benchBuild(b, 10000) }

// benchLinks measures the link stage alone: resolving every link,
// backlinks, related articles and reachability checks, on parsed articles.
func benchLinks(b *testing.B, n int) {
	content := corpus(b, n)
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dl := &diag.List{}
		st := kb.Load(kb.Input{ContentDir: content, Config: config.Load(content, dl), Theme: theme.Open("", kbsite.Theme, dl), Times: &stopwatch.Times{}}, dl)
		runtime.GC() // do not charge the loading garbage to this stage
		w := stopwatch.New(time.Now())
		b.StartTimer()
		st.Link(dl)
		b.StopTimer()
		w.Stage("links")
		cpu += w.Stages[0].CPU
		if dl.HasErrors() {
			b.Fatal(dl.Sorted()[0])
		}
	}
	// Wall time on a shared 2-core machine is noisy; CPU time is steadier.
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n)/1000, "µs/article")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*n)/1000, "cpu-µs/article")
}

func BenchmarkLinks1k(b *testing.B)  { benchLinks(b, 1000) }
func BenchmarkLinks10k(b *testing.B) { benchLinks(b, 10000) }

// benchIncremental measures serve mode's rebuild after one article changes
// in a site of n articles (a different one each time, a sentence added):
// parse, re-link, and write the affected pages.
// b.Loop runs the setup (a full build, minutes at 100k) once. Wall time on
// a shared machine is noisy, so it reports the process's CPU time per edit
// too, garbage collection included.
func benchIncremental(b *testing.B, n int) {
	src := corpus(b, n)
	dir := b.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	sess, res, err := NewSession(Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: filepath.Join(dir, "public")})
	if err != nil || res.Failed() {
		b.Fatal(err, res.Diagnostics)
	}
	var sources []string // the articles to edit in turn, as kbbench does
	for i := range 11 {
		sources = append(sources, res.Site.Articles[(n/2+i*(n/11+1))%n].Source)
	}
	res = nil
	runtime.GC() // do not charge the full build's garbage to the edits
	written, edits := 0, 0
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		target := filepath.Join(content, filepath.FromSlash(sources[edits%len(sources)]))
		orig, _ := os.ReadFile(target)
		edited := strings.Replace(string(orig), "## Cause", "## Cause\n\nEdit number "+strconv.Itoa(edits)+".", 1)
		os.WriteFile(target, []byte(edited), 0o644)
		edits++
		w := stopwatch.New(time.Now())
		b.StartTimer()
		res, ws, err := sess.Update([]string{target})
		b.StopTimer()
		w.Stage("edit")
		cpu += w.Stages[0].CPU
		if err != nil || res.Failed() {
			b.Fatal(err, res.Diagnostics)
		}
		written = len(ws)
		b.StartTimer()
	}
	b.ReportMetric(float64(written), "files/op")
	b.ReportMetric(float64(cpu.Microseconds())/float64(edits)/1000, "cpu-ms/op")
}

func BenchmarkIncremental1k(b *testing.B)  { benchIncremental(b, 1000) }
func BenchmarkIncremental10k(b *testing.B) { benchIncremental(b, 10000) }

// benchCorpus builds a real corpus of ../shared/corpus as a writer would.
func benchCorpus(b *testing.B, name string) {
	content := filepath.Join(repo, "..", "shared", "corpus", name)
	if _, err := os.Stat(content); err != nil {
		b.Skipf("corpus %s absent: %v", name, err)
	}
	out := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Build(Options{ContentDir: content, TemplatesDir: filepath.Join(repo, "templates"), OutDir: out,
			LinkRoot: "https://learn.microsoft.com/", WarnLinks: true})
		if err != nil || res.Failed() {
			b.Fatalf("%v %v", err, res.Diagnostics[:min(5, len(res.Diagnostics))])
		}
	}
}

func BenchmarkBuildWSL(b *testing.B)       { benchCorpus(b, "wsl") }
func BenchmarkBuildKBSupport(b *testing.B) { benchCorpus(b, "kb-support") }

// BenchmarkIncremental100k needs a few minutes and about 3 GiB for its
// full build: run it alone, with -benchtime 10x.
func BenchmarkIncremental100k(b *testing.B) { benchIncremental(b, 100000) }
