package report

import (
	"fmt"
	"strings"
	"time"

	"kbsite/generator/internal/bench/measure"
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

// Table is the one results table (Markdown, readable as text too).
func Table(rs []*Size) string {
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

func find(rs []*Size, n int) *Size {
	for _, r := range rs {
		if r.N == n && r.Runs > 0 {
			return r
		}
	}
	return nil
}

func stageSum(r *Size) time.Duration {
	var t time.Duration
	for _, s := range r.Stages {
		t += s.D
	}
	return t
}

func stage(r *Size, name string) Stage {
	for _, s := range r.Stages {
		if s.Name == name {
			return s
		}
	}
	return Stage{}
}

func verdict(ok bool) string {
	if ok {
		return "**met**"
	}
	return "**NOT met**"
}

// Targets reports the targets against what was measured.
func Targets(rs []*Size) string {
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
	for _, r := range rs {
		if r.KbArticleGz > 0 {
			fmt.Fprintf(&b, "| %s: article page HTML + CSS + JS < %s gzip | %s (%s, the heaviest) | %s |\n", sizeName(r.N),
				fmtBytes(measure.ArticleBudget), fmtBytes(r.KbArticleGz), r.KbArticle, verdict(r.KbArticleGz < measure.ArticleBudget))
		}
	}
	for _, r := range rs {
		if r.Runs > 0 && r.KbRebuildWall > 0 {
			fmt.Fprintf(&b, "| %s: rebuild over an existing output <= fresh build + 10%% | %s vs %s = %s | %s |\n", sizeName(r.N),
				fmtDur(r.KbRebuildWall), fmtDur(r.KbWall), ratio(float64(r.KbRebuildWall), float64(r.KbWall)),
				verdict(r.KbRebuildWall*10 <= r.KbWall*11))
		}
	}
	if r10 != nil && r10.IncrMedian > 0 {
		fmt.Fprintf(&b, "| one changed article at 10k rebuilt and written < 100 ms | %s median of %d (max %s) | %s |\n",
			fmtDur(r10.IncrMedian), len(r10.Incr), fmtDur(measure.Max(r10.Incr)), verdict(r10.IncrMedian < 100*time.Millisecond))
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
	writeBuildLimits(&b, r10, r100)
	for _, r := range rs {
		if r.Runs == 0 {
			continue
		}
		// Search indexing is the analysis and writing the index files.
		an, files, tot := stage(r, "search").D, stage(r, "search files").D, stageSum(r)
		if s := an + files; tot > 0 {
			fmt.Fprintf(&b, "| %s: search indexing <= 1/3 of total build time | %s (analysis %s, writing %s) of %s (%.0f%%) | %s |\n", sizeName(r.N),
				fmtDur(s), fmtDur(an), fmtDur(files), fmtDur(tot), 100*float64(s)/float64(tot), verdict(3*s <= tot))
		}
	}
	return b.String()
}

// SearchTable is the browser search benchmark's results.
func SearchTable(rs []*Size) string {
	var b strings.Builder
	b.WriteString("| articles | engine | index on disk (gzip) | files | first query (gzip) | next keystroke median / p95 / max (gzip) | whole query typed, median (gzip) | latency median / p95 (all keystrokes) | first keystroke median | round trips per keystroke median / p95 / max | files per keystroke p95 | queries with no results |\n")
	b.WriteString("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	row := func(n int, name string, idx, idxGz int64, files int, s *Search) {
		// Pagefind's requests do not all show in the page's resource
		// timings, so its round trips are not counted.
		trips := fmt.Sprintf("%g / %g / %g", s.RoundsMedian, s.RoundsP95, s.RoundsMax)
		if name != "kbsite" {
			trips = "not measured"
		}
		fmt.Fprintf(&b, "| %s | %s | %s (%s) | %d | %s (%s) | %s / %s / %s | %s (%s) | %s / %s | %s | %s | %g | %d of %d |\n",
			sizeName(n), name, fmtBytes(idx), fmtBytes(idxGz), files,
			fmtBytes(int64(s.FirstRawMedian)), fmtBytes(int64(s.FirstGzMedian)),
			fmtBytes(int64(s.NextGzMedian)), fmtBytes(int64(s.NextGzP95)), fmtBytes(int64(s.NextGzMax)),
			fmtBytes(int64(s.WholeRawMedian)), fmtBytes(int64(s.WholeGzMedian)),
			fmtMs(s.LatMedian), fmtMs(s.LatP95), fmtMs(s.LatFirstMedian), trips, s.FilesP95,
			s.EmptyQueries, s.Queries)
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
func growthTable(rs []*Size) string {
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

// growthNote compares the per-query bytes of the smallest and largest sizes.
func growthNote(rs []*Size) string {
	var lo, hi *Size
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
	k := func(r *Size, name string) float64 { return r.Search.WholeKindsGzMed[name] }
	return fmt.Sprintf("\nFrom %s to %s articles the index on disk grew %.0fx and the median bytes of one typed query %.1fx (manifest %.1fx, shards %.1fx, records %.1fx).\n",
		sizeName(lo.N), sizeName(hi.N), float64(hi.KbIndexGz)/float64(lo.KbIndexGz), hi.Search.WholeGzMedian/lo.Search.WholeGzMedian,
		k(hi, "manifest")/max(k(lo, "manifest"), 1), k(hi, "shards")/max(k(lo, "shards"), 1), k(hi, "records")/max(k(lo, "records"), 1))
}

// writeBuildLimits adds the rows of issue 17's targets: builds at the
// machine's limit, serve mode and search at 100k.
func writeBuildLimits(b *strings.Builder, r10, r100 *Size) {
	row := func(target, measured string, ok bool) {
		fmt.Fprintf(b, "| %s | %s | %s |\n", target, measured, verdict(ok))
	}
	if r10 != nil && r10.Runs > 0 {
		row("10k fresh build <= 5 s wall", fmtDur(r10.KbWall), r10.KbWall <= 5*time.Second)
		row("10k fresh build <= 9 s CPU", fmtDur(r10.KbCPU), r10.KbCPU <= 9*time.Second)
		if r10.Peer != nil && r10.Peer.HugoWall > 0 {
			row("10k fresh build <= 0.15x Hugo alone", fmt.Sprintf("%s vs %s = %s", fmtDur(r10.KbWall), fmtDur(r10.Peer.HugoWall),
				ratio(float64(r10.KbWall), float64(r10.Peer.HugoWall))), r10.KbWall*100 <= r10.Peer.HugoWall*15)
		}
	}
	if r10 != nil && r10.Search != nil {
		row("10k p95 keystroke < 50 ms", fmtMs(r10.Search.LatP95), r10.Search.LatP95 < 50)
	}
	if r100 == nil || r100.Runs == 0 {
		return
	}
	row("100k full build <= 60 s", fmtDur(r100.KbWall), r100.KbWall <= time.Minute)
	row("100k peak RSS <= 1.5 GiB", fmtBytes(r100.KbRSS), r100.KbRSS <= 3<<29)
	if r100.IncrMedian > 0 {
		row("100k one changed article in serve mode < 100 ms", fmt.Sprintf("%s median of %d (max %s)", fmtDur(r100.IncrMedian),
			len(r100.Incr), fmtDur(measure.Max(r100.Incr))), r100.IncrMedian < 100*time.Millisecond)
	}
	if r100.Search != nil {
		row("100k whole typed query <= 100 KiB gzip", fmtBytes(int64(r100.Search.WholeGzMedian)), r100.Search.WholeGzMedian <= 100<<10)
	}
}
