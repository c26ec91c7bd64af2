// Command kbbench benchmarks kbsite on generated corpora and, when they are
// installed, against Hugo + Pagefind building the same articles.
//
//	kbbench [-sizes 1000,10000] [-runs 3] [-peers] [-install-peers] [-search] [-corpora wsl,kb-support] [-write BENCHMARKS.md]
//
// For every size it builds a deterministic corpus (cached in the system
// temp folder by size and seed), runs `kbsite build -v` as a child process
// (wall, user+sys CPU and peak RSS from the process state), times serve
// mode's rebuild after one article changes (build.Session.Update, in
// process), converts the corpus to a Hugo site and times `hugo` followed by
// `pagefind --site`, and prints one table with medians and ratios. With
// -search it also runs bench/search-bench.mjs (headless Chromium) for
// search bytes and latency. It also times builds of the real corpora in
// ../shared/corpus (-corpora). See BENCHMARKS.md and `make bench`.
//
// This package runs the benchmark; internal/bench/measure times child
// processes, internal/bench/peers finds and installs Hugo and Pagefind and
// converts the corpus for Hugo, and internal/bench/report prints and saves
// the results.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"kbsite/generator/internal/bench/measure"
	"kbsite/generator/internal/bench/peers"
	"kbsite/generator/internal/bench/report"
)

type options struct {
	repo, kbsite, cache, write, profile string
	sizes, searchSizes                  []int
	corpora                             []string
	runs, runsLarge, edits              int
	seed                                uint64
	peers, installPeers, search, merge  bool
	timeout, settle                     time.Duration
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.ToLower(f))
		if f == "" {
			continue
		}
		mult := 1
		if strings.HasSuffix(f, "k") {
			mult, f = 1000, strings.TrimSuffix(f, "k")
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("bad size %q (want e.g. 1000,10k,100k)", f)
		}
		out = append(out, n*mult)
	}
	sort.Ints(out)
	return out, nil
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("kbbench: ")
	o, err := parseFlags()
	if err != nil {
		log.Printf("%v", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		log.Printf("%v", err)
		stop()
		os.Exit(1)
	}
}

func parseFlags() (options, error) {
	var o options
	var sizes, searchSizes, corpora string
	flag.StringVar(&o.repo, "repo", ".", "repository root (templates/, bench/)")
	flag.StringVar(&o.kbsite, "kbsite", "bin/kbsite", "kbsite binary to benchmark (relative to -repo)")
	flag.StringVar(&sizes, "sizes", "1000,10000", "corpus sizes, comma-separated (1k, 10k, 100k accepted)")
	flag.StringVar(&searchSizes, "search-sizes", "1000,10000", "sizes (of -sizes) to run the browser search benchmark on; kbsite only above 10k")
	flag.StringVar(&corpora, "corpora", "wsl,kb-support", "real corpora (folders of ../shared/corpus) to time builds of; '' for none")
	flag.IntVar(&o.runs, "runs", 3, "full builds per tool and size (the median is reported)")
	flag.IntVar(&o.runsLarge, "runs-large", 1, "full builds per tool for sizes of 100,000 and more")
	flag.IntVar(&o.edits, "edits", 10, "one-article edits timed in serve mode (the median is reported)")
	flag.Uint64Var(&o.seed, "seed", 1, "corpus seed")
	flag.StringVar(&o.cache, "cache", filepath.Join(os.TempDir(), "kbbench"), "cache folder for generated corpora and Hugo sites")
	flag.BoolVar(&o.peers, "peers", true, "also benchmark Hugo + Pagefind when installed")
	flag.BoolVar(&o.installPeers, "install-peers", false, "install Hugo (apt-get, else go install) and Pagefind (npm, into bench/.peers) when missing")
	flag.BoolVar(&o.search, "search", false, "run the browser search benchmark (needs node, playwright-core, /usr/bin/chromium)")
	flag.StringVar(&o.write, "write", "", "write the results as Markdown to this file (e.g. BENCHMARKS.md)")
	flag.StringVar(&o.profile, "profile", "", "also CPU-profile one in-process build of this size (e.g. 10000) and show the top functions")
	flag.BoolVar(&o.merge, "merge", false, "also report the sizes not run now from their last saved results (in -cache), marked as such")
	flag.DurationVar(&o.timeout, "timeout", 30*time.Minute, "timeout for one build")
	flag.DurationVar(&o.settle, "settle", 12*time.Minute, "wait before a timed build after kbbench deleted 100,000 files (fewer: less), for file systems that create files slowly after a mass deletion (ext4 without a journal); 0: no wait")
	flag.Parse()
	var err error
	if o.sizes, err = parseSizes(sizes); err != nil {
		return o, err
	}
	if o.searchSizes, err = parseSizes(searchSizes); err != nil {
		return o, err
	}
	if o.corpora, err = parseCorpora(corpora); err != nil {
		return o, err
	}
	if o.runs < 1 || o.runsLarge < 1 {
		return o, fmt.Errorf("-runs and -runs-large must be at least 1")
	}
	if len(o.sizes) == 0 && !o.merge {
		return o, fmt.Errorf("no sizes to run (with -merge and -sizes '' it only reports saved results)")
	}
	return o, nil
}

// bench is one kbbench run: its options, the peers found, and a temporary
// folder for build outputs. ctx is cancelled on SIGINT or SIGTERM: running
// children are killed and kbbench returns, removing its temporary folder.
type bench struct {
	ctx   context.Context
	o     options
	tools peers.Tools
	work  string
	// retired counts the output folders moved aside by retire.
	retired int
	// del is when kbbench last deleted many files (this run or the last).
	del *measure.Deletions
}

func run(ctx context.Context, o options) error {
	repo, err := filepath.Abs(o.repo)
	if err != nil {
		return err
	}
	o.repo = repo
	if !filepath.IsAbs(o.kbsite) {
		o.kbsite = filepath.Join(repo, o.kbsite)
	}
	if _, err := os.Stat(o.kbsite); err != nil {
		return fmt.Errorf("no kbsite binary at %s (run: go build -o bin/kbsite ./generator/cmd/kbsite)", o.kbsite)
	}
	if err := os.MkdirAll(o.cache, 0o755); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "kbbench-run-")
	if err != nil {
		return err
	}
	b := &bench{ctx: ctx, o: o, tools: peers.Find(ctx, repo, o.installPeers), work: work,
		del: measure.OpenDeletions(filepath.Join(o.cache, "deleted"), o.settle)}
	defer func() {
		n := measure.CountFiles(work)
		os.RemoveAll(work)
		b.del.Mark(n)
	}()
	b.logTools()
	started := time.Now()
	// The real corpora go first: a child's peak RSS as Linux reports it
	// is at least its parent's when it started (the exec inherits the
	// high-water mark), and kbbench grows once it runs serve mode in
	// process.
	corpora := b.realCorpora()
	results, err := b.sizes()
	if err != nil {
		return err
	}
	if o.merge {
		results = report.Merge(o.cache, o.seed, results)
	}
	if o.profile != "" {
		results = b.addProfile(results)
	}
	fmt.Println()
	fmt.Print(report.Targets(results))
	if len(corpora) > 0 {
		fmt.Println()
		fmt.Print(report.CorporaTable(corpora))
	}
	if o.search {
		fmt.Println()
		fmt.Print(report.SearchTable(results))
	}
	log.Printf("done in %s", time.Since(started).Round(time.Second))
	if o.write != "" {
		return b.write(results, corpora, time.Since(started))
	}
	return nil
}

// logTools says which peers and search benchmark are skipped.
func (b *bench) logTools() {
	t := b.tools
	if b.o.peers {
		if len(t.Missing) > 0 {
			log.Printf("skipping peers: %s not installed (run `make bench PEERS=1` to install them)", strings.Join(t.Missing, " and "))
		} else {
			log.Printf("peers: %s; %s", t.HugoVersion, t.PagefindVersion)
		}
	}
	if b.o.search && !t.SearchOK {
		log.Printf("skipping the browser search benchmark: %s", t.SearchMissing)
	}
}

// sizes benchmarks every size, saving each one's results and printing the
// table so far, so that a long run shows results early.
func (b *bench) sizes() ([]*report.Size, error) {
	var results []*report.Size
	for _, n := range b.o.sizes {
		if b.ctx.Err() != nil {
			return nil, fmt.Errorf("interrupted")
		}
		r, err := b.size(n)
		if err != nil {
			return nil, fmt.Errorf("%d articles: %v", n, err)
		}
		results = append(results, r)
		b.save(r)
		fmt.Println()
		fmt.Print(report.Table(results))
	}
	return results, nil
}

func (b *bench) save(r *report.Size) {
	if err := report.Save(b.o.cache, b.o.seed, b.o.repo, r); err != nil {
		log.Printf("saving the %d-article results: %v", r.N, err)
	}
}

// addProfile runs -profile and adds its lines to the results of its size
// (saved again), or as a size of their own when that size was not run.
func (b *bench) addProfile(results []*report.Size) []*report.Size {
	n, err := strconv.Atoi(b.o.profile)
	if err != nil {
		return results
	}
	lines, err := b.profileBuild(n)
	if err != nil {
		log.Printf("profile: %v", err)
	}
	for _, r := range results {
		if r.N == n && len(lines) > 0 {
			r.ProfileLines = lines
			b.save(r)
		}
	}
	if len(lines) > 0 && !report.Has(results, n) {
		results = append(results, &report.Size{N: n, ProfileLines: lines})
	}
	return results
}

// write writes the Markdown report to -write.
func (b *bench) write(results []*report.Size, corpora []report.Corpus, took time.Duration) error {
	path := b.o.write
	if !filepath.IsAbs(path) {
		path = filepath.Join(b.o.repo, path)
	}
	md := report.Markdown(report.Info{Repo: b.o.repo, Seed: b.o.seed, Runs: b.o.runs, RunsLarge: b.o.runsLarge,
		SavedOnly: len(b.o.sizes) == 0, HugoVersion: b.tools.HugoVersion, PagefindVersion: b.tools.PagefindVersion,
		Took: took, Corpora: corpora}, results)
	if old, err := os.ReadFile(path); err == nil {
		md = report.KeepSection(md, string(old), report.HistoryHeading)
		md = report.KeepSection(md, string(old), report.RelevanceHeading)
		md = report.KeepSection(md, string(old), report.CorporaHeading)
	}
	if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s", path)
	return nil
}
