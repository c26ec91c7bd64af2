package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"time"
)

func fmtDur(d time.Duration) string {
	switch {
	case d <= 0:
		return "-"
	case d < time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d)/1e6)
	case d < 10*time.Second:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	default:
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
}

func fmtMs(ms float64) string {
	if ms < 10 {
		return fmt.Sprintf("%.2f ms", ms)
	}
	return fmt.Sprintf("%.1f ms", ms)
}

func fmtBytes(b int64) string {
	f := float64(b)
	switch {
	case b < 0:
		return "-"
	case f < 1024:
		return fmt.Sprintf("%d B", b)
	case f < 1024*1024:
		return fmt.Sprintf("%.1f KiB", f/1024)
	case f < 1024*1024*1024:
		return fmt.Sprintf("%.1f MiB", f/1024/1024)
	default:
		return fmt.Sprintf("%.2f GiB", f/1024/1024/1024)
	}
}

func ratio(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

func sizeName(n int) string {
	if n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

func perSec(n int, d time.Duration) string {
	if d <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", float64(n)/d.Seconds())
}

// table is the one results table (Markdown, readable as text too).
func table(rs []*sizeResult) string {
	var b strings.Builder
	b.WriteString("| articles | tool | runs | wall (median) | CPU user+sys | articles/s | peak RSS | output | search index (gzip) | 1 article changed, serve mode |\n")
	b.WriteString("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rs {
		if r.Runs == 0 {
			continue
		}
		incr := "-"
		if r.IncrMedian > 0 {
			incr = fmt.Sprintf("%s (median of %d; %d files)", fmtDur(r.IncrMedian), len(r.Incr), r.IncrFiles)
		} else if r.IncrNote != "" {
			incr = r.IncrNote
		}
		fmt.Fprintf(&b, "| %s | kbsite | %d | %s | %s | %s | %s | %s | %s (%s) | %s |\n", sizeName(r.N), r.Runs,
			fmtDur(r.KbWall), fmtDur(r.KbCPU), perSec(r.N, r.KbWall), fmtBytes(r.KbRSS), fmtBytes(r.KbOut),
			fmtBytes(r.KbIndex), fmtBytes(r.KbIndexGz), incr)
		if p := r.Peer; p != nil {
			fmt.Fprintf(&b, "| %s | Hugo + Pagefind | %d | %s (%s + %s) | %s | %s | %s | %s | %s (%s) | not measured |\n", sizeName(r.N), r.Runs,
				fmtDur(p.Wall), fmtDur(p.HugoWall), fmtDur(p.PagefindWall), fmtDur(p.CPU), perSec(r.N, p.Wall), fmtBytes(p.RSS),
				fmtBytes(p.Out), fmtBytes(p.Index), fmtBytes(p.IndexGz))
			fmt.Fprintf(&b, "| %s | **ratio kbsite / peer** | | **%s** | %s | %s | %s | %s | %s (%s) | |\n", sizeName(r.N),
				ratio(float64(r.KbWall), float64(p.Wall)), ratio(float64(r.KbCPU), float64(p.CPU)),
				ratio(float64(p.Wall), float64(r.KbWall)), ratio(float64(r.KbRSS), float64(p.RSS)),
				ratio(float64(r.KbOut), float64(p.Out)), ratio(float64(r.KbIndex), float64(p.Index)), ratio(float64(r.KbIndexGz), float64(p.IndexGz)))
		} else if r.PeerNote != "" {
			fmt.Fprintf(&b, "| %s | Hugo + Pagefind | | %s | | | | | | |\n", sizeName(r.N), r.PeerNote)
		}
	}
	return b.String()
}

func find(rs []*sizeResult, n int) *sizeResult {
	for _, r := range rs {
		if r.N == n && r.Runs > 0 {
			return r
		}
	}
	return nil
}

func stageSum(r *sizeResult) time.Duration {
	var t time.Duration
	for _, s := range r.Stages {
		t += s.D
	}
	return t
}

func stage(r *sizeResult, name string) time.Duration {
	for _, s := range r.Stages {
		if s.Name == name {
			return s.D
		}
	}
	return 0
}

func verdict(ok bool) string {
	if ok {
		return "**met**"
	}
	return "**NOT met**"
}

// targets reports the targets against what was measured.
func targets(rs []*sizeResult) string {
	var b strings.Builder
	b.WriteString("| target | measured | status |\n|---|---|---|\n")
	r10, r100 := find(rs, 10000), find(rs, 100000)
	if r10 != nil && r10.Peer != nil {
		fmt.Fprintf(&b, "| 10k full build incl. search <= 1/2 of Hugo + Pagefind wall time | %s vs %s = %s | %s |\n",
			fmtDur(r10.KbWall), fmtDur(r10.Peer.Wall), ratio(float64(r10.KbWall), float64(r10.Peer.Wall)),
			verdict(r10.KbWall*2 <= r10.Peer.Wall))
	} else {
		b.WriteString("| 10k full build incl. search <= 1/2 of Hugo + Pagefind wall time | not measured (10k or peers not run) | - |\n")
	}
	if r100 != nil {
		fmt.Fprintf(&b, "| 100k peak RSS < 3 GiB | %s | %s |\n", fmtBytes(r100.KbRSS), verdict(r100.KbRSS < 3<<30))
		if r10 != nil {
			fmt.Fprintf(&b, "| 100k total time <= ~12x the 10k time | %s vs %s = %.1fx | %s |\n", fmtDur(r100.KbWall), fmtDur(r10.KbWall),
				float64(r100.KbWall)/float64(r10.KbWall), verdict(r100.KbWall <= 12*r10.KbWall))
		}
	} else {
		b.WriteString("| 100k peak RSS < 3 GiB | not measured (run with SIZES=1k,10k,100k) | - |\n")
		b.WriteString("| 100k total time <= ~12x the 10k time | not measured | - |\n")
	}
	if r10 != nil && r10.IncrMedian > 0 {
		fmt.Fprintf(&b, "| one changed article at 10k rebuilt and written < 100 ms | %s median of %d (max %s) | %s |\n",
			fmtDur(r10.IncrMedian), len(r10.Incr), fmtDur(maxDur(r10.Incr)), verdict(r10.IncrMedian < 100*time.Millisecond))
	} else {
		b.WriteString("| one changed article at 10k rebuilt and written < 100 ms | not measured | - |\n")
	}
	for _, r := range rs {
		if r.Search == nil {
			continue
		}
		if r.PeerSearch != nil {
			fmt.Fprintf(&b, "| %s: first query <= 1/2 of Pagefind's bytes (gzip) | %s vs %s = %s (raw %s vs %s) | %s |\n", sizeName(r.N),
				fmtBytes(int64(r.Search.FirstGzMedian)), fmtBytes(int64(r.PeerSearch.FirstGzMedian)),
				ratio(r.Search.FirstGzMedian, r.PeerSearch.FirstGzMedian),
				fmtBytes(int64(r.Search.FirstRawMedian)), fmtBytes(int64(r.PeerSearch.FirstRawMedian)),
				verdict(r.Search.FirstGzMedian*2 <= r.PeerSearch.FirstGzMedian))
		}
		fmt.Fprintf(&b, "| %s: median keystroke-to-results < 10 ms | %s (p95 %s) | %s |\n", sizeName(r.N),
			fmtMs(r.Search.LatMedian), fmtMs(r.Search.LatP95), verdict(r.Search.LatMedian < 10))
	}
	for _, r := range rs {
		if r.Runs == 0 {
			continue
		}
		// Search indexing is the analysis and writing the index files.
		an, files, tot := stage(r, "search"), stage(r, "search files"), stageSum(r)
		if s := an + files; tot > 0 {
			fmt.Fprintf(&b, "| %s: search indexing <= 1/3 of total build time | %s (analysis %s, writing %s) of %s (%.0f%%) | %s |\n", sizeName(r.N),
				fmtDur(s), fmtDur(an), fmtDur(files), fmtDur(tot), 100*float64(s)/float64(tot), verdict(3*s <= tot))
		}
	}
	return b.String()
}

func maxDur(ds []time.Duration) time.Duration {
	var m time.Duration
	for _, d := range ds {
		m = max(m, d)
	}
	return m
}

// searchTable is the browser search benchmark's results.
func searchTable(rs []*sizeResult) string {
	var b strings.Builder
	b.WriteString("| articles | engine | index on disk (gzip) | files | first query (gzip) | next keystroke median / p95 / max (gzip) | whole query typed, median (gzip) | latency median / p95 (all keystrokes) | first keystroke median | queries with no results |\n")
	b.WriteString("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	row := func(n int, name string, idx, idxGz int64, files int, s *searchSite) {
		fmt.Fprintf(&b, "| %s | %s | %s (%s) | %d | %s (%s) | %s / %s / %s | %s (%s) | %s / %s | %s | %d of %d |\n",
			sizeName(n), name, fmtBytes(idx), fmtBytes(idxGz), files,
			fmtBytes(int64(s.FirstRawMedian)), fmtBytes(int64(s.FirstGzMedian)),
			fmtBytes(int64(s.NextGzMedian)), fmtBytes(int64(s.NextGzP95)), fmtBytes(int64(s.NextGzMax)),
			fmtBytes(int64(s.WholeRawMedian)), fmtBytes(int64(s.WholeGzMedian)),
			fmtMs(s.LatMedian), fmtMs(s.LatP95), fmtMs(s.LatFirstMedian), s.EmptyQueries, s.Queries)
	}
	any := false
	for _, r := range rs {
		if r.Search != nil {
			any = true
			row(r.N, "kbsite", r.KbIndex, r.KbIndexGz, r.KbIndexFiles, r.Search)
		}
		if r.PeerSearch != nil && r.Peer != nil {
			row(r.N, "Pagefind", r.Peer.Index, r.Peer.IndexGz, r.Peer.IndexFiles, r.PeerSearch)
		}
		if r.SearchNote != "" {
			fmt.Fprintf(&b, "| %s | | %s | | | | | | | |\n", sizeName(r.N), r.SearchNote)
		}
	}
	if !any {
		return ""
	}
	return b.String()
}

// growthTable shows kbsite's per-query bytes by kind as the corpus grows.
func growthTable(rs []*sizeResult) string {
	var b strings.Builder
	kinds := []string{"manifest", "shards", "records", "products"}
	b.WriteString("| articles | index on disk (gzip) | first keystroke: manifest + shards + records (gzip, mean) | whole query typed: manifest | shards | records | products | total without engine script (gzip, median) |\n")
	b.WriteString("|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	any := false
	for _, r := range rs {
		s := r.Search
		if s == nil {
			continue
		}
		any = true
		first := s.FirstKindsGz["manifest"] + s.FirstKindsGz["shards"] + s.FirstKindsGz["records"] + s.FirstKindsGz["products"]
		fmt.Fprintf(&b, "| %s | %s | %s |", sizeName(r.N), fmtBytes(r.KbIndexGz), fmtBytes(int64(first)))
		var tot float64
		for _, k := range kinds {
			v := s.WholeKindsGzMed[k]
			tot += v
			fmt.Fprintf(&b, " %s |", fmtBytes(int64(v)))
		}
		fmt.Fprintf(&b, " %s |\n", fmtBytes(int64(tot)))
	}
	if !any {
		return ""
	}
	return b.String()
}

func readFirst(path, prefix string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, prefix) {
			if i := strings.IndexByte(l, ':'); i >= 0 {
				return strings.TrimSpace(l[i+1:])
			}
		}
	}
	return ""
}

func machine() string {
	var b strings.Builder
	cpu := readFirst("/proc/cpuinfo", "model name")
	mem := readFirst("/proc/meminfo", "MemTotal")
	kernel, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	goV := runtime.Version()
	if out, err := exec.Command("go", "version").Output(); err == nil {
		goV = strings.TrimSpace(string(out))
	}
	fmt.Fprintf(&b, "- nproc: %d\n- CPU: %s\n- RAM: %s\n- Go: %s (kbbench built with %s)\n- kernel: Linux %s\n",
		runtime.NumCPU(), cpu, memGiB(mem), goV, runtime.Version(), strings.TrimSpace(string(kernel)))
	return b.String()
}

func memGiB(s string) string {
	var kb int64
	if _, err := fmt.Sscanf(s, "%d kB", &kb); err != nil {
		return s
	}
	return fmt.Sprintf("%.1f GiB", float64(kb)/1024/1024)
}

func commit(repo string) string {
	c := exec.Command("git", "rev-parse", "--short", "HEAD")
	c.Dir = repo
	out, err := c.Output()
	if err != nil {
		return "unknown commit"
	}
	s := "`" + strings.TrimSpace(string(out)) + "`"
	c = exec.Command("git", "status", "--porcelain")
	c.Dir = repo
	st, _ := c.Output()
	var gofiles []string
	for _, l := range strings.Split(string(st), "\n") {
		if len(l) > 3 && strings.HasSuffix(l, ".go") && !strings.Contains(l, "cmd/kbbench/") {
			gofiles = append(gofiles, strings.TrimSpace(l[3:]))
		}
	}
	if len(gofiles) > 0 {
		sort.Strings(gofiles)
		s += " with uncommitted changes (Go: " + strings.Join(gofiles, ", ") + ")"
	}
	return s
}

func markdown(o options, p peers, rs []*sizeResult, took time.Duration) string {
	var b strings.Builder
	var sizes []string
	for _, r := range rs {
		if r.Runs > 0 {
			sizes = append(sizes, sizeName(r.N))
		}
	}
	tookNote := "the whole run took " + took.Round(time.Second).String()
	if len(o.sizes) == 0 {
		tookNote = "every row comes from a saved earlier run (see below)"
	}
	b.WriteString("# Benchmarks\n\n")
	b.WriteString("Written by `kbbench -write BENCHMARKS.md` (`make bench`; see [How to run](#how-to-run)); do not edit by hand, rerun instead.\n\n")
	fmt.Fprintf(&b, "Written on %s at commit %s; sizes %s, seed %d, %d runs per build (%d at 100k and above); %s.\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), commit(o.repo), strings.Join(sizes, ", "), o.seed, o.runs, o.runsLarge, tookNote)
	b.WriteString("## Machine\n\n" + machine())
	if p.hugoV != "" || p.pagefindV != "" {
		fmt.Fprintf(&b, "- peers: %s; %s\n", p.hugoV, p.pagefindV)
	}
	b.WriteString("\nThe machine is shared and noisy: every figure is a median of several runs, and the tools are run interleaved (kbsite, Hugo, Pagefind, kbsite, ...) so that ratios compare runs made at the same time. Files are in the page cache (the corpus is generated once and reused).\n\n")

	b.WriteString("## Results\n\n")
	b.WriteString(table(rs))
	for _, r := range rs {
		if r.From != "" {
			fmt.Fprintf(&b, "\nThe %s rows come from an earlier run (`kbbench -merge`): measured %s.\n", sizeName(r.N), r.From)
		}
	}
	b.WriteString(`
- **wall** is the child process's elapsed time; **CPU** is its user + system time (from the process state, children included); **peak RSS** is ` + "`Maxrss`" + ` (the largest over the runs); Hugo + Pagefind are two processes run one after the other: their times add up and the peak is the larger of the two.
- **output** is every file written; **search index** is kbsite's ` + "`search/`" + ` folder (manifest, shards, records, product lists) or Hugo's ` + "`public/pagefind/`" + ` (gzip: each file compressed on its own with gzip -6, as a server would send it; Pagefind's index files are already compressed).
- **1 article changed, serve mode**: ` + "`build.NewSession`" + ` over a private copy of the corpus, then one article edited at a time (a sentence added under "Cause", a different article each time) and ` + "`Session.Update`" + ` timed: parse, re-link, render and write every page it affects (files = pages written or removed per edit, on average). Hugo's server rebuild is not measured.
- The Hugo site is the same articles converted by kbbench (` + "`generator/cmd/kbbench/corpus.go`" + `): identical text, ` + "`kb:`" + ` and ` + "`.md`" + ` links rewritten to ` + "`/kb/<id>/`" + ` (empty link texts get the target's title, as kbsite renders them), title, description, date, tags (keywords), a products taxonomy and aliases (Hugo writes redirect pages for them, like kbsite). Its theme (` + "`bench/hugo`" + `) has one article layout (title, summary, body, taxonomy links), list pages for sections and taxonomies and no external assets; highlighting uses CSS classes like kbsite. Pagefind indexes the article body (` + "`data-pagefind-body`" + `). kbsite does more per build than this theme: backlinks, related articles, link and anchor checking, A-Z index, sitemap, feed, and its search index has typo tolerance, prefixes and excerpts for every record.
`)

	for _, r := range rs {
		if r.IncrMedian > 0 && r.IncrSearch != nil && !*r.IncrSearch {
			fmt.Fprintf(&b, "\nAt %s, serve mode's one-article rebuild wrote no file under `search/`: at this commit `Session.Update` does not update the search index (it is rebuilt by the next full build), so that figure excludes search indexing.\n", sizeName(r.N))
			break
		}
	}
	b.WriteString("\n## Targets\n\n")
	b.WriteString(targets(rs))

	b.WriteString("\n## Where the time goes\n\n")
	b.WriteString("kbsite's stages from `kbsite build -v` (median of the runs above; the rest of the wall time is process start, reading site.yaml and exit):\n\n")
	b.WriteString("| articles | ")
	var names []string
	for _, r := range rs {
		for _, s := range r.Stages {
			if !containsStr(names, s.Name) {
				names = append(names, s.Name)
			}
		}
	}
	for _, n := range names {
		b.WriteString(n + " | ")
	}
	b.WriteString("sum of stages | wall |\n|---:|")
	for range names {
		b.WriteString("---:|")
	}
	b.WriteString("---:|---:|\n")
	for _, r := range rs {
		if r.Runs == 0 {
			continue
		}
		tot := stageSum(r)
		fmt.Fprintf(&b, "| %s | ", sizeName(r.N))
		for _, n := range names {
			d := stage(r, n)
			fmt.Fprintf(&b, "%s (%.0f%%) | ", fmtDur(d), 100*float64(d)/float64(max(tot, 1)))
		}
		fmt.Fprintf(&b, "%s | %s |\n", fmtDur(tot), fmtDur(r.KbWall))
	}
	for _, r := range rs {
		if len(r.ProfileLines) > 0 {
			fmt.Fprintf(&b, "\nCPU profile of one in-process build of %s articles (`kbbench -profile %d`):\n\n```\n", sizeName(r.N), r.N)
			b.WriteString(strings.Join(r.ProfileLines, "\n"))
			b.WriteString("\n```\n")
		}
	}
	b.WriteString(extraNotes)

	if st := searchTable(rs); st != "" {
		b.WriteString("\n## Search: size, bytes per query and latency\n\n")
		b.WriteString("`make bench-search` (`kbbench -search`, `bench/search-bench.mjs`): each site is served on 127.0.0.1 by a static server that logs every response's size; headless Debian Chromium (playwright-core) opens a harness page on a fresh context (empty cache) per query and types each of the " + fmt.Sprint(queryCount(rs)) + " queries of `bench/queries.txt` one keystroke at a time. kbsite: the site's `search-engine.js` with `KBSearch.scriptLoader(root)` and `engine.search(text, {limit: 10})` (results with title, URL and excerpt); Pagefind: `pagefind.js` `search(text)` and `data()` of the top 10. Latency is measured inside the page from calling the engine to results ready. **first query** is everything the page fetched to answer the first keystroke, after the page itself and the scripts it loads up front (`search-engine.js`, about 21 KiB raw / 7 KiB gzip, for kbsite; `pagefind.js` for Pagefind, whose WebAssembly, entry and metadata files are fetched on the first search and so are counted); **next keystroke** is what each later keystroke fetched; **whole query typed** is the sum over a query's keystrokes; raw sizes and (gzip) sizes as a server would send them; medians over the queries.\n\n")
		b.WriteString(st)
		if gt := growthTable(rs); gt != "" {
			b.WriteString("\n### Per-query bytes as the corpus grows\n\n")
			b.WriteString("kbsite's index is split by a manifest into hashed shards of the term dictionary and postings and into per-article record files; a query loads the manifest, the shards its words route to and the records of the top results it shows, so what one query costs depends on the manifest and shard sizes rather than on the whole index. Same query list, kbsite only (gzip, engine script excluded):\n\n")
			b.WriteString(gt)
			b.WriteString(growthNote(rs))
		}
	}

	b.WriteString("\n## How to run\n\n")
	b.WriteString("```sh\nmake bench                      # 1k and 10k: builds, serve-mode edits, Hugo + Pagefind if installed\nmake bench PEERS=1              # installs Hugo (apt-get, else go install) and Pagefind (npm, bench/.peers) first\nmake bench SIZES=1k,10k,100k    # adds 100k (one run per tool)\nmake bench-search               # the same plus the browser search benchmark (Chromium)\nmake bench WRITE=BENCHMARKS.md  # also rewrites this file\n```\n\n")
	b.WriteString("Generated corpora and their Hugo conversions are cached in `$TMPDIR/kbbench/` by size and seed (delete the folder to regenerate); build outputs go to a temporary folder that is removed at the end. The 100k size is opt-in because one run of it (corpus generation the first time, kbsite, Hugo, Pagefind and a 100k serve session) takes a long time on a 2-core machine; see the 100k rows above when present.\n")
	return b.String()
}

// relevanceHeading starts the section that make relevance
// (bench/relevance.mjs) writes; kbbench keeps it when it rewrites the file.
const relevanceHeading = "## Search relevance"

// keepSection copies the section of old that starts with heading (up to
// the next "## " heading) into md, before its "## How to run".
func keepSection(md, old, heading string) string {
	i := strings.Index(old, "\n"+heading)
	if i < 0 || strings.Contains(md, "\n"+heading) {
		return md
	}
	sec := old[i+1:]
	if j := strings.Index(sec[len(heading):], "\n## "); j >= 0 {
		sec = sec[:len(heading)+j+1]
	}
	k := strings.Index(md, "\n## How to run")
	if k < 0 {
		return md + "\n" + sec
	}
	return md[:k+1] + sec + md[k+1:]
}

// extraNotes can be set by a build of kbbench for commentary; empty by default.
var extraNotes = ""

func queryCount(rs []*sizeResult) int {
	for _, r := range rs {
		if r.Search != nil {
			return r.Search.Queries
		}
	}
	return 0
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// growthNote compares the per-query bytes of the smallest and largest sizes.
func growthNote(rs []*sizeResult) string {
	var lo, hi *sizeResult
	for _, r := range rs {
		if r.Search == nil {
			continue
		}
		if lo == nil {
			lo = r
		}
		hi = r
	}
	if lo == nil || hi == lo || lo.Search.WholeGzMedian <= 0 {
		return ""
	}
	k := func(r *sizeResult, name string) float64 { return r.Search.WholeKindsGzMed[name] }
	return fmt.Sprintf("\nFrom %s to %s articles the index on disk grew %.0fx and the median bytes of one typed query %.1fx (manifest %.1fx, shards %.1fx, records %.1fx).\n",
		sizeName(lo.N), sizeName(hi.N), float64(hi.KbIndexGz)/float64(lo.KbIndexGz), hi.Search.WholeGzMedian/lo.Search.WholeGzMedian,
		k(hi, "manifest")/max(k(lo, "manifest"), 1), k(hi, "shards")/max(k(lo, "shards"), 1), k(hi, "records")/max(k(lo, "records"), 1))
}
