package report

import (
	"strings"
	"testing"
	"time"
)

func TestCorporaTableJudgesTheSecond(t *testing.T) {
	got := CorporaTable([]Corpus{
		{Name: "wsl", Articles: 96, Runs: 2, Wall: 400 * time.Millisecond, Walls: []time.Duration{400 * time.Millisecond, 500 * time.Millisecond}},
		{Name: "kb-support", Articles: 302, Runs: 1, Wall: 1200 * time.Millisecond, Walls: []time.Duration{1200 * time.Millisecond}},
	})
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a header, a rule and 2 rows:\n%s", got)
	}
	if !strings.Contains(lines[2], "| wsl | 96 | 2 | 400 ms | 400 ms, 500 ms |") || !strings.HasSuffix(lines[2], "**met** |") {
		t.Errorf("wsl row: %s", lines[2])
	}
	if !strings.HasSuffix(lines[3], "**NOT met** |") {
		t.Errorf("kb-support row: %s", lines[3])
	}
	if CorporaTable(nil) != "" {
		t.Error("a table with no corpus")
	}
}

func TestBuildLimitRows(t *testing.T) {
	r10 := &Size{N: 10000, Runs: 3, KbWall: 4 * time.Second, KbCPU: 10 * time.Second,
		Peer: &Peer{HugoWall: 40 * time.Second}, Search: &Search{LatP95: 60}}
	r100 := &Size{N: 100000, Runs: 1, KbWall: 59 * time.Second, KbRSS: 2 << 30,
		IncrMedian: 90 * time.Millisecond, Incr: []time.Duration{90 * time.Millisecond},
		Search: &Search{WholeGzMedian: 99 << 10}}
	got := Targets([]*Size{r10, r100})
	for row, want := range map[string]string{
		"10k fresh build <= 5 s wall":                     "**met**",
		"10k fresh build <= 9 s CPU":                      "**NOT met**",
		"10k fresh build <= 0.15x Hugo alone":             "**met**",
		"10k p95 keystroke < 50 ms":                       "**NOT met**",
		"100k full build <= 60 s":                         "**met**",
		"100k peak RSS <= 1.5 GiB":                        "**NOT met**",
		"100k one changed article in serve mode < 100 ms": "**met**",
		"100k whole typed query <= 100 KiB gzip":          "**met**",
	} {
		line := ""
		for _, l := range strings.Split(got, "\n") {
			if strings.HasPrefix(l, "| "+row+" |") {
				line = l
			}
		}
		if !strings.HasSuffix(line, "| "+want+" |") {
			t.Errorf("row %q: %q, want %s", row, line, want)
		}
	}
}
