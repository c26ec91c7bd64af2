package report

import (
	"strings"
	"testing"
	"time"
)

func TestSaveAndMerge(t *testing.T) {
	cache := t.TempDir()
	old := &Size{N: 1000, Runs: 3, KbWall: 2 * time.Second}
	if err := Save(cache, 7, t.TempDir(), old); err != nil {
		t.Fatal(err)
	}
	now := []*Size{{N: 10000, Runs: 1}}
	got := Merge(cache, 7, now)
	if len(got) != 2 || got[0].N != 1000 || got[0].KbWall != 2*time.Second || got[1] != now[0] {
		t.Fatalf("Merge = %+v, want the saved 1000 first, then 10000", got)
	}
	// Not a git repository: the stamp says so rather than failing.
	if !strings.HasSuffix(got[0].From, " at commit unknown commit") {
		t.Errorf("From = %q", got[0].From)
	}
	if again := Merge(cache, 7, got); len(again) != 2 {
		t.Errorf("Merge added a size already present: %d results", len(again))
	}
	if other := Merge(cache, 8, nil); len(other) != 0 {
		t.Errorf("Merge took another seed's results: %+v", other)
	}
}

func TestTableAndMarkdown(t *testing.T) {
	rs := []*Size{{N: 10000, Runs: 3, KbWall: 1500 * time.Millisecond, KbRSS: 3 << 20, PeerNote: "not run (-peers=false)",
		Stages: []Stage{{"parse", 500 * time.Millisecond, 187}, {"search", 100 * time.Millisecond, 0}}}}
	table := Table(rs)
	for _, want := range []string{"| 10k | kbsite | 3 | 1500 ms |", "| 3.0 MiB |", "| 10k | Hugo + Pagefind | | not run (-peers=false) |"} {
		if !strings.Contains(table, want) {
			t.Errorf("Table lacks %q:\n%s", want, table)
		}
	}
	md := Markdown(Info{Repo: t.TempDir(), Seed: 1, Runs: 3, RunsLarge: 1, Took: time.Minute}, rs)
	for _, want := range []string{"# Benchmarks\n", "sizes 10k, seed 1, 3 runs per build (1 at 100k and above); the whole run took 1m0s.",
		"| articles | parse | search | sum of stages | wall |", "| 10k | 500 ms (83%, 187% cpu) | 100 ms (17%) | 600 ms | 1500 ms |",
		"## How to run"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	rs[0].KbRebuildWall = 1800 * time.Millisecond
	if want := "| 10k: rebuild over an existing output <= fresh build + 10% | 1800 ms vs 1500 ms = 1.20x | **NOT met** |"; !strings.Contains(Targets(rs), want) {
		t.Errorf("Targets lacks %q:\n%s", want, Targets(rs))
	}
	rs[0].KbArticle, rs[0].KbArticleGz = "kb/kb1.html", 30<<10
	if want := "| 10k: article page HTML + CSS + JS < 35.0 KiB gzip | 30.0 KiB (kb/kb1.html, the heaviest) | **met** |"; !strings.Contains(Targets(rs), want) {
		t.Errorf("Targets lacks %q:\n%s", want, Targets(rs))
	}
	if strings.Contains(md, "## Search") {
		t.Error("Markdown has a search section without search results")
	}
}
