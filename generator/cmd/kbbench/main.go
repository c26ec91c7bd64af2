// Command kbbench benchmarks kbsite on generated corpora and, when they are
// installed, against Hugo + Pagefind building the same articles.
//
//	kbbench [-sizes 1000,10000] [-runs 3] [-peers] [-install-peers] [-search] [-write BENCHMARKS.md]
//
// For every size it builds a deterministic corpus (cached in the system
// temp folder by size and seed), runs `kbsite build -v` as a child process
// (wall, user+sys CPU and peak RSS from the process state), times serve
// mode's rebuild after one article changes (build.Session.Update, in
// process), converts the corpus to a Hugo site and times `hugo` followed by
// `pagefind --site`, and prints one table with medians and ratios. With
// -search it also runs bench/search-bench.mjs (headless Chromium) for
// search bytes and latency. See BENCHMARKS.md and `make bench`.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"kbsite/generator/build"
)

type options struct {
	repo, kbsite, cache, write, node, profile string
	sizes, searchSizes                        []int
	runs, runsLarge, edits                    int
	seed                                      uint64
	peers, installPeers, search, merge        bool
	timeout                                   time.Duration
}

func logf(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "kbbench: "+format+"\n", a...)
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
	var o options
	var sizes, searchSizes string
	flag.StringVar(&o.repo, "repo", ".", "repository root (templates/, bench/)")
	flag.StringVar(&o.kbsite, "kbsite", "bin/kbsite", "kbsite binary to benchmark (relative to -repo)")
	flag.StringVar(&sizes, "sizes", "1000,10000", "corpus sizes, comma-separated (1k, 10k, 100k accepted)")
	flag.StringVar(&searchSizes, "search-sizes", "1000,10000", "sizes (of -sizes) to run the browser search benchmark on; kbsite only above 10k")
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
	flag.Parse()
	var err error
	if o.sizes, err = parseSizes(sizes); err != nil {
		logf("%v", err)
		os.Exit(2)
	}
	if o.searchSizes, err = parseSizes(searchSizes); err != nil {
		logf("%v", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	interrupted = ctx
	if len(o.sizes) == 0 && !o.merge {
		logf("no sizes to run (with -merge and -sizes '' it only reports saved results)")
		os.Exit(2)
	}
	if err := run(o); err != nil {
		logf("%v", err)
		os.Exit(1)
	}
}

// kbRun is one kbsite build.
type kbRun struct {
	m      measurement
	stages map[string]time.Duration
	order  []string
}

// sizeResult holds everything measured at one corpus size.
type sizeResult struct {
	N, Runs int

	KbWall, KbCPU             time.Duration
	KbRSS                     int64
	KbOut, KbIndex, KbIndexGz int64
	KbIndexFiles              int
	Stages                    []stageTime
	Incr                      []time.Duration
	IncrMedian                time.Duration
	IncrFiles                 int
	IncrNote                  string
	IncrSearch                *bool // the edits rewrote files under search/ (nil: not known)

	Peer     *peerResult
	PeerNote string

	Search       *searchSite
	PeerSearch   *searchSite
	SearchNote   string
	ProfileLines []string

	// From is set on results loaded from an earlier run (-merge): when and
	// at which commit they were measured.
	From string `json:",omitempty"`
}

type stageTime struct {
	Name string
	D    time.Duration
}

type peerResult struct {
	HugoWall, PagefindWall, Wall, CPU time.Duration
	RSS                               int64
	Out, Index, IndexGz               int64
	IndexFiles                        int
	HugoVersion, PagefindVersion      string
}

type searchSite struct {
	Queries         int                `json:"queries"`
	Keystrokes      int                `json:"keystrokes"`
	EmptyQueries    int                `json:"emptyQueries"`
	NotFound        int                `json:"notFound"`
	FirstRawMedian  float64            `json:"firstRawMedian"`
	FirstGzMedian   float64            `json:"firstGzMedian"`
	FirstGzMax      float64            `json:"firstGzMax"`
	NextRawMedian   float64            `json:"nextRawMedian"`
	NextGzMedian    float64            `json:"nextGzMedian"`
	NextGzP95       float64            `json:"nextGzP95"`
	NextGzMax       float64            `json:"nextGzMax"`
	WholeRawMedian  float64            `json:"wholeRawMedian"`
	WholeGzMedian   float64            `json:"wholeGzMedian"`
	WholeGzMax      float64            `json:"wholeGzMax"`
	LatMedian       float64            `json:"latMedian"`
	LatP95          float64            `json:"latP95"`
	LatFirstMedian  float64            `json:"latFirstMedian"`
	LatNextMedian   float64            `json:"latNextMedian"`
	LatNextP95      float64            `json:"latNextP95"`
	FirstKindsGz    map[string]float64 `json:"firstKindsGzMean"`
	WholeKindsGzMed map[string]float64 `json:"wholeKindsGzMedian"`
	PerQuery        []struct {
		Query   string `json:"query"`
		Results int    `json:"results"`
		BytesGz int64  `json:"bytesGz"`
		Top     string `json:"top"`
	} `json:"perQuery"`
}

type peers struct {
	hugo, pagefind     string
	hugoV, pagefindV   string
	missing            []string
	searchOK           bool
	searchMissing      string
	pagefindInstallDir string
}

func run(o options) error {
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
	defer os.RemoveAll(work)

	p := findPeers(o)
	if o.peers {
		if len(p.missing) > 0 {
			logf("skipping peers: %s not installed (run `make bench PEERS=1` to install them)", strings.Join(p.missing, " and "))
		} else {
			logf("peers: %s; %s", p.hugoV, p.pagefindV)
		}
	}
	if o.search && !p.searchOK {
		logf("skipping the browser search benchmark: %s", p.searchMissing)
	}

	started := time.Now()
	var results []*sizeResult
	for _, n := range o.sizes {
		if interrupted.Err() != nil {
			return fmt.Errorf("interrupted")
		}
		r, err := benchSize(o, p, work, n)
		if err != nil {
			return fmt.Errorf("%d articles: %v", n, err)
		}
		results = append(results, r)
		if err := saveResult(o, r); err != nil {
			logf("saving the %d-article results: %v", n, err)
		}
		// Print the table so far, so a long run shows results early.
		fmt.Println()
		fmt.Print(table(results))
	}
	if o.merge {
		results = mergeSaved(o, results)
	}
	if o.profile != "" {
		n, err := strconv.Atoi(o.profile)
		if err == nil {
			lines, err := profileBuild(o, work, n)
			if err != nil {
				logf("profile: %v", err)
			}
			for _, r := range results {
				if r.N == n && len(lines) > 0 {
					r.ProfileLines = lines
					if err := saveResult(o, r); err != nil {
						logf("saving the %d-article results: %v", n, err)
					}
				}
			}
			if len(lines) > 0 && !containsN(results, n) {
				results = append(results, &sizeResult{N: n, ProfileLines: lines})
			}
		}
	}
	fmt.Println()
	fmt.Print(targets(results))
	if o.search {
		fmt.Println()
		fmt.Print(searchTable(results))
	}
	logf("done in %s", time.Since(started).Round(time.Second))
	if o.write != "" {
		path := o.write
		if !filepath.IsAbs(path) {
			path = filepath.Join(repo, path)
		}
		md := markdown(o, p, results, time.Since(started))
		if old, err := os.ReadFile(path); err == nil {
			md = keepSection(md, string(old), relevanceHeading)
		}
		if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
			return err
		}
		logf("wrote %s", path)
	}
	return nil
}

func containsN(rs []*sizeResult, n int) bool {
	for _, r := range rs {
		if r.N == n {
			return true
		}
	}
	return false
}

func findPeers(o options) peers {
	var p peers
	p.pagefindInstallDir = filepath.Join(o.repo, "bench", ".peers")
	locate := func() {
		p.missing = nil
		if h, err := exec.LookPath("hugo"); err == nil {
			p.hugo = h
		} else if gp := filepath.Join(goBin(), "hugo"); fileExists(gp) {
			p.hugo = gp
		}
		p.pagefind = ""
		for _, dir := range []string{p.pagefindInstallDir, o.repo} {
			for _, b := range []string{"pagefind_extended", "pagefind"} {
				c := filepath.Join(dir, "node_modules", "@pagefind", "linux-x64", "bin", b)
				if p.pagefind == "" && fileExists(c) {
					p.pagefind = c
				}
			}
		}
		if p.hugo == "" {
			p.missing = append(p.missing, "hugo")
		}
		if p.pagefind == "" {
			p.missing = append(p.missing, "pagefind")
		}
	}
	locate()
	if o.installPeers && len(p.missing) > 0 {
		installPeers(o, &p)
		locate()
	}
	if p.hugo != "" {
		if out, err := exec.Command(p.hugo, "version").Output(); err == nil {
			p.hugoV = strings.TrimSpace(string(out))
			if i := strings.Index(p.hugoV, " BuildDate"); i > 0 {
				p.hugoV = p.hugoV[:i]
			}
		}
	}
	if p.pagefind != "" {
		if out, err := exec.Command(p.pagefind, "--version").Output(); err == nil {
			p.pagefindV = strings.TrimSpace(string(out))
		}
	}
	// The browser benchmark needs node, playwright-core and Chromium.
	switch {
	case !commandExists("node"):
		p.searchMissing = "node is not installed"
	case !fileExists(filepath.Join(o.repo, "node_modules", "playwright-core", "package.json")):
		p.searchMissing = "node_modules/playwright-core is missing (run npm ci, or make test-deps)"
	case !fileExists(chromiumPath()):
		p.searchMissing = chromiumPath() + " is missing (apt-get install -y chromium, or make test-deps)"
	default:
		p.searchOK = true
	}
	return p
}

func chromiumPath() string {
	if c := os.Getenv("CHROMIUM"); c != "" {
		return c
	}
	return "/usr/bin/chromium"
}

func goBin() string {
	if b := os.Getenv("GOBIN"); b != "" {
		return b
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		return filepath.Join(strings.TrimSpace(string(out)), "bin")
	}
	return ""
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func commandExists(name string) bool { _, err := exec.LookPath(name); return err == nil }

// installPeers installs what is missing: Hugo from Debian (apt-get update
// only if the first try fails), else with go install; Pagefind from npm
// into bench/.peers (its npm package ships the binary).
func installPeers(o options, p *peers) {
	sh := func(timeout time.Duration, name string, args ...string) error {
		logf("installing: %s %s", name, strings.Join(args, " "))
		_, err := runChild(timeout, o.repo, []string{"DEBIAN_FRONTEND=noninteractive"}, name, args...)
		if err != nil {
			logf("  failed: %v", err)
		}
		return err
	}
	if p.hugo == "" {
		err := sh(10*time.Minute, "apt-get", "install", "-y", "hugo")
		if err != nil {
			if sh(10*time.Minute, "apt-get", "update") == nil {
				err = sh(10*time.Minute, "apt-get", "install", "-y", "hugo")
			}
		}
		if err != nil {
			sh(30*time.Minute, "go", "install", "github.com/gohugoio/hugo@v0.111.3")
		}
	}
	if p.pagefind == "" {
		os.MkdirAll(p.pagefindInstallDir, 0o755)
		pj := filepath.Join(p.pagefindInstallDir, "package.json")
		if !fileExists(pj) {
			os.WriteFile(pj, []byte("{\"private\": true}\n"), 0o644)
		}
		sh(10*time.Minute, "npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", p.pagefindInstallDir, "pagefind@1.6.0")
	}
}

func benchSize(o options, p peers, work string, n int) (*sizeResult, error) {
	r := &sizeResult{N: n, Runs: o.runs}
	if n >= 100000 {
		r.Runs = o.runsLarge
	}
	content, err := corpus(o.cache, n, o.seed)
	if err != nil {
		return nil, err
	}
	usePeers := o.peers && len(p.missing) == 0
	var hugoDir string
	if usePeers {
		if hugoDir, err = hugoSite(o.cache, content, n, o.seed, o.repo); err != nil {
			return nil, err
		}
	} else if o.peers {
		r.PeerNote = "not installed: " + strings.Join(p.missing, ", ")
	} else {
		r.PeerNote = "not run (-peers=false)"
	}
	kbOut := filepath.Join(work, fmt.Sprintf("kbsite-%d", n))
	hugoOut := filepath.Join(work, fmt.Sprintf("hugo-%d", n))
	defer os.RemoveAll(kbOut)
	defer os.RemoveAll(hugoOut)

	var kbRuns []kbRun
	var hugoRuns, pfRuns []measurement
	for i := 0; i < r.Runs; i++ {
		// Interleave the tools so that machine noise hits both alike.
		os.RemoveAll(kbOut)
		logf("%d articles: kbsite build, run %d of %d", n, i+1, r.Runs)
		m, err := runChild(o.timeout, o.repo, nil, o.kbsite, "build", "-v", "--content", content,
			"--templates", filepath.Join(o.repo, "templates"), "--out", kbOut)
		if err != nil {
			return nil, err
		}
		kbRuns = append(kbRuns, parseStages(m))
		if usePeers {
			os.RemoveAll(hugoOut)
			logf("%d articles: hugo + pagefind, run %d of %d", n, i+1, r.Runs)
			hm, err := runChild(o.timeout, hugoDir, nil, p.hugo, "--source", hugoDir, "--destination", hugoOut,
				"--layoutDir", filepath.Join(o.repo, "bench", "hugo", "layouts"), "--quiet")
			if err != nil {
				r.PeerNote = "hugo failed: " + firstLine(err.Error())
				usePeers = false
				logf("%s", err)
				continue
			}
			pm, err := runChild(o.timeout, hugoDir, nil, p.pagefind, "--site", hugoOut)
			if err != nil {
				r.PeerNote = "pagefind failed: " + firstLine(err.Error())
				usePeers = false
				logf("%s", err)
				continue
			}
			hugoRuns, pfRuns = append(hugoRuns, hm), append(pfRuns, pm)
		}
	}
	var walls, cpus []time.Duration
	var rss []int64
	stageRuns := map[string][]time.Duration{}
	for _, k := range kbRuns {
		walls, cpus, rss = append(walls, k.m.Wall), append(cpus, k.m.CPU), append(rss, k.m.MaxRSS)
		for name, d := range k.stages {
			stageRuns[name] = append(stageRuns[name], d)
		}
	}
	r.KbWall, r.KbCPU, r.KbRSS = median(walls), median(cpus), maxInt(rss)
	for _, name := range kbRuns[0].order {
		r.Stages = append(r.Stages, stageTime{name, median(stageRuns[name])})
	}
	if r.KbOut, _, _, err = dirBytes(kbOut, false); err != nil {
		return nil, err
	}
	if r.KbIndex, r.KbIndexGz, r.KbIndexFiles, err = dirBytes(filepath.Join(kbOut, "search"), true); err != nil {
		return nil, err
	}
	if usePeers && len(hugoRuns) == r.Runs {
		pr := &peerResult{HugoVersion: p.hugoV, PagefindVersion: p.pagefindV}
		var hw, pw, tw, tc []time.Duration
		var prss []int64
		for i := range hugoRuns {
			h, f := hugoRuns[i], pfRuns[i]
			hw, pw = append(hw, h.Wall), append(pw, f.Wall)
			tw, tc = append(tw, h.Wall+f.Wall), append(tc, h.CPU+f.CPU)
			prss = append(prss, max(h.MaxRSS, f.MaxRSS))
		}
		pr.HugoWall, pr.PagefindWall, pr.Wall, pr.CPU, pr.RSS = median(hw), median(pw), median(tw), median(tc), maxInt(prss)
		if pr.Out, _, _, err = dirBytes(hugoOut, false); err != nil {
			return nil, err
		}
		if pr.Index, pr.IndexGz, pr.IndexFiles, err = dirBytes(filepath.Join(hugoOut, "pagefind"), true); err != nil {
			return nil, err
		}
		r.Peer = pr
	}

	// Browser search benchmark on the last build's outputs.
	if o.search && p.searchOK && containsInt(o.searchSizes, n) {
		ss, ps, err := searchBench(o, work, n, kbOut, hugoOut, r.Peer != nil && n <= 10000)
		if err != nil {
			r.SearchNote = "search benchmark failed: " + firstLine(err.Error())
			logf("%v", err)
		} else {
			r.Search, r.PeerSearch = ss, ps
		}
	}
	os.RemoveAll(kbOut)
	os.RemoveAll(hugoOut)

	if o.edits > 0 {
		if err := incremental(o, r, content, work); err != nil {
			r.IncrNote = "failed: " + firstLine(err.Error())
			logf("incremental: %v", err)
		}
	}
	return r, nil
}

func containsInt(xs []int, n int) bool {
	for _, x := range xs {
		if x == n {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// parseStages reads `kbsite: <stage> <duration>` lines of kbsite build -v.
func parseStages(m measurement) kbRun {
	k := kbRun{m: m, stages: map[string]time.Duration{}}
	for _, line := range strings.Split(m.Stderr, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || f[0] != "kbsite:" {
			continue
		}
		d, err := time.ParseDuration(f[len(f)-1])
		if err != nil {
			continue
		}
		name := strings.Join(f[1:len(f)-1], " ")
		if _, seen := k.stages[name]; !seen {
			k.order = append(k.order, name)
		}
		k.stages[name] += d
	}
	return k
}

// incremental times serve mode's rebuild after one article changes: a
// session over a private copy of the corpus, then o.edits edits, each to a
// different article, timed around Session.Update (parse, re-link, render
// and write the affected pages). One untimed edit warms up first.
func incremental(o options, r *sizeResult, corpusDir, work string) error {
	dir, err := os.MkdirTemp(work, "incr-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	content := filepath.Join(dir, "content")
	logf("%d articles: serve-mode session for %d one-article edits", r.N, o.edits)
	if err := os.CopyFS(content, os.DirFS(corpusDir)); err != nil {
		return err
	}
	os.Remove(filepath.Join(content, ".complete"))
	sess, res, err := build.NewSession(build.Options{ContentDir: content, TemplatesDir: filepath.Join(o.repo, "templates"),
		OutDir: filepath.Join(dir, "public")})
	if err != nil {
		return err
	}
	if res.Failed() {
		return fmt.Errorf("initial build failed: %v", res.Diagnostics[0])
	}
	arts := res.Site.Articles
	files := 0
	for i := 0; i <= o.edits; i++ {
		a := arts[(len(arts)/2+i*(len(arts)/(o.edits+1)+1))%len(arts)]
		target := filepath.Join(content, filepath.FromSlash(a.Source))
		orig, err := os.ReadFile(target)
		if err != nil {
			return err
		}
		edited := strings.Replace(string(orig), "## Cause\n", "## Cause\n\nEdited by kbbench, edit "+strconv.Itoa(i)+".\n", 1)
		if err := os.WriteFile(target, []byte(edited), 0o644); err != nil {
			return err
		}
		runtime.GC()
		start := time.Now()
		res, written, err := sess.Update([]string{target})
		d := time.Since(start)
		if err != nil {
			return err
		}
		if res.Failed() {
			return fmt.Errorf("edit failed: %v", res.Diagnostics[0])
		}
		if i > 0 {
			r.Incr = append(r.Incr, d)
			files += len(written)
			if r.IncrSearch == nil {
				r.IncrSearch = new(bool)
			}
			for _, w := range written {
				if strings.HasPrefix(filepath.ToSlash(w), "search/") {
					*r.IncrSearch = true
				}
			}
		}
	}
	r.IncrMedian = median(r.Incr)
	r.IncrFiles = files / o.edits
	sess = nil
	res = nil
	debug.FreeOSMemory()
	return nil
}

// profileBuild CPU-profiles one in-process build of n articles and returns
// the top functions by cumulative and flat time (go tool pprof -top).
func profileBuild(o options, work string, n int) ([]string, error) {
	content, err := corpus(o.cache, n, o.seed)
	if err != nil {
		return nil, err
	}
	prof := filepath.Join(work, "build.prof")
	f, err := os.Create(prof)
	if err != nil {
		return nil, err
	}
	logf("%d articles: profiling one in-process build", n)
	out := filepath.Join(work, "profile-out")
	defer os.RemoveAll(out)
	pprof.StartCPUProfile(f)
	res, err := build.Build(build.Options{ContentDir: content, TemplatesDir: filepath.Join(o.repo, "templates"), OutDir: out})
	pprof.StopCPUProfile()
	f.Close()
	if err != nil {
		return nil, err
	}
	if res.Failed() {
		return nil, fmt.Errorf("build failed: %v", res.Diagnostics[0])
	}
	exe, _ := os.Executable()
	var lines []string
	for _, mode := range []string{"-flat", "-cum"} {
		cmd := exec.Command("go", "tool", "pprof", "-top", mode, "-nodecount=18", exe, prof)
		b, err := cmd.Output()
		if err != nil {
			return lines, fmt.Errorf("go tool pprof: %v", err)
		}
		lines = append(lines, "$ go tool pprof -top "+mode+" (one in-process build of "+strconv.Itoa(n)+" articles)")
		for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
			if strings.HasPrefix(l, "File:") || strings.HasPrefix(l, "Build ID:") || strings.HasPrefix(l, "Type:") || strings.HasPrefix(l, "Time:") {
				continue
			}
			lines = append(lines, l)
		}
		lines = append(lines, "")
	}
	return lines, nil
}

// searchBench runs bench/search-bench.mjs on the built sites.
func searchBench(o options, work string, n int, kbOut, hugoOut string, withPeer bool) (*searchSite, *searchSite, error) {
	out := filepath.Join(work, fmt.Sprintf("search-%d.json", n))
	args := []string{filepath.Join(o.repo, "bench", "search-bench.mjs"), "--queries", filepath.Join(o.repo, "bench", "queries.txt"),
		"--kbsite", kbOut, "--out", out}
	if withPeer {
		args = append(args, "--pagefind", hugoOut)
	}
	logf("%d articles: browser search benchmark (headless Chromium)", n)
	if _, err := runChild(20*time.Minute, o.repo, nil, "node", args...); err != nil {
		return nil, nil, err
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, nil, err
	}
	var res struct {
		Kbsite   *searchSite `json:"kbsite"`
		Pagefind *searchSite `json:"pagefind"`
	}
	if err := json.Unmarshal(b, &res); err != nil {
		return nil, nil, err
	}
	return res.Kbsite, res.Pagefind, nil
}

func savedPath(o options, n int) string {
	return filepath.Join(o.cache, "results", fmt.Sprintf("%d-seed%d.json", n, o.seed))
}

// saveResult keeps a size's results in the cache for later -merge runs.
func saveResult(o options, r *sizeResult) error {
	c := *r
	if c.From != "" { // merged from an earlier run: keep when it was measured
		b, err := json.MarshalIndent(&c, "", " ")
		if err != nil {
			return err
		}
		return os.WriteFile(savedPath(o, r.N), b, 0o644)
	}
	c.From = time.Now().UTC().Format("2006-01-02 15:04 UTC") + " at commit " + commit(o.repo)
	b, err := json.MarshalIndent(&c, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(savedPath(o, r.N)), 0o755); err != nil {
		return err
	}
	return os.WriteFile(savedPath(o, r.N), b, 0o644)
}

// mergeSaved adds the saved results of the sizes not in this run.
func mergeSaved(o options, rs []*sizeResult) []*sizeResult {
	files, _ := filepath.Glob(filepath.Join(o.cache, "results", fmt.Sprintf("*-seed%d.json", o.seed)))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var r sizeResult
		if err := json.Unmarshal(b, &r); err != nil || r.N == 0 || containsN(rs, r.N) {
			continue
		}
		logf("merging the %d-article results measured %s", r.N, r.From)
		rs = append(rs, &r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].N < rs[j].N })
	return rs
}
