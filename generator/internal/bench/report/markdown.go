package report

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
)

// Info is how the results were made, for the report's header.
type Info struct {
	Repo                         string // where the commit is read
	Seed                         uint64
	Runs, RunsLarge              int
	SavedOnly                    bool // no size was run now: every row is a saved earlier result
	HugoVersion, PagefindVersion string
	Took                         time.Duration
	Corpora                      []Corpus // the real corpora, when measured
}

// Markdown is the whole BENCHMARKS.md.
func Markdown(in Info, rs []*Size) string {
	var b strings.Builder
	writeHeader(&b, in, rs)
	b.WriteString("## Results\n\n")
	b.WriteString(Table(rs))
	for _, r := range rs {
		if r.From != "" {
			fmt.Fprintf(&b, "\nThe %s rows come from an earlier run (`kbbench -merge`): measured %s.\n", sizeName(r.N), r.From)
		}
	}
	b.WriteString(resultsNotes)
	for _, r := range rs {
		if r.IncrMedian > 0 && r.IncrSearch != nil && !*r.IncrSearch {
			fmt.Fprintf(&b, "\nAt %s, serve mode's one-article rebuild wrote no file under `search/`: at this commit `Session.Update` does not update the search index (it is rebuilt by the next full build), so that figure excludes search indexing.\n", sizeName(r.N))
			break
		}
	}
	b.WriteString("\n## Targets\n\n")
	b.WriteString(Targets(rs))
	if len(in.Corpora) > 0 {
		b.WriteString("\n" + CorporaHeading + "\n\n")
		b.WriteString(corporaNote)
		b.WriteString(CorporaTable(in.Corpora))
	}
	writeStages(&b, rs)
	writeSearch(&b, rs)
	b.WriteString(howToRun)
	return b.String()
}

func writeHeader(b *strings.Builder, in Info, rs []*Size) {
	var sizes []string
	for _, r := range rs {
		if r.Runs > 0 {
			sizes = append(sizes, sizeName(r.N))
		}
	}
	tookNote := "the whole run took " + in.Took.Round(time.Second).String()
	if in.SavedOnly {
		tookNote = "every row comes from a saved earlier run (see below)"
	}
	b.WriteString("# Benchmarks\n\n")
	b.WriteString("Written by `kbbench -write BENCHMARKS.md` (`make bench`; see [How to run](#how-to-run)); do not edit by hand, rerun instead, except \"Before and after\", which is written by hand and kept.\n\n")
	fmt.Fprintf(b, "Written on %s at commit %s; sizes %s, seed %d, %d runs per build (%d at 100k and above); %s.\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), commit(in.Repo), strings.Join(sizes, ", "), in.Seed, in.Runs, in.RunsLarge, tookNote)
	b.WriteString("## Machine\n\n" + machine())
	if in.HugoVersion != "" || in.PagefindVersion != "" {
		fmt.Fprintf(b, "- peers: %s; %s\n", in.HugoVersion, in.PagefindVersion)
	}
	b.WriteString("\nThe machine is shared and noisy: every figure is a median of several runs, and the tools are run interleaved (kbsite, Hugo, Pagefind, kbsite, ...) so that ratios compare runs made at the same time. Files are in the page cache (the corpus is generated once and reused, and read before each build). kbsite's rebuilds run after all fresh builds, and a fresh build waits until the file system has settled after kbbench's last mass deletion (`-settle`): on this machine's ext4, without a journal, creating files is several times slower for minutes after many were deleted.\n\n")
}

const resultsNotes = `
- **wall** is the child process's elapsed time; **CPU** is its user + system time (from the process state, children included); **peak RSS** is ` + "`Maxrss`" + ` (the largest over the runs); Hugo + Pagefind are two processes run one after the other: their times add up and the peak is the larger of the two.
- **output** is every file written; **search index** is kbsite's ` + "`search/`" + ` folder (manifest, shards, records, product lists) or Hugo's ` + "`public/pagefind/`" + ` (gzip: each file compressed on its own with gzip -6, as a server would send it; Pagefind's index files are already compressed).
- **1 article changed, serve mode**: ` + "`build.NewSession`" + ` over a private copy of the corpus, then one article edited at a time (a sentence added under "Cause", a different article each time) and ` + "`Session.Update`" + ` timed: parse, re-link, render and write every page it affects (files = pages written or removed per edit, on average). Hugo's server rebuild is not measured.
- The Hugo site is the same articles converted by kbbench (` + "`generator/internal/bench/peers/hugo.go`" + `): identical text, ` + "`kb:`" + ` and ` + "`.md`" + ` links rewritten to ` + "`/kb/<id>/`" + ` (empty link texts get the target's title, as kbsite renders them), title, description, date, tags (keywords), a products taxonomy and aliases (Hugo writes redirect pages for them, like kbsite). Its theme (` + "`bench/hugo`" + `) has one article layout (title, summary, body, taxonomy links), list pages for sections and taxonomies and no external assets; highlighting uses CSS classes like kbsite. Pagefind indexes the article body (` + "`data-pagefind-body`" + `). kbsite does more per build than this theme: backlinks, related articles, link and anchor checking, A-Z index, sitemap, feed, and its search index has typo tolerance, prefixes and excerpts for every record.
`

// writeStages writes kbsite's stage times and the CPU profiles.
func writeStages(b *strings.Builder, rs []*Size) {
	b.WriteString("\n## Where the time goes\n\n")
	b.WriteString("kbsite's stages from `kbsite build -v` (median of the runs above, with the share of the sum and the CPU utilisation: 200% is both cores busy; the rest of the wall time is process start, reading site.yaml and exit):\n\n")
	b.WriteString("| articles | ")
	var names []string
	for _, r := range rs {
		for _, s := range r.Stages {
			if !slices.Contains(names, s.Name) {
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
		fmt.Fprintf(b, "| %s | ", sizeName(r.N))
		for _, n := range names {
			st := stage(r, n)
			fmt.Fprintf(b, "%s (%.0f%%", fmtDur(st.D), 100*float64(st.D)/float64(max(tot, 1)))
			if st.CPU > 0 {
				fmt.Fprintf(b, ", %d%% cpu", st.CPU)
			}
			b.WriteString(") | ")
		}
		fmt.Fprintf(b, "%s | %s |\n", fmtDur(tot), fmtDur(r.KbWall))
	}
	for _, r := range rs {
		if len(r.ProfileLines) > 0 {
			fmt.Fprintf(b, "\nCPU profile of one in-process build of %s articles (`kbbench -profile %d`):\n\n```\n", sizeName(r.N), r.N)
			b.WriteString(strings.Join(r.ProfileLines, "\n"))
			b.WriteString("\n```\n")
		}
	}
}

// writeSearch writes the browser search benchmark's section, if it ran.
func writeSearch(b *strings.Builder, rs []*Size) {
	st := SearchTable(rs)
	if st == "" {
		return
	}
	b.WriteString("\n## Search: size, bytes per query and latency\n\n")
	b.WriteString("`make bench-search` (`kbbench -search`, `bench/search-bench.mjs`): each site is served on 127.0.0.1 by a static server that logs every response's size; headless Debian Chromium, started with no driver attached (a DevTools session, as playwright-core's, adds about 0.7 ms to each request in the page), opens a harness page of its own (new engine, empty cache: the server forbids caching) per query and types each of the " + fmt.Sprint(queryCount(rs)) + " queries of `bench/queries.txt` one keystroke at a time. kbsite: the site's `search-engine.js` with `KBSearch.scriptLoader(root)` and `engine.search(text, {limit: 10})` (results with title, URL and excerpt); Pagefind: `pagefind.js` `search(text)` and `data()` of the top 10. Latency is measured inside the page from calling the engine to results ready. **round trips** are, per keystroke, the longest chain of its requests in which each started after the one before had ended (from the page's resource timings): what a keystroke waits for on a network with a real round-trip time, where this machine's loopback hides it. Pagefind's are not counted, as its requests do not all show in the page's timings; **files per keystroke** come from the server's log for both. **first query** is everything the page fetched to answer the first keystroke, after the page itself and the scripts it loads up front (`search-engine.js`, about 21 KiB raw / 7 KiB gzip, for kbsite; `pagefind.js` for Pagefind, whose WebAssembly, entry and metadata files are fetched on the first search and so are counted); **next keystroke** is what each later keystroke fetched; **whole query typed** is the sum over a query's keystrokes; raw sizes and (gzip) sizes as a server would send them; medians over the queries.\n\n")
	b.WriteString(st)
	if gt := growthTable(rs); gt != "" {
		b.WriteString("\n### Per-query bytes as the corpus grows\n\n")
		b.WriteString("kbsite's index is split by a manifest into hashed shards of the term dictionary and postings and into per-article record files; a query loads the manifest, the shards its words route to and the records of the top results it shows, so what one query costs depends on the manifest and shard sizes rather than on the whole index. Same query list, kbsite only (gzip, engine script excluded):\n\n")
		b.WriteString(gt)
		b.WriteString(growthNote(rs))
	}
}

const howToRun = "\n## How to run\n\n" +
	"```sh\nmake bench                      # 1k and 10k: builds, serve-mode edits, Hugo + Pagefind if installed\nmake bench PEERS=1              # installs Hugo (apt-get, else go install) and Pagefind (npm, bench/.peers) first\nmake bench SIZES=1k,10k,100k    # adds 100k (one run per tool)\nmake bench-search               # the same plus the browser search benchmark (Chromium)\nmake bench WRITE=BENCHMARKS.md  # also rewrites this file\n```\n\n" +
	"Generated corpora and their Hugo conversions are cached in `$TMPDIR/kbbench/` by size and seed (delete the folder to regenerate); build outputs go to a temporary folder that is removed at the end. The 100k size is opt-in because one run of it (corpus generation the first time, kbsite, Hugo, Pagefind and a 100k serve session) takes a long time on a 2-core machine; see the 100k rows above when present.\n"

func queryCount(rs []*Size) int {
	for _, r := range rs {
		if r.Search != nil {
			return r.Search.Queries
		}
	}
	return 0
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
		if len(l) > 3 && strings.HasSuffix(l, ".go") && !strings.Contains(l, "cmd/kbbench/") && !strings.Contains(l, "internal/bench/") {
			gofiles = append(gofiles, strings.TrimSpace(l[3:]))
		}
	}
	if len(gofiles) > 0 {
		sort.Strings(gofiles)
		s += " with uncommitted changes (Go: " + strings.Join(gofiles, ", ") + ")"
	}
	return s
}
