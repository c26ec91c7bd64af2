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
