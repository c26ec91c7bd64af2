package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"kbsite/generator/internal/bench/measure"
	"kbsite/generator/internal/bench/peers"
	"kbsite/generator/internal/bench/report"
)

// kbRun is one kbsite build.
type kbRun struct {
	m      measure.Result
	stages map[string]time.Duration
	cpu    map[string]int // each stage's CPU utilisation, in percent of one core
	order  []string
}

// peerRun is one Hugo build followed by Pagefind.
type peerRun struct{ hugo, pagefind measure.Result }

// size benchmarks n articles: full builds of kbsite (and of the peers,
// interleaved), the search benchmark on the last outputs, then serve
// mode's one-article edits.
func (b *bench) size(n int) (*report.Size, error) {
	o := b.o
	r := &report.Size{N: n, Runs: o.runs}
	if n >= 100000 {
		r.Runs = o.runsLarge
	}
	content, err := corpus(o.cache, n, o.seed)
	if err != nil {
		return nil, err
	}
	hugoDir, err := b.hugoSite(r, content)
	if err != nil {
		return nil, err
	}
	kbOut := filepath.Join(b.work, fmt.Sprintf("kbsite-%d", n))
	hugoOut := filepath.Join(b.work, fmt.Sprintf("hugo-%d", n))
	defer b.retire(kbOut)
	defer b.retire(hugoOut)
	kbRuns, peerRuns, err := b.builds(r, content, hugoDir, kbOut, hugoOut)
	if err != nil {
		return nil, err
	}
	if err := kbsiteResults(r, kbRuns, kbOut); err != nil {
		return nil, err
	}
	if len(peerRuns) == r.Runs {
		if r.Peer, err = b.peerResults(peerRuns, hugoOut); err != nil {
			return nil, err
		}
	}
	if o.search && b.tools.SearchOK && slices.Contains(o.searchSizes, n) {
		b.searchBench(r, kbOut, hugoOut)
	}
	b.retire(kbOut)
	b.retire(hugoOut)
	if o.edits > 0 {
		if err := b.incremental(r, content); err != nil {
			r.IncrNote = "failed: " + firstLine(err.Error())
			log.Printf("incremental: %v", err)
		}
	}
	return r, nil
}

// hugoSite returns the Hugo conversion of the corpus, or "" with a note
// in r when the peers are not run.
func (b *bench) hugoSite(r *report.Size, content string) (string, error) {
	switch {
	case b.o.peers && len(b.tools.Missing) == 0:
		return peers.HugoSite(b.o.cache, content, r.N, b.o.seed, b.o.repo)
	case b.o.peers:
		r.PeerNote = "not installed: " + strings.Join(b.tools.Missing, ", ")
	default:
		r.PeerNote = "not run (-peers=false)"
	}
	return "", nil
}

// builds runs the full builds, kbsite then the peers (when hugoDir is
// set) in turn, so that machine noise hits both alike, and then kbsite's
// rebuilds. A failed peer is noted in r and not run again. The rebuilds
// come last because each deletes the site the one before replaced, and no
// fresh build is timed just after a mass deletion (measure.Deletions).
func (b *bench) builds(r *report.Size, content, hugoDir, kbOut, hugoOut string) ([]kbRun, []peerRun, error) {
	o, t := b.o, b.tools
	usePeers := hugoDir != ""
	var kbRuns []kbRun
	var peerRuns []peerRun
	for i := 0; i < r.Runs; i++ {
		b.retire(kbOut)
		b.settle()
		log.Printf("%d articles: kbsite build, run %d of %d", r.N, i+1, r.Runs)
		m, err := b.kbBuild(content, kbOut)
		if err != nil {
			return nil, nil, err
		}
		kbRuns = append(kbRuns, parseStages(m))
		if !usePeers {
			continue
		}
		b.retire(hugoOut)
		b.settle()
		log.Printf("%d articles: hugo + pagefind, run %d of %d", r.N, i+1, r.Runs)
		measure.Warm(hugoDir)
		hm, err := measure.Run(b.ctx, o.timeout, hugoDir, nil, t.Hugo, "--source", hugoDir, "--destination", hugoOut,
			"--layoutDir", filepath.Join(o.repo, "bench", "hugo", "layouts"), "--quiet")
		if err != nil {
			r.PeerNote = "hugo failed: " + firstLine(err.Error())
			usePeers = false
			log.Printf("%s", err)
			continue
		}
		pm, err := measure.Run(b.ctx, o.timeout, hugoDir, nil, t.Pagefind, "--site", hugoOut)
		if err != nil {
			r.PeerNote = "pagefind failed: " + firstLine(err.Error())
			usePeers = false
			log.Printf("%s", err)
			continue
		}
		peerRuns = append(peerRuns, peerRun{hm, pm})
	}
	// The rebuild doc writers run all day: over the output and the trash
	// folder of the site the build before replaced. The first one, over
	// the output alone, is not timed.
	log.Printf("%d articles: kbsite rebuilds (%d and one untimed)", r.N, r.Runs)
	files := measure.CountFiles(kbOut)
	var rebuilds []time.Duration
	for i := 0; i <= r.Runs; i++ {
		m, err := b.kbBuild(content, kbOut)
		if err != nil {
			return nil, nil, err
		}
		if i > 0 {
			rebuilds = append(rebuilds, m.Wall)
		}
	}
	b.del.Mark(r.Runs * files) // each timed rebuild deleted a site
	r.KbRebuildWall = measure.Median(rebuilds)
	return kbRuns, peerRuns, nil
}

// settle waits until the file system has settled after kbbench's last
// mass deletion (measure.Deletions), saying so when it waits.
func (b *bench) settle() {
	if w := b.del.Settle(b.ctx); w > 0 {
		log.Printf("waited %s for the file system to settle after deleting files", w.Round(time.Second))
	}
}

// kbBuild runs kbsite build -v of content into out, content read first
// (measure.Warm).
func (b *bench) kbBuild(content, out string) (measure.Result, error) {
	measure.Warm(content)
	return measure.Run(b.ctx, b.o.timeout, b.o.repo, nil, b.o.kbsite, "build", "-v", "--content", content,
		"--templates", filepath.Join(b.o.repo, "templates"), "--out", out)
}

// retire moves a finished output folder, and the trash folders beside
// it, out of the way into the run's work folder, which is deleted when
// kbbench ends. Deleting them here would slow the next build down: ext4
// without a journal (this machine's) skips recently deleted inodes when
// it creates a file, one by one, and after 38,000 deletions that scan
// cost the next 10k build 20-35 s of system time (perf: recently_deleted
// under ext4_create). No user's fresh build follows a mass deletion by
// seconds, so none is measured that way, kbsite's or Hugo's.
func (b *bench) retire(out string) {
	trash, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".kbsite-*"))
	for _, p := range append([]string{out}, trash...) {
		if _, err := os.Lstat(p); err != nil {
			continue
		}
		b.retired++
		dst := filepath.Join(b.work, "retired", fmt.Sprintf("%d-%s", b.retired, filepath.Base(p)))
		if os.MkdirAll(filepath.Dir(dst), 0o755) != nil || os.Rename(p, dst) != nil {
			n := measure.CountFiles(p)
			os.RemoveAll(p)
			b.del.Mark(n)
		}
	}
}

// kbsiteResults fills in r's kbsite medians, stages and output sizes.
func kbsiteResults(r *report.Size, kbRuns []kbRun, kbOut string) error {
	var walls, cpus []time.Duration
	var rss []int64
	stageRuns := map[string][]time.Duration{}
	stageCPU := map[string][]int{}
	for _, k := range kbRuns {
		walls, cpus, rss = append(walls, k.m.Wall), append(cpus, k.m.CPU), append(rss, k.m.MaxRSS)
		for name, d := range k.stages {
			stageRuns[name] = append(stageRuns[name], d)
			stageCPU[name] = append(stageCPU[name], k.cpu[name])
		}
	}
	r.KbWall, r.KbCPU, r.KbRSS = measure.Median(walls), measure.Median(cpus), measure.Max(rss)
	for _, name := range kbRuns[0].order {
		util := stageCPU[name]
		slices.Sort(util)
		r.Stages = append(r.Stages, report.Stage{Name: name, D: measure.Median(stageRuns[name]), CPU: util[len(util)/2]})
	}
	var err error
	if r.KbOut, _, _, err = measure.DirBytes(kbOut, false); err != nil {
		return err
	}
	if r.KbArticle, r.KbArticleGz, err = measure.Heaviest(kbOut, "kb/*.html"); err != nil {
		return err
	}
	r.KbIndex, r.KbIndexGz, r.KbIndexFiles, err = measure.DirBytes(filepath.Join(kbOut, "search"), true)
	return err
}

// peerResults is the medians and output sizes of Hugo + Pagefind.
func (b *bench) peerResults(runs []peerRun, hugoOut string) (*report.Peer, error) {
	pr := &report.Peer{HugoVersion: b.tools.HugoVersion, PagefindVersion: b.tools.PagefindVersion}
	var hw, pw, tw, tc []time.Duration
	var prss []int64
	for _, run := range runs {
		h, f := run.hugo, run.pagefind
		hw, pw = append(hw, h.Wall), append(pw, f.Wall)
		tw, tc = append(tw, h.Wall+f.Wall), append(tc, h.CPU+f.CPU)
		prss = append(prss, max(h.MaxRSS, f.MaxRSS))
	}
	pr.HugoWall, pr.PagefindWall, pr.Wall, pr.CPU, pr.RSS = measure.Median(hw), measure.Median(pw), measure.Median(tw), measure.Median(tc), measure.Max(prss)
	var err error
	if pr.Out, _, _, err = measure.DirBytes(hugoOut, false); err != nil {
		return nil, err
	}
	if pr.Index, pr.IndexGz, pr.IndexFiles, err = measure.DirBytes(filepath.Join(hugoOut, "pagefind"), true); err != nil {
		return nil, err
	}
	return pr, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// parseStages reads `kbsite: <stage> <duration> [<n>% cpu]` lines of
// kbsite build -v.
func parseStages(m measure.Result) kbRun {
	k := kbRun{m: m, stages: map[string]time.Duration{}, cpu: map[string]int{}}
	for _, line := range strings.Split(m.Stderr, "\n") {
		f := strings.Fields(line)
		util := 0
		if n := len(f); n > 2 && f[n-1] == "cpu" && strings.HasSuffix(f[n-2], "%") {
			util, _ = strconv.Atoi(strings.TrimSuffix(f[n-2], "%"))
			f = f[:n-2]
		}
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
		if util > 0 {
			k.cpu[name] = util
		}
	}
	return k
}

// searchBench runs bench/search-bench.mjs on the last build's outputs
// (Pagefind's too when it was built, up to 10k articles).
func (b *bench) searchBench(r *report.Size, kbOut, hugoOut string) {
	o := b.o
	out := filepath.Join(b.work, fmt.Sprintf("search-%d.json", r.N))
	args := []string{filepath.Join(o.repo, "bench", "search-bench.mjs"), "--queries", filepath.Join(o.repo, "bench", "queries.txt"),
		"--kbsite", kbOut, "--out", out}
	if r.Peer != nil && r.N <= 10000 {
		args = append(args, "--pagefind", hugoOut)
	}
	log.Printf("%d articles: browser search benchmark (headless Chromium)", r.N)
	var res struct {
		Kbsite   *report.Search `json:"kbsite"`
		Pagefind *report.Search `json:"pagefind"`
	}
	_, err := measure.Run(b.ctx, 20*time.Minute, o.repo, nil, "node", args...)
	if err == nil {
		err = readJSON(out, &res)
	}
	if err != nil {
		r.SearchNote = "search benchmark failed: " + firstLine(err.Error())
		log.Printf("%v", err)
		return
	}
	r.Search, r.PeerSearch = res.Kbsite, res.Pagefind
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
